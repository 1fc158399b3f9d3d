/** textDocument/completion. */
import { completeAt } from '../features/completion.js';
import { fileOf } from '../features/locate.js';
import type { Session } from '../session.js';
import { guard } from './guard.js';

export function registerCompletion(session: Session): void {
  session.connection.onCompletion(guard(session, 'completion', ({ textDocument, position }) =>
    session.withContext(textDocument.uri, (context) => {
      const lines = fileOf(context, textDocument.uri)!.lines;
      const snippets = session.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
      return completeAt(context, textDocument.uri, session.codec.fromClient(lines, position), {
        snippets,
        toClient: (range) => session.codec.rangeToClient(lines, range),
      });
    }) ?? [], []));
}
