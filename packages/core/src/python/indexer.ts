/**
 * The statement walk behind the module index: what one top-level statement binds at module level,
 * every `def` inside it, and the facts the syntax checks need from the same walk.
 */
import type { Node as TSNode } from 'web-tree-sitter';
import type { Range } from '../diagnostic.js';
import type { LineIndex } from '../positions.js';
import { attributeYields, readDocstring, readFunction, returnsSomething, typedNamedChildren, type TypedNode } from './functions.js';
import type { PyBinding, PyFunction } from './module-index.js';
import type { StatementFacts } from './syntax-problems.js';

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

/** What indexing one top-level statement found. */
export interface IndexedStatement {
  /** Module-level bindings, in source order of the walk. */
  bindings: PyBinding[];
  /** Every def inside the statement, nested ones included. */
  functions: PyFunction[];
  facts: StatementFacts;
}

/** True when the file's text could hold a `yield`: only then are statements searched for one. */
export function mayYield(text: string): boolean {
  return text.includes('yield') && /\byield\b/.test(text);
}

/** Indexes one top-level statement (`type` is its node type, already read); `yields` is `mayYield` of the file. */
export function indexStatement(stmt: TypedNode, lines: LineIndex, yields: boolean): IndexedStatement {
  const indexer = new Indexer(lines);
  indexer.visit(stmt.node, stmt.type, TOP);
  if (yields) indexer.facts.outsideFunction.push(...attributeYields(stmt.node, indexer.byDefId));
  return { bindings: indexer.bindings, functions: indexer.functions, facts: indexer.facts };
}

class Indexer {
  readonly bindings: PyBinding[] = [];
  readonly functions: PyFunction[] = [];
  readonly byDefId = new Map<number, PyFunction>();
  readonly facts: StatementFacts = { blocks: [], parameterLists: [], outsideFunction: [] };

  constructor(private readonly lines: LineIndex) {}

  visit(stmt: TSNode, type: string, scope: Scope): void {
    switch (type) {
      case 'return_statement':
        if (!scope.fn) this.facts.outsideFunction.push(stmt);
        else if (returnsSomething(stmt)) scope.fn.returnsValue = true;
        return;
      case 'decorated_definition': {
        const def = stmt.childForFieldName('definition');
        if (def) this.visitDefinition(def, def.type, stmt, scope);
        return;
      }
      case 'function_definition':
      case 'class_definition':
        this.visitDefinition(stmt, type, stmt, scope);
        return;
      case 'expression_statement':
        if (scope.kind === 'nested') return;
        for (const child of stmt.namedChildren) if (child?.type === 'assignment') this.readAssignment(child, scope);
        return;
      case 'import_statement':
      case 'import_from_statement':
        if (scope.kind !== 'nested') this.readImport(stmt, type, scope);
        return;
      default: {
        if (!COMPOUND_STATEMENTS.has(type)) return;
        const inner: Scope = scope.kind === 'top' ? { kind: 'conditional', containers: [], condition: headerOf(stmt) } : scope;
        if (type === 'block') this.visitBody(stmt, inner);
        else for (const child of typedNamedChildren(stmt)) this.visit(child.node, child.type, inner);
      }
    }
  }

  private visitDefinition(def: TSNode, type: string, outer: TSNode, scope: Scope): void {
    const nameNode = def.childForFieldName('name');
    const body = def.childForFieldName('body');
    if (type === 'class_definition') {
      if (!nameNode || nameNode.isMissing) return;
      if (scope.kind !== 'nested') this.bind({ name: nameNode.text, kind: 'class', ...this.where(scope), range: this.rangeOf(nameNode) });
      if (body) this.visitBody(body, { kind: 'nested', containers: [...scope.containers, nameNode.text] });
      return;
    }
    const parameters = def.childForFieldName('parameters');
    // A list with a syntax error is neither read nor checked.
    const params = parameters && !parameters.hasError ? typedNamedChildren(parameters) : undefined;
    if (parameters) this.facts.parameterLists.push({ node: parameters, params });
    const fn = readFunction(outer, def, { nameNode, body, params, decorated: outer !== def }, scope.kind, scope.containers, this.lines);
    if (!fn) return;
    this.functions.push(fn);
    this.byDefId.set(def.id, fn);
    if (scope.kind !== 'nested') this.bind({ name: fn.name, kind: 'def', ...this.where(scope), range: fn.nameRange, fn });
    if (body) fn.docstring = readDocstring(this.visitBody(body, { kind: 'nested', containers: [...scope.containers, fn.name], fn })[0]);
  }

  /** Walks a block's statements (comments left out) and gives them back. */
  private visitBody(body: TSNode, scope: Scope): TypedNode[] {
    const statements = typedNamedChildren(body).filter((c) => c.type !== 'comment');
    this.facts.blocks.push({ node: body, statements });
    for (const stmt of statements) this.visit(stmt.node, stmt.type, scope);
    return statements;
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

  private readImport(stmt: TSNode, type: string, scope: Scope): void {
    const detail = firstLine(stmt.text);
    for (const child of stmt.childrenForFieldName('name')) {
      if (!child) continue;
      const childType = child.type;
      let target: TSNode | null | undefined;
      if (childType === 'aliased_import') target = child.childForFieldName('alias');
      else if (childType === 'dotted_name') {
        // `import a.b` binds `a`; `from m import f` binds `f`.
        target = type === 'import_statement' ? child.namedChildren[0] : child.namedChildren[child.namedChildren.length - 1];
      }
      if (target?.type === 'identifier') this.bind({ name: target.text, kind: 'import', ...this.where(scope), range: this.rangeOf(target), detail });
    }
  }

  private where(scope: Scope): { conditional: boolean; condition?: string } {
    return scope.kind === 'conditional' ? { conditional: true, condition: scope.condition } : { conditional: false };
  }

  private rangeOf(node: TSNode): Range {
    return this.lines.rangeOf(node.startIndex, node.endIndex);
  }

  private bind(binding: PyBinding): void {
    this.bindings.push(binding);
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
  const lineBreak = text.search(/[\r\n]/);
  const line = (lineBreak === -1 ? text : text.slice(0, lineBreak)).trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
