/**
 * The server's state, shared by the handlers: documents, packages, settings, configs, the checker
 * and its scheduler, the negotiated position encoding and the workspace folders.
 */
import { readFileSync } from 'node:fs';
import { relative, isAbsolute } from 'node:path';
import { LineIndex, type Linter, type PackageContext } from '@csmlint/core';
import type { ClientCapabilities, Connection, Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { PackageChecker } from './checker.js';
import { ConfigCache } from './config.js';
import { DocumentStore } from './documents.js';
import { PositionCodec } from './encoding.js';
import { executionCheck } from './execution.js';
import { PackageStore, isPackageFile } from './packages.js';
import { CheckScheduler } from './scheduler.js';
import { SettingsProvider } from './settings.js';
import { documentKey, isDiskKey } from './uris.js';

/** How long to wait for `workspace/configuration` before checking with defaults. */
export const CONFIGURATION_TIMEOUT_MS = 500;

export interface WorkspaceFolder {
  uri: string;
  /** The folder's key (file-system path for `file:` URIs). */
  key: string;
}

export class Session {
  readonly documents = new DocumentStore();
  readonly packages: PackageStore;
  readonly configs: ConfigCache;
  readonly checker: PackageChecker;
  readonly scheduler: CheckScheduler;
  readonly settings: SettingsProvider;
  codec = new PositionCodec('utf-16');
  capabilities: ClientCapabilities = {};
  folders: WorkspaceFolder[] = [];
  /** Package directories known to exist (scanned, opened or reported by the watcher). */
  readonly knownPackages = new Set<string>();
  shuttingDown = false;

  constructor(readonly connection: Connection, readonly linter: Linter) {
    this.packages = new PackageStore(this.documents, linter);
    this.configs = new ConfigCache((m) => this.log(m));
    this.settings = new SettingsProvider(CONFIGURATION_TIMEOUT_MS, (m) => this.log(m), () => this.checkAll());
    this.checker = new PackageChecker({
      documents: this.documents,
      packages: this.packages,
      settings: this.settings,
      configs: this.configs,
      linter,
      codec: () => this.codec,
      scopeOf: (dirKey) => this.scopeOf(dirKey),
      isVisible: (dirKey) => this.isVisible(dirKey),
      publish: (uri, diagnostics, version) => this.publish(uri, diagnostics, version),
      log: (m) => this.log(m),
      runCheck: executionCheck,
      onRunFindings: (dirKey) => this.requestCheck(dirKey, 0),
    });
    this.scheduler = new CheckScheduler(
      (dirKey, token) => this.checker.check(dirKey, token, { run: this.runRequested.delete(dirKey) }),
      (dirKey, error) => this.log(`check of ${dirKey} failed: ${String(error)}`),
    );
  }

  /** Packages whose next check also runs the execution check (after a save). */
  private readonly runRequested = new Set<string>();

  /** Uses the client's `workspace/configuration` (after initialize, when the client supports it). */
  useConfigurationRequests(supported: boolean, pushed: unknown): void {
    const request = supported
      ? (scopeUri: string | undefined) =>
          this.connection.workspace.getConfiguration({ scopeUri, section: 'csmlint' }) as Promise<unknown>
      : undefined;
    this.settings.configure(request, pushed);
  }

  /** Schedules a check of a package; `delayMs` defaults to the `debounceMs` setting. */
  requestCheck(dirKey: string, delayMs?: number, options: { run?: boolean } = {}): void {
    if (this.shuttingDown) return;
    if (options.run) this.runRequested.add(dirKey);
    const delay = delayMs ?? this.settings.peek(this.scopeOf(dirKey)).debounceMs;
    this.scheduler.schedule(dirKey, delay);
  }

  /** Checks a package in the background (workspace scan, changes on disk); packages with an open document go first. */
  queueCheck(dirKey: string): void {
    if (this.shuttingDown) return;
    if (this.packages.hasOpenDocument(dirKey)) this.requestCheck(dirKey, 0);
    else this.scheduler.enqueue(dirKey);
  }

  /** Re-checks every known package and every package with an open document. */
  checkAll(): void {
    for (const doc of this.documents.all()) this.requestCheck(this.packages.packageOf(doc.key), 0);
    for (const dir of this.knownPackages) this.queueCheck(dir);
  }

  /** The package directory key of a document URI, when it is a package file. */
  packageOfUri(uri: string): string | undefined {
    const key = documentKey(uri);
    return isPackageFile(key) ? this.packages.packageOf(key) : undefined;
  }

  /** Runs `use` with the package context of the document, built from the current texts. */
  withContext<T>(uri: string, use: (context: PackageContext) => T): T | undefined {
    const dirKey = this.packageOfUri(uri);
    if (!dirKey) return undefined;
    const snapshot = this.packages.snapshot(dirKey);
    try {
      if (!snapshot.files.has(uri)) return undefined;
      return use(snapshot.context);
    } finally {
      this.packages.release(snapshot.context);
    }
  }

  /** The current lines of a URI: the open document, else the file on disk. */
  linesOf(uri: string): LineIndex | undefined {
    const doc = this.documents.get(uri);
    if (doc) return doc.lines;
    const key = documentKey(uri);
    if (!isDiskKey(key)) return undefined;
    try {
      return new LineIndex(readFileSync(key, 'utf8').replace(/^\uFEFF/, ''));
    } catch {
      return undefined;
    }
  }

  /** The workspace folder a package belongs to (its settings scope). */
  scopeOf(dirKey: string): string | undefined {
    return this.folderOf(dirKey)?.uri;
  }

  /** Shown packages: those in a workspace folder, and any with an open document. */
  isVisible(dirKey: string): boolean {
    return this.packages.hasOpenDocument(dirKey) || this.folderOf(dirKey) !== undefined;
  }

  private folderOf(dirKey: string): WorkspaceFolder | undefined {
    let best: WorkspaceFolder | undefined;
    for (const folder of this.folders) {
      if (!isInside(folder.key, dirKey)) continue;
      if (!best || folder.key.length > best.key.length) best = folder;
    }
    return best;
  }

  publish(uri: string, diagnostics: LspDiagnostic[], version?: number): void {
    if (this.shuttingDown) return;
    void this.connection.sendDiagnostics({ uri, diagnostics, version }).catch((e: unknown) => this.log(`publish failed: ${String(e)}`));
  }

  log(message: string): void {
    try {
      this.connection.console.log(message);
    } catch {
      // The connection is gone: nowhere left to log.
    }
  }

  dispose(): void {
    this.shuttingDown = true;
    this.scheduler.dispose();
    this.packages.dispose();
  }
}

function isInside(folderKey: string, dirKey: string): boolean {
  if (isDiskKey(folderKey) && isDiskKey(dirKey)) {
    const rel = relative(folderKey, dirKey);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  }
  return dirKey === folderKey || dirKey.startsWith(folderKey.endsWith('/') ? folderKey : `${folderKey}/`);
}
