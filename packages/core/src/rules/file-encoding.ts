import { FILE_START } from '../positions.js';
import { baseName } from '../source.js';
import { defineRule } from './rule.js';

const METADATA = 'metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: true\n';
const CODE = 'import math\n\n\ndef rmse(y_true, y_pred, **kwargs) -> float:\n    return math.sqrt(sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true))\n';

/** CSM004: a file is not plain UTF-8 (a BOM: warning; UTF-16, invalid UTF-8 or binary: error). */
export const rule = defineRule({
  id: 'CSM004',
  name: 'file-encoding',
  severity: 'error',
  fixable: false,
  group: 'package',
  docs: {
    summary: 'A package file is not plain UTF-8: it starts with a byte order mark (warning), or is UTF-16, invalid UTF-8 or binary (error).',
    why: 'The API takes the files as raw UTF-8. A BOM is an invisible character that some parsers keep as part of the first key; other encodings or binary data cannot be read at all, so nothing else in the file can be checked.',
    bad: { 'metadata.yaml': `\uFEFF${METADATA}`, 'custom_metrics.py': CODE },
    good: { 'metadata.yaml': METADATA, 'custom_metrics.py': CODE },
    fix: 'Save the file as UTF-8 without BOM (most editors offer the encoding in their status bar or "Save with encoding").',
  },
  messages: {
    bom: '`{{file}}` starts with a byte order mark (BOM); save it as UTF-8 without BOM.',
    utf16: '`{{file}}` is UTF-16; save it as UTF-8.',
    'invalid-utf8': '`{{file}}` is not valid UTF-8 ({{detail}}); save it as UTF-8.',
    binary: '`{{file}}` holds binary data ({{detail}}); it must be UTF-8 text.',
  },
  check({ pkg, report }) {
    for (const file of pkg.files) {
      const name = baseName(file.path);
      if (file.hadBom) report({ file: file.path, range: FILE_START, messageId: 'bom', severity: 'warning', data: { file: name } });
      const reason = file.unreadable?.reason;
      if (reason && reason !== 'too-large') {
        report({ file: file.path, range: FILE_START, messageId: reason, data: { file: name, detail: file.unreadable!.detail } });
      }
    }
  },
});
