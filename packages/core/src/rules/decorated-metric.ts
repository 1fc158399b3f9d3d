import { declaredHere, metricsByFunction, packageMetrics } from '../analysis/metrics.js';
import { defineRule } from './rule.js';

const METADATA = 'metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: true\n';
const BODY =
  'def rmse(y_true, y_pred, **kwargs) -> float:\n' +
  '    return (sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true)) ** 0.5\n';

/** CSM415: a metric's function is decorated, so its signature cannot be checked. */
export const rule = defineRule({
  id: 'CSM415',
  name: 'decorated-metric',
  severity: 'info',
  fixable: false,
  group: 'python',
  docs: {
    summary: 'A metric\'s function is decorated; csmlint skips its signature and return checks.',
    why: 'A decorator can replace the function with one that takes other arguments or returns something else, so what the server calls is not what the `def` says. The checks that read the `def` would be guesses.',
    bad: { 'metadata.yaml': METADATA, 'custom_metrics.py': `import functools\n\n\n@functools.lru_cache(maxsize=None)\n${BODY}` },
    good: { 'metadata.yaml': METADATA, 'custom_metrics.py': BODY },
    fix: 'Keep the metric undecorated and call the decorated helper from it, or make sure the decorated function still takes `(y_true, y_pred, ...)` and returns a number.',
  },
  messages: {
    decorated: '`{{function}}` is decorated with `@{{decorator}}`, so its signature and return value are not checked; make sure the decorated function still takes `(y_true, y_pred, ...)` and returns a number.',
  },
  check({ pkg, report }) {
    const pm = packageMetrics(pkg);
    if (!pm) return;
    for (const [fn, metrics] of metricsByFunction(pm.metrics)) {
      const decorator = fn.decorators[0];
      if (decorator === undefined) continue;
      report({ file: pm.codeFile.path, range: fn.nameRange, messageId: 'decorated', data: { function: fn.name, decorator }, related: declaredHere(pm, metrics) });
    }
  },
});
