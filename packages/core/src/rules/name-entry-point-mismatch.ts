import { checkedMetadata } from '../analysis/checked-metadata.js';
import { entryPointFunction } from '../analysis/entry-point.js';
import { isValidMetricName } from '../analysis/metric-name.js';
import { replaceFix, yamlString } from '../analysis/yaml-edits.js';
import { getField, stringValue } from '../yaml/metadata-model.js';
import { defineRule } from './rule.js';

const metadata = (name: string) => `metrics:\n  - name: ${name}\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: true\n`;
const CODE = 'def rmse(y_true, y_pred, **kwargs) -> float:\n    return (sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true)) ** 0.5\n';

/** CSM307: a metric's `name` differs from the function its `entryPoint` names. */
export const rule = defineRule({
  id: 'CSM307',
  name: 'name-entry-point-mismatch',
  severity: 'warning',
  fixable: false,
  group: 'metric',
  docs: {
    summary: 'A metric\'s `name` differs from the function its `entryPoint` names.',
    why: 'The API says `name` "must match the Python code function name": a server that calls the function by `name` does not find it. Keep the display text in `label`.',
    bad: { 'metadata.yaml': metadata('root_mean_squared_error'), 'custom_metrics.py': CODE },
    good: { 'metadata.yaml': metadata('rmse'), 'custom_metrics.py': CODE },
    fix: 'Make `name` and `entryPoint` the same function name (the editor offers either change).',
  },
  messages: {
    mismatch: '`name` `{{name}}` differs from its `entryPoint` function `{{function}}`; the API says `name` must be the function\'s name: make them the same.',
  },
  check({ pkg, report }) {
    const checked = checkedMetadata(pkg);
    if (!checked) return;
    for (const entry of checked.model.metrics) {
      const name = stringValue(entry, 'name');
      const fn = entryPointFunction(stringValue(entry, 'entryPoint') ?? '');
      if (name === undefined || fn === undefined || name === fn || !isValidMetricName(name)) continue;
      const nameRange = getField(entry, 'name')!.valueRange;
      const entryPointRange = getField(entry, 'entryPoint')!.valueRange;
      report({
        file: checked.file.path, range: nameRange, messageId: 'mismatch', data: { name, function: fn },
        related: [{ file: checked.file.path, range: entryPointRange, message: `\`entryPoint\` names \`${fn}\`` }],
        suggestions: [
          replaceFix(checked.file, nameRange, yamlString(fn), `Change \`name\` to \`${fn}\``),
          replaceFix(checked.file, entryPointRange, yamlString(name), `Change \`entryPoint\` to \`${name}\``),
        ],
      });
    }
  },
});
