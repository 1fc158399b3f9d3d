import type { Fix, RelatedLocation, TextEdit } from '../diagnostic.js';
import { CODE_FILE_NAME, CONVENTION } from '../conventions.js';
import { allReferences, didYouMean, locateInValue, packageMetrics, referenceData, type MetricFacts, type MetricReference, type PackageMetrics } from '../analysis/metrics.js';
import { getField, stringValue } from '../yaml/metadata-model.js';
import { defineRule } from './rule.js';

const metadata = (entryPoint: string) =>
  `metrics:\n  - name: ${entryPoint}\n    label: Weighted MAE\n    entryPoint: ${entryPoint}\n    primaryMetric: true\n    useWeights: true\n`;
const CODE =
  'import numpy as np\n\n\ndef weighted_mae(y_true, y_pred, sample_weight=None, **kwargs) -> float:\n' +
  '    """Mean absolute error, weighted by row."""\n' +
  '    return float(np.average(np.abs(np.asarray(y_true) - np.asarray(y_pred)), weights=sample_weight))\n';

/** CSM401: a metric names a function that custom_metrics.py does not define. */
export const rule = defineRule({
  id: 'CSM401',
  name: 'function-not-found',
  severity: 'error',
  fixable: true,
  group: 'python',
  docs: {
    summary: 'A metric\'s `entryPoint` (or `name`) names a function that `custom_metrics.py` does not define at top level.',
    why: 'The server imports `custom_metrics.py` and looks the function up by name; when it is not there, every score of the metric fails. A typo in either file is the usual cause.',
    bad: { 'metadata.yaml': metadata('wieghted_mae'), 'custom_metrics.py': CODE },
    good: { 'metadata.yaml': metadata('weighted_mae'), 'custom_metrics.py': CODE },
    fix: 'Correct the name (when exactly one function is close, `--fix` renames the value), or define the function in `custom_metrics.py` (the editor offers a stub).',
  },
  messages: {
    didYouMean: '`{{key}}` `{{value}}` is not a function in custom_metrics.py; did you mean {{candidates}}?',
    notFound: '`{{key}}` `{{value}}` is not a function in custom_metrics.py; define `{{function}}` there or correct the name.',
  },
  check({ pkg, report }) {
    const pm = packageMetrics(pkg);
    if (!pm) return;
    const claimedBy = renameTargetsThatWouldCollide(pm);
    for (const { facts, reference } of allReferences(pm)) {
      if (reference.resolution.kind !== 'missing') continue;
      const candidates = didYouMean(pm, reference);
      const data = { ...referenceData(reference), candidates: candidates.map((c) => `\`${c}\``).join(' or ') };
      const renames = candidates.map((candidate) => renameFix(pm, facts, reference, candidate)).filter((f): f is Fix => !!f);
      const onlyRename = candidates.length === 1 && !collides(claimedBy, candidates[0]!, facts) ? renames[0] : undefined;
      report({
        file: pm.metadataFile.path,
        range: reference.entry.valueRange,
        messageId: candidates.length ? 'didYouMean' : 'notFound',
        data,
        related: candidates.flatMap((c) => definedHere(pm, c)),
        ...(onlyRename ? { fix: onlyRename } : {}),
        suggestions: [...(onlyRename ? [] : renames), stubFix(pm, facts, reference.functionName)],
      });
    }
  },
});

/**
 * Which metrics use or would be renamed to each function. A rename is applied automatically only
 * when no other metric claims the target: else two metrics would share one function (CSM301).
 */
function renameTargetsThatWouldCollide(pm: PackageMetrics): Map<string, Set<MetricFacts>> {
  const claimedBy = new Map<string, Set<MetricFacts>>();
  const claim = (name: string, facts: MetricFacts) => claimedBy.set(name, (claimedBy.get(name) ?? new Set()).add(facts));
  for (const { facts, reference } of allReferences(pm)) {
    if (reference.resolution.kind !== 'missing') claim(reference.functionName, facts);
    else {
    const candidates = didYouMean(pm, reference);
    if (candidates.length === 1) claim(candidates[0]!, facts);
    }
  }
  return claimedBy;
}

/** True when renaming `facts`'s reference to `candidate` would leave two metrics on one function. */
function collides(claimedBy: Map<string, Set<MetricFacts>>, candidate: string, facts: MetricFacts): boolean {
  const metrics = claimedBy.get(candidate);
  return !!metrics && [...metrics].some((other) => other !== facts);
}

function definedHere(pm: PackageMetrics, name: string): RelatedLocation[] {
  const binding = pm.python.bindings.get(name)?.find((b) => b.kind === 'def');
  return binding ? [{ file: pm.codeFile.path, range: binding.range, message: `\`${name}\` is defined here` }] : [];
}

/**
 * Renames the value to `candidate`. When `name` and `entryPoint` name the same function (one
 * finding for both), both are renamed, so the fix does not leave them different (CSM307).
 */
function renameFix(pm: PackageMetrics, facts: MetricFacts, reference: MetricReference, candidate: string): Fix | undefined {
  if (!reference.functionNameRange) return undefined;
  const edits: TextEdit[] = [{ file: pm.metadataFile.path, range: reference.functionNameRange, newText: candidate }];
  if (reference.field === 'entryPoint' && facts.name === reference.functionName) {
    const nameField = getField(facts.metric, 'name');
    const nameRange = nameField && locateInValue(pm.metadataFile, nameField.valueRange, reference.functionName);
    if (!nameRange) return undefined;
    edits.push({ file: pm.metadataFile.path, range: nameRange, newText: candidate });
  }
  return { description: `Change to \`${candidate}\``, edits };
}

/** Appends a stub `def` with the call convention's signature to custom_metrics.py. */
function stubFix(pm: PackageMetrics, facts: MetricFacts, functionName: string): Fix {
  const { lines, text } = pm.codeFile;
  const eol = lines.eol;
  const label = stringValue(facts.metric, 'label') ?? functionName;
  const docstring = `${label.replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"')}.`;
  const body = [
    CONVENTION.signature(functionName, facts.useWeights),
    `    """${docstring}"""`,
    `    raise NotImplementedError(${JSON.stringify(functionName)})`,
  ];
  const trimmed = text.trimEnd();
  const separator = trimmed === '' ? '' : eol.repeat(3);
  const start = lines.positionAt(trimmed.length);
  const end = lines.positionAt(text.length);
  return {
    description: `Create \`${functionName}\` in ${CODE_FILE_NAME}`,
    edits: [{ file: pm.codeFile.path, range: { start, end }, newText: `${separator}${body.join(eol)}${eol}` }],
  };
}
