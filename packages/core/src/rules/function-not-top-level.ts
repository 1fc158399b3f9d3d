import { allReferences, packageMetrics, referenceData } from '../analysis/metrics.js';
import { defineRule } from './rule.js';

const METADATA = 'metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: true\n';

/** CSM402: a metric's function is defined only inside a class or another function. */
export const rule = defineRule({
  id: 'CSM402',
  name: 'function-not-top-level',
  severity: 'error',
  fixable: false,
  group: 'python',
  docs: {
    summary: 'A metric\'s function is defined only inside a class or another function, not at the top level of `custom_metrics.py`.',
    why: 'The server looks the function up among the module\'s top-level names; a method or an inner function is not one of them, so the metric cannot be called.',
    bad: {
      'metadata.yaml': METADATA,
      'custom_metrics.py': 'import numpy as np\n\n\nclass Metrics:\n    def rmse(y_true, y_pred, **kwargs) -> float:\n        return float(np.sqrt(np.mean((np.asarray(y_true) - np.asarray(y_pred)) ** 2)))\n',
    },
    good: {
      'metadata.yaml': METADATA,
      'custom_metrics.py': 'import numpy as np\n\n\ndef rmse(y_true, y_pred, **kwargs) -> float:\n    return float(np.sqrt(np.mean((np.asarray(y_true) - np.asarray(y_pred)) ** 2)))\n',
    },
    fix: 'Move the `def` to the top level of `custom_metrics.py` (no indentation).',
  },
  messages: {
    nested: '`{{key}}` `{{value}}` is defined only inside `{{container}}`, not at the top level of custom_metrics.py; move the `def` to the top level.',
  },
  check({ pkg, report }) {
    const pm = packageMetrics(pkg);
    if (!pm) return;
    for (const { reference } of allReferences(pm)) {
      const { resolution } = reference;
      if (resolution.kind !== 'nested') continue;
      const container = resolution.fn.containers.join('.');
      report({
        file: pm.metadataFile.path,
        range: reference.entry.valueRange,
        messageId: 'nested',
        data: { ...referenceData(reference), container },
        related: [{ file: pm.codeFile.path, range: resolution.fn.nameRange, message: `\`${resolution.fn.name}\` is defined here, inside \`${container}\`` }],
      });
    }
  },
});
