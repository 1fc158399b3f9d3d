/** textDocument/definition and textDocument/references. */
import { linesOfContext } from '../diagnostics.js';
import { fileOf } from '../features/locate.js';
import { definitionAt, referencesAt, type InternalLocation } from '../features/navigation.js';
import type { Session } from '../session.js';
import type { PackageContext } from '@csmlint/core';
import type { Location } from 'vscode-languageserver/node';
import { guard } from './guard.js';

export function registerNavigation(session: Session): void {
  const toLocations = (context: PackageContext, found: InternalLocation[]): Location[] => {
    const linesOf = linesOfContext(context);
    return found.map((l) => ({ uri: l.uri, range: session.codec.rangeToClient(linesOf(l.uri), l.range) }));
  };

  session.connection.onDefinition(guard(session, 'definition', ({ textDocument, position }) =>
    session.withContext(textDocument.uri, (context) => {
      const lines = fileOf(context, textDocument.uri)!.lines;
      return toLocations(context, definitionAt(context, textDocument.uri, session.codec.fromClient(lines, position)));
    }) ?? null, null));

  session.connection.onReferences(guard(session, 'references', ({ textDocument, position, context: request }) =>
    session.withContext(textDocument.uri, (context) => {
      const lines = fileOf(context, textDocument.uri)!.lines;
      const at = session.codec.fromClient(lines, position);
      return toLocations(context, referencesAt(context, textDocument.uri, at, request?.includeDeclaration ?? false));
    }) ?? null, null));
}
