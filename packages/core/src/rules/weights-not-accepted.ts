import { CONVENTION } from '../conventions.js';
import { checkableFunctions, metricNames, packageMetrics } from '../analysis/metrics.js';
import { defineRule } from './rule.js';

const metadata = (useWeights: boolean) =>
  `metrics:\n  - name: weighted_mae\n    label: Weighted MAE\n    entryPoint: weighted_mae\n    primaryMetric: true\n    useWeights: ${useWeights}\n`;
const code = (params: string, weights: string) =>
  `import numpy as np\n\n\ndef weighted_mae(${params}) -> float:\n` +
  `    return float(np.average(np.abs(np.asarray(y_true) - np.asarray(y_pred)), weights=${weights}))\n`;

/** CSM412: `useWeights: true`, but the function cannot receive `sample_weight`. */
export const rule = defineRule({
  id: 'CSM412',
  name: 'weights-not-accepted',
  severity: 'error',
  fixable: false,
  group: 'python',
  docs: {
    summary: 'A metric sets `useWeights: true`, but its function has neither a `sample_weight` parameter nor `**kwargs`.',
    why: 'With `useWeights: true` the server passes the row weights as `sample_weight=...`; a function that does not accept it raises `TypeError` on every call.',
    bad: { 'metadata.yaml': metadata(true), 'custom_metrics.py': code('y_true, y_pred', 'None') },
    good: { 'metadata.yaml': metadata(true), 'custom_metrics.py': code('y_true, y_pred, sample_weight=None, **kwargs', 'sample_weight') },
    fix: 'Add a `sample_weight=None` parameter (and use it), or set `useWeights: false`.',
  },
  messages: {
    notAccepted: '`{{function}}` does not accept `sample_weight`, but `useWeights: true` makes the server pass it (for {{metrics}}); add a `sample_weight=None` parameter.',
  },
  check({ pkg, report }) {
    const pm = packageMetrics(pkg);
    if (!pm) return;
    for (const { fn, metrics } of checkableFunctions(pm)) {
      const weighted = metrics.filter((m) => m.useWeights);
      if (weighted.length === 0) continue;
      const accepts = fn.params.some((p) => p.kind === 'var-keyword' || (p.name === CONVENTION.weights && (p.kind === 'positional' || p.kind === 'keyword-only')));
      if (accepts) continue;
      report({
        file: pm.codeFile.path,
        range: fn.nameRange,
        messageId: 'notAccepted',
        data: { function: fn.name, metrics: metricNames(weighted) },
        related: weighted.flatMap((m) => m.useWeightsField
          ? [{ file: pm.metadataFile.path, range: m.useWeightsField.valueRange, message: '`useWeights: true` is set here' }]
          : []),
      });
    }
  },
});
