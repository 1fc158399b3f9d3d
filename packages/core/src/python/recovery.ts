/**
 * Finding the top-level definitions a syntax error swallowed. tree-sitter sometimes folds
 * everything after a broken `def` header into one ERROR node (or into the broken def); each
 * column-0 `def`/`class`/`@` line that starts no top-level statement is re-parsed on its own (the
 * rest of the text blanked, so offsets stay the same), so one broken function never hides the others.
 */
import { Parser, type Language, type Node as TSNode, type Tree } from 'web-tree-sitter';

/** A lost definition: where it starts, and where the broken statement holding it ends. */
export interface LostDefinition {
  start: number;
  end: number;
}

/** What a definition header says when even a lone parse cannot read it. */
export interface BrokenHeader {
  kind: 'def' | 'class';
  name: string;
  nameStart: number;
  nameEnd: number;
  isAsync: boolean;
  /** End of the header's first line. */
  headerEnd: number;
}

const DEFINITION_LINE = /^(?:@|(?:async[ \t]+)?def[ \t]|class[ \t])/gm;
const DEFINITION_TYPES = new Set(['function_definition', 'decorated_definition', 'class_definition']);

const parsers = new WeakMap<Language, Parser>();

/** The column-0 definitions the tree lost inside an error, in source order. */
export function findLostDefinitions(tree: Tree, text: string): LostDefinition[] {
  const root = tree.rootNode;
  const intact = new Set(root.namedChildren.filter((c) => c && DEFINITION_TYPES.has(c.type)).map((c) => c!.startIndex));
  const lost: LostDefinition[] = [];
  for (const start of definitionStarts(text)) {
    // A column-0 definition line that starts no top-level statement was absorbed by a broken one.
    if (intact.has(start) || insideString(root, start)) continue;
    // Up to the end of the broken statement: a later `def` inside a docstring must not cut the segment.
    const container = root.namedChildren.find((c) => c && c.startIndex <= start && start < c.endIndex);
    lost.push({ start, end: container?.endIndex ?? text.length });
  }
  return lost;
}

/** True inside a string literal (a docstring may hold a column-0 `def` line). */
function insideString(root: TSNode, offset: number): boolean {
  for (let node = root.descendantForIndex(offset); node; node = node.parent) {
    if (node.type === 'string') return true;
  }
  return false;
}

/** Parses `text[start, end)` alone, everything else blanked so offsets match the file; the caller deletes the tree. */
export function parseAlone(language: Language, text: string, start: number, end: number): Tree | undefined {
  let parser = parsers.get(language);
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(language);
    parsers.set(language, parser);
  }
  const blank = (s: string) => s.replace(/[^\r\n]/g, ' ');
  return parser.parse(blank(text.slice(0, start)) + text.slice(start, end) + blank(text.slice(end))) ?? undefined;
}

/** True for the statement types a lone parse can give back. */
export function isDefinition(node: TSNode): boolean {
  return DEFINITION_TYPES.has(node.type);
}

/** Reads `def name` / `async def name` / `class Name` from the segment's text. */
export function readBrokenHeader(text: string, segment: LostDefinition): BrokenHeader | undefined {
  const slice = text.slice(segment.start, segment.end);
  const match = /^(?:@[^\r\n]*(?:\r\n|\r|\n)[ \t\r\n]*)*(?:(async)[ \t]+)?(def|class)[ \t]+([A-Za-z_][A-Za-z0-9_]*)/.exec(slice);
  if (!match) return undefined;
  const nameStart = segment.start + match[0].length - match[3]!.length;
  const lineBreak = text.slice(nameStart).search(/[\r\n]/);
  return {
    kind: match[2] === 'class' ? 'class' : 'def',
    name: match[3]!,
    nameStart,
    nameEnd: nameStart + match[3]!.length,
    isAsync: match[1] !== undefined,
    headerEnd: lineBreak === -1 ? text.length : nameStart + lineBreak,
  };
}

/** Offsets of column-0 definition lines; a `def` right under a decorator belongs to it. */
function definitionStarts(text: string): number[] {
  const starts: number[] = [];
  let previousWasDecorator = false;
  for (const match of text.matchAll(DEFINITION_LINE)) {
    if (!previousWasDecorator) starts.push(match.index);
    previousWasDecorator = match[0] === '@';
  }
  return starts;
}
