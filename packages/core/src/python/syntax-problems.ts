/**
 * Everything in custom_metrics.py that Python 3 refuses to import: tree-sitter's ERROR and MISSING
 * nodes, plus what tree-sitter-python accepts but CPython does not (Python 2 syntax, empty blocks,
 * inconsistent indentation, bad parameter lists, `async`/`await` as names, `return` outside a def).
 */
import { Query, type Language, type Node as TSNode, type Tree } from 'web-tree-sitter';
import type { Range } from '../diagnostic.js';
import type { LineIndex } from '../positions.js';

export type PySyntaxProblemKind =
  | 'unexpected'
  | 'unclosed'
  | 'missing'
  | 'python2'
  | 'empty-block'
  | 'indentation'
  | 'parameter-order'
  | 'bare-star'
  | 'duplicate-parameter'
  | 'keyword-name'
  | 'outside-function';

export type Python2Construct =
  | 'print' | 'exec' | 'backtick' | 'not-equal' | 'long-integer' | 'octal' | 'ur-prefix' | 'tuple-parameter' | 'raise-tuple';

export interface PySyntaxProblem {
  kind: PySyntaxProblemKind;
  range: Range;
  /** The offending source (first line, shortened) or, for `missing`, the missing token. */
  text: string;
  /** For `python2`: which construct. */
  python2?: Python2Construct;
  /** Python 3 source that replaces `range` exactly, when the rewrite is mechanical. */
  replacement?: string;
}

/** What the indexer's statement walk found, so the checks here need no walk of their own. */
export interface StatementFacts {
  /** Every `block` (bodies of defs, classes and compound statements) and its statements, comments left out. */
  blocks: Array<{ node: TSNode; statements: TSNode[] }>;
  /** The `parameters` node of every `def`. */
  parameterLists: TSNode[];
  /** `return` / `yield` outside any function. */
  outsideFunction: TSNode[];
}

/**
 * Query patterns for constructs Python 3 rejects, each behind a cheap text test: a query walks
 * the whole tree, so it runs only when the text could hold a match.
 */
