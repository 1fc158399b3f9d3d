import { declaredHere, metricsByFunction, packageMetrics } from '../analysis/metrics.js';
import { defineRule } from './rule.js';

const METADATA = 'metrics:\n  - name: mae\n    label: MAE\n    entryPoint: mae\n    primaryMetric: true\n';
const code = (prefix: string) =>
  `${prefix}def mae(y_true, y_pred, **kwargs) -> float:\n    return sum(abs(t - p) for t, p in zip(y_true, y_pred)) / len(y_true)\n`;

/** CSM406: a metric's function is an `async def`. */
export const rule = defineRule({
  id: 'CSM406',
  name: 'async-metric',
  severity: 'error',
  fixable: true,
  group: 'python',
  docs: {
    summary: 'A metric\'s function is an `async def`.',
    why: 'The server calls metrics synchronously and expects a number back; calling an `async def` returns a coroutine instead, so the score is never computed.',
    bad: { 'metadata.yaml': METADATA, 'custom_metrics.py': code('async ') },
    good: { 'metadata.yaml': METADATA, 'custom_metrics.py': code('') },
    fix: 'Remove `async` (and any `await` inside): make it a plain `def` that returns a number.',
  },
  messages: {
    async: '`{{function}}` is an `async def`, but the server calls metrics synchronously and needs a number back; make it a plain `def`.',
  },
  check({ pkg, report }) {
    const pm = packageMetrics(pkg);
    if (!pm) return;
    for (const [fn, metrics] of metricsByFunction(pm.metrics)) {
      if (!fn.isAsync || fn.decorators.length > 0) continue;
      const asyncKeyword = asyncKeywordRange(pm.codeFile.text, pm.codeFile.lines.offsetAt(fn.nameRange.start));
      // Without an `await` in the body, dropping `async` changes nothing else.
      const safe = asyncKeyword && !fn.syntaxError && !/\bawait\b/.test(pm.codeFile.text.slice(pm.codeFile.lines.offsetAt(fn.range.start), pm.codeFile.lines.offsetAt(fn.range.end)));
      report({
        file: pm.codeFile.path,
        range: fn.nameRange,
        messageId: 'async',
        data: { function: fn.name },
        related: declaredHere(pm, metrics),
        ...(safe ? { fix: { description: 'Remove `async`', edits: [{ file: pm.codeFile.path, range: pm.codeFile.lines.rangeOf(asyncKeyword[0], asyncKeyword[1]), newText: '' }] } } : {}),
      });
    }
  },
});

/** Offsets of `async ` (keyword and the blanks after it) before the `def` whose name starts at `nameStart`. */
function asyncKeywordRange(text: string, nameStart: number): [number, number] | undefined {
  const before = text.slice(Math.max(0, nameStart - 200), nameStart);
  const match = /async([ \t]+)def[ \t]+$/.exec(before);
  if (!match) return undefined;
  const start = nameStart - before.length + match.index;
  return [start, start + 'async'.length + match[1]!.length];
}
