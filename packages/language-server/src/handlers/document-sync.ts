/** Document sync: open, change (incremental), save and close; each schedules a check of the document's package. */
import { CONFIG_FILE_NAMES, baseName } from '@csmlint/core';
import type { Session } from '../session.js';
import { documentKey } from '../uris.js';
import { guard } from './guard.js';

export function registerDocumentSync(session: Session): void {
  const { connection } = session;

  connection.onDidOpenTextDocument(guard(session, 'didOpen', ({ textDocument }) => {
    const dirKey = session.packageOfUri(textDocument.uri);
    if (!dirKey) return;
    session.packages.invalidate(dirKey);
    session.documents.open(textDocument.uri, textDocument.version, textDocument.text);
    session.requestCheck(dirKey, 0);
  }, undefined));

  connection.onDidChangeTextDocument(guard(session, 'didChange', ({ textDocument, contentChanges }) => {
    const doc = session.documents.get(textDocument.uri);
    if (!doc) return;
    doc.applyChanges(contentChanges, textDocument.version ?? doc.version + 1, session.codec);
    const dirKey = session.packageOfUri(textDocument.uri);
    if (dirKey) session.requestCheck(dirKey);
  }, undefined));

  connection.onDidSaveTextDocument(guard(session, 'didSave', ({ textDocument }) => {
    const key = documentKey(textDocument.uri);
    if ((CONFIG_FILE_NAMES as readonly string[]).includes(baseName(key))) {
      configChanged(session);
      return;
    }
    const dirKey = session.packageOfUri(textDocument.uri);
    if (dirKey) session.requestCheck(dirKey, 0, { run: true });
  }, undefined));

  connection.onDidCloseTextDocument(guard(session, 'didClose', ({ textDocument }) => {
    const dirKey = session.packageOfUri(textDocument.uri);
    if (dirKey) session.packages.invalidate(dirKey);
    session.documents.close(textDocument.uri);
    if (dirKey) session.requestCheck(dirKey, 0);
  }, undefined));
}

/** A config file changed: look configs up again and re-check everything. */
export function configChanged(session: Session): void {
  session.configs.invalidate();
  session.checker.resetConfigFindings();
  session.checkAll();
}
