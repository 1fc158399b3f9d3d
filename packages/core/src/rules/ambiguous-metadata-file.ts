import { METADATA_FILE_NAMES } from '../conventions.js';
import { FILE_START } from '../positions.js';
import { defineRule } from './rule.js';

const METADATA = 'metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: true\n';
const CODE = 'import math\n\n\ndef rmse(y_true, y_pred, **kwargs) -> float:\n    return math.sqrt(sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true))\n';

/** CSM003: both metadata.yaml and metadata.yml are in the package. */
export const rule = defineRule({
  id: 'CSM003',
  name: 'ambiguous-metadata-file',
  severity: 'error',
  fixable: false,
  group: 'package',
  docs: {
    summary: 'The package holds both `metadata.yaml` and `metadata.yml`.',
    why: 'Only one metadata file is uploaded with a version; with two, nobody can tell which one the server gets, and they drift apart. csmlint checks `metadata.yaml`.',
    bad: { 'metadata.yaml': METADATA, 'metadata.yml': METADATA, 'custom_metrics.py': CODE },
    good: { 'metadata.yaml': METADATA, 'custom_metrics.py': CODE },
    fix: 'Keep one of the two files (merge any differences into it) and delete the other.',
  },
  messages: {
    ambiguous: `Both \`${METADATA_FILE_NAMES[0]}\` and \`${METADATA_FILE_NAMES[1]}\` are in the package; keep one and delete the other (csmlint checks \`${METADATA_FILE_NAMES[0]}\`).`,
  },
  check({ pkg, report }) {
    if (!pkg.ambiguousMetadataFile) return;
    report({ file: pkg.ambiguousMetadataFile.path, range: FILE_START, messageId: 'ambiguous' });
  },
});
