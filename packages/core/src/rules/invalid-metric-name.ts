import { checkedMetadata } from '../analysis/checked-metadata.js';
import { entryPointFunction } from '../analysis/entry-point.js';
import { PYTHON_KEYWORDS, isValidMetricName } from '../analysis/metric-name.js';
import { replaceFix } from '../analysis/yaml-edits.js';
import { MAX_METRIC_NAME_LENGTH, METRIC_NAME_PATTERN } from '../conventions.js';
import { getField, stringValue } from '../yaml/metadata-model.js';
import { defineRule } from './rule.js';

const metadata = (name: string) => `metrics:\n  - name: ${name}\n    label: Weighted MAE\n    entryPoint: weighted_mae\n    primaryMetric: true\n`;
const CODE = 'def weighted_mae(y_true, y_pred, **kwargs) -> float:\n    return sum(abs(t - p) for t, p in zip(y_true, y_pred)) / len(y_true)\n';

/** CSM300: a metric `name` is not a Python function name (identifier, not a keyword, at most 64 characters). */
export const rule = defineRule({
  id: 'CSM300',
  name: 'invalid-metric-name',
  severity: 'error',
  fixable: false,
  group: 'metric',
  docs: {
    summary: `A metric \`name\` is not a valid function name: an ASCII Python identifier (letters, digits, \`_\`, not starting with a digit), not a keyword, at most ${MAX_METRIC_NAME_LENGTH} characters.`,
    why: 'The API says `name` must match the Python function\'s name, and no Python function can be called `weighted-mae`, `2nd_metric` or `class`. Put the human-readable text in `label`.',
    bad: { 'metadata.yaml': metadata('weighted-mae'), 'custom_metrics.py': CODE },
    good: { 'metadata.yaml': metadata('weighted_mae'), 'custom_metrics.py': CODE },
    fix: 'Use the function\'s name as `name` (and keep the display text in `label`).',
  },
  messages: {
    notIdentifier: '`name` `{{name}}` is not a Python function name (ASCII letters, digits and `_`, not starting with a digit); use the function\'s name, e.g. `{{suggestion}}`, and put display text in `label`.',
    keyword: '`name` `{{name}}` is a Python keyword, which cannot name a function; use the function\'s name, e.g. `{{suggestion}}`.',
    tooLong: `\`name\` \`{{name}}\` is {{length}} characters long; keep it to ${MAX_METRIC_NAME_LENGTH}, e.g. \`{{suggestion}}\`.`,
  },
  check({ pkg, report }) {
    const checked = checkedMetadata(pkg);
    if (!checked) return;
    for (const entry of checked.model.metrics) {
      const name = stringValue(entry, 'name');
      if (name === undefined || name.trim() === '' || isValidMetricName(name)) continue;
      const range = getField(entry, 'name')!.valueRange;
      const fromEntryPoint = entryPointFunction(stringValue(entry, 'entryPoint') ?? '');
      const suggestion = fromEntryPoint && isValidMetricName(fromEntryPoint) ? fromEntryPoint : identifierLike(name);
      const messageId = PYTHON_KEYWORDS.has(name) ? 'keyword' : METRIC_NAME_PATTERN.test(name) ? 'tooLong' : 'notIdentifier';
      report({
        file: checked.file.path, range, messageId,
        data: { name, length: name.length, suggestion },
        suggestions: [replaceFix(checked.file, range, suggestion, `Rename to \`${suggestion}\``)],
      });
    }
  },
});

/** A valid metric name close to `name`: accents dropped, other characters as `_`, keywords suffixed. */
export function identifierLike(name: string): string {
  let id = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (id === '') id = 'metric';
  if (/^[0-9]/.test(id)) id = `metric_${id}`;
  if (PYTHON_KEYWORDS.has(id)) id = `${id}_metric`;
  return id.slice(0, MAX_METRIC_NAME_LENGTH);
}
