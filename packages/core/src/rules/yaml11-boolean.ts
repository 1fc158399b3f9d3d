import { checkedMetadata } from '../analysis/checked-metadata.js';
import { replaceFix } from '../analysis/yaml-edits.js';
import { BOOLEAN_FIELDS, STRING_FIELDS } from '../schema.js';
import { isScalar, yaml11Boolean } from '../yaml/metadata-model.js';
import { defineRule } from './rule.js';

const CODE = 'import math\n\n\ndef rmse(y_true, y_pred, **kwargs) -> float:\n    return math.sqrt(sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true))\n';
const metadata = (primary: string) => `metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: ${primary}\n`;

/** CSM103: `yes`/`no`/`on`/`off`/`y`/`n` on a metric field, read differently by YAML 1.1 and 1.2. */
export const rule = defineRule({
  id: 'CSM103',
  name: 'yaml11-boolean',
  severity: 'error',
  fixable: true,
  group: 'yaml',
  docs: {
    summary: 'A metric field is `yes`, `no`, `on`, `off`, `y` or `n` (any case): a boolean for YAML 1.1 parsers, a string for YAML 1.2 ones. Error on boolean fields, warning on string fields.',
    why: 'PyYAML, which a Python server may use, reads `primaryMetric: yes` as `true`; a YAML 1.2 parser reads the string "yes", which is not a boolean. The other way round, `label: no` becomes `false` instead of the label "no". The same file means different things to different tools.',
    bad: { 'metadata.yaml': metadata('yes'), 'custom_metrics.py': CODE },
    good: { 'metadata.yaml': metadata('true'), 'custom_metrics.py': CODE },
    fix: 'On boolean fields write `true` or `false`; on string fields quote the word (`label: "no"`). `csmlint --fix` does both.',
  },
  messages: {
    boolean: '`{{key}}` is `{{value}}`, which YAML 1.1 parsers read as a boolean but YAML 1.2 reads as a string; write `{{boolean}}`.',
    string: '`{{key}}` is `{{value}}`, which YAML 1.1 parsers read as the boolean `{{boolean}}`, not a string; quote it: `"{{value}}"`.',
  },
  check({ pkg, report }) {
    const checked = checkedMetadata(pkg);
    if (!checked) return;
    const seen = new Set<unknown>();
    for (const entry of checked.model.metrics) {
      for (const f of entry.fields) {
        const node = f.valueNode;
        if (!f.field || !isScalar(node) || node.type !== 'PLAIN' || typeof node.value !== 'string' || seen.has(f.pair)) continue;
        const meaning = yaml11Boolean(node.value);
        if (meaning === undefined) continue;
        seen.add(f.pair);
        const data = { key: f.key, value: node.value, boolean: String(meaning) };
        if (BOOLEAN_FIELDS.includes(f.field)) {
          const fix = replaceFix(checked.file, f.valueRange, String(meaning), `Write \`${meaning}\``);
          report({ file: checked.file.path, range: f.valueRange, messageId: 'boolean', data, fix });
        } else if (STRING_FIELDS.includes(f.field)) {
          const quoted = JSON.stringify(node.value);
          const fix = replaceFix(checked.file, f.valueRange, quoted, `Quote it: \`${quoted}\``);
          report({ file: checked.file.path, range: f.valueRange, messageId: 'string', severity: 'warning', data, fix });
        }
      }
    }
  },
});
