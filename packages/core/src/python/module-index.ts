/**
 * custom_metrics.py as an index of what the module binds at top level, built from
 * tree-sitter-python's error-tolerant tree.
 */
import type { Tree } from 'web-tree-sitter';
import type { Range } from '../diagnostic.js';
import { rangeContains, type LineIndex } from '../positions.js';
import { typedNamedChildren } from './functions.js';
import { indexStatement, mayYield } from './indexer.js';
import { findLostDefinitions, isDefinition, parseAlone, readBrokenHeader, type BrokenHeader } from './recovery.js';
import { indexStatements, rememberStatements, type IndexContext } from './statement-cache.js';
export { reusedStatementCount } from './statement-cache.js';
import { SyntaxChecker, type PySyntaxProblem } from './syntax-problems.js';

export type { PySyntaxProblem, PySyntaxProblemKind } from './syntax-problems.js';

export type ParamKind = 'positional-only' | 'positional' | 'var-positional' | 'keyword-only' | 'var-keyword';

export interface PyParam {
  name: string;
  kind: ParamKind;
  hasDefault: boolean;
  /** Source text of the default value, if any. */
  defaultText?: string;
  annotation?: string;
  /** The parameter's name. */
  range: Range;
  /** The whole parameter: `*`/`**`, name, annotation and default. */
  sourceRange: Range;
}

export interface PyFunction {
  name: string;
  nameRange: Range;
  /** The whole definition, decorators included. */
  range: Range;
  isAsync: boolean;
  /** Decorator expressions without the `@`. */
  decorators: string[];
  params: PyParam[];
  returnAnnotation?: string;
  returnAnnotationRange?: Range;
  /** True when some `return <value>` (not a bare `return` or `return None`) is in the body, outside nested defs and lambdas. */
  returnsValue: boolean;
  /** True when the body uses `yield` (outside nested defs and lambdas). */
  isGenerator: boolean;
  docstring?: string;
  /** `top`: module level; `conditional`: under a top-level if/try/with/for/while/match; `nested`: inside a class or function. */
  scope: 'top' | 'conditional' | 'nested';
  /** For nested functions: the enclosing class/function names, outermost first. */
  containers: string[];
  /** Source text of the `def ...:` header, one line, for hovers. */
  signatureText: string;
  /** Where a syntax error sits in the definition: `header` (the signature cannot be trusted) or only the `body`. */
  syntaxError?: 'header' | 'body';
}

export type BindingKind = 'def' | 'class' | 'assignment' | 'import';

/** One module-level binding of a name. */
export interface PyBinding {
  name: string;
  kind: BindingKind;
  /** True when the binding sits under a top-level if/try/with/for/while/match. */
  conditional: boolean;
  /** For conditional bindings: the header of the top-level statement (`if HAS_NUMBA`, `try`). */
  condition?: string;
  /** Where the name is bound (the identifier). */
  range: Range;
  /** For `def` bindings. */
  fn?: PyFunction;
  /** For assignments and imports, the binding statement's source (first line), for messages. */
  detail?: string;
}

export interface PythonModule {
  /** Module-level bindings by name, each list in source order. */
  bindings: Map<string, PyBinding[]>;
  /** Every function definition in the file, nested ones included, in source order. */
  functions: PyFunction[];
  syntaxProblems: PySyntaxProblem[];
  tree: Tree;
  lines: LineIndex;
}

/**
 * Builds the module index. Never throws on any tree.
 *
 * `previous`: the index of an earlier text of the same file (the language server passes the one
 * before an edit). Each top-level statement whose text is unchanged, that starts a line and holds
 * no syntax error is then taken from it and moved to its new line instead of being read from the
 * tree again (see statement-cache.ts); the result is the same as without `previous`.
 * `previous.tree` is not read: it may be deleted already.
 */
