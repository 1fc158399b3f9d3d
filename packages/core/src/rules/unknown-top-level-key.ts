import { schemaIssuesFor } from '../analysis/schema-issues.js';
import { replaceFix } from '../analysis/yaml-edits.js';
import type { Fix } from '../diagnostic.js';
import { defineRule } from './rule.js';

const CODE = 'import math\n\n\ndef rmse(y_true, y_pred, **kwargs) -> float:\n    return math.sqrt(sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true))\n';
const metadata = (targetKey: string) =>
  `${targetKey}: Regression\nmetrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: true\n`;

/** CSM204: a top-level key other than `metrics` and `targetType`. */
export const rule = defineRule({
  id: 'CSM204',
  name: 'unknown-top-level-key',
  severity: 'warning',
  fixable: true,
  group: 'structure',
  docs: {
    summary: 'The metadata file has a top-level key other than `metrics` and `targetType`.',
    why: 'The server ignores keys it does not know, so a misspelt key (`metric:`, `target_type:`) silently loses what it holds.',
    bad: { 'metadata.yaml': metadata('targettype'), 'custom_metrics.py': CODE },
    good: { 'metadata.yaml': metadata('targetType'), 'custom_metrics.py': CODE },
    fix: 'Rename a misspelt key (`csmlint --fix` does it when there is one close match), move metric fields into the items of `metrics`, or delete the key.',
  },
  messages: {
    unknown: 'Unknown top-level key `{{key}}`; the file holds only `metrics` and `targetType`: remove it.',
    didYouMean: 'Unknown top-level key `{{key}}`; did you mean {{candidates}}?',
    metricField: '`{{key}}` is a metric field, not a top-level key; move it into each item of `metrics`.',
  },
  check({ pkg, report }) {
    const file = pkg.metadataFile!;
    for (const issue of schemaIssuesFor(pkg, 'unknown-top-level-key')) {
      const renames: Fix[] = issue.candidates.map((c) => replaceFix(file, issue.range, c, `Rename to \`${c}\``));
      const messageId = issue.isMetricField ? 'metricField' : renames.length ? 'didYouMean' : 'unknown';
      report({
        file: file.path, range: issue.range, messageId,
        data: { key: issue.key, candidates: issue.candidates.map((c) => `\`${c}\``).join(' or ') },
        ...(renames.length === 1 ? { fix: renames[0] } : { suggestions: renames }),
      });
    }
  },
});
