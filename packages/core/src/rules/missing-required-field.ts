import { describeMetric } from '../analysis/checked-metadata.js';
import { parseEntryPoint } from '../analysis/entry-point.js';
import { isValidMetricName } from '../analysis/metric-name.js';
import { schemaIssuesFor } from '../analysis/schema-issues.js';
import { addFieldFix, yamlString } from '../analysis/yaml-edits.js';
import type { CustomMetricField } from '../schema.js';
import { stringValue, type MetricEntry } from '../yaml/metadata-model.js';
import { defineRule } from './rule.js';

const CODE = 'import math\n\n\ndef rmse(y_true, y_pred, **kwargs) -> float:\n    return math.sqrt(sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true))\n';

/** What to write for each required field. */
const HINTS: Partial<Record<CustomMetricField, string>> = {
  name: 'add `name:` with the name of its Python function',
  label: 'add `label:` with the name to show in the UI',
  entryPoint: 'add `entryPoint:` with its function in custom_metrics.py',
  primaryMetric: 'add `primaryMetric: true` on the one metric grid search optimizes, `false` on the others',
};

/** CSM210: a metric lacks `name`, `label`, `entryPoint` or `primaryMetric`. */
export const rule = defineRule({
  id: 'CSM210',
  name: 'missing-required-field',
  severity: 'error',
  fixable: false,
  group: 'metric',
  docs: {
    summary: 'A metric lacks one of its required fields: `name`, `label`, `entryPoint`, `primaryMetric`.',
    why: 'The API requires all four for every metric: the server rejects a version whose metric lacks one.',
    bad: { 'metadata.yaml': 'metrics:\n  - name: rmse\n    entryPoint: rmse\n    primaryMetric: true\n', 'custom_metrics.py': CODE },
    good: { 'metadata.yaml': 'metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: true\n', 'custom_metrics.py': CODE },
    fix: 'Add the missing field to the metric. The editor offers to add it with a likely value.',
  },
  messages: {
    missing: 'Missing `{{field}}` in {{metric}}; {{hint}}.',
  },
  check({ pkg, report }) {
    const file = pkg.metadataFile!;
    for (const issue of schemaIssuesFor(pkg, 'missing-required-field')) {
      const value = likelyValue(issue.entry, issue.field);
      const suggestion = value === undefined ? undefined : addFieldFix(file, issue.entry, issue.field, value);
      report({
        file: file.path, range: issue.range, messageId: 'missing',
        data: { metric: describeMetric(issue.entry), field: issue.field, hint: HINTS[issue.field] ?? `add \`${issue.field}\`` },
        ...(suggestion ? { suggestions: [suggestion] } : {}),
      });
    }
  },
});

/** A value worth proposing for a missing field, from the metric's other fields. */
function likelyValue(entry: MetricEntry, field: CustomMetricField): string | undefined {
  const name = stringValue(entry, 'name');
  const entryPoint = parseEntryPoint(stringValue(entry, 'entryPoint') ?? '');
  const functionName = entryPoint.kind === 'bare' || entryPoint.kind === 'qualified' ? entryPoint.functionName : undefined;
  switch (field) {
    case 'name':
      return functionName && isValidMetricName(functionName) ? yamlString(functionName) : undefined;
    case 'entryPoint':
      return name && isValidMetricName(name) ? yamlString(name) : undefined;
    case 'label':
      return name || functionName ? yamlString(name || functionName!) : undefined;
    case 'primaryMetric':
      return 'false';
    default:
      return undefined;
  }
}
