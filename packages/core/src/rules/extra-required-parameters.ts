import { CONVENTION } from '../conventions.js';
import { acceptsTwoPositional, checkableFunctions, declaredHere, isPositional, listing, packageMetrics } from '../analysis/metrics.js';
import { defineRule } from './rule.js';

const METADATA = 'metrics:\n  - name: pinball_loss\n    label: Pinball loss (p90)\n    entryPoint: pinball_loss\n    primaryMetric: true\n';
const BODY =
  '    losses = [max(quantile * (t - p), (quantile - 1) * (t - p)) for t, p in zip(y_true, y_pred)]\n' +
  '    return sum(losses) / len(losses)\n';

/** CSM411: a metric's function has required parameters the server does not pass. */
export const rule = defineRule({
  id: 'CSM411',
  name: 'extra-required-parameters',
  severity: 'error',
  fixable: false,
  group: 'python',
  docs: {
    summary: 'A metric\'s function has required parameters beyond `y_true` and `y_pred` (positional or keyword-only).',
    why: 'The server passes `y_true`, `y_pred` and, with `useWeights: true`, `sample_weight`; any other parameter without a default is never filled, so every call raises `TypeError`.',
    bad: { 'metadata.yaml': METADATA, 'custom_metrics.py': `def pinball_loss(y_true, y_pred, quantile, **kwargs) -> float:\n${BODY}` },
    good: { 'metadata.yaml': METADATA, 'custom_metrics.py': `def pinball_loss(y_true, y_pred, quantile=0.9, **kwargs) -> float:\n${BODY}` },
    fix: 'Give the extra parameters defaults, or remove them.',
  },
  messages: {
    extra: '`{{function}}` requires {{params}}, which the server does not pass; give {{them}} a default or remove {{them}}.',
  },
  check({ pkg, report }) {
    const pm = packageMetrics(pkg);
    if (!pm) return;
    for (const { fn, metrics } of checkableFunctions(pm)) {
      // Too few positional parameters is one mistake, reported by CSM410 alone.
      if (!acceptsTwoPositional(fn)) continue;
      const weightsPassed = metrics.every((m) => m.useWeights);
      const positional = fn.params.filter(isPositional);
      const extra = fn.params.filter((p) =>
        !p.hasDefault &&
        (p.kind === 'keyword-only' || (isPositional(p) && positional.indexOf(p) >= CONVENTION.positional.length)) &&
        !(weightsPassed && p.name === CONVENTION.weights));
      if (extra.length === 0) continue;
      report({
        file: pm.codeFile.path,
        range: fn.nameRange,
        messageId: 'extra',
        data: { function: fn.name, params: listing(extra.map((p) => `\`${p.name}\``)), them: extra.length === 1 ? 'it' : 'them', count: extra.length },
        related: [
          ...extra.map((p) => ({ file: pm.codeFile.path, range: p.range, message: `\`${p.name}\` has no default` })),
          ...declaredHere(pm, metrics),
        ],
      });
    }
  },
});
