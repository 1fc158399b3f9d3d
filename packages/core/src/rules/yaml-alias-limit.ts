import { parsedMetadata } from '../analysis/checked-metadata.js';
import { MAX_ALIAS_EXPANSION } from '../conventions.js';
import { defineRule } from './rule.js';

const CODE = 'import math\n\n\ndef rmse(y_true, y_pred, **kwargs) -> float:\n    return math.sqrt(sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true))\n';
const BOMB = [
  'a: &a [x, x, x, x, x, x, x, x, x, x]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
].join('\n');

/** CSM105: aliases expand the document past the cap ("billion laughs"). */
export const rule = defineRule({
  id: 'CSM105',
  name: 'yaml-alias-limit',
  severity: 'error',
  fixable: false,
  group: 'yaml',
  docs: {
    summary: `Anchors and aliases expand the document to more than ${MAX_ALIAS_EXPANSION} extra nodes.`,
    why: 'Aliases that refer to lists of aliases grow exponentially when expanded (the "billion laughs" attack): loading such a file can exhaust the memory of the server or the editor. csmlint stops reading the file at the cap.',
    bad: { 'metadata.yaml': `${BOMB}\nmetrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: true\n`, 'custom_metrics.py': CODE },
    good: { 'metadata.yaml': 'metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: true\n', 'custom_metrics.py': CODE },
    fix: 'Write the values out instead of nesting aliases, or remove the aliases the metrics do not need.',
  },
  messages: {
    limit: `With its aliases expanded the file grows by more than {{limit}} nodes; csmlint stops reading it here: write the values out instead of nesting aliases.`,
  },
  check({ pkg, report }) {
    const parsed = parsedMetadata(pkg);
    if (!parsed) return;
    for (const problem of parsed.model.problems) {
      if (problem.kind === 'alias-limit') report({ file: parsed.file.path, range: problem.range, messageId: 'limit', data: { limit: MAX_ALIAS_EXPANSION } });
    }
  },
});
