import { checkedMetadata } from '../analysis/checked-metadata.js';
import { replaceFix } from '../analysis/yaml-edits.js';
import { SNAKE_CASE_ALIASES } from '../conventions.js';
import { defineRule } from './rule.js';

const CODE = 'import math\n\n\ndef rmse(y_true, y_pred, **kwargs) -> float:\n    return math.sqrt(sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true))\n';
const metadata = (key: string) => `metrics:\n  - name: rmse\n    label: RMSE\n    ${key}: rmse\n    primaryMetric: true\n`;
const ALIASES = Object.keys(SNAKE_CASE_ALIASES).map((k) => `\`${k}\``).join(', ');

/** CSM213: a metric field is spelt in snake_case (`entry_point`) instead of camelCase. */
export const rule = defineRule({
  id: 'CSM213',
  name: 'snake-case-field',
  severity: 'warning',
  fixable: true,
  group: 'metric',
  docs: {
    summary: `A metric field is written in snake_case (${ALIASES}) instead of camelCase.`,
    why: 'The SDK\'s Python attributes are snake_case, but the metadata file uses the API\'s camelCase keys like every other DataRobot YAML format. A server that reads camelCase ignores the snake_case key, and the field falls back to its default or goes missing. csmlint reads it as the camelCase field meanwhile.',
    bad: { 'metadata.yaml': metadata('entry_point'), 'custom_metrics.py': CODE },
    good: { 'metadata.yaml': metadata('entryPoint'), 'custom_metrics.py': CODE },
    fix: 'Rename the key to camelCase (`entry_point` → `entryPoint`); `csmlint --fix` does it.',
  },
  messages: {
    snakeCase: '`{{key}}` is the SDK\'s Python spelling; metadata keys are camelCase: write `{{field}}`.',
    duplicate: '`{{key}}` repeats `{{field}}` in its snake_case spelling; remove it.',
  },
  check({ pkg, report }) {
    const checked = checkedMetadata(pkg);
    if (!checked) return;
    const seen = new Set<unknown>();
    for (const entry of checked.model.metrics) {
      const camelKeys = new Set(entry.fields.filter((f) => !f.isSnakeAlias).map((f) => f.key));
      for (const f of entry.fields) {
        if (!f.isSnakeAlias || !f.field || seen.has(f.pair)) continue;
        seen.add(f.pair);
        const data = { key: f.key, field: f.field };
        if (camelKeys.has(f.field)) {
          report({ file: checked.file.path, range: f.keyRange, messageId: 'duplicate', data });
        } else {
          const fix = replaceFix(checked.file, f.keyRange, f.field, `Rename to \`${f.field}\``);
          report({ file: checked.file.path, range: f.keyRange, messageId: 'snakeCase', data, fix });
        }
      }
    }
  },
});
