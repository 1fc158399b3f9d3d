import type { Fix } from '../diagnostic.js';
import { SWAPPED_ARGUMENT_PAIRS } from '../conventions.js';
import { checkableFunctions, declaredHere, isPositional, packageMetrics, type PackageMetrics } from '../analysis/metrics.js';
import type { PyParam } from '../python/module-index.js';
import { defineRule } from './rule.js';

const METADATA = 'metrics:\n  - name: mape\n    label: MAPE\n    entryPoint: mape\n    primaryMetric: true\n';
const code = (params: string) =>
  `def mape(${params}, **kwargs) -> float:\n` +
  '    """Mean absolute percentage error; `y_true` is the denominator."""\n' +
  '    return sum(abs((t - p) / t) for t, p in zip(y_true, y_pred)) / len(y_true)\n';

/** CSM414: the first two parameters are named as if predictions came before actuals. */
export const rule = defineRule({
  id: 'CSM414',
  name: 'swapped-arguments',
  severity: 'warning',
  fixable: false,
  group: 'python',
  docs: {
    summary: 'A metric\'s first two parameters are named like `(y_pred, y_true)` or `(predictions, actuals)`: predictions first.',
    why: 'The server passes actual values first and predictions second (scikit-learn order). With the names swapped, the body treats predictions as actuals: symmetric metrics hide it, but MAPE, log loss or any asymmetric metric silently scores wrong.',
    bad: { 'metadata.yaml': METADATA, 'custom_metrics.py': code('y_pred, y_true') },
    good: { 'metadata.yaml': METADATA, 'custom_metrics.py': code('y_true, y_pred') },
    fix: 'Swap the two parameters so the actual values come first: `(y_true, y_pred, ...)`.',
  },
  messages: {
    swapped: '`{{function}}` takes `({{first}}, {{second}})`, but the server passes actual values first and predictions second; swap the parameters to `({{second}}, {{first}})`.',
  },
  check({ pkg, report }) {
    const pm = packageMetrics(pkg);
    if (!pm) return;
    for (const { fn, metrics } of checkableFunctions(pm)) {
      const [first, second] = fn.params.filter(isPositional);
      if (!first || !second || !SWAPPED_ARGUMENT_PAIRS.some(([a, b]) => a === first.name && b === second.name)) continue;
      const swap = swapFix(pm, first, second);
      report({
        file: pm.codeFile.path,
        range: fn.nameRange,
        messageId: 'swapped',
        data: { function: fn.name, first: first.name, second: second.name },
        related: declaredHere(pm, metrics),
        ...(swap ? { suggestions: [swap] } : {}),
      });
    }
  },
});

/** Swaps the two parameters' source (names, annotations and defaults), so the body keeps its meaning. */
function swapFix(pm: PackageMetrics, first: PyParam, second: PyParam): Fix | undefined {
  if (first.hasDefault !== second.hasDefault || first.kind !== second.kind) return undefined;
  const { lines, text, path } = pm.codeFile;
  const source = (p: PyParam) => text.slice(lines.offsetAt(p.sourceRange.start), lines.offsetAt(p.sourceRange.end));
  return {
    description: `Swap \`${first.name}\` and \`${second.name}\` (calls inside the file that pass them by position need the same change)`,
    edits: [
      { file: path, range: first.sourceRange, newText: source(second) },
      { file: path, range: second.sourceRange, newText: source(first) },
    ],
  };
}
