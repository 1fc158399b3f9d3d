/** Small helpers over `yaml` nodes: alias resolution, merged mapping pairs, key text and ranges. */
import { isAlias, isMap, isScalar, isSeq, type Alias, type Document, type Node, type Pair, type ParsedNode, type YAMLMap } from 'yaml';
import type { Range } from '../diagnostic.js';
import type { LineIndex } from '../positions.js';
import { SNAKE_CASE_ALIASES, YAML11_BOOLEANS } from '../conventions.js';

/** Each parsed document's aliases, resolved once in document order (`Alias.resolve` rescans the whole document). */
const resolvedAliases = new WeakMap<object, Map<Alias, Node | undefined>>();

/** Records the target of every alias of `doc`, as `yaml` resolves them: the last anchor of that name before the alias. */
export function indexAliases(doc: Document.Parsed): Map<Alias, Node | undefined> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node | undefined>();
  const visit = (node: unknown): void => {
    if (isAlias(node)) {
      targets.set(node, anchors.get(node.source));
      return;
    }
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor && (isScalar(node) || isMap(node) || isSeq(node))) anchors.set(anchor, node as Node);
    if (isMap(node)) {
      for (const pair of node.items) {
        visit(pair.key);
        visit(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item);
    }
  };
  visit(doc.contents);
  resolvedAliases.set(doc, targets);
  return targets;
}

/** The value a node stands for, following aliases (null for an alias to nothing). */
export function resolveNode(node: unknown, doc: Document.Parsed | undefined): Node | null {
  let current = node;
  const targets = doc ? resolvedAliases.get(doc) : undefined;
  for (let hops = 0; hops < 32 && isAlias(current); hops++) {
    current = targets?.has(current) ? targets.get(current) : doc ? current.resolve(doc) : undefined;
  }
  return isAlias(current) ? null : ((current as Node | undefined) ?? null);
}

/** The pairs of a mapping with `<<` merges resolved: own keys win, then earlier merge sources over later ones. */
export function mappingPairs(map: YAMLMap, doc: Document.Parsed | undefined, seen = new Set<YAMLMap>()): Pair[] {
  seen.add(map);
  const own: Pair[] = [];
  const merged: Pair[] = [];
  for (const pair of map.items) {
    if (!isMergeKey(pair)) {
      own.push(pair);
      continue;
    }
    const sources = resolveNode(pair.value, doc);
    const maps = isSeq(sources) ? sources.items.map((s) => resolveNode(s, doc)) : [sources];
    for (const source of maps) if (isMap(source) && !seen.has(source)) merged.push(...mappingPairs(source, doc, seen));
  }
  const keys = new Set(own.map((p) => keyText(p)));
  const result = [...own];
  for (const pair of merged) {
    const key = keyText(pair);
    if (keys.has(key)) continue;
    keys.add(key);
    result.push(pair);
  }
  return result;
}

/** True for a `<<` merge key (with `merge: true`, `yaml` gives it a symbol value). */
export function isMergeKey(pair: Pair): boolean {
  return isMergeKeyNode(pair.key);
}

/** True for the key node of a `<<` merge. */
export function isMergeKeyNode(key: unknown): boolean {
  if (!isScalar(key)) return false;
  return key.value === '<<' ? key.type === 'PLAIN' : typeof key.value === 'symbol' && key.value.description === '<<';
}

/** A key's text when it is a scalar (as written for numbers and booleans); undefined for collection or null keys. */
export function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (!isScalar(key) || key.value === null) return undefined;
  if (typeof key.value === 'symbol') return key.source ?? key.value.description;
  return typeof key.value === 'string' ? key.value : (key.source ?? String(key.value));
}

/** A node's range without trailing line breaks and spaces (`yaml` block nodes end on the next line). */
export function nodeRange(node: unknown, lines: LineIndex): Range | undefined {
  const r = (node as ParsedNode | null)?.range;
  if (!r) return undefined;
  return lines.rangeOf(r[0], trimEnd(lines.text, r[0], r[1]));
}

/** `end` moved back over spaces, tabs and line breaks, but not before `start`. */
export function trimEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && isBlank(text.charCodeAt(at - 1))) at--;
  return at;
}

/** Space, tab, `\r` or `\n`. */
function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 10;
}

/** The boolean a YAML 1.1 word (`yes`, `Off`, ...) stands for; undefined for any other text. */
export function yaml11Boolean(text: string): boolean | undefined {
  if (text.length > 3) return undefined; // the longest word is `off`
  const word = text.toLowerCase();
  return Object.hasOwn(YAML11_BOOLEANS, word) ? YAML11_BOOLEANS[word] : undefined;
}

/** The camelCase field a snake_case key (`entry_point`) stands for; undefined for any other key. */
export function snakeCaseAlias(key: string): string | undefined {
  return Object.hasOwn(SNAKE_CASE_ALIASES, key) ? SNAKE_CASE_ALIASES[key] : undefined;
}

/** `key:` with nothing after it parses as a null scalar with an empty source. */
export function isNullPlaceholder(node: unknown): boolean {
  return isScalar(node) && node.value === null && (node.source === '' || node.source === undefined);
}
