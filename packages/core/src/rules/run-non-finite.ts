import { defineRule } from './rule.js';

/** CSM502: a metric returned NaN, an infinity or something that is not a real number (execution check, `--run`). */
export const rule = defineRule({
  id: 'CSM502',
  name: 'run-non-finite',
  severity: 'error',
  fixable: false,
  group: 'run',
  implemented: true,
  reportedBy: 'run',
  docs: {
    summary: 'With `--run`, a metric returned NaN, an infinite value, or a value that is not a real number.',
    why:
      'A metric value is compared across models and used as a grid-search objective: NaN and infinities break ' +
      'the ranking, and a value that is not a real number (None, a string, an array, a bool) cannot be stored as ' +
      'a score. int, float and numpy integer or floating scalars (`np.float64`, ...) are real numbers; a bool is not, ' +
      'even though Python counts it as an int: returning `True`/`False` is almost always a comparison by mistake.',
    bad: {
      'metadata.yaml': 'metrics:\n  - name: hit_rate\n    label: Hit rate\n    entryPoint: hit_rate\n    primaryMetric: true\n    lowerIsBetter: false\n',
      'custom_metrics.py':
        'def hit_rate(y_true, y_pred, sample_weight=None, **kwargs) -> float:\n' +
        '    hits = [abs(t - p) < 0.01 for t, p in zip(y_true, y_pred)]\n' +
        '    return float("nan") if not any(hits) else sum(hits) / len(hits)\n',
    },
    good: {
      'metadata.yaml': 'metrics:\n  - name: hit_rate\n    label: Hit rate\n    entryPoint: hit_rate\n    primaryMetric: true\n    lowerIsBetter: false\n',
      'custom_metrics.py':
        'def hit_rate(y_true, y_pred, sample_weight=None, **kwargs) -> float:\n' +
        '    hits = [abs(t - p) < 0.01 for t, p in zip(y_true, y_pred)]\n' +
        '    return sum(hits) / len(hits)\n',
    },
    fix: 'Return a finite float (e.g. `float(value)`), with a defined value for the edge cases that produce NaN or infinity.',
  },
  messages: {
    nan: '`{{function}}` returned `{{value}}` ({{type}}) on synthetic {{targetType}} data; return a finite number (guard empty inputs and 0/0).',
    infinite: '`{{function}}` returned `{{value}}` ({{type}}) on synthetic {{targetType}} data; return a finite number (guard divisions by zero and logarithms of 0).',
    notReal: '`{{function}}` returned `{{value}}` ({{type}}), which is not a real number; return a float.',
    bool: '`{{function}}` returned the boolean `{{value}}`, which is not a metric value; return a float.',
  },
  check() {},
});
