/** Wires the language server: the session and one handler module per feature. No logic here. */
import type { Linter } from '@csmlint/core';
import type { Connection } from 'vscode-languageserver/node';
import { registerCodeActions } from './handlers/code-actions.js';
import { registerCompletion } from './handlers/completion.js';
import { registerDocumentSync } from './handlers/document-sync.js';
import { registerHover } from './handlers/hover.js';
import { registerLifecycle } from './handlers/lifecycle.js';
import { registerNavigation } from './handlers/navigation.js';
import { registerRename } from './handlers/rename.js';
import { registerSymbols } from './handlers/symbols.js';
import { registerWorkspace } from './handlers/workspace.js';
import { Session } from './session.js';

/**
 * Registers every handler on `connection` and returns the session. The connection's own watchdog
 * exits the process on `exit`, when stdin closes, and when the `processId` given at initialize is gone.
 */
export function startServer(connection: Connection, linter: Linter): Session {
  const session = new Session(connection, linter);
  registerLifecycle(session);
  registerDocumentSync(session);
  registerWorkspace(session);
  registerHover(session);
  registerCompletion(session);
  registerNavigation(session);
  registerRename(session);
  registerSymbols(session);
  registerCodeActions(session);
  return session;
}
