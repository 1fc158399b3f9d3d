/**
 * metadata.yaml parsed into a model that keeps every source range: the documents, the parse
 * problems, the recognized layout, and each metric item with its fields.
 */
import {
  isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments,
  type Document, type EmptyStream, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq,
} from 'yaml';
import type { Range } from '../diagnostic.js';
import type { LineIndex } from '../positions.js';
import { MAX_YAML_DEPTH, METRICS_KEY, SNAKE_CASE_ALIASES } from '../conventions.js';
import { CUSTOM_METRIC_FIELDS, type CustomMetricField } from '../schema.js';
import { findHazards } from './hazards.js';
import { indexAliases, isNullPlaceholder, keyText, mappingPairs, nodeRange, resolveNode, snakeCaseAlias, yaml11Boolean } from './nodes.js';
import { syntaxProblems } from './syntax-problems.js';

export type YamlProblemKind =
  | 'syntax' | 'tab' | 'unknown-tag' | 'unknown-alias' | 'complex-key' | 'too-deep'
  | 'duplicate-key' | 'multiple-documents' | 'alias-limit';

export interface YamlProblem {
  kind: YamlProblemKind;
  range: Range;
  /** What is wrong, in plain words (syntax), or the offending text (tag, alias, key). */
  message: string;
  /** The `yaml` parser's error code, for syntax problems. */
  code?: string;
  /** For duplicate keys: the key text and the earlier occurrence. */
  key?: string;
  firstRange?: Range;
  /** For several documents: how many there are. */
  count?: number;
}

/** Problems after which the parsed structure cannot be trusted, so structure and metric rules stay silent. */
const BLOCKING_PROBLEMS: ReadonlySet<YamlProblemKind> = new Set(['syntax', 'tab', 'unknown-alias', 'too-deep', 'alias-limit']);

/** Which format the root looks like, so a look-alike gets one clear finding instead of schema noise. */
export type MetadataLayout =
  | { kind: 'metrics' }
  | { kind: 'bare-list' }
  /** A root mapping that is itself one metric (`name:`, `entryPoint:`, ... without `metrics:`). */
  | { kind: 'single-metric' }
  | { kind: 'look-alike'; format: 'dmm' | 'drum' | 'custom-job' }
  | { kind: 'not-mapping' }
  | { kind: 'empty' };

export interface FieldEntry {
  /** The key as written. */
  key: string;
  /** The CustomMetric field it stands for (through a snake_case alias too), if any. */
  field?: CustomMetricField;
  /** True when the key is a snake_case alias of `field`. */
  isSnakeAlias: boolean;
  pair: Pair;
  keyRange: Range;
  /** The value's range; for a missing value (`name:`), a zero-width range after the colon. */
  valueRange: Range;
  /** The value node after alias resolution (null when absent). */
  valueNode: Node | null;
}

export interface MetricEntry {
  index: number;
  node: Node;
  /** The whole item's range (the mapping, or the non-mapping value), trailing blanks excluded. */
  range: Range;
  /** Only for mapping items: fields in source order (merge keys resolved, merged ones last). */
  fields: FieldEntry[];
  isMapping: boolean;
}

export interface MetadataModel {
  documents: Document.Parsed[];
  /** The first document: the one that is checked. */
  document?: Document.Parsed;
  problems: YamlProblem[];
  /** True when a syntax error (or a hostile-input limit) makes the parsed structure unreliable. */
  hasSyntaxErrors: boolean;
  root: Node | null;
  layout: MetadataLayout;
  /** The `metrics` pair of the root mapping, if there is one. */
  metricsPair?: Pair;
  metricsKeyRange?: Range;
  /** The `metrics` list (or the root list for a bare list). */
  metricsSeq?: YAMLSeq;
  metrics: MetricEntry[];
  /** Pairs of the root mapping (merge keys resolved). */
  rootPairs: Pair[];
  /** `<<` merge keys found anywhere, for CSM104. */
  mergeKeys: Range[];
  /** Plain scalars that YAML 1.1 reads as booleans (`yes`, `Off`, ...), for CSM103. */
  yaml11Booleans: Array<{ scalar: Scalar; range: Range }>;
  lines: LineIndex;
}

/** Parses metadata text. Never throws: every problem becomes a YamlProblem. */
export function parseMetadata(text: string, lines: LineIndex): MetadataModel {
  const model: MetadataModel = {
    documents: [], problems: [], hasSyntaxErrors: false, root: null, layout: { kind: 'empty' }, metrics: [],
    rootPairs: [], mergeKeys: [], yaml11Booleans: [], lines,
  };
  parseInto(model, text);
  model.hasSyntaxErrors = model.problems.some((p) => BLOCKING_PROBLEMS.has(p.kind));
  return model;
}

