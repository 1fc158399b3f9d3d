/** textDocument/prepareRename and textDocument/rename: one workspace edit over both files. */
import { ResponseError, ErrorCodes } from 'vscode-languageserver/node';
import { linesOfContext } from '../diagnostics.js';
import { fileOf } from '../features/locate.js';
import { invalidNewName, prepareRenameAt, renameAt } from '../features/rename.js';
import type { Session } from '../session.js';
import { guard } from './guard.js';
import { workspaceEditFor } from './edits.js';

export function registerRename(session: Session): void {
  session.connection.onPrepareRename(guard(session, 'prepareRename', ({ textDocument, position }) =>
    session.withContext(textDocument.uri, (context) => {
      const lines = fileOf(context, textDocument.uri)!.lines;
      const prepared = prepareRenameAt(context, textDocument.uri, session.codec.fromClient(lines, position));
      return prepared ? { range: session.codec.rangeToClient(lines, prepared.range), placeholder: prepared.placeholder } : null;
    }) ?? null, null));

  session.connection.onRenameRequest(async (params) => {
    const problem = invalidNewName(params.newName);
    if (problem) throw new ResponseError(ErrorCodes.InvalidParams, problem);
    return guard(session, 'rename', () =>
      session.withContext(params.textDocument.uri, (context) => {
        const lines = fileOf(context, params.textDocument.uri)!.lines;
        const edits = renameAt(context, params.textDocument.uri, session.codec.fromClient(lines, params.position), params.newName);
        if (!edits) return null;
        const linesOf = linesOfContext(context);
        return workspaceEditFor(session, edits.map((e) => ({ uri: e.uri, range: session.codec.rangeToClient(linesOf(e.uri), e.range), newText: e.newText }))) ?? null;
      }) ?? null, null)(params);
  });
}
