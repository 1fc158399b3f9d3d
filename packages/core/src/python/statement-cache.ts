/**
 * The module index, one top-level statement at a time. A statement's share of the index (its
 * bindings, its functions, the syntax problems inside it) depends on its own text only, so after an
 * edit the statements whose text did not change are taken from the previous index and moved to
 * their new line instead of being read from the tree again.
 */
import type { Range } from '../diagnostic.js';
import type { LineIndex } from '../positions.js';
import type { TypedNode } from './functions.js';
import { indexStatement } from './indexer.js';
import type { PyBinding, PyFunction, PythonModule } from './module-index.js';
import type { PySyntaxProblem, StatementProblems, SyntaxChecker } from './syntax-problems.js';

/** One top-level statement's share of the module index. */
export interface StatementEntry {
  /** The statement's source: what a later index looks it up by. */
  text: string;
  /** Where the statement starts (offset and line) in the module that holds this entry. */
  start: number;
  line: number;
  /** The file text the entry's strings were read from (they keep it alive). */
  origin: string;
  /** False for a statement that holds a syntax error or does not start a line: such a statement is always read afresh. */
  reusable: boolean;
  /** True when taken from the previous index rather than read from the tree. */
  moved: boolean;
  bindings: PyBinding[];
  functions: PyFunction[];
  /** Each function's `syntaxError` as its own tree says, before the module's problems mark it: a moved copy is marked again. */
  treeSyntaxErrors: Array<PyFunction['syntaxError']>;
  problems: StatementProblems;
}

export interface IndexContext {
  lines: LineIndex;
  checker: SyntaxChecker;
  /** `mayYield` of the file's text. */
  yields: boolean;
  /** True when the tree holds an error somewhere (only then can a statement hold one). */
  hasError: boolean;
  /** False when no statement may be reused or kept for reuse. */
  reusable: boolean;
  previous?: PythonModule;
}

/**
 * At most this many older file texts stay alive through the strings of reused entries; past it,
 * the module is read afresh (once in a while, after edits in many different places).
 */
const MAX_RETAINED_TEXTS = 8;

/** A module's entries, and what the file's text as a whole decided for all of them. */
interface ModuleEntries {
  entries: StatementEntry[];
  /** How many entries were taken from the previous index. */
  reused: number;
  /** The text tests (`yield`, hazard patterns) the statements were indexed under: entries are reused only under the same. */
  textTests: string;
}

const entriesByModule = new WeakMap<PythonModule, ModuleEntries>();

/** Keeps a module's entries for a later index given the module as `previous`. */
export function rememberStatements(module: PythonModule, entries: StatementEntry[], context: IndexContext): void {
  const reused = entries.filter((e) => e.moved).length;
  entriesByModule.set(module, { entries, reused, textTests: textTests(context) });
}

/** How many top-level statements a module's index took from the previous index (0 when built without one). */
export function reusedStatementCount(module: PythonModule): number {
  return entriesByModule.get(module)?.reused ?? 0;
}

function textTests(context: IndexContext): string {
  return `${context.yields}\n${context.checker.hazardPatterns}`;
}

/** The entries of a module's top-level statements, in order: reused from `previous` where possible, indexed otherwise. */
export function indexStatements(statements: TypedNode[], context: IndexContext): StatementEntry[] {
  const { lines } = context;
  const located = statements.map((stmt) => {
    const start = stmt.node.startIndex;
    // Only a statement that starts a line (after `\n`: tree-sitter does not break lines at a lone `\r`)
    // keeps every position when moved: its lines shift, its columns stay.
    const startsLine = start === 0 || lines.text.charCodeAt(start - 1) === 10;
    const holdsError = context.hasError && stmt.node.hasError;
    const reusable = context.reusable && startsLine && !holdsError;
    return { stmt, start, line: lines.positionAt(start).line, text: lines.text.slice(start, stmt.node.endIndex), reusable };
  });
  const reused = reusableEntries(context, located);
  return located.map((s, i): StatementEntry => {
    const old = reused[i];
    if (old) return moved(old, s.start, s.line, s.text);
    const indexed = indexStatement(s.stmt, lines, context.yields);
    return {
      text: s.text, start: s.start, line: s.line, origin: lines.text, reusable: s.reusable, moved: false,
      bindings: indexed.bindings, functions: indexed.functions, treeSyntaxErrors: indexed.functions.map((f) => f.syntaxError),
      problems: context.checker.statementProblems(s.stmt.node, indexed.facts),
    };
  });
}

/** For each statement, the previous entry with the same text, if it can be reused. */
function reusableEntries(context: IndexContext, statements: Array<{ text: string; reusable: boolean }>): Array<StatementEntry | undefined> {
  const previous = context.previous ? entriesByModule.get(context.previous) : undefined;
  if (!previous || previous.textTests !== textTests(context)) return [];
  const byText = new Map<string, StatementEntry>();
  for (const entry of previous.entries) if (entry.reusable) byText.set(entry.text, entry);
  const found = statements.map((s) => (s.reusable ? byText.get(s.text) : undefined));
  const origins = new Set(found.map((entry) => entry?.origin));
  origins.delete(undefined);
  return origins.size > MAX_RETAINED_TEXTS ? [] : found;
}

/** A copy of `entry` for the same statement text now at `start`, the start of `line`. */
function moved(entry: StatementEntry, start: number, line: number, text: string): StatementEntry {
  const lineDelta = line - entry.line;
  const offsetDelta = start - entry.start;
  const range = (r: Range): Range => ({
    start: { line: r.start.line + lineDelta, character: r.start.character },
    end: { line: r.end.line + lineDelta, character: r.end.character },
  });
  const problem = (p: PySyntaxProblem): PySyntaxProblem => ({ ...p, range: range(p.range) });
  const functions = new Map<PyFunction, PyFunction>();
  entry.functions.forEach((fn, i) => {
    const copy: PyFunction = {
      ...fn,
      nameRange: range(fn.nameRange),
      range: range(fn.range),
      params: fn.params.map((p) => ({ ...p, range: range(p.range), sourceRange: range(p.sourceRange) })),
      returnAnnotationRange: fn.returnAnnotationRange && range(fn.returnAnnotationRange),
    };
    const syntaxError = entry.treeSyntaxErrors[i];
    if (syntaxError) copy.syntaxError = syntaxError;
    else delete copy.syntaxError;
    functions.set(fn, copy);
  });
  const { problems } = entry;
  return {
    text, start, line, origin: entry.origin, reusable: true, moved: true,
    bindings: entry.bindings.map((b) => ({ ...b, range: range(b.range), ...(b.fn ? { fn: functions.get(b.fn) } : {}) })),
    functions: [...functions.values()],
    treeSyntaxErrors: entry.treeSyntaxErrors,
    problems: {
      problems: problems.problems.map(problem),
      outsideFunction: problems.outsideFunction.map((o) => ({ offset: o.offset + offsetDelta, problem: problem(o.problem) })),
      hazards: problems.hazards.map(problem),
      orphanedBodies: problems.orphanedBodies.map((b) => ({ start: b.start + offsetDelta, end: typeof b.end === 'number' ? b.end + offsetDelta : b.end })),
    },
  };
}
