import { checkedMetadata } from '../analysis/checked-metadata.js';
import { defineRule } from './rule.js';

const CODE = 'import math\n\n\ndef rmse(y_true, y_pred, **kwargs) -> float:\n    return math.sqrt(sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true))\n\n\ndef mae(y_true, y_pred, **kwargs) -> float:\n    return sum(abs(t - p) for t, p in zip(y_true, y_pred)) / len(y_true)\n';

/** CSM104: a `<<` merge key, which only YAML 1.1 parsers expand. */
export const rule = defineRule({
  id: 'CSM104',
  name: 'yaml-merge-key',
  severity: 'warning',
  fixable: false,
  group: 'yaml',
  docs: {
    summary: 'A mapping uses a `<<` merge key to copy fields from an anchor.',
    why: 'Merge keys are a YAML 1.1 feature that YAML 1.2 dropped: a 1.2 parser reads `<<` as an ordinary key, so the merged fields silently disappear (and `<<` becomes an unknown field). csmlint checks the merged fields as if they were written in place.',
    bad: {
      'metadata.yaml': 'metrics:\n  - &rmse\n    name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: true\n    lowerIsBetter: true\n  - <<: *rmse\n    name: mae\n    label: MAE\n    entryPoint: mae\n    primaryMetric: false\n',
      'custom_metrics.py': CODE,
    },
    good: {
      'metadata.yaml': 'metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: true\n    lowerIsBetter: true\n  - name: mae\n    label: MAE\n    entryPoint: mae\n    primaryMetric: false\n    lowerIsBetter: true\n',
      'custom_metrics.py': CODE,
    },
    fix: 'Write the fields out in each metric instead of merging them with `<<`.',
  },
  messages: {
    merge: '`<<` merge keys are YAML 1.1 only and a YAML 1.2 parser keeps `<<` as a plain key; write the merged fields out here.',
  },
  check({ pkg, report }) {
    const checked = checkedMetadata(pkg);
    if (!checked) return;
    for (const range of checked.model.mergeKeys) report({ file: checked.file.path, range, messageId: 'merge' });
  },
});
