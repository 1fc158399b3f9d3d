import { acceptsTwoPositional, checkableFunctions, declaredHere, isPositional, packageMetrics } from '../analysis/metrics.js';
import { defineRule } from './rule.js';

const METADATA = 'metrics:\n  - name: mean_error\n    label: Mean error\n    entryPoint: mean_error\n    primaryMetric: true\n';
const BODY = '    return sum(t - p for t, p in zip(y_true, y_pred)) / len(y_true)\n';

/** CSM410: a metric's function cannot take the two positional arguments it is called with. */
export const rule = defineRule({
  id: 'CSM410',
  name: 'too-few-parameters',
  severity: 'error',
  fixable: false,
  group: 'python',
  docs: {
    summary: 'A metric\'s function accepts fewer than two positional arguments.',
    why: 'The server calls every metric as `fn(y_true, y_pred, ...)`: actual values first, predictions second. A function with fewer positional parameters raises `TypeError` on every call.',
    bad: { 'metadata.yaml': METADATA, 'custom_metrics.py': `def mean_error(y_true, *, y_pred, **kwargs) -> float:\n${BODY}` },
    good: { 'metadata.yaml': METADATA, 'custom_metrics.py': `def mean_error(y_true, y_pred, **kwargs) -> float:\n${BODY}` },
    fix: 'Declare the function as `def name(y_true, y_pred, **kwargs)`.',
  },
  messages: {
    tooFew: '`{{function}}` accepts {{accepts}}, but metrics are called as `{{function}}(y_true, y_pred, ...)`; declare both `y_true` and `y_pred` as positional parameters.',
  },
  check({ pkg, report }) {
    const pm = packageMetrics(pkg);
    if (!pm) return;
    for (const { fn, metrics } of checkableFunctions(pm)) {
      if (acceptsTwoPositional(fn)) continue;
      const count = fn.params.filter(isPositional).length;
      const accepts = count === 0 ? 'no positional argument' : 'only one positional argument';
      report({ file: pm.codeFile.path, range: fn.nameRange, messageId: 'tooFew', data: { function: fn.name, count, accepts }, related: declaredHere(pm, metrics) });
    }
  },
});
