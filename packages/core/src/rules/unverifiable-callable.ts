import { allReferences, packageMetrics, referenceData } from '../analysis/metrics.js';
import type { BindingKind } from '../python/module-index.js';
import { defineRule } from './rule.js';

const METADATA = 'metrics:\n  - name: mae\n    label: MAE\n    entryPoint: mae\n    primaryMetric: true\n';

const HOW: Record<Exclude<BindingKind, 'def'>, string> = {
  assignment: 'an assignment',
  import: 'an import',
  class: 'a class',
};

/** CSM403: a metric's name is bound at top level, but not by a `def`. */
export const rule = defineRule({
  id: 'CSM403',
  name: 'unverifiable-callable',
  severity: 'info',
  fixable: false,
  group: 'python',
  docs: {
    summary: 'A metric\'s function is bound at the top level by an assignment, an import or a class rather than a `def`, so csmlint cannot check its signature.',
    why: 'The server can call it (the name resolves), but `x = lambda ...`, `x = partial(...)` or `from helpers import f as x` hide the parameters and the return value: the signature, weights and return checks cannot run, and a mistake only shows when the server scores the model.',
    bad: {
      'metadata.yaml': METADATA,
      'custom_metrics.py': 'from sklearn.metrics import mean_absolute_error as mae\n',
    },
    good: {
      'metadata.yaml': METADATA,
      'custom_metrics.py': 'from sklearn.metrics import mean_absolute_error\n\n\ndef mae(y_true, y_pred, **kwargs) -> float:\n    return float(mean_absolute_error(y_true, y_pred))\n',
    },
    fix: 'Define the metric with a `def` that calls the imported or assigned function, so its signature can be checked.',
  },
  messages: {
    notDef: '`{{key}}` `{{value}}` is bound by {{how}} (`{{detail}}`), not a `def`, so its signature cannot be checked; wrap it in a `def` to have it checked.',
  },
  check({ pkg, report }) {
    const pm = packageMetrics(pkg);
    if (!pm) return;
    for (const { reference } of allReferences(pm)) {
      const { resolution } = reference;
      if (resolution.kind !== 'bound' || resolution.conditionalOnly || resolution.binding.kind === 'def') continue;
      const { binding } = resolution;
      const kind = binding.kind as Exclude<BindingKind, 'def'>;
      report({
        file: pm.metadataFile.path,
        range: reference.entry.valueRange,
        messageId: 'notDef',
        data: { ...referenceData(reference), how: HOW[kind], detail: binding.detail ?? `class ${binding.name}`, kind },
        related: [{ file: pm.codeFile.path, range: binding.range, message: `\`${binding.name}\` is bound here` }],
      });
    }
  },
});
