import { defineRule } from './rule.js';

/** CSM503: importing custom_metrics.py or calling a metric did not finish within `runTimeout` (execution check, `--run`). */
export const rule = defineRule({
  id: 'CSM503',
  name: 'run-timeout',
  severity: 'error',
  fixable: false,
  group: 'run',
  implemented: true,
  reportedBy: 'run',
  docs: {
    summary: 'With `--run`, the import or a metric did not finish within `runTimeout` seconds (default 10) on eight rows of synthetic data.',
    why:
      'Eight rows take microseconds: a metric still running after seconds is stuck in an endless loop or a blocking ' +
      'call (network, `input()`, a lock), and will stall or time out on the server too. The Python process and every ' +
      'process it started are killed. The finding sits on the `def` that was running, with the line it was running ' +
      'as a related location; metrics the check had no time left to call are reported too, and a slow import is ' +
      'reported on the module-level line that was running.',
    bad: {
      'metadata.yaml': 'metrics:\n  - name: converge\n    label: Converge\n    entryPoint: converge\n    primaryMetric: true\n',
      'custom_metrics.py':
        'def converge(y_true, y_pred, sample_weight=None, **kwargs) -> float:\n' +
        '    step = 1.0\n' +
        '    while step != 0:\n' +
        '        step = step / 2 if step > 1e-3 else step\n' +
        '    return step\n',
    },
    good: {
      'metadata.yaml': 'metrics:\n  - name: converge\n    label: Converge\n    entryPoint: converge\n    primaryMetric: true\n',
      'custom_metrics.py':
        'def converge(y_true, y_pred, sample_weight=None, **kwargs) -> float:\n' +
        '    step = 1.0\n' +
        '    while step > 1e-3:\n' +
        '        step = step / 2\n' +
        '    return step\n',
    },
    fix: 'Make the loop terminate or remove the blocking call; raise `runTimeout` only if the metric is legitimately slow.',
  },
  messages: {
    timeout:
      '`{{function}}` did not finish within {{seconds}} s on synthetic {{targetType}} data; look for an endless loop or a blocking call, or raise `runTimeout`.',
    notRun: '`{{function}}` was not called: the execution check ran out of time ({{seconds}} s) while `{{running}}` was running.',
    importTimeout:
      'Importing custom_metrics.py did not finish within {{seconds}} s; move slow module-level work (downloads, training) out of the import, or raise `runTimeout`.',
  },
  check() {},
});
