import { describeMetric } from '../analysis/checked-metadata.js';
import { schemaIssuesFor } from '../analysis/schema-issues.js';
import { replaceFix } from '../analysis/yaml-edits.js';
import type { Fix } from '../diagnostic.js';
import type { SourceFile } from '../source.js';
import { BOOLEAN_FIELDS, STRING_FIELDS } from '../schema.js';
import { isScalar, type FieldEntry } from '../yaml/metadata-model.js';
import { defineRule } from './rule.js';

const CODE = 'import math\n\n\ndef rmse(y_true, y_pred, **kwargs) -> float:\n    return math.sqrt(sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true))\n';
const metadata = (primary: string) => `metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: ${primary}\n`;

/** CSM211: a metric, or a metric field, has the wrong type. */
export const rule = defineRule({
  id: 'CSM211',
  name: 'wrong-type',
  severity: 'error',
  fixable: true,
  group: 'metric',
  docs: {
    summary: 'A metric field has the wrong type (a quoted `"true"` for a boolean, a number or a list for a string), or a metric item is not a mapping.',
    why: 'The API types every field: `primaryMetric`, `lowerIsBetter` and `useWeights` are booleans, `name`, `label`, `entryPoint` and `description` strings. The server rejects a version whose metric has another type.',
    bad: { 'metadata.yaml': metadata('"true"'), 'custom_metrics.py': CODE },
    good: { 'metadata.yaml': metadata('true'), 'custom_metrics.py': CODE },
    fix: 'Write booleans as bare `true`/`false` and quote strings that look like numbers (`label: "2024"`); `csmlint --fix` does both.',
  },
  messages: {
    field: 'In {{metric}}, `{{key}}` is {{actual}}; it must be {{expected}}{{hint}}.',
    item: 'Item {{index}} of `metrics` is {{actual}}; each metric must be a mapping with `name`, `label`, `entryPoint` and `primaryMetric`.',
  },
  check({ pkg, report }) {
    const file = pkg.metadataFile!;
    for (const issue of schemaIssuesFor(pkg, 'wrong-type')) {
      if (!issue.key) {
        report({ file: file.path, range: issue.range, messageId: 'item', data: { index: issue.entry.index + 1, actual: issue.actual } });
        continue;
      }
      const fix = issue.fieldEntry ? typeFix(file, issue.fieldEntry) : undefined;
      report({
        file: file.path, range: issue.range, messageId: 'field',
        data: { metric: describeMetric(issue.entry), key: issue.key, actual: issue.actual, expected: issue.expected, hint: fix?.hint ?? '' },
        ...(fix ? { fix: fix.fix } : {}),
      });
    }
  },
});

/** The obvious repair of a scalar of the wrong type: unquote `"true"`, quote `2024`. */
function typeFix(file: SourceFile, f: FieldEntry): { fix: Fix; hint: string } | undefined {
  const node = f.valueNode;
  if (!f.field || !isScalar(node)) return undefined;
  if (BOOLEAN_FIELDS.includes(f.field) && typeof node.value === 'string' && /^(true|false)$/i.test(node.value.trim())) {
    const value = node.value.trim().toLowerCase();
    return { fix: replaceFix(file, f.valueRange, value, `Write \`${value}\``), hint: ': remove the quotes' };
  }
  if (STRING_FIELDS.includes(f.field) && (typeof node.value === 'number' || typeof node.value === 'boolean') && node.source) {
    const quoted = JSON.stringify(node.source);
    return { fix: replaceFix(file, f.valueRange, quoted, `Quote it: \`${quoted}\``), hint: ': quote it' };
  }
  return undefined;
}
