/**
 * metadata.yaml parsed into a model that keeps every source range: the documents, the parse
 * problems, the recognized layout, and each metric item with its fields.
 */
import {
  Alias, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments,
  type Document, type Node, type Pair, type ParsedNode, type Scalar, type YAMLMap, type YAMLSeq,
} from 'yaml';
import type { Range } from '../diagnostic.js';
import type { LineIndex } from '../positions.js';
import {
  MAX_ALIAS_COUNT, MAX_YAML_DEPTH, METRICS_KEY, SNAKE_CASE_ALIASES, YAML11_BOOLEANS,
} from '../conventions.js';
import { CUSTOM_METRIC_FIELDS, type CustomMetricField } from '../schema.js';

export type YamlProblemKind = 'syntax' | 'duplicate-key' | 'multiple-documents' | 'alias-limit' | 'too-deep';

export interface YamlProblem {
  kind: YamlProblemKind;
  range: Range;
  message: string;
  /** For duplicate keys: the key text and the earlier occurrence. */
  key?: string;
  firstRange?: Range;
}

/** Which format the root looks like, so a look-alike gets one clear finding instead of schema noise. */
export type MetadataLayout =
  | { kind: 'metrics' }
  | { kind: 'bare-list' }
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
  /** The whole item's range (the mapping, or the non-mapping value). */
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
    documents: [], problems: [], root: null, layout: { kind: 'empty' }, metrics: [], rootPairs: [],
    mergeKeys: [], yaml11Booleans: [], lines,
  };
  const nesting = maxNestingDepth(text);
  if (nesting.depth > MAX_YAML_DEPTH) {
    model.problems.push({
      kind: 'too-deep',
      range: lines.rangeOf(nesting.offset, nesting.offset),
      message: `nesting deeper than ${MAX_YAML_DEPTH} levels`,
    });
    return model;
  }
  try {
    model.documents = parseAllDocuments(text, { merge: true, uniqueKeys: false, prettyErrors: false, strict: true }) as Document.Parsed[];
  } catch (error) {
    model.problems.push({ kind: 'syntax', range: lines.rangeOf(0, 0), message: String((error as Error).message ?? error) });
    return model;
  }
  if (!Array.isArray(model.documents)) model.documents = [];
  model.documents.forEach((doc, i) => {
    for (const e of doc.errors) {
      model.problems.push({ kind: 'syntax', range: lines.rangeOf(e.pos[0], e.pos[1]), message: e.message });
    }
    if (i === 1) {
      const start = doc.range?.[0] ?? 0;
      model.problems.push({ kind: 'multiple-documents', range: lines.rangeOf(start, start), message: 'several documents' });
    }
  });
  const doc = model.documents[0];
  if (!doc) return model;
  model.document = doc;
  const aliasProblem = checkAliasExpansion(doc, lines);
  if (aliasProblem) {
    model.problems.push(aliasProblem);
    return model;
  }
  collectScalarHazards(doc.contents as Node | null, model, new Set());
  model.root = (doc.contents as Node | null) ?? null;
  buildLayout(model);
  return model;
}

/** A rough depth check that needs no recursion, so hostile nesting never reaches the parser. */
function maxNestingDepth(text: string): { depth: number; offset: number } {
  let depth = 0;
  let max = 0;
  let offset = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[' || c === '{') {
      depth++;
      if (depth > max) {
        max = depth;
        offset = i;
      }
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  let indentMax = 0;
  for (const m of text.matchAll(/^( *)(?:- )*/gm)) {
    const level = m[1]!.length / 2 + (m[0].length - m[1]!.length) / 2;
    if (level > indentMax) {
      indentMax = level;
      if (indentMax > max) offset = m.index ?? 0;
    }
  }
  return { depth: Math.max(max, indentMax), offset };
}

function checkAliasExpansion(doc: Document.Parsed, lines: LineIndex): YamlProblem | undefined {
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return undefined;
  } catch (error) {
    if (error instanceof ReferenceError || /alias/i.test(String((error as Error).message))) {
      const first = firstAlias(doc.contents as Node | null);
      const range = first?.range ? lines.rangeOf(first.range[0], first.range[1]) : lines.rangeOf(0, 0);
      return { kind: 'alias-limit', range, message: String((error as Error).message) };
    }
    return undefined;
  }
}

function firstAlias(node: Node | null): Alias | undefined {
  let found: Alias | undefined;
  const visit = (n: unknown): void => {
    if (found || !n) return;
    if (isAlias(n)) found = n;
    else if (isMap(n) || isSeq(n)) for (const item of n.items) visit(item);
    else if (isPair(n)) {
      visit(n.key);
      visit(n.value);
    }
  };
  visit(node);
  return found;
}

function collectScalarHazards(node: unknown, model: MetadataModel, seen: Set<unknown>): void {
  if (!node || seen.has(node)) return;
  seen.add(node);
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key) && pair.key.value === '<<' && pair.key.range) {
        model.mergeKeys.push(model.lines.rangeOf(pair.key.range[0], pair.key.range[1]));
      }
      collectScalarHazards(pair.value, model, seen);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) collectScalarHazards(item, model, seen);
  } else if (isScalar(node) && node.type === 'PLAIN' && typeof node.value === 'string' && node.range) {
    if (node.value.toLowerCase() in YAML11_BOOLEANS) {
      model.yaml11Booleans.push({ scalar: node, range: model.lines.rangeOf(node.range[0], node.range[1]) });
    }
  }
}

