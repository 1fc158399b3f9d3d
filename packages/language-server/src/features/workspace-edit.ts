/** Builds a WorkspaceEdit from per-file edits: `documentChanges` (versioned, with file creation) when the client supports it. */
import type { CreateFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';

export interface WorkspaceEditOptions {
  /** The client accepts `documentChanges` (and, with `createFiles`, `create` operations). */
  documentChanges: boolean;
  createFiles: boolean;
  /** Open-document version to guard the edit with (null: not open). */
  versionOf: (uri: string) => number | null;
  /** URIs of files that do not exist yet. */
  missing: (uri: string) => boolean;
}

/** Groups client-encoded edits by URI into one WorkspaceEdit; undefined when it needs a file the client cannot create. */
export function buildWorkspaceEdit(edits: ReadonlyArray<{ uri: string } & TextEdit>, options: WorkspaceEditOptions): WorkspaceEdit | undefined {
  const byUri = new Map<string, TextEdit[]>();
  for (const { uri, range, newText } of edits) {
    const list = byUri.get(uri) ?? [];
    list.push({ range, newText });
    byUri.set(uri, list);
  }
  const missing = [...byUri.keys()].filter(options.missing);
  if (missing.length && !(options.documentChanges && options.createFiles)) return undefined;
  if (!options.documentChanges) return { changes: Object.fromEntries(byUri) };
  const documentChanges: Array<TextDocumentEdit | CreateFile> = [];
  for (const uri of missing) documentChanges.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
  for (const [uri, list] of byUri) {
    documentChanges.push({ textDocument: { uri, version: options.versionOf(uri) }, edits: list });
  }
  return { documentChanges };
}
