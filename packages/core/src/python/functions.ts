/** Reading one `def` from tree-sitter-python's tree: parameters, decorators, annotations, body facts. */
import type { Node as TSNode } from 'web-tree-sitter';
import type { LineIndex } from '../positions.js';
import type { ParamKind, PyFunction, PyParam } from './module-index.js';

/**
 * A node with its type, read once: every `type` read crosses into WASM, and the indexer and the
 * syntax checks both look at the same nodes.
 */
export interface TypedNode {
  node: TSNode;
  type: string;
}

/** The named children of `node` with their types. */
export function typedNamedChildren(node: TSNode): TypedNode[] {
  const children: TypedNode[] = [];
  for (const child of node.namedChildren) if (child) children.push({ node: child, type: child.type });
  return children;
}

/** The parts of a `def` the indexer has already looked up. */
export interface DefinitionParts {
  nameNode: TSNode | null;
  body: TSNode | null;
  /** The parameters with their types; undefined when the list is absent or holds a syntax error. */
  params?: TypedNode[];
  /** True when `outer` is a decorated_definition. */
  decorated: boolean;
}

/**
 * Builds the PyFunction for `def` (`outer` is its decorated_definition when decorated). `docstring`
 * is left for the caller, which reads the body's statements anyway.
 */
export function readFunction(outer: TSNode, def: TSNode, parts: DefinitionParts, scope: PyFunction['scope'], containers: string[], lines: LineIndex): PyFunction | undefined {
  const { nameNode, body } = parts;
  if (!nameNode || nameNode.isMissing) return undefined;
  const name = nameNode.text;
  if (name === '') return undefined;
  const returnType = def.childForFieldName('return_type');
  const syntaxError = syntaxErrorPlace(def);
  const headerEnd = syntaxError === 'header' || !body || body.endIndex === body.startIndex ? firstLineEnd(def) : body.startIndex;
  return {
    name,
    nameRange: lines.rangeOf(nameNode.startIndex, nameNode.endIndex),
    range: lines.rangeOf(outer.startIndex, outer.endIndex),
    isAsync: isAsync(def, syntaxError !== undefined, lines.text),
    decorators: parts.decorated ? readDecorators(outer) : [],
    params: parts.params ? readParams(parts.params, lines) : [],
    returnAnnotation: returnType?.text,
    returnAnnotationRange: returnType ? lines.rangeOf(returnType.startIndex, returnType.endIndex) : undefined,
    // Filled in while the indexer walks the body's statements, and by `attributeYields`.
    returnsValue: false,
    isGenerator: false,
    docstring: undefined,
    scope,
    containers,
    signatureText: lines.text.slice(def.startIndex, headerEnd).replace(/\s+/g, ' ').trim(),
    ...(syntaxError ? { syntaxError } : {}),
  };
}

/** Without a syntax error the grammar puts `async` first, so the text says it without listing the children. */
function isAsync(def: TSNode, hasError: boolean, text: string): boolean {
  if (!hasError) return text.startsWith('async', def.startIndex);
  return def.children.some((c) => c?.type === 'async');
}

function firstLineEnd(node: TSNode): number {
  const lineBreak = node.text.search(/[\r\n]/);
  return lineBreak === -1 ? node.endIndex : node.startIndex + lineBreak;
}

function readDecorators(outer: TSNode): string[] {
  return outer.namedChildren
    .filter((c): c is TSNode => c?.type === 'decorator')
    .map((d) => d.text.replace(/^@\s*/, '').replace(/\s+/g, ' ').trim());
}

/** `header` when the name, parameters or annotation hold an error; `body` when only the body does. */
function syntaxErrorPlace(def: TSNode): PyFunction['syntaxError'] {
  if (!def.hasError) return undefined;
  let afterColon = false;
  for (const child of def.children) {
    if (!child) continue;
    const broken = child.isMissing || child.type === 'ERROR' || child.hasError;
    if (!afterColon && child.type === ':') {
      if (child.isMissing) return 'header';
      afterColon = true;
      continue;
    }
    if (broken) return afterColon || child.type === 'block' ? 'body' : 'header';
  }
  return 'body';
}

