/** initialize (capabilities, position encoding, folders, settings), initialized, shutdown. */
import {
  CodeActionKind, TextDocumentSyncKind, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { PositionCodec, negotiateEncoding } from '../encoding.js';
import type { Session } from '../session.js';
import { SERVER_NAME, SERVER_VERSION } from '../version.js';
import { guard } from './guard.js';
import { startWorkspace, toFolders } from './workspace.js';

export function registerLifecycle(session: Session): void {
  const { connection } = session;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    session.capabilities = params.capabilities ?? {};
    const encoding = negotiateEncoding(params.capabilities?.general?.positionEncodings);
    session.codec = new PositionCodec(encoding);
    session.folders = toFolders(params.workspaceFolders, params.rootUri);
    const options = params.initializationOptions as { settings?: unknown; csmlint?: unknown } | null | undefined;
    const pushed = options?.settings ?? options?.csmlint;
    session.useConfigurationRequests(params.capabilities?.workspace?.configuration === true, pushed);
    return {
      capabilities: {
        positionEncoding: encoding,
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':'] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  connection.onInitialized(guard(session, 'initialized', () => startWorkspace(session), undefined));

  connection.onShutdown(() => {
    session.dispose();
  });
}
