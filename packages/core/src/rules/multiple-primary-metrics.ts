import { checkedMetadata, describeMetric } from '../analysis/checked-metadata.js';
import { MAX_RELATED_LOCATIONS } from '../conventions.js';
import { primaryMetrics } from '../analysis/metric-groups.js';
import { replaceFix } from '../analysis/yaml-edits.js';
import { getField } from '../yaml/metadata-model.js';
import { defineRule } from './rule.js';

const CODE = 'def rmse(y_true, y_pred, **kwargs) -> float:\n    return (sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true)) ** 0.5\n\n\ndef mae(y_true, y_pred, **kwargs) -> float:\n    return sum(abs(t - p) for t, p in zip(y_true, y_pred)) / len(y_true)\n';
const metadata = (second: string) =>
  `metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: true\n  - name: mae\n    label: MAE\n    entryPoint: mae\n    primaryMetric: ${second}\n`;

/** CSM304: several metrics have `primaryMetric: true`. */
export const rule = defineRule({
  id: 'CSM304',
  name: 'multiple-primary-metrics',
  severity: 'error',
  fixable: false,
  group: 'metric',
  docs: {
    summary: 'More than one metric has `primaryMetric: true` (YAML 1.1 words such as `yes` count as true).',
    why: 'The primary metric is the single objective of the project\'s grid search; with several, the server cannot tell which one to optimize.',
    bad: { 'metadata.yaml': metadata('true'), 'custom_metrics.py': CODE },
    good: { 'metadata.yaml': metadata('false'), 'custom_metrics.py': CODE },
    fix: 'Keep `primaryMetric: true` on one metric and set it to `false` on the others.',
  },
  messages: {
    several: '{{count}} metrics have `primaryMetric: true`; keep it on the one grid search should optimize and set the others to `false`.',
  },
  check({ pkg, report }) {
    const checked = checkedMetadata(pkg);
    if (!checked) return;
    const { primary } = primaryMetrics(checked.model.metrics);
    if (primary.length < 2) return;
    const values = primary.map((entry) => ({ entry, range: getField(entry, 'primaryMetric')!.valueRange }));
    for (const { entry, range } of values) {
      report({
        file: checked.file.path, range, messageId: 'several', data: { count: primary.length },
        related: values.slice(0, MAX_RELATED_LOCATIONS + 1).filter((v) => v.entry !== entry).slice(0, MAX_RELATED_LOCATIONS).map((v) => ({ file: checked.file.path, range: v.range, message: '`primaryMetric` is true here too' })),
        suggestions: [replaceFix(checked.file, range, 'false', `Make ${describeMetric(entry)} not primary`)],
      });
    }
  },
});