/** Parameters (the named children of a `parameters` node) in declaration order, with their kind as `inspect.Parameter` names it. */
export function readParams(children: TypedNode[], lines: LineIndex): PyParam[] {
  const params: PyParam[] = [];
  let kind: ParamKind = 'positional';
  const rangeOf = (n: TSNode) => lines.rangeOf(n.startIndex, n.endIndex);
  let whole: TSNode | undefined;
  const add = (nameNode: TSNode | null | undefined, paramKind: ParamKind, extra: Partial<PyParam> = {}) => {
    if (!nameNode || nameNode.type !== 'identifier') return;
    params.push({ name: nameNode.text, kind: paramKind, hasDefault: false, range: rangeOf(nameNode), sourceRange: rangeOf(whole!), ...extra });
  };
  for (const { node: p, type } of children) {
    whole = p;
    switch (type) {
      case 'identifier':
        add(p, kind);
        break;
      case 'typed_parameter': {
        const annotation = p.childForFieldName('type')?.text;
        const inner = typedNamedChildren(p);
        const splat = inner.find((c) => c.type === 'list_splat_pattern' || c.type === 'dictionary_splat_pattern');
        if (splat?.type === 'list_splat_pattern') {
          add(splat.node.namedChildren[0], 'var-positional', { annotation });
          kind = 'keyword-only';
        } else if (splat) {
          add(splat.node.namedChildren[0], 'var-keyword', { annotation });
        } else {
          add(inner.find((c) => c.type === 'identifier')?.node, kind, { annotation });
        }
        break;
      }
      case 'default_parameter':
      case 'typed_default_parameter': {
        const value = p.childForFieldName('value');
        const annotation = p.childForFieldName('type');
        add(p.childForFieldName('name'), kind, {
          hasDefault: true,
          ...(value ? { defaultText: value.text } : {}),
          ...(annotation ? { annotation: annotation.text } : {}),
        });
        break;
      }
      case 'list_splat_pattern':
        add(p.namedChildren[0], 'var-positional');
        kind = 'keyword-only';
        break;
      case 'dictionary_splat_pattern':
        add(p.namedChildren[0], 'var-keyword');
        break;
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

/**
 * Marks the functions of one subtree (keyed by their def node's id) that use `yield`, and gives back
 * the `yield`s outside any function.
 */
export function attributeYields(root: TSNode, functionsByDefId: Map<number, PyFunction>): TSNode[] {
  const outside: TSNode[] = [];
  for (const node of root.descendantsOfType('yield')) {
    // The `yield` keyword token has the same type name as the expression.
    if (!node?.isNamed) continue;
    const owner = enclosingFunction(node);
    if (owner === 'outside') outside.push(node);
    else if (owner !== 'lambda') {
      const fn = functionsByDefId.get(owner.id);
      if (fn) fn.isGenerator = true;
    }
  }
  return outside;
}

function enclosingFunction(node: TSNode): TSNode | 'lambda' | 'outside' {
  for (let p = node.parent; p; p = p.parent) {
    const type = p.type;
    if (type === 'function_definition') return p;
    if (type === 'lambda') return 'lambda';
    if (type === 'class_definition' || type === 'module') return 'outside';
  }
  return 'outside';
}

/** `return x` counts; a bare `return` and `return None` do not. */
export function returnsSomething(returnStatement: TSNode): boolean {
  let value = returnStatement.firstNamedChild;
  let type = value?.type;
  if (type === 'comment') {
    value = returnStatement.namedChildren.find((c) => c && c.type !== 'comment') ?? null;
    type = value?.type;
  }
  return !!value && type !== 'none';
}

/** The docstring a body's first statement holds, if it is a string expression. */
export function readDocstring(first: TypedNode | undefined): string | undefined {
  if (first?.type !== 'expression_statement') return undefined;
  const str = first.node.firstNamedChild;
  if (str?.type !== 'string') return undefined;
  const match = /^[rRuUbBfF]*("""|'''|"|')([\s\S]*)\1$/.exec(str.text);
  return match ? dedent(match[2]!) : undefined;
}

function dedent(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const indents = lines.slice(1).filter((l) => l.trim()).map((l) => l.length - l.trimStart().length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return [lines[0]!.trim(), ...lines.slice(1).map((l) => l.slice(cut))].join('\n').trim();
}
