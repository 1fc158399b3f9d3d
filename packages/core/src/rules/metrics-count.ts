import { schemaIssuesFor } from '../analysis/schema-issues.js';
import { MAX_METRICS } from '../conventions.js';
import { defineRule } from './rule.js';

const CODE = 'import math\n\n\ndef rmse(y_true, y_pred, **kwargs) -> float:\n    return math.sqrt(sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true))\n';

/** CSM203: `metrics` is empty, or has more items than a version accepts. */
export const rule = defineRule({
  id: 'CSM203',
  name: 'metrics-count',
  severity: 'error',
  fixable: false,
  group: 'structure',
  docs: {
    summary: `\`metrics\` is empty, or lists more than ${MAX_METRICS} metrics.`,
    why: `A version with no metric has nothing to upload, and the API accepts at most ${MAX_METRICS} metrics per version.`,
    bad: { 'metadata.yaml': 'metrics: []\n', 'custom_metrics.py': CODE },
    good: { 'metadata.yaml': 'metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: true\n', 'custom_metrics.py': CODE },
    fix: `Declare at least one metric; past ${MAX_METRICS}, split the metrics into several scoring metrics.`,
  },
  messages: {
    empty: '`metrics` has no items; declare at least one metric (there is nothing to upload).',
    tooMany: `\`metrics\` has {{count}} items but a version holds at most {{max}}; split them into several scoring metrics.`,
  },
  check({ pkg, report }) {
    for (const issue of schemaIssuesFor(pkg, 'metrics-count')) {
      const messageId = issue.count === 0 ? 'empty' : 'tooMany';
      report({ file: pkg.metadataFile!.path, range: issue.range, messageId, data: { count: issue.count, max: MAX_METRICS } });
    }
  },
});
