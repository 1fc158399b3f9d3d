import { NUMERIC_RETURN_ANNOTATIONS } from '../conventions.js';
import { checkableFunctions, declaredHere, packageMetrics } from '../analysis/metrics.js';
import type { PyFunction } from '../python/module-index.js';
import { defineRule } from './rule.js';

const METADATA = 'metrics:\n  - name: mae\n    label: MAE\n    entryPoint: mae\n    primaryMetric: true\n';
const code = (annotation: string, last: string) =>
  `def mae(y_true, y_pred, **kwargs) -> ${annotation}:\n` +
  '    errors = [abs(t - p) for t, p in zip(y_true, y_pred)]\n' +
  `    ${last}\n`;

/** CSM416: a metric's function does not return a number. */
export const rule = defineRule({
  id: 'CSM416',
  name: 'non-numeric-return',
  severity: 'warning',
  fixable: false,
  group: 'python',
  docs: {
    summary: 'A metric\'s function never returns a value, is a generator, or is annotated to return something other than a number.',
    why: 'The server stores the returned value as the score: a function that falls off its end returns `None`, a generator returns a generator object, and a `-> str` or `-> list` annotation says the author meant something other than a number.',
    bad: { 'metadata.yaml': METADATA, 'custom_metrics.py': code('float', 'mae = sum(errors) / len(errors)') },
    good: { 'metadata.yaml': METADATA, 'custom_metrics.py': code('float', 'return sum(errors) / len(errors)') },
    fix: 'Return the score as a number (`float`), and annotate the function `-> float`.',
  },
  messages: {
    noReturn: '`{{function}}` never returns a value, so the server gets `None`; return the score as a number.',
    generator: '`{{function}}` is a generator (it uses `yield`), so the server gets a generator object; `return` the score as a number instead.',
    annotation: '`{{function}}` is annotated `-> {{annotation}}`, but a metric returns a number; return a `float` and annotate it `-> float`.',
  },
  check({ pkg, report }) {
    const pm = packageMetrics(pkg);
    if (!pm) return;
    for (const { fn, metrics } of checkableFunctions(pm, { body: true })) {
      const messageId = problemOf(fn);
      if (!messageId) continue;
      report({
        file: pm.codeFile.path,
        range: fn.nameRange,
        messageId,
        data: { function: fn.name, ...(fn.returnAnnotation ? { annotation: fn.returnAnnotation } : {}) },
        related: declaredHere(pm, metrics),
      });
    }
  },
});

function problemOf(fn: PyFunction): 'noReturn' | 'generator' | 'annotation' | undefined {
  if (fn.returnAnnotation !== undefined && !isNumericAnnotation(fn.returnAnnotation)) return 'annotation';
  if (fn.isGenerator) return 'generator';
  if (!fn.returnsValue) return 'noReturn';
  return undefined;
}

/** `float`, `"float"`, `np.float64`, ... (quotes and blanks ignored). */
function isNumericAnnotation(annotation: string): boolean {
  return NUMERIC_RETURN_ANNOTATIONS.has(annotation.replace(/\s+/g, '').replace(/^(["'])(.*)\1$/, '$2'));
}
