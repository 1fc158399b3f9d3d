import { DEFAULT_MAX_FILE_SIZE } from '../conventions.js';
import { FILE_START } from '../positions.js';
import { baseName } from '../source.js';
import { defineRule } from './rule.js';

const CODE = 'import math\n\n\ndef rmse(y_true, y_pred, **kwargs) -> float:\n    return math.sqrt(sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true))\n';
const metadata = (description: string) =>
  `metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: true\n    description: ${description}\n`;

/** CSM005: a file is larger than the size cap (`maxFileSize`), so it is not checked. */
export const rule = defineRule({
  id: 'CSM005',
  name: 'file-too-large',
  severity: 'error',
  fixable: false,
  group: 'package',
  docs: {
    summary: `A package file is larger than the size cap (\`maxFileSize\`, ${DEFAULT_MAX_FILE_SIZE} bytes by default), so csmlint does not check it.`,
    why: 'A metric package is two small text files; a file this large is usually generated or the wrong file, and reading it would slow every check (and the editor) down.',
    bad: {
      'metadata.yaml': `# Checked with \`maxFileSize: 200\` in .csmlint.yaml\n${metadata(`Root mean squared error. ${'Lorem ipsum dolor sit amet. '.repeat(4)}`)}`,
      'custom_metrics.py': CODE,
    },
    good: { 'metadata.yaml': metadata('Root mean squared error'), 'custom_metrics.py': CODE },
    // A small cap keeps the example short; the default is 1 MiB.
    exampleConfig: { maxFileSize: 200 },
    fix: 'Make the file smaller (move data out of it), or raise `maxFileSize` in the project config if the size is intended.',
  },
  messages: {
    tooLarge: '`{{file}}` is too large to check ({{detail}}); make it smaller or raise `maxFileSize` in the config.',
  },
  check({ pkg, report }) {
    for (const file of pkg.files) {
      if (file.unreadable?.reason !== 'too-large') continue;
      report({ file: file.path, range: FILE_START, messageId: 'tooLarge', data: { file: baseName(file.path), detail: file.unreadable.detail } });
    }
  },
});
