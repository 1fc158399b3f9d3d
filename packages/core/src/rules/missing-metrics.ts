import { schemaIssuesFor } from '../analysis/schema-issues.js';
import { defineRule } from './rule.js';

const CODE = 'import math\n\n\ndef rmse(y_true, y_pred, **kwargs) -> float:\n    return math.sqrt(sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true))\n';

/** CSM201: the metadata file has no `metrics:` key (or is empty). */
export const rule = defineRule({
  id: 'CSM201',
  name: 'missing-metrics',
  severity: 'error',
  fixable: false,
  group: 'structure',
  docs: {
    summary: 'The metadata file has no top-level `metrics:` key, or is empty.',
    why: 'The server builds the version\'s metrics from the `metrics:` list; without it the version declares nothing.',
    bad: { 'metadata.yaml': 'targetType: Regression\n', 'custom_metrics.py': CODE },
    good: {
      'metadata.yaml': 'targetType: Regression\nmetrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: true\n',
      'custom_metrics.py': CODE,
    },
    fix: 'Add a `metrics:` list with one item per metric function (`name`, `label`, `entryPoint`, `primaryMetric`).',
  },
  messages: {
    missing: 'The file has no `metrics:` key; declare the metrics in a `metrics:` list.',
    empty: 'The file has no content; declare the metrics in a `metrics:` list.',
  },
  check({ pkg, report }) {
    for (const issue of schemaIssuesFor(pkg, 'missing-metrics')) {
      report({ file: pkg.metadataFile!.path, range: issue.range, messageId: issue.emptyFile ? 'empty' : 'missing' });
    }
  },
});
