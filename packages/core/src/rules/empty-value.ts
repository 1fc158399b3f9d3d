import { describeMetric } from '../analysis/checked-metadata.js';
import { schemaIssuesFor } from '../analysis/schema-issues.js';
import { BOOLEAN_FIELDS, type CustomMetricField } from '../schema.js';
import { defineRule } from './rule.js';

const CODE = 'import math\n\n\ndef rmse(y_true, y_pred, **kwargs) -> float:\n    return math.sqrt(sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true))\n';
const metadata = (label: string) => `metrics:\n  - name: rmse\n    label: ${label}\n    entryPoint: rmse\n    primaryMetric: true\n`;

/** What to write into each empty field. */
const HINTS: Partial<Record<CustomMetricField, string>> = {
  name: 'write the name of its Python function',
  label: 'write the name to show in the UI',
  entryPoint: 'write its function in custom_metrics.py',
};

/** CSM214: a metric field is null or blank, or a metric item is empty. */
export const rule = defineRule({
  id: 'CSM214',
  name: 'empty-value',
  severity: 'error',
  fixable: false,
  group: 'metric',
  docs: {
    summary: 'A metric field has no value (`label:`, `name: ""`, `primaryMetric: ~`), or a metric item is empty.',
    why: 'An empty `name`, `label` or `entryPoint` leaves the server nothing to call or show, and `null` is not a boolean. YAML reads `key:` with nothing after it as null, which is easy to miss.',
    bad: { 'metadata.yaml': metadata('""'), 'custom_metrics.py': CODE },
    good: { 'metadata.yaml': metadata('RMSE'), 'custom_metrics.py': CODE },
    fix: 'Write the value, or remove an optional key you do not need.',
  },
  messages: {
    field: 'In {{metric}}, `{{key}}` is empty; {{hint}}.',
    item: 'Item {{index}} of `metrics` is empty; fill in the metric or remove the `-`.',
  },
  check({ pkg, report }) {
    const file = pkg.metadataFile!;
    for (const issue of schemaIssuesFor(pkg, 'empty-value')) {
      if (!issue.key) {
        report({ file: file.path, range: issue.range, messageId: 'item', data: { index: issue.entry.index + 1 } });
        continue;
      }
      const isBoolean = issue.field !== undefined && BOOLEAN_FIELDS.includes(issue.field);
      const hint = (issue.field && HINTS[issue.field]) ?? (isBoolean ? 'write `true` or `false`' : 'write a value or remove the key');
      report({ file: file.path, range: issue.range, messageId: 'field', data: { metric: describeMetric(issue.entry), key: issue.key, hint } });
    }
  },
});
