import { parsedMetadata } from '../analysis/checked-metadata.js';
import { defineRule } from './rule.js';

const CODE = 'import math\n\n\ndef rmse(y_true, y_pred, **kwargs) -> float:\n    return math.sqrt(sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true))\n';
const METADATA = 'metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: true\n';

/** CSM102: the metadata file holds several YAML documents (`---`). */
export const rule = defineRule({
  id: 'CSM102',
  name: 'yaml-multiple-documents',
  severity: 'error',
  fixable: false,
  group: 'yaml',
  docs: {
    summary: 'The metadata file holds several YAML documents separated by `---`.',
    why: 'The server reads one document: a single-document loader rejects the file, others ignore everything after the first `---`. csmlint checks only the first document.',
    bad: { 'metadata.yaml': `${METADATA}---\nmetrics:\n  - name: mae\n    label: MAE\n    entryPoint: mae\n    primaryMetric: false\n`, 'custom_metrics.py': CODE },
    good: { 'metadata.yaml': METADATA, 'custom_metrics.py': CODE },
    fix: 'Keep one document: merge the metrics into the first `metrics:` list and delete the `---` lines.',
  },
  messages: {
    multiple: 'The file holds {{count}} YAML documents and the server reads one; merge them into the first and delete this `---`.',
  },
  check({ pkg, report }) {
    const parsed = parsedMetadata(pkg);
    if (!parsed) return;
    for (const problem of parsed.model.problems) {
      if (problem.kind !== 'multiple-documents') continue;
      report({ file: parsed.file.path, range: problem.range, messageId: 'multiple', data: { count: problem.count ?? 2 } });
    }
  },
});
