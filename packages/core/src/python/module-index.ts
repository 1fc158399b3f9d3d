/**
 * custom_metrics.py as an index of what the module binds at top level, built from
 * tree-sitter-python's error-tolerant tree.
 */
import type { Node as TSNode, Tree } from 'web-tree-sitter';
import type { Range } from '../diagnostic.js';
import { rangeContains, type LineIndex } from '../positions.js';
import { attributeYields, readFunction, returnsSomething } from './functions.js';
import { findLostDefinitions, isDefinition, parseAlone, readBrokenHeader, type BrokenHeader } from './recovery.js';
import { collectSyntaxProblems, type PySyntaxProblem, type StatementFacts } from './syntax-problems.js';

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

interface Scope {
  kind: PyFunction['scope'];
  containers: string[];
  condition?: string;
  /** The function whose body this is (none at module level and directly in a class body). */
  fn?: PyFunction;
}

const TOP: Scope = { kind: 'top', containers: [] };

/** Statements whose bodies run at most once or conditionally: a def inside is `conditional`. */
const COMPOUND_STATEMENTS = new Set([
  'if_statement', 'elif_clause', 'else_clause', 'for_statement', 'while_statement', 'try_statement',
  'except_clause', 'except_group_clause', 'finally_clause', 'with_statement', 'match_statement', 'case_clause', 'block',
]);

/** Builds the module index. Never throws on any tree. */
export function indexModule(tree: Tree, lines: LineIndex): PythonModule {
  const module: PythonModule = { bindings: new Map(), functions: [], syntaxProblems: [], tree, lines };
  const facts = indexTree(tree.rootNode, module);
  if (tree.rootNode.hasError) recoverLostDefinitions(module);
  module.syntaxProblems = collectSyntaxProblems(tree, lines, facts);
  markFunctionsWithProblems(module);
  sortModule(module);
  return module;
}

/**
 * Indexes the statements of a tree's root (those `only` accepts) in one statement-level walk, and
 * gives back what the syntax checks need from that walk.
 */
function indexTree(root: TSNode, module: PythonModule, only?: (stmt: TSNode) => boolean): StatementFacts {
  const indexer = new Indexer(module);
  for (const stmt of root.namedChildren) if (stmt && (!only || only(stmt))) indexer.visit(stmt, TOP);
  if (/\byield\b/.test(module.lines.text)) indexer.facts.outsideFunction.push(...attributeYields(root, indexer.byDefId));
  return indexer.facts;
}

/**
 * Indexes the top-level definitions a syntax error swallowed (see recovery.ts). One lone parse
 * usually gives back every later definition too, so each lost one is parsed at most once.
 */
