/** Workspace edits shaped for this client (versioned `documentChanges` when supported). */
import { existsSync } from 'node:fs';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { buildWorkspaceEdit } from '../features/workspace-edit.js';
import type { Session } from '../session.js';
import { documentKey, isDiskKey } from '../uris.js';

/** One WorkspaceEdit for client-encoded edits; undefined when it needs a file the client cannot create. */
export function workspaceEditFor(session: Session, edits: ReadonlyArray<{ uri: string } & TextEdit>): WorkspaceEdit | undefined {
  const workspaceEdit = session.capabilities.workspace?.workspaceEdit;
  return buildWorkspaceEdit(edits, {
    documentChanges: workspaceEdit?.documentChanges === true,
    createFiles: workspaceEdit?.resourceOperations?.includes('create') === true,
    versionOf: (uri) => session.documents.get(uri)?.version ?? null,
    missing: (uri) => {
      if (session.documents.get(uri)) return false;
      const key = documentKey(uri);
      return isDiskKey(key) && !existsSync(key);
    },
  });
}
