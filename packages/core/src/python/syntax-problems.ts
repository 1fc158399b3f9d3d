/**
 * Everything in custom_metrics.py that Python 3 refuses to import: tree-sitter's ERROR and MISSING
 * nodes, plus what tree-sitter-python accepts but CPython does not (Python 2 syntax, empty blocks,
 * inconsistent indentation, bad parameter lists, `async`/`await` as names, `return` outside a def).
 */
import { Query, type Language, type Node as TSNode } from 'web-tree-sitter';
import type { Range } from '../diagnostic.js';
import type { LineIndex } from '../positions.js';
import { typedNamedChildren, type TypedNode } from './functions.js';

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

/** What the indexer's walk of one top-level statement found, so the checks here need no walk of their own. */
export interface StatementFacts {
  /** Every `block` (bodies of defs, classes and compound statements) and its statements, comments left out. */
  blocks: Array<{ node: TSNode; statements: TypedNode[] }>;
  /** The `parameters` node of every `def`, with its parameters when the list holds no syntax error. */
  parameterLists: Array<{ node: TSNode; params?: TypedNode[] }>;
  /** `return` / `yield` outside any function. */
  outsideFunction: TSNode[];
}

/** The end of an orphaned body that runs up to the next top-level definition (another statement decides it). */
export const NEXT_TOP_LEVEL_DEFINITION = 'next-top-level-definition';

/** The problems inside one top-level statement. Offsets are those of the text the statement was checked in. */
export interface StatementProblems {
  /** Block and parameter-list problems, in the order found. */
  problems: PySyntaxProblem[];
  /** `return`/`yield` outside a function; dropped when an orphaned body (of any statement) holds its offset. */
  outsideFunction: Array<{ offset: number; problem: PySyntaxProblem }>;
  /** Constructs Python 3 rejects (Python 2 syntax, `async`/`await` as names). */
  hazards: PySyntaxProblem[];
  /** Spans after a `def` whose body is not indented: the unindented body's `return`s are the same mistake. */
  orphanedBodies: Array<{ start: number; end: number | typeof NEXT_TOP_LEVEL_DEFINITION }>;
}

/**
 * Query patterns for constructs Python 3 rejects, each behind a cheap test of the file's text: a
 * query walks every node, so it runs only when the text could hold a match.
 */