function parseInto(model: MetadataModel, text: string): void {
  const { lines } = model;
  const deepAt = tooDeepAt(text);
  if (deepAt !== undefined) {
    model.problems.push({ kind: 'too-deep', range: lines.rangeOf(deepAt, Math.min(deepAt + 1, lines.lineContentEnd(lines.positionAt(deepAt).line))), message: String(MAX_YAML_DEPTH) });
    return;
  }
  try {
    const options = { merge: true, uniqueKeys: false, prettyErrors: false, strict: true, logLevel: 'error' } as const;
    const parsed: Document.Parsed[] | EmptyStream = parseAllDocuments(withLoneCrAsLf(text), options);
    if ('errors' in parsed) {
      // An empty stream: no document, but maybe directives and their errors.
      model.problems.push(...syntaxProblems([...parsed.errors, ...parsed.warnings], null, lines), ...strayDirective(text, parsed.errors.length, lines));
      return;
    }
    model.documents = parsed as Document.Parsed[];
  } catch (error) {
    model.problems.push({ kind: 'syntax', range: lines.rangeOf(0, 0), message: String((error as Error).message ?? error) });
    return;
  }
  model.documents.forEach((doc, i) => {
    model.problems.push(...syntaxProblems([...doc.errors, ...doc.warnings], doc.contents, lines));
    if (i === 1) model.problems.push(secondDocument(doc, model.documents.length, lines));
  });
  const doc = model.documents[0];
  if (!doc) return;
  model.document = doc;
  const hazards = findHazards(doc.contents, indexAliases(doc), lines);
  model.problems.push(...hazards.problems);
  model.mergeKeys = hazards.mergeKeys;
  model.yaml11Booleans = hazards.yaml11Booleans;
  if (hazards.problems.some((p) => p.kind === 'alias-limit')) return;
  model.root = (doc.contents as Node | null) ?? null;
  buildLayout(model);
}

/**
 * A lone CR is a line break for YAML 1.2, LSP and our LineIndex, but not for the `yaml` package:
 * give it LF instead (same length, so no offset moves).
 */
