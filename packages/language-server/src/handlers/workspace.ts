/**
 * The workspace beyond open documents: the scan of workspace folders on start, file watching
 * (`workspace/didChangeWatchedFiles`, registered dynamically), settings and folder changes.
 */
import { CONFIG_FILE_NAMES, baseName } from '@csmlint/core';
import { PACKAGE_FILE_NAMES, discoverPackages } from 'csmlint';
import {
  DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType,
  type WorkspaceFolder as LspWorkspaceFolder,
} from 'vscode-languageserver/node';
import { isPackageFile } from '../packages.js';
import type { Session, WorkspaceFolder } from '../session.js';
import { documentKey, isDiskKey } from '../uris.js';
import { configChanged } from './document-sync.js';
import { guard } from './guard.js';

/** The files whose changes on disk matter: package files and config files. */
export const WATCHED_GLOB = `**/{${[...PACKAGE_FILE_NAMES, ...CONFIG_FILE_NAMES].join(',')}}`;

export function registerWorkspace(session: Session): void {
  const { connection } = session;

  connection.onDidChangeWatchedFiles(guard(session, 'didChangeWatchedFiles', ({ changes }) => {
    let configs = false;
    const touched = new Set<string>();
    for (const change of changes) {
      const key = documentKey(change.uri);
      if ((CONFIG_FILE_NAMES as readonly string[]).includes(baseName(key))) configs = true;
      if (!isPackageFile(key)) continue;
      const dirKey = session.packages.packageOf(key);
      if (change.type !== FileChangeType.Deleted) session.knownPackages.add(dirKey);
      session.packages.invalidate(dirKey);
      touched.add(dirKey);
    }
    if (configs) configChanged(session);
    else for (const dirKey of touched) session.queueCheck(dirKey);
  }, undefined));

  connection.onDidChangeConfiguration(guard(session, 'didChangeConfiguration', (params) => {
    const pushed = (params.settings as { csmlint?: unknown } | null | undefined)?.csmlint;
    session.settings.reset(pushed);
    session.checkAll();
  }, undefined));
}

/** After `initialized`: dynamic registrations, folder-change events, then the workspace scan. */
export async function startWorkspace(session: Session): Promise<void> {
  const { connection, capabilities } = session;
  if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
    await connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED_GLOB }] })
      .catch((e: unknown) => session.log(`could not watch files: ${String(e)}`));
  }
  if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
    await connection.client
      .register(DidChangeConfigurationNotification.type, { section: 'csmlint' })
      .catch((e: unknown) => session.log(`could not register for settings changes: ${String(e)}`));
  }
  if (capabilities.workspace?.workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders(guard(session, 'didChangeWorkspaceFolders', async ({ added, removed }) => {
      const gone = new Set(removed.map((f) => f.uri));
      session.folders = session.folders.filter((f) => !gone.has(f.uri));
      const fresh = toFolders(added);
      session.folders.push(...fresh);
      session.checkAll();
      await scanFolders(session, fresh);
    }, undefined));
  }
  await scanFolders(session, session.folders);
}

/** Workspace folders from initialize (folders, else the root URI). */
export function toFolders(folders: readonly LspWorkspaceFolder[] | null | undefined, rootUri?: string | null): WorkspaceFolder[] {
  const list = folders?.length ? folders.map((f) => f.uri) : rootUri ? [rootUri] : [];
  return list.map((uri) => ({ uri, key: documentKey(uri) }));
}

/** Finds the packages under the folders (the CLI's discovery: skips .git, node_modules, .gitignore'd, `exclude`) and checks them. */
async function scanFolders(session: Session, folders: WorkspaceFolder[]): Promise<void> {
  const roots = folders.map((f) => f.key).filter(isDiskKey);
  if (roots.length === 0) return;
  const found = await discoverPackages(roots);
  for (const dirKey of found.packages) {
    session.knownPackages.add(dirKey);
    session.queueCheck(dirKey);
  }
}
