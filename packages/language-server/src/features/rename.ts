/**
 * Rename a metric function from either side: the `def` (and the module's uses of the name) in
 * custom_metrics.py and every `name`/`entryPoint` value that refers to it, in one workspace edit.
 */
import type { PackageContext, Position, PythonModule, Range } from '@csmlint/core';
import { isValidMetricName } from '@csmlint/core';
import { bindingsOf, referencesTo, targetAt } from './locate.js';

type TSNode = PythonModule['tree']['rootNode'];

/** An edit in internal units; the handler converts it. */
export interface InternalEdit {
  uri: string;
  range: Range;
  newText: string;
}

/** The renameable name at the position and its range, or undefined when nothing here can be renamed. */
export function prepareRenameAt(context: PackageContext, uri: string, position: Position): { range: Range; placeholder: string } | undefined {
  const target = targetAt(context, uri, position);
  switch (target?.kind) {
    case 'reference':
      return { range: target.reference.range, placeholder: target.reference.functionName };
    case 'def':
      return target.fn.scope === 'nested' ? undefined : { range: target.fn.nameRange, placeholder: target.fn.name };
    case 'python-name':
      return bindingsOf(context, target.name).some((b) => b.kind === 'def') ? { range: target.range, placeholder: target.name } : undefined;
    default:
      return undefined;
  }
}

/** Why `newName` cannot name a metric function, or undefined when it can. */
export function invalidNewName(newName: string): string | undefined {
  return isValidMetricName(newName) ? undefined : `\`${newName}\` is not a valid Python function name for a metric`;
}

/** The edits renaming the function at the position to `newName` in both files. */
export function renameAt(context: PackageContext, uri: string, position: Position, newName: string): InternalEdit[] | undefined {
  const prepared = prepareRenameAt(context, uri, position);
  if (!prepared) return undefined;
  const oldName = prepared.placeholder;
  const edits: InternalEdit[] = [];
  const metadataUri = context.metadataFile?.path;
  if (metadataUri) {
    for (const reference of referencesTo(context, oldName)) edits.push({ uri: metadataUri, range: reference.range, newText: newName });
  }
  const code = context.codeFile;
  if (code && context.python) {
    for (const node of pythonUses(context.python.tree.rootNode, oldName)) {
      edits.push({ uri: code.path, range: code.lines.rangeOf(node.startIndex, node.endIndex), newText: newName });
    }
  }
  return edits;
}

/**
 * The identifiers of the module that stand for the module-level `name`: its definitions and uses,
 * but not attributes (`x.name`), keyword arguments, imports, methods or nested defs of that name,
 * nor uses inside a function that shadows it with a parameter.
 */
function pythonUses(root: TSNode, name: string): TSNode[] {
  const found: TSNode[] = [];
  for (const node of root.descendantsOfType('identifier')) {
    if (!node || node.text !== name) continue;
    if (isForeignName(node) || isShadowed(node, name)) continue;
    found.push(node);
  }
  return found;
}

function isForeignName(node: TSNode): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === 'attribute' && parent.childForFieldName('attribute')?.equals(node)) return true;
  if (parent.type === 'keyword_argument' && parent.childForFieldName('name')?.equals(node)) return true;
  if (parent.type === 'function_definition' || parent.type === 'class_definition') {
    return !!parent.childForFieldName('name')?.equals(node) && !isModuleLevel(parent);
  }
  for (let n: TSNode | null = parent; n; n = n.parent) {
    if (n.type === 'import_statement' || n.type === 'import_from_statement' || n.type === 'parameters' || n.type === 'lambda_parameters') return true;
  }
  return false;
}

/** Inside a function (or lambda) that has a parameter called `name`. */
function isShadowed(node: TSNode, name: string): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type !== 'function_definition' && n.type !== 'lambda') continue;
    const params = n.childForFieldName('parameters');
    if (params?.descendantsOfType('identifier').some((p) => p?.text === name)) return true;
  }
  return false;
}

function isModuleLevel(def: TSNode): boolean {
  for (let n = def.parent; n; n = n.parent) {
    if (n.type === 'function_definition' || n.type === 'class_definition') return false;
  }
  return true;
}
