import { schemaIssuesFor } from '../analysis/schema-issues.js';
import { defineRule } from './rule.js';

const CODE = 'import math\n\n\ndef rmse(y_true, y_pred, **kwargs) -> float:\n    return math.sqrt(sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true))\n';

/** CSM202: `metrics` is not a list. */
export const rule = defineRule({
  id: 'CSM202',
  name: 'metrics-not-list',
  severity: 'error',
  fixable: false,
  group: 'structure',
  docs: {
    summary: '`metrics` is a mapping or a plain value instead of a list.',
    why: 'The server reads `metrics` as the version\'s array of metrics; each metric is a list item starting with `- `. A mapping there (often a metric whose `- ` was forgotten) is not a list of metrics.',
    bad: { 'metadata.yaml': 'metrics:\n  name: rmse\n  label: RMSE\n  entryPoint: rmse\n  primaryMetric: true\n', 'custom_metrics.py': CODE },
    good: { 'metadata.yaml': 'metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: true\n', 'custom_metrics.py': CODE },
    fix: 'Make each metric a list item: start its first key with `- ` and indent the other keys to match.',
  },
  messages: {
    notList: '`metrics` is {{actual}}; it must be a list with one item per metric, each starting with `- `.',
  },
  check({ pkg, report }) {
    for (const issue of schemaIssuesFor(pkg, 'metrics-not-list')) {
      report({ file: pkg.metadataFile!.path, range: issue.range, messageId: 'notList', data: { actual: issue.actual } });
    }
  },
});
