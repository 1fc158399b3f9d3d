/**
 * custom_metrics.py as an index of what the module binds at top level, built from
 * tree-sitter-python's error-tolerant tree.
 */
import type { Node as TSNode, Tree } from 'web-tree-sitter';
import type { Range } from '../diagnostic.js';
import type { LineIndex } from '../positions.js';

export type ParamKind = 'positional-only' | 'positional' | 'var-positional' | 'keyword-only' | 'var-keyword';

export interface PyParam {
  name: string;
  kind: ParamKind;
  hasDefault: boolean;
  /** Source text of the default value, if any. */
  defaultText?: string;
  annotation?: string;
  range: Range;
}

export interface PyFunction {
  name: string;
  nameRange: Range;
  /** The whole definition, decorators included. */
  range: Range;
  isAsync: boolean;
  decorators: string[];
  params: PyParam[];
  returnAnnotation?: string;
  returnAnnotationRange?: Range;
  /** True when some `return <value>` (or `yield`) is in the body, outside nested defs/classes. */
  returnsValue: boolean;
  docstring?: string;
  /** `top`: module level; `conditional`: under a top-level if/try/with/for/while; `nested`: inside a class or function. */
  scope: 'top' | 'conditional' | 'nested';
  /** For nested functions: the enclosing class/function names, outermost first. */
  containers: string[];
  /** Source text of the `def ...:` header, one line, for hovers. */
  signatureText: string;
}

export type BindingKind = 'def' | 'class' | 'assignment' | 'import';

/** One module-level binding of a name. */
export interface PyBinding {
  name: string;
  kind: BindingKind;
  conditional: boolean;
  /** Where the name is bound (the identifier). */
  range: Range;
  /** For `def` bindings. */
  fn?: PyFunction;
  /** For assignments and imports, the bound expression's source, for messages. */
  detail?: string;
}

export interface PySyntaxProblem {
  range: Range;
  message: string;
  /** Python 2 syntax tree-sitter accepts (`print "x"`, `exec`, backticks, `<>`). */
  python2?: boolean;
}

export interface PythonModule {
  /** Module-level bindings by name, in source order. */
  bindings: Map<string, PyBinding[]>;
  /** Every function definition in the file, nested ones included. */
  functions: PyFunction[];
  syntaxProblems: PySyntaxProblem[];
  /** Ranges of `# ...` comments, for suppressions. */
  tree: Tree;
  lines: LineIndex;
}

