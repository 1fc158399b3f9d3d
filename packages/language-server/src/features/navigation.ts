/** Go to definition (YAML `name`/`entryPoint` → `def`) and find references (`def` → YAML entries). */
import type { PackageContext, Position, Range } from '@csmlint/core';
import { bindingsOf, functionNamed, referencesTo, targetAt } from './locate.js';

/** A location in internal units; the handler converts it for the client. */
export interface InternalLocation {
  uri: string;
  range: Range;
}

/** Where the function a YAML value names is defined: the winning `def` (or other binding) in custom_metrics.py. */
export function definitionAt(context: PackageContext, uri: string, position: Position): InternalLocation[] {
  const target = targetAt(context, uri, position);
  const codeUri = context.codeFile?.path;
  if (target?.kind !== 'reference' || !codeUri) return [];
  const name = target.reference.functionName;
  const fn = functionNamed(context, name);
  if (fn) return [{ uri: codeUri, range: fn.nameRange }];
  return bindingsOf(context, name).slice(0, 1).map((b) => ({ uri: codeUri, range: b.range }));
}

/** The YAML values that refer to the function at the position (from either file), plus its definition if asked. */
export function referencesAt(context: PackageContext, uri: string, position: Position, includeDeclaration: boolean): InternalLocation[] {
  const name = functionNameAt(context, uri, position);
  if (!name) return [];
  const metadataUri = context.metadataFile?.path;
  const locations: InternalLocation[] = metadataUri ? referencesTo(context, name).map((r) => ({ uri: metadataUri, range: r.range })) : [];
  if (includeDeclaration && context.codeFile) {
    const declarations = bindingsOf(context, name).map((b) => ({ uri: context.codeFile!.path, range: b.range }));
    locations.unshift(...declarations);
  }
  return locations;
}

/** The name of the metric function at the position: a YAML reference, a top-level `def`, or a module-level name. */
export function functionNameAt(context: PackageContext, uri: string, position: Position): string | undefined {
  const target = targetAt(context, uri, position);
  switch (target?.kind) {
    case 'reference':
      return target.reference.functionName;
    case 'def':
      return target.fn.scope === 'nested' ? undefined : target.fn.name;
    case 'python-name':
      return target.name;
    default:
      return undefined;
  }
}