export function indexModule(tree: Tree, lines: LineIndex, previous?: PythonModule): PythonModule {
  const module: PythonModule = { bindings: new Map(), functions: [], syntaxProblems: [], tree, lines };
  const root = tree.rootNode;
  const checker = new SyntaxChecker(lines, tree.language);
  const hasError = root.hasError;
  if (hasError) checker.errorNodes(root);
  const statements = typedNamedChildren(root).filter((s) => s.type !== 'comment');
  const yields = mayYield(lines.text);
  // Under an ERROR root every statement is inside the error: nothing there is reusable.
  const context: IndexContext = { lines, checker, yields, hasError, reusable: root.type === 'module', previous };
  const entries = indexStatements(statements, context);
  for (const entry of entries) {
    for (const binding of entry.bindings) bind(module, binding);
    module.functions.push(...entry.functions);
  }
  if (hasError) recoverLostDefinitions(module, yields);
  module.syntaxProblems = checker.moduleProblems(statements, entries.map((e) => e.problems));
  markFunctionsWithProblems(module);
  sortModule(module);
  rememberStatements(module, entries, context);
  return module;
}

/**
 * Indexes the top-level definitions a syntax error swallowed (see recovery.ts). One lone parse
 * usually gives back every later definition too, so each lost one is parsed at most once.
 */
function recoverLostDefinitions(module: PythonModule, yields: boolean): void {
  const text = module.lines.text;
  const lost = findLostDefinitions(module.tree, text);
  const pending = new Set(lost.map((l) => l.start));
  for (const segment of lost) {
    if (!pending.has(segment.start)) continue;
    const tree = parseAlone(module.tree.language, text, segment.start, segment.end);
    if (tree) {
      try {
        const found = typedNamedChildren(tree.rootNode).filter((s) => isDefinition(s.node) && pending.has(s.node.startIndex));
        for (const stmt of found) {
          const indexed = indexStatement(stmt, module.lines, yields);
          for (const binding of indexed.bindings) bind(module, binding);
          module.functions.push(...indexed.functions);
        }
        for (const stmt of found) pending.delete(stmt.node.startIndex);
      } finally {
        tree.delete();
      }
    }
    if (!pending.delete(segment.start)) continue;
    const header = readBrokenHeader(text, segment);
    if (header) bindBrokenHeader(module, header, segment.start);
  }
}

/** A definition whose header does not parse: bound (so it still resolves), its signature unknown. */
function bindBrokenHeader(module: PythonModule, header: BrokenHeader, start: number): void {
  const { lines } = module;
  const nameRange = lines.rangeOf(header.nameStart, header.nameEnd);
  const binding: PyBinding = { name: header.name, kind: header.kind, conditional: false, range: nameRange };
  if (header.kind === 'def') {
    binding.fn = {
      name: header.name, nameRange, range: lines.rangeOf(start, header.headerEnd), isAsync: header.isAsync,
      decorators: [], params: [], returnsValue: false, isGenerator: false, scope: 'top', containers: [],
      signatureText: lines.text.slice(lines.lineStart(nameRange.start.line), header.headerEnd).trim(), syntaxError: 'header',
    };
    module.functions.push(binding.fn);
  }
  bind(module, binding);
}

function bind(module: PythonModule, binding: PyBinding): void {
  const list = module.bindings.get(binding.name);
  if (list) list.push(binding);
  else module.bindings.set(binding.name, [binding]);
}

/** Problems that tree-sitter does not flag in the tree (an unindented body, a bad parameter list) still make the def unreliable. */
function markFunctionsWithProblems(module: PythonModule): void {
  for (const problem of module.syntaxProblems) {
    for (const fn of module.functions) {
      if (fn.syntaxError === 'header' || !rangeContains(fn.range, problem.range)) continue;
      fn.syntaxError = HEADER_PROBLEMS.has(problem.kind) || problem.python2 === 'tuple-parameter' ? 'header' : 'body';
    }
  }
}

const HEADER_PROBLEMS: ReadonlySet<PySyntaxProblem['kind']> = new Set(['parameter-order', 'bare-star', 'duplicate-parameter']);

function sortModule(module: PythonModule): void {
  const byStart = (a: { range: Range }, b: { range: Range }) =>
    a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
  for (const list of module.bindings.values()) list.sort(byStart);
  module.functions.sort(byStart);
}