const HAZARD_PATTERNS: ReadonlyArray<{ pattern: string; mayOccur: (text: string) => boolean }> = [
  { pattern: '(print_statement) @print', mayOccur: (t) => /\bprint(?:[ \t]+[^\s(=.,)\]}:;#]|[ \t]*>>)/.test(t) },
  { pattern: '(exec_statement) @exec', mayOccur: (t) => /\bexec[ \t]+[^\s(=.,)\]}:;#]/.test(t) },
  { pattern: '"<>" @not_equal', mayOccur: (t) => t.includes('<>') },
  { pattern: '(string_start) @string_start', mayOccur: (t) => t.includes('`') || /(?<![\w.])[uU][rR]["']/.test(t) },
  {
    pattern: '(integer) @integer',
    mayOccur: (t) => /(?<![\w.])0[0-9_]*[1-9]|(?<![\w.])(?:[0-9][0-9_]*|0[xX][0-9a-fA-F_]+)[lL](?!\w)/.test(t),
  },
  { pattern: '(raise_statement (expression_list) @raise_tuple)', mayOccur: (t) => /\braise\b[^\r\n]*,/.test(t) },
  { pattern: '(lambda_parameters (tuple_pattern) @tuple_parameter)', mayOccur: (t) => /\blambda[ \t]*\(/.test(t) },
  { pattern: '((identifier) @keyword_name (#any-of? @keyword_name "async" "await"))', mayOccur: (t) => /\b(?:async|await)\b/.test(t) },
];

const queries = new WeakMap<Language, Map<string, Query>>();

/** Every problem, in source order. */
export function collectSyntaxProblems(tree: Tree, lines: LineIndex, facts: StatementFacts): PySyntaxProblem[] {
  const collector = new Collector(lines);
  const root = tree.rootNode;
  if (root.hasError) collector.errorNodes(root);
  collector.alignedStatements(root.namedChildren.filter((c): c is TSNode => !!c && c.type !== 'comment'), '');
  for (const block of facts.blocks) {
    if (block.statements.length === 0) collector.emptyBlock(block.node);
    else collector.alignedStatements(block.statements, undefined);
  }
  for (const params of facts.parameterLists) collector.parameterList(params);
  for (const node of facts.outsideFunction) collector.outsideFunction(node);
  const patterns = HAZARD_PATTERNS.filter((h) => h.mayOccur(lines.text)).map((h) => h.pattern);
  if (patterns.length) {
    for (const { name, node } of queryFor(tree.language, patterns.join('\n')).captures(root)) collector.hazard(name, node);
  }
  return collector.sorted();
}

function queryFor(language: Language, source: string): Query {
  let cache = queries.get(language);
  if (!cache) queries.set(language, (cache = new Map()));
  let query = cache.get(source);
  if (!query) cache.set(source, (query = new Query(language, source)));
  return query;
}

class Collector {
  private readonly problems: PySyntaxProblem[] = [];
  /** Spans after a `def` whose body is not indented (see `emptyBlock`). */
  private readonly orphanedBodies: Array<[number, number]> = [];
  /** ERROR ranges as offsets: other checks stay quiet inside them (one mistake, one finding). */
  private readonly errorSpans: Array<[number, number]> = [];

  constructor(private readonly lines: LineIndex) {}

  /** ERROR and MISSING nodes, outermost only. */
  errorNodes(root: TSNode): void {
    const stack: TSNode[] = [root];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.isMissing) {
        this.problems.push({ kind: 'missing', range: this.rangeOf(node), text: node.type });
        this.errorSpans.push([node.startIndex, node.endIndex]);
        continue;
      }
      if (node.type === 'ERROR') {
        // tree-sitter folds every line after an unclosed bracket into one ERROR: the bracket is the mistake.
        const runsToEnd = node.startPosition.row !== node.endPosition.row || this.lines.text.slice(node.endIndex).trim() === '';
        const bracket = runsToEnd ? unclosedBracket(node) : undefined;
        if (bracket) this.problems.push({ kind: 'unclosed', range: this.rangeOf(bracket), text: bracket.type });
        else this.problems.push({ kind: 'unexpected', range: this.rangeOf(node), text: shorten(node.text) });
        this.errorSpans.push([node.startIndex, node.endIndex]);
        continue;
      }
      if (!node.hasError) continue;
      for (let i = node.childCount - 1; i >= 0; i--) {
        const child = node.child(i);
        if (child) stack.push(child);
      }
    }
  }

  /** Statements of the module start at column 0; those of a block line up with each other. */
  alignedStatements(statements: TSNode[], expectedIndent: string | undefined): void {
    if (statements.some((s) => s.type === 'ERROR')) return;
    let expected = expectedIndent;
    for (const [i, stmt] of statements.entries()) {
      const lineStart = this.lines.lineStart(this.lines.positionAt(stmt.startIndex).line);
      const indent = this.lines.text.slice(lineStart, stmt.startIndex);
      if (/\S/.test(indent)) {
        // Not the first thing on its line (`if x: y`, `a; b`): a block opened inline is not checked.
        if (i === 0) return;
        continue;
      }
      expected ??= indent;
      if (indent !== expected && !this.inError(stmt.startIndex)) {
        this.problems.push({ kind: 'indentation', range: this.lines.rangeOf(lineStart, stmt.startIndex), text: firstLine(stmt.text) });
      }
    }
  }

  hazard(capture: string, node: TSNode): void {
    if (this.inError(node.startIndex)) return;
    switch (capture) {
      case 'print':
        this.python2('print', node, simpleCallRewrite(node, 'print'));
        return;
      case 'exec':
        this.python2('exec', node, simpleCallRewrite(node, 'exec'));
        return;
      case 'not_equal':
        this.python2('not-equal', node, '!=');
        return;
      case 'string_start':
        this.stringPrefix(node);
        return;
      case 'integer':
        this.integer(node);
        return;
      case 'raise_tuple':
        this.python2('raise-tuple', node);
        return;
      case 'tuple_parameter':
        this.python2('tuple-parameter', node);
        return;
      case 'keyword_name':
        this.add('keyword-name', node, node.text);
        return;
      default:
        return;
    }
  }

  private stringPrefix(start: TSNode): void {
    const string = start.parent;
    if (!string) return;
    if (start.text.startsWith('`')) {
      const content = string.text.slice(1, -1);
      this.python2('backtick', string, content.includes('`') ? undefined : `repr(${content})`);
    } else if (/^[uU][rR]/.test(start.text)) {
      this.python2('ur-prefix', start);
    }
  }

  private integer(node: TSNode): void {
    const text = node.text;
    if (/^[0-9_]+[lL]$|^0[xXoObB][0-9a-fA-F_]+[lL]$/.test(text)) {
      this.python2('long-integer', node, text.slice(0, -1));
    } else if (/^0[0-9_]*$/.test(text) && /[1-9]/.test(text)) {
      const digits = text.replace(/^[0_]+/, '');
      this.python2('octal', node, /^[0-7_]+$/.test(digits) ? `0o${digits}` : undefined);
    }
  }

  /**
   * Defaults only at the end of the positional parameters; a bare `*` needs a keyword-only one;
   * no name twice; no Python 2 tuple parameters.
   */
  parameterList(params: TSNode): void {
    if (params.hasError) return;
    const seen = new Set<string>();
    let sawDefault = false;
    let keywordOnly = false;
    let bareStar: TSNode | undefined;
    for (const p of params.namedChildren) {
      if (!p) continue;
      if (p.type === 'keyword_separator') {
        keywordOnly = true;
        bareStar = p;
        continue;
      }
      if (p.type === 'positional_separator' || p.type === 'comment') continue;
      if (p.type === 'tuple_pattern') {
        this.python2('tuple-parameter', p);
        continue;
      }
      const name = parameterName(p);
      const isSplat = p.type.endsWith('splat_pattern') || p.namedChildren.some((c) => c?.type.endsWith('splat_pattern'));
      if (p.type === 'list_splat_pattern' || p.namedChildren.some((c) => c?.type === 'list_splat_pattern')) keywordOnly = true;
      if (!isSplat && bareStar) bareStar = undefined;
      if (p.type.includes('default')) sawDefault = true;
      else if (!isSplat && !keywordOnly && sawDefault && name) this.add('parameter-order', name, name.text);
      if (name && seen.has(name.text)) this.add('duplicate-parameter', name, name.text);
      if (name) seen.add(name.text);
      if (p.type === 'dictionary_splat_pattern' || p.namedChildren.some((c) => c?.type === 'dictionary_splat_pattern')) break;
    }
    if (bareStar) this.add('bare-star', bareStar, '*');
  }

  /** A block with no statement: tree-sitter accepts `def f():` followed by an unindented line; Python does not. */
  emptyBlock(block: TSNode): void {
    const owner = block.parent;
    if (!owner || owner.hasError) return;
    const colon = owner.children.find((c) => c?.type === ':');
    this.problems.push({ kind: 'empty-block', range: this.rangeOf(colon ?? owner), text: header(owner) });
    if (owner.type === 'function_definition') {
      // The unindented body follows at module level, up to the next definition: its `return`s are the same mistake.
      let next = owner.nextNamedSibling;
      while (next && next.type !== 'function_definition' && next.type !== 'decorated_definition' && next.type !== 'class_definition') next = next.nextNamedSibling;
      this.orphanedBodies.push([owner.endIndex, next?.startIndex ?? Number.MAX_SAFE_INTEGER]);
    }
  }

  /** `return`/`yield` outside a function, unless it belongs to a function body that lost its indentation. */
  outsideFunction(node: TSNode): void {
    if (this.orphanedBodies.some(([start, end]) => node.startIndex >= start && node.startIndex < end)) return;
    this.add('outside-function', node, node.type === 'yield' ? 'yield' : 'return');
  }

  private python2(construct: Python2Construct, node: TSNode, replacement?: string): void {
    this.problems.push({ kind: 'python2', python2: construct, range: this.rangeOf(node), text: shorten(node.text), ...(replacement !== undefined ? { replacement } : {}) });
  }

  add(kind: PySyntaxProblemKind, node: TSNode, text: string): void {
    if (this.inError(node.startIndex)) return;
    this.problems.push({ kind, range: this.rangeOf(node), text });
  }

  private inError(offset: number): boolean {
    return this.errorSpans.some(([start, end]) => offset >= start && offset < end);
  }

  private rangeOf(node: TSNode): Range {
    return this.lines.rangeOf(node.startIndex, node.endIndex);
  }

  sorted(): PySyntaxProblem[] {
    return this.problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
}

function parameterName(p: TSNode): TSNode | undefined {
  if (p.type === 'identifier') return p;
  const named = p.childForFieldName('name');
  if (named?.type === 'identifier') return named;
  for (const child of p.namedChildren) {
    if (child?.type === 'identifier') return child;
    if (child?.type.endsWith('splat_pattern')) return parameterName(child);
  }
  return undefined;
}

/** `print "x", y` → `print("x", y)`, `exec code` → `exec(code)`; none when a trailing comma, `>>` or `in` changes the meaning. */
function simpleCallRewrite(statement: TSNode, keyword: 'print' | 'exec'): string | undefined {
  const parts = statement.children.filter((c): c is TSNode => !!c);
  const first = parts[1];
  const last = parts[parts.length - 1];
  if (!first || !last || parts.some((c) => c.type === 'chevron' || c.type === 'in') || last.type === ',') return undefined;
  const args = statement.text.slice(first.startIndex - statement.startIndex);
  return `${keyword}(${args})`;
}

const CLOSING: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** The first opening bracket among an ERROR's own tokens that no later token closes. */
function unclosedBracket(error: TSNode): TSNode | undefined {
  const open: TSNode[] = [];
  for (const child of error.children) {
    if (!child) continue;
    if (child.type in CLOSING) open.push(child);
    else if (open.length && child.type === CLOSING[open[open.length - 1]!.type]) open.pop();
  }
  return open[0];
}

/** `def mae(...)`, `class Metrics`, `if x > 0`: how messages name a statement. */
function header(owner: TSNode): string {
  const name = owner.childForFieldName('name')?.text;
  if (owner.type === 'function_definition' && name) return `def ${name}(...)`;
  if (owner.type === 'class_definition' && name) return `class ${name}`;
  const colon = owner.children.find((c) => c?.type === ':');
  const end = colon ? colon.startIndex : owner.endIndex;
  return shorten(owner.text.slice(0, end - owner.startIndex));
}

function firstLine(text: string): string {
  return (text.split(/\r\n|\r|\n/)[0] ?? '').trim();
}

function shorten(text: string): string {
  const line = firstLine(text).replace(/\s+/g, ' ');
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}
