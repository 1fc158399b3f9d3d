import { allReferences, packageMetrics, referenceData } from '../analysis/metrics.js';
import { defineRule } from './rule.js';

const METADATA = 'metrics:\n  - name: mae\n    label: MAE\n    entryPoint: mae\n    primaryMetric: true\n';

/** CSM404: a metric's function is defined only under a top-level `if`/`try`/`with`/loop. */
export const rule = defineRule({
  id: 'CSM404',
  name: 'conditional-definition',
  severity: 'warning',
  fixable: false,
  group: 'python',
  docs: {
    summary: 'A metric\'s function is defined only under a top-level `if`, `try`, `with`, `for`, `while` or `match`.',
    why: 'Whether the function exists then depends on the server\'s environment (an optional package, a version check): when the condition is false there, the metric is missing and fails only at scoring time.',
    bad: {
      'metadata.yaml': METADATA,
      'custom_metrics.py': 'try:\n    import numpy as np\n\n    def mae(y_true, y_pred, **kwargs) -> float:\n        return float(np.mean(np.abs(np.asarray(y_true) - np.asarray(y_pred))))\nexcept ImportError:\n    pass\n',
    },
    good: {
      'metadata.yaml': METADATA,
      'custom_metrics.py': 'import numpy as np\n\n\ndef mae(y_true, y_pred, **kwargs) -> float:\n    return float(np.mean(np.abs(np.asarray(y_true) - np.asarray(y_pred))))\n',
    },
    fix: 'Define the function unconditionally at the top level; keep only the environment-dependent part inside the `if`/`try`.',
  },
  messages: {
    conditional: '`{{key}}` `{{value}}` is defined only under `{{condition}}` in custom_metrics.py; define it unconditionally at the top level.',
  },
  check({ pkg, report }) {
    const pm = packageMetrics(pkg);
    if (!pm) return;
    for (const { reference } of allReferences(pm)) {
      const { resolution } = reference;
      if (resolution.kind !== 'bound' || !resolution.conditionalOnly) continue;
      const condition = resolution.binding.condition ?? 'a condition';
      report({
        file: pm.metadataFile.path,
        range: reference.entry.valueRange,
        messageId: 'conditional',
        data: { ...referenceData(reference), condition },
        related: resolution.bindings.map((b) => ({ file: pm.codeFile.path, range: b.range, message: `\`${b.name}\` is defined here, under \`${b.condition ?? condition}\`` })),
      });
    }
  },
});
