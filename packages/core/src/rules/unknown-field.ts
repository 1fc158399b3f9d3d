import { describeMetric } from '../analysis/checked-metadata.js';
import { TOP_LEVEL_KEYS, schemaIssuesFor } from '../analysis/schema-issues.js';
import { replaceFix } from '../analysis/yaml-edits.js';
import type { Fix } from '../diagnostic.js';
import { CUSTOM_METRIC_FIELDS } from '../schema.js';
import { defineRule } from './rule.js';

const CODE = 'import math\n\n\ndef rmse(y_true, y_pred, **kwargs) -> float:\n    return math.sqrt(sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true))\n';
const metadata = (key: string) => `metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: true\n    ${key}: true\n`;
const FIELD_LIST = CUSTOM_METRIC_FIELDS.map((f) => `\`${f}\``).join(', ');

/** CSM212: a metric has a field the API does not define. */
export const rule = defineRule({
  id: 'CSM212',
  name: 'unknown-field',
  severity: 'warning',
  fixable: true,
  group: 'metric',
  docs: {
    summary: `A metric has a field other than ${FIELD_LIST}.`,
    why: 'The server ignores fields it does not know, so a misspelt one (`lowerIsbetter`, `entrypoint`) silently falls back to its default or leaves a required field missing.',
    bad: { 'metadata.yaml': metadata('lowerIsbetter'), 'custom_metrics.py': CODE },
    good: { 'metadata.yaml': metadata('lowerIsBetter'), 'custom_metrics.py': CODE },
    fix: 'Rename a misspelt field (`csmlint --fix` does it when there is one close match), or delete the field.',
  },
  messages: {
    unknown: `Unknown field \`{{key}}\` in {{metric}}; remove it (a metric has ${FIELD_LIST}).`,
    didYouMean: 'Unknown field `{{key}}` in {{metric}}; did you mean {{candidates}}?',
    topLevel: '`{{key}}` is a top-level key, not a metric field; move it to the top of the file.',
  },
  check({ pkg, report }) {
    const file = pkg.metadataFile!;
    for (const issue of schemaIssuesFor(pkg, 'unknown-field')) {
      const renames: Fix[] = issue.candidates.map((c) => replaceFix(file, issue.range, c, `Rename to \`${c}\``));
      const messageId = TOP_LEVEL_KEYS.includes(issue.key) ? 'topLevel' : renames.length ? 'didYouMean' : 'unknown';
      report({
        file: file.path, range: issue.range, messageId,
        data: { key: issue.key, metric: describeMetric(issue.entry), candidates: issue.candidates.map((c) => `\`${c}\``).join(' or ') },
        ...(renames.length === 1 ? { fix: renames[0] } : { suggestions: renames }),
      });
    }
  },
});
