import { packageMetrics } from '../analysis/metrics.js';
import { defineRule } from './rule.js';

const METADATA = 'metrics:\n  - name: mae\n    label: MAE\n    entryPoint: mae\n    primaryMetric: true\n';

/** CSM405: a metric's function is defined more than once at top level. */
export const rule = defineRule({
  id: 'CSM405',
  name: 'redefined-function',
  severity: 'warning',
  fixable: false,
  group: 'python',
  docs: {
    summary: 'A metric\'s function is defined twice (or more) at the top level of `custom_metrics.py`; the last definition wins.',
    why: 'Python keeps only the last `def`: the earlier one is dead code, and edits made to it (often the one you are looking at) have no effect on the metric.',
    bad: {
      'metadata.yaml': METADATA,
      'custom_metrics.py':
        'def mae(y_true, y_pred, **kwargs) -> float:\n    return sum(abs(t - p) for t, p in zip(y_true, y_pred)) / len(y_true)\n\n\n' +
        'def mae(y_true, y_pred, **kwargs) -> float:\n    return max(abs(t - p) for t, p in zip(y_true, y_pred))\n',
    },
    good: {
      'metadata.yaml': METADATA,
      'custom_metrics.py':
        'def mae(y_true, y_pred, **kwargs) -> float:\n    return sum(abs(t - p) for t, p in zip(y_true, y_pred)) / len(y_true)\n\n\n' +
        'def _max_error(y_true, y_pred) -> float:\n    return max(abs(t - p) for t, p in zip(y_true, y_pred))\n',
    },
    fix: 'Delete the definition you do not want, or rename one of them.',
  },
  messages: {
    redefined: '`{{function}}` is defined {{count}} times in custom_metrics.py and only this last definition is used; remove or rename the earlier one.',
  },
  check({ pkg, report }) {
    const pm = packageMetrics(pkg);
    if (!pm) return;
    const reported = new Set<string>();
    for (const facts of pm.metrics) {
      const reference = facts.primary;
      if (!reference || reference.resolution.kind !== 'bound' || reported.has(reference.functionName)) continue;
      const defs = reference.resolution.bindings.filter((b) => b.kind === 'def' && !b.conditional);
      const last = defs[defs.length - 1];
      if (defs.length < 2 || !last || reference.resolution.binding !== last) continue;
      reported.add(reference.functionName);
      report({
        file: pm.codeFile.path,
        range: last.range,
        messageId: 'redefined',
        data: { function: reference.functionName, count: defs.length },
        related: defs.slice(0, -1).map((b) => ({ file: pm.codeFile.path, range: b.range, message: `\`${b.name}\` is also defined here (unused)` })),
      });
    }
  },
});
