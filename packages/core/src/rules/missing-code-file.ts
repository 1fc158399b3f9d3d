import { CODE_FILE_NAME } from '../conventions.js';
import { FILE_START } from '../positions.js';
import { baseName } from '../source.js';
import { defineRule } from './rule.js';

/** CSM001: the package has metadata but no custom_metrics.py. */
export const rule = defineRule({
  id: 'CSM001',
  name: 'missing-code-file',
  severity: 'error',
  fixable: false,
  group: 'package',
  docs: {
    summary: 'The package has a metadata file but no `custom_metrics.py` next to it.',
    why: 'A version is created from both files; the upload needs the code that implements the declared metrics.',
    bad: { 'metadata.yaml': 'metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: true\n' },
    good: {
      'metadata.yaml': 'metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: true\n',
      'custom_metrics.py': 'import math\n\n\ndef rmse(y_true, y_pred, sample_weight=None, **kwargs) -> float:\n    return math.sqrt(sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true))\n',
    },
    fix: `Add \`${CODE_FILE_NAME}\` to the directory (\`csmlint init\` writes a starter), or move the metadata file next to it.`,
  },
  messages: {
    missing: `The package has no \`${CODE_FILE_NAME}\`; add it next to \`{{metadata}}\` (the upload needs both files).`,
  },
  check({ pkg, report }) {
    if (pkg.codeFile || !pkg.metadataFile) return;
    report({ file: pkg.metadataFile.path, range: FILE_START, messageId: 'missing', data: { metadata: baseName(pkg.metadataFile.path) } });
  },
});
