/**
 * Cross-file facts: for each declared metric, the function names its `name` and `entryPoint`
 * stand for and what custom_metrics.py binds under each. The resolution rules (CSM401–404) report
 * these facts; the signature and body rules (CSM405–416) check the `def` a metric resolves to.
 */
import type { Range, RelatedLocation } from '../diagnostic.js';
import type { PackageContext } from '../package-context.js';
import type { PyBinding, PyFunction, PyParam, PythonModule } from '../python/module-index.js';
import type { SourceFile } from '../source.js';
import { booleanValue, getField, stringValue, type FieldEntry, type MetricEntry } from '../yaml/metadata-model.js';
import { checkedMetadata } from './checked-metadata.js';
import { parseEntryPoint } from './entry-point.js';
import { isValidMetricName } from './metric-name.js';
import { closeMatches } from './suggest.js';

/** What the module binds under a function name. */
export type Resolution =
  /** Bound at module level. `binding` is the one in force: the last unconditional binding, else the last conditional one. */
  | { kind: 'bound'; binding: PyBinding; conditionalOnly: boolean; bindings: PyBinding[] }
  /** Not bound at module level, but defined inside a class or function. */
  | { kind: 'nested'; fn: PyFunction }
  | { kind: 'missing' };

/** One function name a metric makes csmlint look up, and where the metadata writes it. */
export interface MetricReference {
  field: 'name' | 'entryPoint';
  /** The YAML field entry the name is written in (its `valueRange` is where findings go). */
  entry: FieldEntry;
  /** The value as written. */
  value: string;
  /** The function name it stands for (`custom_metrics.fn` → `fn`). */
  functionName: string;
  /** Where `functionName` sits inside the value in the metadata file, for rename edits. */
  functionNameRange?: Range;
  resolution: Resolution;
}

export interface MetricFacts {
  metric: MetricEntry;
  /** The `name` value when it is a string. */
  name?: string;
  /** The normalized `entryPoint`, when it is a string in an accepted form. */
  entryPointFunction?: string;
  useWeights: boolean;
  useWeightsField?: FieldEntry;
  /**
   * The lookups to report, per spec §4a: one on `entryPoint` when it equals `name`; otherwise one per
   * value (none for an invalid `name`, an invalid or empty `entryPoint`, or a missing/non-string one).
   */
  references: MetricReference[];
  /** The reference whose function the server calls: `entryPoint` when readable, else `name`. */
  primary?: MetricReference;
  /** The `def` that implements the metric, when the primary reference resolves to one. */
  fn?: PyFunction;
}

export interface PackageMetrics {
  metadataFile: SourceFile;
  codeFile: SourceFile;
  python: PythonModule;
  metrics: MetricFacts[];
}

/** Every lookup of every declared metric, in declaration order, with the metric it belongs to. */
export function* allReferences(pm: PackageMetrics): Generator<{ facts: MetricFacts; reference: MetricReference }> {
  for (const facts of pm.metrics) for (const reference of facts.references) yield { facts, reference };
}

/** The message data every resolution finding shares: the key, its value, the function it names. */
export function referenceData(reference: MetricReference): { key: string; value: string; function: string } {
  return { key: reference.field, value: reference.value, function: reference.functionName };
}

const cache = new WeakMap<PackageContext, PackageMetrics | null>();

/**
 * The metric facts of a package whose two files can both be read and whose metadata structure can
 * be checked; undefined otherwise (other rules report why).
 */
export function packageMetrics(pkg: PackageContext): PackageMetrics | undefined {
  let found = cache.get(pkg);
  if (found === undefined) {
    found = computePackageMetrics(pkg) ?? null;
    cache.set(pkg, found);
  }
  return found ?? undefined;
}

function computePackageMetrics(pkg: PackageContext): PackageMetrics | undefined {
  const checked = checkedMetadata(pkg);
  if (!checked || !pkg.python || !pkg.codeFile) return undefined;
  const python = pkg.python;
  const metrics = checked.model.metrics.filter((m) => m.isMapping).map((metric) => metricFacts(metric, python, checked.file));
  return { metadataFile: checked.file, codeFile: pkg.codeFile, python, metrics };
}

function metricFacts(metric: MetricEntry, python: PythonModule, file: SourceFile): MetricFacts {
  const name = stringValue(metric, 'name');
  const rawEntryPoint = stringValue(metric, 'entryPoint');
  const form = rawEntryPoint === undefined ? undefined : parseEntryPoint(rawEntryPoint);
  const entryPointFunction = form?.kind === 'bare' || form?.kind === 'qualified' ? form.functionName : undefined;
  const nameUsable = name !== undefined && isValidMetricName(name);
  const reference = (field: 'name' | 'entryPoint', value: string, functionName: string): MetricReference => {
    const entry = getField(metric, field)!;
    return {
      field, entry, value, functionName,
      functionNameRange: locateInValue(file, entry.valueRange, functionName),
      resolution: resolveFunction(python, functionName),
    };
  };
  const references: MetricReference[] = [];
  let primary: MetricReference | undefined;
  if (entryPointFunction !== undefined && rawEntryPoint !== undefined && !(entryPointFunction === name && !nameUsable)) {
    primary = reference('entryPoint', rawEntryPoint, entryPointFunction);
    references.push(primary);
  }
  if (nameUsable && name !== entryPointFunction) {
    const byName = reference('name', name, name);
    references.unshift(byName);
    primary ??= byName;
  }
  const resolution = primary?.resolution;
  const fn = resolution?.kind === 'bound' && resolution.binding.kind === 'def' ? resolution.binding.fn : undefined;
  const useWeightsField = getField(metric, 'useWeights');
  return {
    metric, name, entryPointFunction,
    useWeights: booleanValue(metric, 'useWeights') === true,
    ...(useWeightsField ? { useWeightsField } : {}),
    references, primary, fn,
  };
}

