import { defineRule } from './rule.js';

/** CSM501: calling a metric on synthetic data raised an exception (execution check, `--run`). */
export const rule = defineRule({
  id: 'CSM501',
  name: 'run-call-failed',
  severity: 'error',
  fixable: false,
  group: 'run',
  implemented: true,
  reportedBy: 'run',
  docs: {
    summary: 'With `--run`, calling a metric on small synthetic data for the target type raised an exception.',
    why:
      'The server calls each metric as `fn(y_true, y_pred, sample_weight=..., **kwargs)` (`sample_weight` only when ' +
      '`useWeights` is true; `labels=` for Multiclass). A metric that raises fails the version at scoring time. ' +
      'The execution check calls it on eight rows of synthetic data for the `targetType` (Regression: floats; ' +
      'Binary: 0/1 labels and positive-class probabilities; Multiclass: class names and a probability matrix), as ' +
      'numpy arrays when numpy is installed, lists otherwise. The finding sits on the deepest line inside ' +
      'custom_metrics.py that the exception passed through. When no `targetType` is set, the check uses ' +
      'Regression data and says so in an info finding of this rule on the metadata file.',
    bad: {
      'metadata.yaml': 'metrics:\n  - name: mean_error\n    label: Mean error\n    entryPoint: mean_error\n    primaryMetric: true\n',
      'custom_metrics.py':
        'def mean_error(y_true, y_pred, sample_weight=None, **kwargs) -> float:\n' +
        '    errors = [t - p for t, p in zip(y_true, y_pred) if abs(t - p) > 100]\n' +
        '    return sum(errors) / len(errors)\n',
    },
    good: {
      'metadata.yaml': 'metrics:\n  - name: mean_error\n    label: Mean error\n    entryPoint: mean_error\n    primaryMetric: true\n',
      'custom_metrics.py':
        'def mean_error(y_true, y_pred, sample_weight=None, **kwargs) -> float:\n' +
        '    errors = [t - p for t, p in zip(y_true, y_pred) if abs(t - p) > 100]\n' +
        '    return sum(errors) / len(errors) if errors else 0.0\n',
    },
    fix: 'Make the metric work on every input of its target type (guard empty selections and divisions, accept `labels=` for Multiclass).',
    exampleConfig: { targetType: 'Regression' },
  },
  messages: {
    raised: 'Calling `{{call}}` on synthetic {{targetType}} data raised `{{error}}`; make the metric handle {{targetType}} targets.',
    signature: '`{{function}}` cannot be called as `{{call}}` ({{error}}); accept the convention\'s arguments, e.g. `{{signature}}`.',
    crashed: 'Calling `{{call}}` on synthetic {{targetType}} data ended the Python process ({{reason}}); remove the code that exits or crashes.',
    defaultTargetType:
      'The execution check called the metrics with synthetic Regression data because no `targetType` is set; set `targetType` in the project config (or pass `--target-type`).',
  },
  check() {},
});