/** Builds the module index. Never throws on any tree. */
export function indexModule(tree: Tree, lines: LineIndex): PythonModule {
  const module: PythonModule = { bindings: new Map(), functions: [], syntaxProblems: [], tree, lines };
  const range = (n: TSNode): Range => lines.rangeOf(n.startIndex, n.endIndex);
  const bind = (b: PyBinding): void => {
    const list = module.bindings.get(b.name);
    if (list) list.push(b);
    else module.bindings.set(b.name, [b]);
  };

  const visitStatements = (parent: TSNode, conditional: boolean): void => {
    for (const stmt of parent.namedChildren) {
      if (!stmt) continue;
      visitTopLevel(stmt, conditional);
    }
  };

  const visitTopLevel = (stmt: TSNode, conditional: boolean): void => {
    switch (stmt.type) {
      case 'function_definition':
      case 'decorated_definition': {
        const def = stmt.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
        if (!def) return;
        if (def.type === 'class_definition') {
          const name = def.childForFieldName('name');
          if (name) bind({ name: name.text, kind: 'class', conditional, range: range(name) });
          collectNested(def, [name?.text ?? '?']);
          return;
        }
        const fn = readFunction(stmt, def, conditional ? 'conditional' : 'top', [], lines);
        if (!fn) return;
        module.functions.push(fn);
        bind({ name: fn.name, kind: 'def', conditional, range: fn.nameRange, fn });
        collectNested(def, [fn.name]);
        return;
      }
      case 'class_definition': {
        const name = stmt.childForFieldName('name');
        if (name) bind({ name: name.text, kind: 'class', conditional, range: range(name) });
        collectNested(stmt, [name?.text ?? '?']);
        return;
      }
      case 'if_statement':
      case 'try_statement':
      case 'with_statement':
      case 'for_statement':
      case 'while_statement':
      case 'elif_clause':
      case 'else_clause':
      case 'except_clause':
      case 'finally_clause':
      case 'block':
        for (const child of stmt.namedChildren) if (child) visitTopLevel(child, true);
        return;
      case 'expression_statement':
        for (const child of stmt.namedChildren) if (child?.type === 'assignment') readAssignment(child, conditional);
        return;
      case 'import_statement':
      case 'import_from_statement':
        readImport(stmt, conditional);
        return;
      default:
        return;
    }
  };

  const readAssignment = (assignment: TSNode, conditional: boolean): void => {
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (!left) return;
    const targets = left.type === 'identifier' ? [left] : left.descendantsOfType('identifier').filter((n): n is TSNode => !!n);
    for (const target of targets) {
      bind({ name: target.text, kind: 'assignment', conditional, range: range(target), detail: right?.text });
    }
  };

  const readImport = (stmt: TSNode, conditional: boolean): void => {
    for (const child of stmt.namedChildren) {
      if (!child || child === stmt.childForFieldName('module_name')) continue;
      if (child.type === 'aliased_import') {
        const alias = child.childForFieldName('alias');
        if (alias) bind({ name: alias.text, kind: 'import', conditional, range: range(alias), detail: stmt.text });
      } else if (child.type === 'dotted_name') {
        const first = child.namedChildren[0];
        const target = stmt.type === 'import_statement' ? first : child.namedChildren[child.namedChildren.length - 1];
        if (target) bind({ name: target.text, kind: 'import', conditional, range: range(target), detail: stmt.text });
      }
    }
  };

  const collectNested = (node: TSNode, containers: string[]): void => {
    const body = node.childForFieldName('body');
    if (!body) return;
    for (const d of body.descendantsOfType(['function_definition'])) {
      if (!d) continue;
      const outer = d.parent?.type === 'decorated_definition' ? d.parent : d;
      const fn = readFunction(outer, d, 'nested', containers, lines);
      if (fn) module.functions.push(fn);
    }
  };

  visitStatements(tree.rootNode, false);
  collectSyntaxProblems(tree.rootNode, module, lines);
  return module;
}

function readFunction(outer: TSNode, def: TSNode, scope: PyFunction['scope'], containers: string[], lines: LineIndex): PyFunction | undefined {
  const nameNode = def.childForFieldName('name');
  if (!nameNode || nameNode.isMissing) return undefined;
  const paramsNode = def.childForFieldName('parameters');
  const returnType = def.childForFieldName('return_type');
  const body = def.childForFieldName('body');
  const decorators = outer.type === 'decorated_definition'
    ? outer.namedChildren.filter((c): c is TSNode => c?.type === 'decorator').map((d) => d.text.replace(/^@\s*/, ''))
    : [];
  const headerEnd = body ? body.startIndex : def.endIndex;
  return {
    name: nameNode.text,
    nameRange: lines.rangeOf(nameNode.startIndex, nameNode.endIndex),
    range: lines.rangeOf(outer.startIndex, outer.endIndex),
    isAsync: def.children.some((c) => c?.type === 'async'),
    decorators,
    params: paramsNode ? readParams(paramsNode, lines) : [],
    returnAnnotation: returnType?.text,
    returnAnnotationRange: returnType ? lines.rangeOf(returnType.startIndex, returnType.endIndex) : undefined,
    returnsValue: body ? bodyReturnsValue(body) : false,
    docstring: body ? readDocstring(body) : undefined,
    scope,
    containers,
    signatureText: lines.text.slice(def.startIndex, headerEnd).replace(/\s+/g, ' ').trim(),
  };
}

