import { CONVENTION } from '../conventions.js';
import { checkableFunctions, metricNames, packageMetrics } from '../analysis/metrics.js';
import { defineRule } from './rule.js';

const metadata = (weights: string) =>
  `metrics:\n  - name: weighted_mae\n    label: Weighted MAE\n    entryPoint: weighted_mae\n    primaryMetric: true\n${weights}`;
const CODE =
  'import numpy as np\n\n\ndef weighted_mae(y_true, y_pred, sample_weight=None, **kwargs) -> float:\n' +
  '    return float(np.average(np.abs(np.asarray(y_true) - np.asarray(y_pred)), weights=sample_weight))\n';

/** CSM413: the function takes `sample_weight`, but no metric using it sets `useWeights: true`. */
export const rule = defineRule({
  id: 'CSM413',
  name: 'weights-not-passed',
  severity: 'info',
  fixable: false,
  group: 'python',
  docs: {
    summary: 'A metric\'s function takes a `sample_weight` parameter, but the metric does not set `useWeights: true`.',
    why: 'Without `useWeights: true` the server never passes row weights: `sample_weight` keeps its default, and a metric written to be weighted silently scores unweighted.',
    bad: { 'metadata.yaml': metadata(''), 'custom_metrics.py': CODE },
    good: { 'metadata.yaml': metadata('    useWeights: true\n'), 'custom_metrics.py': CODE },
    fix: 'Set `useWeights: true` on the metric, or remove the `sample_weight` parameter if the metric is not weighted.',
  },
  messages: {
    notPassed: '`{{function}}` takes `sample_weight`, but `useWeights` is not `true` for {{metrics}}, so no weights are passed; set `useWeights: true` or drop the parameter.',
  },
  check({ pkg, report }) {
    const pm = packageMetrics(pkg);
    if (!pm) return;
    for (const { fn, metrics } of checkableFunctions(pm)) {
      const param = fn.params.find((p) => p.name === CONVENTION.weights && p.kind !== 'var-positional' && p.kind !== 'var-keyword');
      // A required `sample_weight` without weights is CSM411's finding.
      if (!param || !param.hasDefault || metrics.some((m) => m.useWeights)) continue;
      report({
        file: pm.codeFile.path,
        range: param.range,
        messageId: 'notPassed',
        data: { function: fn.name, metrics: metricNames(metrics) },
        related: metrics.flatMap((m) => {
          const at = m.useWeightsField ?? m.primary?.entry;
          const message = m.useWeightsField ? '`useWeights` is not `true` here' : `\`${m.name ?? fn.name}\` does not set \`useWeights\``;
          return at ? [{ file: pm.metadataFile.path, range: at.valueRange, message }] : [];
        }),
      });
    }
  },
});