function recoverLostDefinitions(module: PythonModule): void {
  const text = module.lines.text;
  const lost = findLostDefinitions(module.tree, text);
  const pending = new Set(lost.map((l) => l.start));
  for (const segment of lost) {
    if (!pending.has(segment.start)) continue;
    const tree = parseAlone(module.tree.language, text, segment.start, segment.end);
    if (tree) {
      try {
        const found = new Set(tree.rootNode.namedChildren.filter((s) => s && isDefinition(s) && pending.has(s.startIndex)).map((s) => s!.startIndex));
        indexTree(tree.rootNode, module, (stmt) => found.has(stmt.startIndex) && isDefinition(stmt));
        for (const start of found) pending.delete(start);
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

class Indexer {
  readonly byDefId = new Map<number, PyFunction>();
  readonly facts: StatementFacts = { blocks: [], parameterLists: [], outsideFunction: [] };

  constructor(private readonly module: PythonModule) {}

  visit(stmt: TSNode, scope: Scope): void {
    switch (stmt.type) {
      case 'return_statement':
        if (!scope.fn) this.facts.outsideFunction.push(stmt);
        else if (returnsSomething(stmt)) scope.fn.returnsValue = true;
        return;
      case 'decorated_definition': {
        const def = stmt.childForFieldName('definition');
        if (def) this.visitDefinition(def, stmt, scope);
        return;
      }
      case 'function_definition':
      case 'class_definition':
        this.visitDefinition(stmt, stmt, scope);
        return;
      case 'expression_statement':
        if (scope.kind === 'nested') return;
        for (const child of stmt.namedChildren) if (child?.type === 'assignment') this.readAssignment(child, scope);
        return;
      case 'import_statement':
      case 'import_from_statement':
        if (scope.kind !== 'nested') this.readImport(stmt, scope);
        return;
      default: {
        if (!COMPOUND_STATEMENTS.has(stmt.type)) return;
        const inner: Scope = scope.kind === 'top' ? { kind: 'conditional', containers: [], condition: headerOf(stmt) } : scope;
        if (stmt.type === 'block') this.visitBody(stmt, inner);
        else for (const child of stmt.namedChildren) if (child) this.visit(child, inner);
      }
    }
  }

  private visitDefinition(def: TSNode, outer: TSNode, scope: Scope): void {
    const nameNode = def.childForFieldName('name');
    const body = def.childForFieldName('body');
    if (def.type === 'class_definition') {
      if (!nameNode || nameNode.isMissing) return;
      if (scope.kind !== 'nested') this.bind({ name: nameNode.text, kind: 'class', ...this.where(scope), range: this.rangeOf(nameNode) });
      if (body) this.visitBody(body, { kind: 'nested', containers: [...scope.containers, nameNode.text] });
      return;
    }
    const parameters = def.childForFieldName('parameters');
    if (parameters) this.facts.parameterLists.push(parameters);
    const fn = readFunction(outer, def, scope.kind, scope.containers, this.module.lines);
    if (!fn) return;
    this.module.functions.push(fn);
    this.byDefId.set(def.id, fn);
    if (scope.kind !== 'nested') this.bind({ name: fn.name, kind: 'def', ...this.where(scope), range: fn.nameRange, fn });
    if (body) this.visitBody(body, { kind: 'nested', containers: [...scope.containers, fn.name], fn });
  }

  private visitBody(body: TSNode, scope: Scope): void {
    const statements = body.namedChildren.filter((c): c is TSNode => !!c && c.type !== 'comment');
    this.facts.blocks.push({ node: body, statements });
    for (const stmt of statements) this.visit(stmt, scope);
  }

  private readAssignment(assignment: TSNode, scope: Scope): void {
    const right = assignment.childForFieldName('right');
    // `x: int` annotates without binding.
    if (!right) return;
    const detail = firstLine(assignment.text);
    const targets: TSNode[] = [];
    collectTargets(assignment.childForFieldName('left'), targets);
    if (right.type === 'assignment') collectChainedTargets(right, targets);
    for (const target of targets) {
      this.bind({ name: target.text, kind: 'assignment', ...this.where(scope), range: this.rangeOf(target), detail });
    }
  }

  private readImport(stmt: TSNode, scope: Scope): void {
    const detail = firstLine(stmt.text);
    for (const child of stmt.childrenForFieldName('name')) {
      if (!child) continue;
      let target: TSNode | null | undefined;
      if (child.type === 'aliased_import') target = child.childForFieldName('alias');
      else if (child.type === 'dotted_name') {
        // `import a.b` binds `a`; `from m import f` binds `f`.
        target = stmt.type === 'import_statement' ? child.namedChildren[0] : child.namedChildren[child.namedChildren.length - 1];
      }
      if (target?.type === 'identifier') this.bind({ name: target.text, kind: 'import', ...this.where(scope), range: this.rangeOf(target), detail });
    }
  }

  private where(scope: Scope): { conditional: boolean; condition?: string } {
    return scope.kind === 'conditional' ? { conditional: true, condition: scope.condition } : { conditional: false };
  }

  private rangeOf(node: TSNode): Range {
    return this.module.lines.rangeOf(node.startIndex, node.endIndex);
  }

  private bind(binding: PyBinding): void {
    bind(this.module, binding);
  }
}

/** The names an assignment target binds: identifiers, through tuple/list patterns and `*rest`. */
function collectTargets(target: TSNode | null, out: TSNode[]): void {
  if (!target) return;
  switch (target.type) {
    case 'identifier':
      out.push(target);
      return;
    case 'pattern_list':
    case 'tuple_pattern':
    case 'list_pattern':
    case 'list_splat_pattern':
    case 'parenthesized_expression':
    case 'tuple':
    case 'list':
    case 'expression_list':
      for (const child of target.namedChildren) collectTargets(child, out);
      return;
    default:
      // Attributes and subscripts (`m.x = 1`, `d[k] = 1`) bind no module name.
      return;
  }
}

function collectChainedTargets(assignment: TSNode, out: TSNode[]): void {
  collectTargets(assignment.childForFieldName('left'), out);
  const right = assignment.childForFieldName('right');
  if (right?.type === 'assignment') collectChainedTargets(right, out);
}

/** `if HAS_NUMBA`, `try`, `with open(p) as f`: the statement's header without the colon. */
function headerOf(stmt: TSNode): string {
  const body = stmt.childForFieldName('consequence') ?? stmt.childForFieldName('body');
  const end = body ? body.startIndex : stmt.endIndex;
  const header = stmt.text.slice(0, end - stmt.startIndex).replace(/\s+/g, ' ').trim().replace(/:$/, '').trim();
  return header.length > 60 ? `${header.slice(0, 59)}…` : header;
}

function firstLine(text: string): string {
  const line = (text.split(/\r\n|\r|\n/)[0] ?? '').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
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