function readParams(paramsNode: TSNode, lines: LineIndex): PyParam[] {
  const params: PyParam[] = [];
  let kind: ParamKind = 'positional';
  const range = (n: TSNode): Range => lines.rangeOf(n.startIndex, n.endIndex);
  for (const p of paramsNode.namedChildren) {
    if (!p) continue;
    switch (p.type) {
      case 'identifier':
        params.push({ name: p.text, kind, hasDefault: false, range: range(p) });
        break;
      case 'typed_parameter': {
        const id = p.namedChildren.find((c) => c?.type === 'identifier');
        const splat = p.namedChildren.find((c) => c?.type === 'list_splat_pattern' || c?.type === 'dictionary_splat_pattern');
        const annotation = p.childForFieldName('type')?.text;
        if (splat) {
          const isKw = splat.type === 'dictionary_splat_pattern';
          const id2 = splat.namedChildren[0];
          params.push({ name: id2?.text ?? '', kind: isKw ? 'var-keyword' : 'var-positional', hasDefault: false, annotation, range: range(id2 ?? splat) });
          if (!isKw) kind = 'keyword-only';
        } else if (id) {
          params.push({ name: id.text, kind, hasDefault: false, annotation, range: range(id) });
        }
        break;
      }
      case 'default_parameter':
      case 'typed_default_parameter': {
        const name = p.childForFieldName('name');
        const value = p.childForFieldName('value');
        if (name) params.push({ name: name.text, kind, hasDefault: true, defaultText: value?.text, annotation: p.childForFieldName('type')?.text, range: range(name) });
        break;
      }
      case 'list_splat_pattern': {
        const id = p.namedChildren[0];
        params.push({ name: id?.text ?? '', kind: 'var-positional', hasDefault: false, range: range(id ?? p) });
        kind = 'keyword-only';
        break;
      }
      case 'dictionary_splat_pattern': {
        const id = p.namedChildren[0];
        params.push({ name: id?.text ?? '', kind: 'var-keyword', hasDefault: false, range: range(id ?? p) });
        break;
      }
      case 'keyword_separator':
        kind = 'keyword-only';
        break;
      case 'positional_separator':
        for (const earlier of params) if (earlier.kind === 'positional') earlier.kind = 'positional-only';
        break;
      default:
        break;
    }
  }
  return params;
}

function bodyReturnsValue(body: TSNode): boolean {
  const stack: TSNode[] = [body];
  while (stack.length) {
    const node = stack.pop()!;
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'function_definition' || child.type === 'class_definition' || child.type === 'lambda') continue;
      if (child.type === 'return_statement' && child.namedChildren.length > 0) return true;
      if (child.type === 'yield') return true;
      stack.push(child);
    }
  }
  return false;
}

function readDocstring(body: TSNode): string | undefined {
  const first = body.namedChildren[0];
  if (first?.type !== 'expression_statement') return undefined;
  const str = first.namedChildren[0];
  if (str?.type !== 'string') return undefined;
  const content = str.namedChildren.filter((c) => c?.type === 'string_content').map((c) => c!.text).join('');
  return dedent(content);
}

function dedent(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const indents = lines.slice(1).filter((l) => l.trim()).map((l) => l.length - l.trimStart().length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return [lines[0]!.trim(), ...lines.slice(1).map((l) => l.slice(cut))].join('\n').trim();
}

function collectSyntaxProblems(root: TSNode, module: PythonModule, lines: LineIndex): void {
  if (!root.hasError) return;
  const stack: TSNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.isMissing) {
      module.syntaxProblems.push({ range: lines.rangeOf(node.startIndex, node.endIndex), message: `missing \`${node.type}\`` });
      continue;
    }
    if (node.type === 'ERROR') {
      const text = node.text.split(/\r?\n/)[0] ?? '';
      module.syntaxProblems.push({ range: lines.rangeOf(node.startIndex, node.endIndex), message: `unexpected \`${text.slice(0, 40)}\`` });
      continue;
    }
    if (!node.hasError) continue;
    for (let i = node.childCount - 1; i >= 0; i--) {
      const child = node.child(i);
      if (child) stack.push(child);
    }
  }
}
