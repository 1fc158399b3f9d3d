import { checkedMetadata } from '../analysis/checked-metadata.js';
import { parseEntryPoint } from '../analysis/entry-point.js';
import { replaceFix, yamlString } from '../analysis/yaml-edits.js';
import { getField, stringValue } from '../yaml/metadata-model.js';
import { defineRule } from './rule.js';

const metadata = (entryPoint: string) => `metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: ${entryPoint}\n    primaryMetric: true\n`;
const CODE = 'def rmse(y_true, y_pred, **kwargs) -> float:\n    return (sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true)) ** 0.5\n';

/** CSM306: an `entryPoint` qualified with the module (`custom_metrics.fn`) where the bare name is preferred. */
export const rule = defineRule({
  id: 'CSM306',
  name: 'qualified-entry-point',
  severity: 'info',
  fixable: true,
  group: 'metric',
  docs: {
    summary: 'An `entryPoint` is qualified with the module (`custom_metrics.fn`, `custom_metrics:fn`, `custom_metrics.py:fn`) instead of the bare function name.',
    why: 'All these forms name the same function, but the API describes `entryPoint` as the function, and the bare name is the form every tool reads the same way (and that `name` should equal).',
    bad: { 'metadata.yaml': metadata('custom_metrics.rmse'), 'custom_metrics.py': CODE },
    good: { 'metadata.yaml': metadata('rmse'), 'custom_metrics.py': CODE },
    fix: 'Write the bare function name; `csmlint --fix` does it.',
  },
  messages: {
    qualified: '`entryPoint` `{{value}}` is qualified with `{{prefix}}`; write the bare function name `{{function}}`.',
  },
  check({ pkg, report }) {
    const checked = checkedMetadata(pkg);
    if (!checked) return;
    for (const entry of checked.model.metrics) {
      const value = stringValue(entry, 'entryPoint');
      const form = value === undefined ? undefined : parseEntryPoint(value);
      if (form?.kind !== 'qualified') continue;
      const range = getField(entry, 'entryPoint')!.valueRange;
      report({
        file: checked.file.path, range, messageId: 'qualified',
        data: { value: value!, prefix: form.prefix, function: form.functionName },
        fix: replaceFix(checked.file, range, yamlString(form.functionName), `Write \`${form.functionName}\``),
      });
    }
  },
});
