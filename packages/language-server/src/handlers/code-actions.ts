/** textDocument/codeAction: the core's fixes and suggestions, and "disable RULE for this line". */
import { codeActionsFor } from '../features/code-actions.js';
import type { Session } from '../session.js';
import { workspaceEditFor } from './edits.js';
import { guard } from './guard.js';

export function registerCodeActions(session: Session): void {
  session.connection.onCodeAction(guard(session, 'codeAction', ({ textDocument, context }) =>
    codeActionsFor(context.diagnostics, {
      uri: textDocument.uri,
      lines: session.linesOf(textDocument.uri),
      codec: session.codec,
      versionOf: (uri) => session.documents.get(uri)?.version ?? null,
      recoverData: (uri, diagnostic) => session.checker.recoverData(uri, diagnostic),
      toEdit: (edits) => workspaceEditFor(session, edits),
      only: context.only,
    }), []));
}
