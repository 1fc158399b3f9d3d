import { declaredFunctionNames, didYouMean, packageMetrics } from '../analysis/metrics.js';
import { baseName } from '../source.js';
import { defineRule } from './rule.js';

const METADATA = 'metrics:\n  - name: mae\n    label: MAE\n    entryPoint: mae\n    primaryMetric: true\n';
const code = (helper: string) =>
  `def ${helper}(values):\n    return sum(values) / len(values)\n\n\n` +
  `def mae(y_true, y_pred, **kwargs) -> float:\n    return ${helper}([abs(t - p) for t, p in zip(y_true, y_pred)])\n`;

/** CSM417: a public top-level function that no metric declares. */
export const rule = defineRule({
  id: 'CSM417',
  name: 'undeclared-function',
  severity: 'hint',
  fixable: false,
  group: 'python',
  docs: {
    summary: 'A public top-level function of `custom_metrics.py` is not declared as a metric in the metadata.',
    why: 'Often a metric was written but never declared (so it is never computed), or the declaration has a typo. Helpers are fine: a leading `_` marks them as private and silences this hint.',
    bad: { 'metadata.yaml': METADATA, 'custom_metrics.py': code('mean') },
    good: { 'metadata.yaml': METADATA, 'custom_metrics.py': code('_mean') },
    fix: 'Declare the function as a metric in the metadata, or rename it with a leading `_` if it is a helper.',
  },
  messages: {
    undeclared: '`{{function}}` is not declared as a metric in `{{metadata}}`; declare it, or rename it `_{{function}}` if it is a helper.',
  },
  check({ pkg, report }) {
    const pm = packageMetrics(pkg);
    if (!pm) return;
    const declared = declaredFunctionNames(pm.metrics);
    // A function offered as "did you mean" for a misspelt declaration is CSM401's finding.
    for (const facts of pm.metrics) for (const reference of facts.references) for (const name of didYouMean(pm, reference)) declared.add(name);
    const metadata = baseName(pm.metadataFile.path);
    for (const [name, bindings] of pm.python.bindings) {
      if (name.startsWith('_') || declared.has(name)) continue;
      for (const binding of bindings) {
        if (binding.kind !== 'def' || binding.conditional) continue;
        report({ file: pm.codeFile.path, range: binding.range, messageId: 'undeclared', data: { function: name, metadata } });
      }
    }
  },
});
