import { schemaIssuesFor } from '../analysis/schema-issues.js';
import { replaceFix } from '../analysis/yaml-edits.js';
import { TARGET_TYPES } from '../conventions.js';
import type { Fix } from '../diagnostic.js';
import { defineRule } from './rule.js';

const CODE = 'import math\n\n\ndef rmse(y_true, y_pred, **kwargs) -> float:\n    return math.sqrt(sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true))\n';
const metadata = (targetType: string) =>
  `targetType: ${targetType}\nmetrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: true\n`;
const quoted = TARGET_TYPES.map((t) => `\`${t}\``);
const ACCEPTED = `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;

/** CSM215: the metadata's `targetType` is not one the API accepts. */
export const rule = defineRule({
  id: 'CSM215',
  name: 'invalid-target-type',
  severity: 'error',
  fixable: true,
  group: 'structure',
  docs: {
    summary: `The metadata file's \`targetType\` is not one of ${ACCEPTED} (or their lowercase spelling).`,
    why: 'The API accepts only these target types, and csmlint uses the target type to check how the metrics treat predictions. An unknown one is rejected by the server and turns the target-aware checks off.',
    bad: { 'metadata.yaml': metadata('Regresion'), 'custom_metrics.py': CODE },
    good: { 'metadata.yaml': metadata('Regression'), 'custom_metrics.py': CODE },
    fix: `Write one of ${ACCEPTED}; \`csmlint --fix\` corrects a close misspelling.`,
  },
  messages: {
    invalid: `\`targetType\` \`{{value}}\` is not a target type; use ${ACCEPTED}.`,
    didYouMean: '`targetType` `{{value}}` is not a target type; did you mean {{candidates}}?',
    empty: `\`targetType\` is empty; write ${ACCEPTED}, or remove the key.`,
    wrongType: `\`targetType\` is {{value}}; write ${ACCEPTED}.`,
  },
  check({ pkg, report }) {
    const file = pkg.metadataFile!;
    for (const issue of schemaIssuesFor(pkg, 'invalid-target-type')) {
      const renames: Fix[] = issue.candidates.map((c) => replaceFix(file, issue.valueRange, c, `Change to \`${c}\``));
      const messageId = issue.shape === 'empty' ? 'empty' : issue.shape === 'collection' ? 'wrongType' : renames.length ? 'didYouMean' : 'invalid';
      report({
        file: file.path, range: issue.range, messageId,
        data: { value: issue.value, candidates: issue.candidates.map((c) => `\`${c}\``).join(' or ') },
        ...(renames.length === 1 ? { fix: renames[0] } : { suggestions: renames }),
      });
    }
  },
});
