import { schemaIssuesFor } from '../analysis/schema-issues.js';
import { defineRule } from './rule.js';

const CODE = 'import math\n\n\ndef rmse(y_true, y_pred, **kwargs) -> float:\n    return math.sqrt(sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true))\n';

/** CSM200: the top level of metadata.yaml is not a mapping. */
export const rule = defineRule({
  id: 'CSM200',
  name: 'root-not-mapping',
  severity: 'error',
  fixable: false,
  group: 'structure',
  docs: {
    summary: 'The top level of the metadata file is a plain value (text, a number), not a mapping.',
    why: 'The server looks for a `metrics:` key at the top level; a file whose top level is a string or a number declares no metrics.',
    bad: { 'metadata.yaml': 'rmse\n', 'custom_metrics.py': CODE },
    good: { 'metadata.yaml': 'metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: true\n', 'custom_metrics.py': CODE },
    fix: 'Make the top level a mapping with a `metrics:` list (`csmlint init` writes a starter file).',
  },
  messages: {
    notMapping: 'The top level of the file is {{actual}}; it must be a mapping with a `metrics:` list.',
  },
  check({ pkg, report }) {
    for (const issue of schemaIssuesFor(pkg, 'root-not-mapping')) {
      report({ file: pkg.metadataFile!.path, range: issue.range, messageId: 'notMapping', data: { actual: issue.actual } });
    }
  },
});
