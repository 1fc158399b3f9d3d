import { checkedMetadata } from '../analysis/checked-metadata.js';
import { duplicateValues } from '../analysis/metric-groups.js';
import { defineRule } from './rule.js';

const CODE = 'def rmse(y_true, y_pred, **kwargs) -> float:\n    return (sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true)) ** 0.5\n\n\ndef mae(y_true, y_pred, **kwargs) -> float:\n    return sum(abs(t - p) for t, p in zip(y_true, y_pred)) / len(y_true)\n';
const metadata = (second: string) =>
  `metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: true\n  - name: ${second}\n    label: MAE\n    entryPoint: mae\n    primaryMetric: false\n`;

/** CSM301: two metrics have the same `name`. */
export const rule = defineRule({
  id: 'CSM301',
  name: 'duplicate-metric-name',
  severity: 'error',
  fixable: false,
  group: 'metric',
  docs: {
    summary: 'Two or more metrics have the same `name`.',
    why: 'A metric\'s `name` identifies it and its Python function; with two metrics of one name, one overwrites the other and one function is never called.',
    bad: { 'metadata.yaml': metadata('rmse'), 'custom_metrics.py': CODE },
    good: { 'metadata.yaml': metadata('mae'), 'custom_metrics.py': CODE },
    fix: 'Give each metric the name of its own function, or delete the repeated metric.',
  },
  messages: {
    duplicate: 'The name `{{name}}` is already used by another metric; give each metric the name of its own function.',
  },
  check({ pkg, report }) {
    const checked = checkedMetadata(pkg);
    if (!checked) return;
    for (const finding of duplicateValues(checked.model.metrics, 'name')) {
      report({
        file: checked.file.path, range: finding.range, messageId: 'duplicate', data: { name: finding.value },
        related: finding.others.map((range) => ({ file: checked.file.path, range, message: `\`${finding.value}\` is also the name here` })),
      });
    }
  },
});