/** The value a node stands for, following aliases. */
export function resolveNode(node: unknown, doc: Document.Parsed | undefined): Node | null {
  let current = node;
  for (let hops = 0; hops < 32 && isAlias(current); hops++) {
    current = doc ? (current as Alias).resolve(doc) : undefined;
  }
  return (current as Node | undefined) ?? null;
}

/** The pairs of a mapping with `<<` merges resolved: own keys win, merged keys follow. */
export function mappingPairs(map: YAMLMap, doc: Document.Parsed | undefined): Pair[] {
  const own: Pair[] = [];
  const merged: Pair[] = [];
  for (const pair of map.items) {
    if (isScalar(pair.key) && pair.key.value === '<<') {
      const sources = resolveNode(pair.value, doc);
      const maps = isSeq(sources) ? sources.items.map((s) => resolveNode(s, doc)) : [sources];
      for (const source of maps) if (isMap(source)) merged.push(...mappingPairs(source, doc));
    } else {
      own.push(pair);
    }
  }
  const ownKeys = new Set(own.map((p) => keyText(p)));
  return [...own, ...merged.filter((p) => !ownKeys.has(keyText(p)))];
}

/** A key's text when it is a scalar; undefined for complex or null keys. */
export function keyText(pair: Pair): string | undefined {
  if (isScalar(pair.key)) return pair.key.value === null ? undefined : String(pair.key.value);
  return undefined;
}

/** Range of a node, or of the position after a pair's key when the value is absent. */
export function nodeRange(node: unknown, lines: LineIndex): Range | undefined {
  const r = (node as ParsedNode | null)?.range;
  return r ? lines.rangeOf(r[0], r[1]) : undefined;
}

function pairValueRange(pair: Pair, lines: LineIndex): Range {
  const valueRange = nodeRange(pair.value, lines);
  if (valueRange && !isNullPlaceholder(pair.value)) return valueRange;
  const keyEnd = (pair.key as ParsedNode | null)?.range?.[1] ?? 0;
  const afterColon = lines.text.indexOf(':', keyEnd);
  const at = afterColon === -1 ? keyEnd : afterColon + 1;
  return lines.rangeOf(at, at);
}

/** `key:` with nothing after it parses as a null scalar with an empty source. */
function isNullPlaceholder(node: unknown): boolean {
  return isScalar(node) && node.value === null && node.source === '';
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
    model.metrics = metricEntries(resolved, model);
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
  model.layout = { kind: 'metrics' };
  const metricsPair = model.rootPairs.find((p) => keyText(p) === METRICS_KEY);
  if (!metricsPair) return;
  model.metricsPair = metricsPair;
  model.metricsKeyRange = nodeRange(metricsPair.key, lines);
  const value = resolveNode(metricsPair.value, doc);
  if (isSeq(value)) {
    model.metricsSeq = value;
    model.metrics = metricEntries(value, model);
  }
}

function detectLookAlike(keys: Set<string | undefined>, pairs: Pair[], doc: Document.Parsed | undefined): 'dmm' | 'drum' | 'custom-job' | undefined {
  if (keys.has('metrics')) return undefined;
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

function metricEntries(seq: YAMLSeq, model: MetadataModel): MetricEntry[] {
  const doc = model.document;
  return seq.items.map((item, index) => {
    const node = resolveNode(item, doc) ?? (item as Node);
    const range = nodeRange(item, model.lines) ?? model.lines.rangeOf(0, 0);
    if (!isMap(node)) return { index, node, range, fields: [], isMapping: false };
    const fields = mappingPairs(node, doc).map((pair): FieldEntry => {
      const key = keyText(pair) ?? '';
      const alias = SNAKE_CASE_ALIASES[key];
      const field = (CUSTOM_METRIC_FIELDS as string[]).includes(key) ? (key as CustomMetricField) : (alias as CustomMetricField | undefined);
      return {
        key, field, isSnakeAlias: alias !== undefined, pair,
        keyRange: nodeRange(pair.key, model.lines) ?? range,
        valueRange: pairValueRange(pair, model.lines),
        valueNode: isNullPlaceholder(pair.value) ? null : resolveNode(pair.value, doc),
      };
    });
    return { index, node, range, fields, isMapping: true };
  });
}

/** The field entry for a CustomMetric field (the camelCase key wins over its alias). */
export function getField(entry: MetricEntry, field: CustomMetricField): FieldEntry | undefined {
  return entry.fields.find((f) => f.field === field && !f.isSnakeAlias) ?? entry.fields.find((f) => f.field === field);
}

/** A field's string value, when it is a non-empty-or-empty string scalar. */
export function stringValue(entry: MetricEntry, field: CustomMetricField): string | undefined {
  const node = getField(entry, field)?.valueNode;
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/** A field's boolean value; YAML 1.1 words (`yes`, `off`, ...) count as the boolean they mean. */
export function booleanValue(entry: MetricEntry, field: CustomMetricField): boolean | undefined {
  const node = getField(entry, field)?.valueNode;
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'boolean') return node.value;
  if (node.type === 'PLAIN' && typeof node.value === 'string') return YAML11_BOOLEANS[node.value.toLowerCase()];
  return undefined;
}

export { isMap, isScalar, isSeq, isPair, isAlias };
