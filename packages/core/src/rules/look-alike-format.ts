import { parsedMetadata } from '../analysis/checked-metadata.js';
import { wrapInMetricsFix } from '../analysis/yaml-edits.js';
import type { Range } from '../diagnostic.js';
import type { MetadataModel } from '../yaml/metadata-model.js';
import { keyText, nodeRange } from '../yaml/metadata-model.js';
import { defineRule } from './rule.js';

const CODE = 'import math\n\n\ndef rmse(y_true, y_pred, **kwargs) -> float:\n    return math.sqrt(sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true))\n';
const ITEM = '- name: rmse\n  label: RMSE\n  entryPoint: rmse\n  primaryMetric: true\n';

/** The key that gives a look-alike away, where its finding goes. */
const TELLING_KEYS = { dmm: 'customMetrics', 'custom-job': 'runtimeParameterDefinitions', drum: 'type' } as const;

/** CSM205: the file is another DataRobot format, or metrics without their `metrics:` list. */
export const rule = defineRule({
  id: 'CSM205',
  name: 'look-alike-format',
  severity: 'error',
  fixable: true,
  group: 'structure',
  docs: {
    summary: 'The metadata file is another format (a DMM custom-metrics config, a DRUM `model-metadata.yaml`, a custom job\'s `metadata.yaml`), or metrics written without their `metrics:` list.',
    why: 'These files look alike but the server reads none of them as scoring-metric metadata. csmlint names the format once instead of reporting every key as a schema error.',
    bad: { 'metadata.yaml': ITEM, 'custom_metrics.py': CODE },
    good: { 'metadata.yaml': `metrics:\n${ITEM.replace(/^/gm, '  ').trimEnd()}\n`, 'custom_metrics.py': CODE },
    fix: 'Put the metrics in a `metrics:` list (`csmlint --fix` wraps a bare list or a single metric), or, for another format, use the file where it belongs and write a scoring-metric `metadata.yaml` here.',
  },
  messages: {
    'bare-list': 'The file is a bare list of metrics; put it under a top-level `metrics:` key.',
    'single-metric': 'The file is a single metric without its list; put it as an item under a top-level `metrics:` key.',
    dmm: 'This is a DataRobot monitoring (DMM) custom-metrics config (`customMetrics:`), not scoring-metric metadata; declare scoring metrics under `metrics:` with `name`, `label`, `entryPoint` and `primaryMetric`.',
    drum: 'This is a DRUM `model-metadata.yaml` (`type`, `targetType`, `environmentID`), not scoring-metric metadata; declare scoring metrics under `metrics:` with `name`, `label`, `entryPoint` and `primaryMetric`.',
    'custom-job': 'This is a custom job\'s `metadata.yaml` (`runtimeParameterDefinitions:`), not scoring-metric metadata; declare scoring metrics under `metrics:` with `name`, `label`, `entryPoint` and `primaryMetric`.',
  },
  check({ pkg, report }) {
    const parsed = parsedMetadata(pkg);
    if (!parsed) return;
    const { model, file } = parsed;
    const layout = model.layout;
    if (layout.kind === 'look-alike') {
      report({ file: file.path, range: tellingKeyRange(model, TELLING_KEYS[layout.format]), messageId: layout.format, data: { format: layout.format } });
    } else if (layout.kind === 'bare-list' || layout.kind === 'single-metric') {
      const fix = model.hasSyntaxErrors ? undefined : wrapInMetricsFix(file, model);
      report({ file: file.path, range: firstLine(model), messageId: layout.kind, data: { format: layout.kind }, ...(fix ? { fix } : {}) });
    }
  },
});

/** The key that identified the format, else the root's first key. */
function tellingKeyRange(model: MetadataModel, key: string): Range {
  const pair = model.rootPairs.find((p) => keyText(p) === key) ?? model.rootPairs.find((p) => keyText(p) === 'environmentID') ?? model.rootPairs[0];
  return nodeRange(pair?.key, model.lines) ?? model.lines.rangeOf(0, 0);
}

/** The root's first line: `- name: rmse` for a bare list, `name: rmse` for a single metric. */
function firstLine(model: MetadataModel): Range {
  const root = nodeRange(model.root, model.lines) ?? model.lines.rangeOf(0, 0);
  if (root.end.line === root.start.line) return root;
  const end = model.lines.lineContentEnd(root.start.line);
  return { start: root.start, end: model.lines.positionAt(end) };
}
