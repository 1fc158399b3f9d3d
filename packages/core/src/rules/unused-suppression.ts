import { defineRule } from './rule.js';

/**
 * CSM900: a `# csmlint-disable-…` comment that suppresses nothing. The engine reports it after
 * applying the suppressions (see `unusedSuppressionReports` in suppressions.ts), so `check` is empty.
 */
export const rule = defineRule({
  id: 'CSM900',
  name: 'unused-suppression',
  severity: 'warning',
  fixable: false,
  group: 'meta',
  docs: {
    summary: 'A `# csmlint-disable-…` comment suppresses no finding, or names a rule that does not exist.',
    why:
      'A stale suppression hides the next real problem on that line, and a misspelt rule in it never ' +
      'suppressed anything in the first place. Reporting them keeps every suppression meaningful.',
    bad: {
      'metadata.yaml':
        'metrics:\n  - name: rmse\n    label: RMSE\n    # csmlint-disable-next-line function-not-found\n    entryPoint: rmse\n    primaryMetric: true\n',
      'custom_metrics.py':
        'import math\n\n\ndef rmse(y_true, y_pred, sample_weight=None, **kwargs) -> float:\n    return math.sqrt(sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true))\n',
    },
    good: {
      'metadata.yaml': 'metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: true\n',
      'custom_metrics.py':
        'import math\n\n\ndef rmse(y_true, y_pred, sample_weight=None, **kwargs) -> float:\n    return math.sqrt(sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true))\n',
    },
    fix: 'Remove the comment (or the rule from its list), or correct the rule ID or name (`csmlint rules` lists them).',
  },
  messages: {
    unused: '`{{rule}}` in this `{{directive}}` comment suppresses nothing; remove it.',
    unusedAll: 'This `{{directive}}` comment suppresses nothing; remove it.',
    unknownRule: '`{{rule}}` in this `{{directive}}` comment is not a csmlint rule; {{hint}}',
  },
  check() {},
});
