/**
 * YAML hazards found in one walk over a document's nodes (aliases are not followed): duplicate
 * keys, `<<` merge keys, YAML 1.1 booleans, collection keys, aliases to nothing, and alias bombs.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Node, type Scalar } from 'yaml';
import type { Range } from '../diagnostic.js';
import type { LineIndex } from '../positions.js';
import { MAX_ALIAS_EXPANSION } from '../conventions.js';
import type { YamlProblem } from './metadata-model.js';
import { isMergeKey, isMergeKeyNode, keyText, nodeRange, yaml11Boolean } from './nodes.js';

export interface YamlHazards {
  problems: YamlProblem[];
  mergeKeys: Range[];
  yaml11Booleans: Array<{ scalar: Scalar; range: Range }>;
}

/** Walks the document once and reports its hazards. `aliases` maps each alias to its target. */
export function findHazards(root: unknown, aliases: Map<Alias, Node | undefined>, lines: LineIndex): YamlHazards {
  const hazards: YamlHazards = { problems: [], mergeKeys: [], yaml11Booleans: [] };
  const range = (node: unknown): Range => nodeRange(node, lines) ?? lines.rangeOf(0, 0);
  const visit = (node: unknown): void => {
    if (isAlias(node)) {
      if (aliases.get(node) === undefined) {
        hazards.problems.push({ kind: 'unknown-alias', range: range(node), message: node.source });
      }
    } else if (isMap(node)) {
      // The first key node per text; its range is read only when the key repeats.
      const firstByKey = new Map<string, unknown>();
      for (const pair of node.items) {
        visitKey(pair.key, firstByKey, isMergeKey(pair) ? undefined : keyText(pair));
        visit(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(isPair(item) ? item.value : item);
    } else if (isScalar(node) && node.type === 'PLAIN' && typeof node.value === 'string' && yaml11Boolean(node.value) !== undefined) {
      hazards.yaml11Booleans.push({ scalar: node, range: range(node) });
    }
  };
  const visitKey = (key: unknown, firstByKey: Map<string, unknown>, text: string | undefined): void => {
    if (isMergeKeyNode(key)) {
      hazards.mergeKeys.push(range(key));
      return;
    }
    if (isMap(key) || isSeq(key) || isAlias(key)) {
      hazards.problems.push({ kind: 'complex-key', range: range(key), message: lines.text.slice(...offsets(key)) });
      return;
    }
    if (text === undefined || !isScalar(key)) return;
    const first = firstByKey.get(text);
    if (first) hazards.problems.push({ kind: 'duplicate-key', range: range(key), message: text, key: text, firstRange: range(first) });
    else firstByKey.set(text, key);
  };
  visit(root);
  const bomb = aliasBomb(root, aliases, range);
  if (bomb) hazards.problems.push(bomb);
  return hazards;
}

/** Nesting reached through aliases is not seen by the text's depth check: cap it here. */
const MAX_ALIAS_CHAIN_DEPTH = 500;

function offsets(node: unknown): [number, number] {
  const r = (node as { range?: [number, number, number] }).range;
  return r ? [r[0], r[1]] : [0, 0];
}

/**
 * The first alias at which the document, with every alias expanded, grows past the cap
 * ("billion laughs"). Sizes are memoized per node, so this is linear in the written document.
 */
function aliasBomb(root: unknown, aliases: Map<Alias, Node | undefined>, range: (node: unknown) => Range): YamlProblem | undefined {
  if (aliases.size === 0) return undefined;
  const sizes = new Map<unknown, number>();
  const inProgress = new Set<unknown>();
  const expandedSize = (node: unknown, depth: number): number => {
    if (isAlias(node)) return expandedSize(aliases.get(node), depth);
    if (!isMap(node) && !isSeq(node)) return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    // An alias inside its own anchor, or a chain of anchors deep enough to exhaust the stack.
    if (inProgress.has(node) || depth > MAX_ALIAS_CHAIN_DEPTH) return Infinity;
    inProgress.add(node);
    let size = 1;
    if (isMap(node)) for (const pair of node.items) size += expandedSize(pair.key, depth + 1) + expandedSize(pair.value, depth + 1);
    else for (const item of node.items) size += expandedSize(item, depth + 1);
    inProgress.delete(node);
    sizes.set(node, size);
    return size;
  };
  let expanded = 0;
  let found: Alias | undefined;
  const visit = (node: unknown): void => {
    if (found) return;
    if (isAlias(node)) {
      expanded += expandedSize(node, 0);
      if (expanded > MAX_ALIAS_EXPANSION) found = node;
    } else if (isMap(node)) {
      for (const pair of node.items) {
        visit(pair.key);
        visit(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item);
    }
  };
  visit(root);
  return found ? { kind: 'alias-limit', range: range(found), message: `more than ${MAX_ALIAS_EXPANSION} nodes` } : undefined;
}
