import { checkedMetadata, describeMetric } from '../analysis/checked-metadata.js';
import { primaryMetrics } from '../analysis/metric-groups.js';
import { replaceFix } from '../analysis/yaml-edits.js';
import { getField } from '../yaml/metadata-model.js';
import { defineRule } from './rule.js';

const CODE = 'def rmse(y_true, y_pred, **kwargs) -> float:\n    return (sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true)) ** 0.5\n\n\ndef mae(y_true, y_pred, **kwargs) -> float:\n    return sum(abs(t - p) for t, p in zip(y_true, y_pred)) / len(y_true)\n';
const metadata = (first: string) =>
  `metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: ${first}\n  - name: mae\n    label: MAE\n    entryPoint: mae\n    primaryMetric: false\n`;

/** CSM303: no metric has `primaryMetric: true`. */
export const rule = defineRule({
  id: 'CSM303',
  name: 'no-primary-metric',
  severity: 'error',
  fixable: false,
  group: 'metric',
  docs: {
    summary: 'No metric has `primaryMetric: true`.',
    why: 'The primary metric is the objective of the project\'s grid search (hyperparameter tuning); a version needs exactly one.',
    bad: { 'metadata.yaml': metadata('false'), 'custom_metrics.py': CODE },
    good: { 'metadata.yaml': metadata('true'), 'custom_metrics.py': CODE },
    fix: 'Set `primaryMetric: true` on the one metric grid search should optimize; the editor offers it for each metric.',
  },
  messages: {
    none: 'No metric has `primaryMetric: true`; set it on the one metric grid search should optimize.',
  },
  check({ pkg, report }) {
    const checked = checkedMetadata(pkg);
    if (!checked?.model.metricsKeyRange || checked.model.metrics.length === 0) return;
    const { primary, notPrimary, undecided } = primaryMetrics(checked.model.metrics);
    if (primary.length > 0 || undecided) return;
    const values = notPrimary.map((entry) => ({ entry, range: getField(entry, 'primaryMetric')!.valueRange }));
    report({
      file: checked.file.path, range: checked.model.metricsKeyRange, messageId: 'none',
      related: values.map(({ range }) => ({ file: checked.file.path, range, message: '`primaryMetric` is false here' })),
      suggestions: values.map(({ entry, range }) => replaceFix(checked.file, range, 'true', `Make ${describeMetric(entry)} primary`)),
    });
  },
});
