import { checkedMetadata } from '../analysis/checked-metadata.js';
import { parseEntryPoint } from '../analysis/entry-point.js';
import { isValidMetricName } from '../analysis/metric-name.js';
import { replaceFix, yamlString } from '../analysis/yaml-edits.js';
import { CODE_FILE_NAME } from '../conventions.js';
import { getField, stringValue } from '../yaml/metadata-model.js';
import { defineRule } from './rule.js';

const metadata = (entryPoint: string) => `metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: ${entryPoint}\n    primaryMetric: true\n`;
const CODE = 'def rmse(y_true, y_pred, **kwargs) -> float:\n    return (sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true)) ** 0.5\n';

/** CSM305: an `entryPoint` that cannot name a top-level function of custom_metrics.py. */
export const rule = defineRule({
  id: 'CSM305',
  name: 'invalid-entry-point',
  severity: 'error',
  fixable: true,
  group: 'metric',
  docs: {
    summary: `An \`entryPoint\` is not a function of \`${CODE_FILE_NAME}\`: it names another module, a method inside a class, a file path, a keyword, or is not a function name at all.`,
    why: `The server loads the metric from \`${CODE_FILE_NAME}\` only, and calls a top-level function by its name. Accepted forms are \`fn\` (preferred), \`custom_metrics.fn\`, \`custom_metrics:fn\` and \`custom_metrics.py:fn\`.`,
    bad: { 'metadata.yaml': metadata('metrics.scoring.rmse'), 'custom_metrics.py': CODE },
    good: { 'metadata.yaml': metadata('rmse'), 'custom_metrics.py': CODE },
    fix: `Write the name of a top-level function of \`${CODE_FILE_NAME}\` (move the code there if it lives elsewhere).`,
  },
  messages: {
    otherModule: `\`entryPoint\` \`{{value}}\` names another module; the server loads functions from \`${CODE_FILE_NAME}\` only: write the function's name.`,
    dottedPath: `\`entryPoint\` \`{{value}}\` points inside a class or object; the metric must be a top-level function of \`${CODE_FILE_NAME}\`: write its name.`,
    filePath: '`entryPoint` `{{value}}` is a file path; write the function\'s name.',
    notIdentifier: `\`entryPoint\` \`{{value}}\` is not a Python function name; write the name of a function in \`${CODE_FILE_NAME}\`.`,
    keyword: '`entryPoint` `{{value}}` is a Python keyword, which cannot name a function; write the function\'s name.',
    whitespace: '`entryPoint` `{{value}}` has blanks around the function name; remove them.',
  },
  check({ pkg, report }) {
    const checked = checkedMetadata(pkg);
    if (!checked) return;
    for (const entry of checked.model.metrics) {
      const value = stringValue(entry, 'entryPoint');
      if (value === undefined) continue;
      const form = parseEntryPoint(value);
      if (form.kind !== 'invalid') continue;
      const range = getField(entry, 'entryPoint')!.valueRange;
      const data = { value, reason: form.reason };
      if (form.reason === 'whitespace') {
        const trimmed = value.trim();
        const fix = replaceFix(checked.file, range, yamlString(trimmed), `Write \`${trimmed}\``);
        report({ file: checked.file.path, range, messageId: 'whitespace', data, fix });
        continue;
      }
      const candidate = lastSegment(value);
      const messageId = form.reason === 'other-module' ? 'otherModule' : form.reason === 'dotted-path' ? 'dottedPath' : form.reason === 'file-path' ? 'filePath' : form.reason === 'keyword' ? 'keyword' : 'notIdentifier';
      report({
        file: checked.file.path, range, messageId, data,
        ...(candidate ? { suggestions: [replaceFix(checked.file, range, yamlString(candidate), `Change to \`${candidate}\``)] } : {}),
      });
    }
  },
});

/** The function name a qualified path most likely means (`pkg.mod.fn` → `fn`). */
function lastSegment(value: string): string | undefined {
  const last = value.split(/[.:/\\]/).pop() ?? '';
  return last !== 'py' && isValidMetricName(last) ? last : undefined;
}
