import { CODE_FILE_NAME, METADATA_FILE_NAMES } from '../conventions.js';
import { FILE_START } from '../positions.js';
import { defineRule } from './rule.js';

const CODE = 'import math\n\n\ndef rmse(y_true, y_pred, **kwargs) -> float:\n    return math.sqrt(sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true))\n';

/** CSM002: the package has custom_metrics.py but no metadata file. */
export const rule = defineRule({
  id: 'CSM002',
  name: 'missing-metadata-file',
  severity: 'error',
  fixable: false,
  group: 'package',
  docs: {
    summary: `The package has \`${CODE_FILE_NAME}\` but no \`metadata.yaml\` (or \`metadata.yml\`) next to it.`,
    why: 'A version is created from both files: the metadata declares which functions of the code are metrics, with their labels and options.',
    bad: { 'custom_metrics.py': CODE },
    good: {
      'metadata.yaml': 'metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: true\n',
      'custom_metrics.py': CODE,
    },
    fix: `Add \`${METADATA_FILE_NAMES[0]}\` next to \`${CODE_FILE_NAME}\` with a \`metrics:\` list declaring its functions (\`csmlint init\` writes a starter).`,
  },
  messages: {
    missing: `The package has no \`${METADATA_FILE_NAMES[0]}\`; add one next to \`${CODE_FILE_NAME}\` that declares its metrics (the upload needs both files).`,
  },
  check({ pkg, report }) {
    if (pkg.metadataFile || !pkg.codeFile) return;
    report({ file: pkg.codeFile.path, range: FILE_START, messageId: 'missing' });
  },
});
