import { defineRule } from './rule.js';

/** CSM500: importing custom_metrics.py failed when the execution check (`--run`) ran it. */
export const rule = defineRule({
  id: 'CSM500',
  name: 'run-import-failed',
  severity: 'error',
  fixable: false,
  group: 'run',
  implemented: true,
  reportedBy: 'run',
  docs: {
    summary: 'With `--run`, importing custom_metrics.py raised an exception or ended the Python process.',
    why:
      'The server imports custom_metrics.py before it can call any metric: a missing package, a module-level ' +
      'error or a module-level `sys.exit()` makes every metric of the version fail. The finding sits on the ' +
      'failing line (the deepest frame inside custom_metrics.py). A missing package is reported by name; it may ' +
      'be installed on the server even if it is missing locally, and the other way round: the server\'s ' +
      'environment may differ from yours.',
    bad: {
      'metadata.yaml': 'metrics:\n  - name: mae\n    label: MAE\n    entryPoint: mae\n    primaryMetric: true\n',
      'custom_metrics.py':
        'import csmlint_example_missing_package\n\n\ndef mae(y_true, y_pred, sample_weight=None, **kwargs) -> float:\n' +
        '    return sum(abs(t - p) for t, p in zip(y_true, y_pred)) / len(y_true)\n',
    },
    good: {
      'metadata.yaml': 'metrics:\n  - name: mae\n    label: MAE\n    entryPoint: mae\n    primaryMetric: true\n',
      'custom_metrics.py':
        'def mae(y_true, y_pred, sample_weight=None, **kwargs) -> float:\n' +
        '    return sum(abs(t - p) for t, p in zip(y_true, y_pred)) / len(y_true)\n',
    },
    fix: 'Install the missing package (and check that the server provides it), or fix the module-level code so the file imports cleanly.',
  },
  messages: {
    missingModule:
      'Importing custom_metrics.py failed: no module named `{{module}}` in `{{python}}`; install it locally, and make sure the server provides it too (its environment may differ from yours).',
    raised: 'Importing custom_metrics.py raised `{{error}}`; fix the module-level code so the file imports cleanly.',
    syntax: 'Python cannot compile custom_metrics.py: `{{error}}`; fix the syntax.',
    crashed: 'Importing custom_metrics.py ended the Python process ({{reason}}); remove the module-level code that exits or crashes.',
  },
  check() {},
});