/** What the module binds under `name` at top level, or where it defines it nested. */
export function resolveFunction(python: PythonModule, name: string): Resolution {
  const bindings = python.bindings.get(name) ?? [];
  const unconditional = bindings.filter((b) => !b.conditional);
  const inForce = unconditional[unconditional.length - 1] ?? bindings[bindings.length - 1];
  if (inForce) return { kind: 'bound', binding: inForce, conditionalOnly: unconditional.length === 0, bindings };
  const nested = python.functions.find((f) => f.scope === 'nested' && f.name === name);
  return nested ? { kind: 'nested', fn: nested } : { kind: 'missing' };
}

/** The functions metrics resolve to, each with the metrics that call it (one finding per `def`, however many metrics share it). */
export function metricsByFunction(metrics: MetricFacts[]): Map<PyFunction, MetricFacts[]> {
  const byFunction = new Map<PyFunction, MetricFacts[]>();
  for (const facts of metrics) {
    if (!facts.fn) continue;
    const list = byFunction.get(facts.fn);
    if (list) list.push(facts);
    else byFunction.set(facts.fn, [facts]);
  }
  return byFunction;
}

/**
 * The `def`s metrics call whose signature can be checked: not decorated (CSM415 says why) and with
 * a header that parses; with `body`, also no syntax error in the body (CSM400 is the one finding).
 */
export function checkableFunctions(pm: PackageMetrics, options: { body?: boolean } = {}): Array<{ fn: PyFunction; metrics: MetricFacts[] }> {
  const found: Array<{ fn: PyFunction; metrics: MetricFacts[] }> = [];
  for (const [fn, metrics] of metricsByFunction(pm.metrics)) {
    if (fn.decorators.length > 0 || fn.syntaxError === 'header' || (options.body && fn.syntaxError)) continue;
    found.push({ fn, metrics });
  }
  return found;
}

/** Related locations at each metric's reference in the metadata: where the function is declared. */
export function declaredHere(pm: PackageMetrics, metrics: MetricFacts[]): RelatedLocation[] {
  return metrics.flatMap((facts) => facts.primary
    ? [{ file: pm.metadataFile.path, range: facts.primary.entry.valueRange, message: `\`${facts.primary.functionName}\` is declared here as a metric` }]
    : []);
}

/** How a message names the metrics that call one function: "`a`", "`a` and `b`". */
export function metricNames(metrics: MetricFacts[]): string {
  return listing(metrics.map((m) => `\`${m.name ?? m.primary?.functionName ?? '?'}\``));
}

/** "a", "a and b", "a, b and c". */
export function listing(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const functionNamesCache = new WeakMap<PythonModule, string[]>();

/** Top-level `def` names: the did-you-mean candidates for a name that does not resolve. */
export function topLevelFunctionNames(python: PythonModule): string[] {
  let names = functionNamesCache.get(python);
  if (!names) {
    names = [...python.bindings].filter(([, bindings]) => bindings.some((b) => b.kind === 'def')).map(([name]) => name);
    functionNamesCache.set(python, names);
  }
  return names;
}

const didYouMeanCache = new WeakMap<MetricReference, string[]>();

/** The close matches CSM401 offers for a reference that does not resolve (empty for one that does). Several rules ask: computed once. */
export function didYouMean(pm: PackageMetrics, reference: MetricReference): string[] {
  if (reference.resolution.kind !== 'missing') return [];
  let candidates = didYouMeanCache.get(reference);
  if (!candidates) {
    candidates = closeMatches(reference.functionName, topLevelFunctionNames(pm.python));
    didYouMeanCache.set(reference, candidates);
  }
  return candidates;
}

/** True for parameters a positional argument can fill. */
export function isPositional(param: PyParam): boolean {
  return param.kind === 'positional' || param.kind === 'positional-only';
}

/** True when `fn` can be called with two positional arguments (CSM410 reports the others). */
export function acceptsTwoPositional(fn: PyFunction): boolean {
  return fn.params.some((p) => p.kind === 'var-positional') || fn.params.filter(isPositional).length >= 2;
}

/** Every function name the metadata declares (names and normalized entryPoints). */
export function declaredFunctionNames(metrics: MetricFacts[]): Set<string> {
  const names = new Set<string>();
  for (const facts of metrics) {
    if (facts.name !== undefined) names.add(facts.name);
    if (facts.entryPointFunction !== undefined) names.add(facts.entryPointFunction);
  }
  return names;
}

/** The range of `functionName` inside a YAML value (quotes and a `custom_metrics.` prefix left out). */
export function locateInValue(file: SourceFile, valueRange: Range, functionName: string): Range | undefined {
  const start = file.lines.offsetAt(valueRange.start);
  const source = file.text.slice(start, file.lines.offsetAt(valueRange.end));
  const at = source.lastIndexOf(functionName);
  return at === -1 ? undefined : file.lines.rangeOf(start + at, start + at + functionName.length);
}
