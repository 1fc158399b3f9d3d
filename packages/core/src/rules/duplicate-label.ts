import { checkedMetadata } from '../analysis/checked-metadata.js';
import { duplicateValues } from '../analysis/metric-groups.js';
import { defineRule } from './rule.js';

const CODE = 'def rmse(y_true, y_pred, **kwargs) -> float:\n    return (sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true)) ** 0.5\n\n\ndef mae(y_true, y_pred, **kwargs) -> float:\n    return sum(abs(t - p) for t, p in zip(y_true, y_pred)) / len(y_true)\n';
const metadata = (second: string) =>
  `metrics:\n  - name: rmse\n    label: Error\n    entryPoint: rmse\n    primaryMetric: true\n  - name: mae\n    label: ${second}\n    entryPoint: mae\n    primaryMetric: false\n`;

/** CSM302: two metrics have the same `label`. */
export const rule = defineRule({
  id: 'CSM302',
  name: 'duplicate-label',
  severity: 'warning',
  fixable: false,
  group: 'metric',
  docs: {
    summary: 'Two or more metrics have the same `label`.',
    why: 'The label is what users see in the metrics list of the UI; two metrics with one label cannot be told apart there.',
    bad: { 'metadata.yaml': metadata('Error'), 'custom_metrics.py': CODE },
    good: { 'metadata.yaml': metadata('Mean absolute error'), 'custom_metrics.py': CODE },
    fix: 'Give each metric a label that says what it measures.',
  },
  messages: {
    duplicate: 'The label `{{label}}` is already used by another metric; give each metric its own label so users can tell them apart.',
  },
  check({ pkg, report }) {
    const checked = checkedMetadata(pkg);
    if (!checked) return;
    for (const finding of duplicateValues(checked.model.metrics, 'label')) {
      report({
        file: checked.file.path, range: finding.range, messageId: 'duplicate', data: { label: finding.value },
        related: finding.others.map((range) => ({ file: checked.file.path, range, message: `\`${finding.value}\` is also the label here` })),
      });
    }
  },
});