function withLoneCrAsLf(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** A `%YAML`/`%TAG` directive with no document after it is invalid YAML, which the parser lets pass. */
function strayDirective(text: string, parserErrors: number, lines: LineIndex): YamlProblem[] {
  if (parserErrors > 0) return [];
  const directive = /^%[^\r\n]*/m.exec(text);
  if (!directive) return [];
  const range = lines.rangeOf(directive.index, directive.index + directive[0].trimEnd().length);
  return [{ kind: 'syntax', range, message: 'a directive must be followed by a document that starts with `---`: add `---` after it, or remove the directive' }];
}

/** CSM102 goes on the `---` that starts the second document. */
function secondDocument(doc: Document.Parsed, count: number, lines: LineIndex): YamlProblem {
  const start = doc.range?.[0] ?? 0;
  const end = lines.text.startsWith('---', start) ? start + 3 : start;
  return { kind: 'multiple-documents', range: lines.rangeOf(start, end), message: String(count), count };
}

/**
 * A rough depth check that needs no recursion, so hostile nesting never reaches the parser:
 * brackets of flow collections, and indentation (two spaces or `- ` per level) of block ones.
 * Returns the offset where the nesting first goes past the cap.
 */
function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[' || c === '{') {
      if (++depth > MAX_YAML_DEPTH) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  for (const m of text.matchAll(/^( *)((?:- )*)/gm)) {
    if (m[1]!.length / 2 + m[2]!.length / 2 > MAX_YAML_DEPTH) return m.index! + m[0].length;
  }
  return undefined;
}

function buildLayout(model: MetadataModel): void {
  const { root, lines } = model;
  const doc = model.document;
  if (root === null || (isScalar(root) && root.value === null)) {
    model.layout = { kind: 'empty' };
    return;
  }
  const resolved = resolveNode(root, doc);
  if (isSeq(resolved)) {
    model.layout = { kind: 'bare-list' };
    model.metricsSeq = resolved;
    model.metrics = metricEntries(resolved.items, model);
    return;
  }
  if (!isMap(resolved)) {
    model.layout = { kind: 'not-mapping' };
    return;
  }
  model.rootPairs = mappingPairs(resolved, doc);
  const keys = new Set(model.rootPairs.map(keyText));
  const lookAlike = detectLookAlike(keys, model.rootPairs, doc);
  if (lookAlike) {
    model.layout = { kind: 'look-alike', format: lookAlike };
    return;
  }
  if (looksLikeOneMetric(keys)) {
    model.layout = { kind: 'single-metric' };
    model.metrics = metricEntries([root], model);
    return;
  }
  model.layout = { kind: 'metrics' };
  const metricsPair = model.rootPairs.find((p) => keyText(p) === METRICS_KEY);
  if (!metricsPair) return;
  model.metricsPair = metricsPair;
  model.metricsKeyRange = nodeRange(metricsPair.key, lines);
  const value = resolveNode(metricsPair.value, doc);
  if (isSeq(value)) {
    model.metricsSeq = value;
    model.metrics = metricEntries(value.items, model);
  }
}

function detectLookAlike(keys: Set<string | undefined>, pairs: Pair[], doc: Document.Parsed | undefined): 'dmm' | 'drum' | 'custom-job' | undefined {
  if (keys.has(METRICS_KEY)) return undefined;
  if (keys.has('customMetrics')) return 'dmm';
  if (keys.has('runtimeParameterDefinitions')) return 'custom-job';
  const type = pairs.find((p) => keyText(p) === 'type');
  const typeValue = type ? resolveNode(type.value, doc) : null;
  const typeText = isScalar(typeValue) ? String(typeValue.value) : '';
  if ((typeText === 'inference' || typeText === 'training' || keys.has('environmentID')) && (keys.has('name') || keys.has('targetType'))) {
    return 'drum';
  }
  return undefined;
}

/** Keys only a metric item has: a root holding them (and no `metrics`) is one metric missing its list. */
const METRIC_ONLY_KEYS = ['entryPoint', 'primaryMetric', 'label', ...Object.keys(SNAKE_CASE_ALIASES)];

function looksLikeOneMetric(keys: Set<string | undefined>): boolean {
  if (keys.has(METRICS_KEY)) return false;
  const fieldKeys = [...keys].filter((k) => k !== undefined && ((CUSTOM_METRIC_FIELDS as string[]).includes(k) || snakeCaseAlias(k) !== undefined));
  return fieldKeys.length >= 2 && fieldKeys.some((k) => METRIC_ONLY_KEYS.includes(k!));
}

function metricEntries(items: unknown[], model: MetadataModel): MetricEntry[] {
  const doc = model.document;
  const fallback = model.lines.rangeOf(0, 0);
  return items.map((item, index) => {
    const resolved = resolveNode(item, doc);
    const node = resolved ?? (item as Node);
    const range = nodeRange(item, model.lines) ?? fallback;
    if (!isMap(node)) return { index, node, range, fields: [], isMapping: false };
    const fields = mappingPairs(node, doc).map((pair) => fieldEntry(pair, model, range));
    return { index, node, range, fields, isMapping: true };
  });
}

function fieldEntry(pair: Pair, model: MetadataModel, itemRange: Range): FieldEntry {
  const key = keyText(pair) ?? '';
  const alias = snakeCaseAlias(key);
  const field = (CUSTOM_METRIC_FIELDS as string[]).includes(key) ? (key as CustomMetricField) : (alias as CustomMetricField | undefined);
  const keyRange = nodeRange(pair.key, model.lines) ?? itemRange;
  return {
    key, field, isSnakeAlias: alias !== undefined, pair, keyRange,
    valueRange: nodeRange(pair.value, model.lines) ?? { start: keyRange.end, end: keyRange.end },
    valueNode: isNullPlaceholder(pair.value) ? null : resolveNode(pair.value, model.document),
  };
}

/** The pair of the root mapping for `key` (merge keys resolved), if any. */
export function rootPair(model: MetadataModel, key: string): Pair | undefined {
  return model.rootPairs.find((p) => keyText(p) === key);
}

/** The scalar value of a root key (`targetType`), following aliases; undefined when absent or not a scalar. */
export function rootScalarValue(model: MetadataModel, key: string): unknown {
  const pair = rootPair(model, key);
  const node = pair ? resolveNode(pair.value, model.document) : null;
  return isScalar(node) ? node.value : undefined;
}

/** The field entry for a CustomMetric field (the camelCase key wins over its alias). */
export function getField(entry: MetricEntry, field: CustomMetricField): FieldEntry | undefined {
  return entry.fields.find((f) => f.field === field && !f.isSnakeAlias) ?? entry.fields.find((f) => f.field === field);
}

/** A field's value when it is a string scalar (possibly empty). */
export function stringValue(entry: MetricEntry, field: CustomMetricField): string | undefined {
  const node = getField(entry, field)?.valueNode;
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/** A field's boolean value; YAML 1.1 words (`yes`, `off`, ...) count as the boolean they mean. */
export function booleanValue(entry: MetricEntry, field: CustomMetricField): boolean | undefined {
  return asBoolean(getField(entry, field)?.valueNode);
}

/** A node's boolean meaning: `true`/`false`, or a plain YAML 1.1 word (`yes`, `Off`, ...). */
export function asBoolean(node: unknown): boolean | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'boolean') return node.value;
  if (node.type === 'PLAIN' && typeof node.value === 'string') return yaml11Boolean(node.value);
  return undefined;
}

export { resolveNode, mappingPairs, keyText, nodeRange, yaml11Boolean, snakeCaseAlias } from './nodes.js';
export { isMap, isScalar, isSeq, isPair, isAlias };
export type { YAMLMap };
