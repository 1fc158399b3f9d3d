import { checkedMetadata } from '../analysis/checked-metadata.js';
import { defineRule } from './rule.js';

const CODE = 'import math\n\n\ndef rmse(y_true, y_pred, **kwargs) -> float:\n    return math.sqrt(sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true))\n';

/** CSM101: a key appears twice in one mapping. */
export const rule = defineRule({
  id: 'CSM101',
  name: 'yaml-duplicate-key',
  severity: 'error',
  fixable: false,
  group: 'yaml',
  docs: {
    summary: 'A key appears twice in the same mapping.',
    why: 'YAML forbids duplicate keys, and parsers disagree on what to do: some reject the file, others silently keep the last value. Either way one of the two values is lost, usually the one you meant.',
    bad: {
      'metadata.yaml': 'metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: false\n    primaryMetric: true\n',
      'custom_metrics.py': CODE,
    },
    good: {
      'metadata.yaml': 'metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: true\n',
      'custom_metrics.py': CODE,
    },
    fix: 'Keep one of the two keys, with the value you mean, and delete the other.',
  },
  messages: {
    duplicate: 'The key `{{key}}` is already set in this mapping; keep one of the two (parsers disagree on which value wins).',
  },
  check({ pkg, report }) {
    const parsed = checkedMetadata(pkg);
    if (!parsed) return;
    for (const problem of parsed.model.problems) {
      if (problem.kind !== 'duplicate-key' || !problem.firstRange) continue;
      report({
        file: parsed.file.path, range: problem.range, messageId: 'duplicate', data: { key: problem.key ?? problem.message },
        related: [{ file: parsed.file.path, range: problem.firstRange, message: `\`${problem.key}\` is first set here` }],
      });
    }
  },
});
