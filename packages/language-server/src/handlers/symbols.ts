/** textDocument/documentSymbol. */
import type { DocumentSymbol } from 'vscode-languageserver/node';
import { fileOf } from '../features/locate.js';
import { symbolsOf, type InternalSymbol } from '../features/symbols.js';
import type { Session } from '../session.js';
import { guard } from './guard.js';

export function registerSymbols(session: Session): void {
  session.connection.onDocumentSymbol(guard(session, 'documentSymbol', ({ textDocument }) =>
    session.withContext(textDocument.uri, (context) => {
      const lines = fileOf(context, textDocument.uri)!.lines;
      const convert = (s: InternalSymbol): DocumentSymbol => ({
        name: s.name || '?',
        detail: s.detail,
        kind: s.kind,
        range: session.codec.rangeToClient(lines, s.range),
        selectionRange: session.codec.rangeToClient(lines, s.selectionRange),
        children: s.children.map(convert),
      });
      return symbolsOf(context, textDocument.uri).map(convert);
    }) ?? null, null));
}