const HAZARD_PATTERNS: ReadonlyArray<{ pattern: string; mayOccur: (text: string) => boolean }> = [
  // `includes` first: a whole-file regex costs more than a scan for the word every match contains.
  { pattern: '(print_statement) @print', mayOccur: (t) => t.includes('print') && /\bprint(?:[ \t]+[^\s(=.,)\]}:;#]|[ \t]*>>)/.test(t) },
  { pattern: '(exec_statement) @exec', mayOccur: (t) => t.includes('exec') && /\bexec[ \t]+[^\s(=.,)\]}:;#]/.test(t) },
  { pattern: '"<>" @not_equal', mayOccur: (t) => t.includes('<>') },
  { pattern: '(string_start) @string_start', mayOccur: (t) => t.includes('`') || /(?<![\w.])[uU][rR]["']/.test(t) },
  {
    pattern: '(integer) @integer',
    mayOccur: (t) => /(?<![\w.])0[0-9_]*[1-9]|(?<![\w.])(?:[0-9][0-9_]*|0[xX][0-9a-fA-F_]+)[lL](?!\w)/.test(t),
  },
  { pattern: '(raise_statement (expression_list) @raise_tuple)', mayOccur: (t) => t.includes('raise') && /\braise\b[^\r\n]*,/.test(t) },
  { pattern: '(lambda_parameters (tuple_pattern) @tuple_parameter)', mayOccur: (t) => t.includes('lambda') && /\blambda[ \t]*\(/.test(t) },
  {
    pattern: '((identifier) @keyword_name (#any-of? @keyword_name "async" "await"))',
    mayOccur: (t) => (t.includes('async') || t.includes('await')) && /\b(?:async|await)\b/.test(t),
  },
];

const queries = new WeakMap<Language, Map<string, Query>>();

function queryFor(language: Language, source: string): Query {
  let cache = queries.get(language);
  if (!cache) queries.set(language, (cache = new Map()));
  let query = cache.get(source);
  if (!query) cache.set(source, (query = new Query(language, source)));
  return query;
}

/**
 * Finds the syntax problems of one module: ERROR and MISSING nodes over the whole tree first (other
 * checks stay quiet inside them: one mistake, one finding), then each top-level statement's own
 * problems, then what depends on several statements.
 */
export class SyntaxChecker {
  /**
   * The hazard patterns the file's text may match, joined: statements checked under the same
   * patterns find the same problems.
   */
  readonly hazardPatterns: string;
  private readonly hazardQuery: Query | undefined;
  private readonly errorProblems: PySyntaxProblem[] = [];
  /** ERROR ranges as offsets. */
  private readonly errorSpans: Array<[number, number]> = [];

  constructor(private readonly lines: LineIndex, language: Language) {
    this.hazardPatterns = HAZARD_PATTERNS.filter((h) => h.mayOccur(lines.text)).map((h) => h.pattern).join('\n');
    this.hazardQuery = this.hazardPatterns ? queryFor(language, this.hazardPatterns) : undefined;
  }

  /** ERROR and MISSING nodes, outermost only. Call first, and only for a tree that has an error. */
  errorNodes(root: TSNode): void {
    const stack: TSNode[] = [root];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.isMissing) {
        this.errorProblems.push({ kind: 'missing', range: this.rangeOf(node), text: node.type });
        this.errorSpans.push([node.startIndex, node.endIndex]);
        continue;
      }
      if (node.type === 'ERROR') {
        // tree-sitter folds every line after an unclosed bracket into one ERROR: the bracket is the mistake.
        const runsToEnd = node.startPosition.row !== node.endPosition.row || this.lines.text.slice(node.endIndex).trim() === '';
        const bracket = runsToEnd ? unclosedBracket(node) : undefined;
        if (bracket) this.errorProblems.push({ kind: 'unclosed', range: this.rangeOf(bracket), text: bracket.type });
        else this.errorProblems.push({ kind: 'unexpected', range: this.rangeOf(node), text: shorten(node.text) });
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

  /** The problems inside one top-level statement, from its walk's facts. */
  statementProblems(stmt: TSNode, facts: StatementFacts): StatementProblems {
    const found: StatementProblems = { problems: [], outsideFunction: [], hazards: [], orphanedBodies: [] };
    for (const block of facts.blocks) {
      if (block.statements.length === 0) this.emptyBlock(block.node, stmt, found);
      else this.alignedStatements(block.statements, undefined, found.problems);
    }
    for (const list of facts.parameterLists) this.parameterList(list.params, found.problems);
    for (const node of facts.outsideFunction) {
      const problem = this.problem('outside-function', node, node.type === 'yield' ? 'yield' : 'return');
      if (problem) found.outsideFunction.push({ offset: node.startIndex, problem });
    }
    for (const { name, node } of this.hazardQuery?.captures(stmt) ?? []) this.hazard(name, node, found.hazards);
    return found;
  }

  /**
   * Every problem of the module, in source order. `statements` are the module's top-level
   * statements (comments left out) and `found` their problems, in the same order.
   */
  moduleProblems(statements: TypedNode[], found: StatementProblems[]): PySyntaxProblem[] {
    const problems = [...this.errorProblems];
    this.alignedStatements(statements, '', problems);
    const orphanedBodies: Array<[number, number]> = [];
    found.forEach((f, i) => {
      for (const { start, end } of f.orphanedBodies) {
        orphanedBodies.push([start, end === NEXT_TOP_LEVEL_DEFINITION ? nextDefinitionStart(statements, i) : end]);
      }
    });
    for (const f of found) {
      problems.push(...f.problems);
      for (const { offset, problem } of f.outsideFunction) {
        if (!orphanedBodies.some(([start, end]) => offset >= start && offset < end)) problems.push(problem);
      }
      problems.push(...f.hazards);
    }
    return problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }

  /** Statements of the module start at column 0; those of a block line up with each other. */
  private alignedStatements(statements: TypedNode[], expectedIndent: string | undefined, out: PySyntaxProblem[]): void {
    if (statements.some((s) => s.type === 'ERROR')) return;
    let expected = expectedIndent;
    for (const [i, { node: stmt }] of statements.entries()) {
      const lineStart = this.lines.lineStart(this.lines.positionAt(stmt.startIndex).line);
      const indent = this.lines.text.slice(lineStart, stmt.startIndex);
      if (/\S/.test(indent)) {
        // Not the first thing on its line (`if x: y`, `a; b`): a block opened inline is not checked.
        if (i === 0) return;
        continue;
      }
      expected ??= indent;
      if (indent !== expected && !this.inError(stmt.startIndex)) {
        out.push({ kind: 'indentation', range: this.lines.rangeOf(lineStart, stmt.startIndex), text: firstLine(stmt.text) });
      }
    }
  }

  private hazard(capture: string, node: TSNode, out: PySyntaxProblem[]): void {
    if (this.inError(node.startIndex)) return;
    switch (capture) {
      case 'print':
        out.push(this.python2('print', node, simpleCallRewrite(node, 'print')));
        return;
      case 'exec':
        out.push(this.python2('exec', node, simpleCallRewrite(node, 'exec')));
        return;
      case 'not_equal':
        out.push(this.python2('not-equal', node, '!='));
        return;
      case 'string_start':
        this.stringPrefix(node, out);
        return;
      case 'integer':
        this.integer(node, out);
        return;
      case 'raise_tuple':
        out.push(this.python2('raise-tuple', node));
        return;
      case 'tuple_parameter':
        out.push(this.python2('tuple-parameter', node));
        return;
      case 'keyword_name':
        this.add('keyword-name', node, node.text, out);
        return;
      default:
        return;
    }
  }

  private stringPrefix(start: TSNode, out: PySyntaxProblem[]): void {
    const string = start.parent;
    if (!string) return;
    const text = start.text;
    if (text.startsWith('`')) {
      // Only a plain `expr` becomes repr(expr): empty or nested backticks (``rst literals`` in
      // stray docstring text) are not Python 2 code, and rewriting them would add errors.
      const content = string.text.slice(1, -1);
      const rewritable = content.trim() !== '' && !content.includes('`') && string.text.endsWith('`');
      out.push(this.python2('backtick', string, rewritable ? `repr(${content})` : undefined));
    } else if (/^[uU][rR]/.test(text)) {
      out.push(this.python2('ur-prefix', start));
    }
  }

  private integer(node: TSNode, out: PySyntaxProblem[]): void {
    const text = node.text;
    if (/^[0-9_]+[lL]$|^0[xXoObB][0-9a-fA-F_]+[lL]$/.test(text)) {
      out.push(this.python2('long-integer', node, text.slice(0, -1)));
    } else if (/^0[0-9_]*$/.test(text) && /[1-9]/.test(text)) {
      const digits = text.replace(/^[0_]+/, '');
      out.push(this.python2('octal', node, /^[0-7_]+$/.test(digits) ? `0o${digits}` : undefined));
    }
  }

  /**
   * Defaults only at the end of the positional parameters; a bare `*` needs a keyword-only one;
   * no name twice; no Python 2 tuple parameters. `params` is undefined for a list with a syntax error.
   */
  private parameterList(params: TypedNode[] | undefined, out: PySyntaxProblem[]): void {
    if (!params) return;
    const seen = new Set<string>();
    let sawDefault = false;
    let keywordOnly = false;
    let bareStar: TSNode | undefined;
    for (const { node: p, type } of params) {
      if (type === 'keyword_separator') {
        keywordOnly = true;
        bareStar = p;
        continue;
      }
      if (type === 'positional_separator' || type === 'comment') continue;
      if (type === 'tuple_pattern') {
        out.push(this.python2('tuple-parameter', p));
        continue;
      }
      // An identifier has no children to look into.
      const inner = type === 'identifier' ? [] : typedNamedChildren(p);
      const name = parameterName(p, type, inner);
      const isSplat = type.endsWith('splat_pattern') || inner.some((c) => c.type.endsWith('splat_pattern'));
      if (type === 'list_splat_pattern' || inner.some((c) => c.type === 'list_splat_pattern')) keywordOnly = true;
      if (!isSplat && bareStar) bareStar = undefined;
      if (type.includes('default')) sawDefault = true;
      else if (!isSplat && !keywordOnly && sawDefault && name) this.add('parameter-order', name, name.text, out);
      if (name && seen.has(name.text)) this.add('duplicate-parameter', name, name.text, out);
      if (name) seen.add(name.text);
      if (type === 'dictionary_splat_pattern' || inner.some((c) => c.type === 'dictionary_splat_pattern')) break;
    }
    if (bareStar) this.add('bare-star', bareStar, '*', out);
  }

  /** A block with no statement: tree-sitter accepts `def f():` followed by an unindented line; Python does not. */
  private emptyBlock(block: TSNode, stmt: TSNode, found: StatementProblems): void {
    const owner = block.parent;
    if (!owner || owner.hasError) return;
    const colon = owner.children.find((c) => c?.type === ':');
    const ownerType = owner.type;
    found.problems.push({ kind: 'empty-block', range: this.rangeOf(colon ?? owner), text: header(owner, ownerType) });
    if (ownerType !== 'function_definition') return;
    // The unindented body follows, up to the next definition: its `return`s are the same mistake.
    if (owner.id === stmt.id) {
      found.orphanedBodies.push({ start: owner.endIndex, end: NEXT_TOP_LEVEL_DEFINITION });
      return;
    }
    let next = owner.nextNamedSibling;
    while (next && !DEFINITION_TYPES.has(next.type)) next = next.nextNamedSibling;
    found.orphanedBodies.push({ start: owner.endIndex, end: next?.startIndex ?? Infinity });
  }

  private python2(construct: Python2Construct, node: TSNode, replacement?: string): PySyntaxProblem {
    return { kind: 'python2', python2: construct, range: this.rangeOf(node), text: shorten(node.text), ...(replacement !== undefined ? { replacement } : {}) };
  }

  private add(kind: PySyntaxProblemKind, node: TSNode, text: string, out: PySyntaxProblem[]): void {
    const problem = this.problem(kind, node, text);
    if (problem) out.push(problem);
  }

  /** The problem at `node`, unless an ERROR holds it. */
  private problem(kind: PySyntaxProblemKind, node: TSNode, text: string): PySyntaxProblem | undefined {
    if (this.inError(node.startIndex)) return undefined;
    return { kind, range: this.rangeOf(node), text };
  }

  private inError(offset: number): boolean {
    return this.errorSpans.some(([start, end]) => offset >= start && offset < end);
  }

  private rangeOf(node: TSNode): Range {
    return this.lines.rangeOf(node.startIndex, node.endIndex);
  }
}

const DEFINITION_TYPES: ReadonlySet<string> = new Set(['function_definition', 'decorated_definition', 'class_definition']);

/** Where the first top-level definition after statement `index` starts (the end of the file when none does). */
function nextDefinitionStart(statements: TypedNode[], index: number): number {
  for (let i = index + 1; i < statements.length; i++) {
    if (DEFINITION_TYPES.has(statements[i]!.type)) return statements[i]!.node.startIndex;
  }
  return Infinity;
}

function parameterName(p: TSNode, type: string, inner: TypedNode[]): TSNode | undefined {
  if (type === 'identifier') return p;
  const named = p.childForFieldName('name');
  if (named?.type === 'identifier') return named;
  for (const child of inner) {
    if (child.type === 'identifier') return child.node;
    if (child.type.endsWith('splat_pattern')) return parameterName(child.node, child.type, typedNamedChildren(child.node));
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
function header(owner: TSNode, type: string): string {
  const name = owner.childForFieldName('name')?.text;
  if (type === 'function_definition' && name) return `def ${name}(...)`;
  if (type === 'class_definition' && name) return `class ${name}`;
  const colon = owner.children.find((c) => c?.type === ':');
  const end = colon ? colon.startIndex : owner.endIndex;
  return shorten(owner.text.slice(0, end - owner.startIndex));
}

function firstLine(text: string): string {
  const lineBreak = text.search(/[\r\n]/);
  return (lineBreak === -1 ? text : text.slice(0, lineBreak)).trim();
}

function shorten(text: string): string {
  const line = firstLine(text).replace(/\s+/g, ' ');
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}
