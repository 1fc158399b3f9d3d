/**
 * A real LSP client for tests: spawns the BUILT language server (`bin/csmlint-language-server.js
 * --stdio`) and talks JSON-RPC to it over the child's stdin/stdout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest, createProtocolConnection, DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, DidSaveTextDocumentNotification, ExitNotification,
  InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, RegistrationRequest, ShutdownRequest,
  StreamMessageReader, StreamMessageWriter,
  type ClientCapabilities, type Diagnostic, type FileEvent, type InitializeResult, type ProtocolConnection,
  type PublishDiagnosticsParams, type Registration, type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { SERVER_BIN } from './fixtures.js';

export interface StartOptions {
  /** Workspace folder paths (scanned on start). */
  folders?: string[];
  /** `general.positionEncodings` the client offers, in preference order. */
  positionEncodings?: string[];
  /** Answer to `workspace/configuration` for section `csmlint`; `'never'` leaves the request unanswered. */
  settings?: unknown | 'never';
  /** Extra client capabilities (merged over a capable default client). */
  capabilities?: ClientCapabilities;
  processId?: number | null;
  initializationOptions?: unknown;
}

/** Every capability the server uses, as a modern editor announces them. */
export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  general: { positionEncodings: ['utf-16'] },
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
  },
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    completion: { completionItem: { snippetSupport: true } },
    rename: { prepareSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
};

export const fileUri = (path: string): string => pathToFileURL(path).href;

export class LspClient {
  readonly connection: ProtocolConnection;
  /** Every publish, in arrival order. */
  readonly publishes: PublishDiagnosticsParams[] = [];
  readonly registrations: Registration[] = [];
  readonly configurationRequests: unknown[] = [];
  readonly logs: string[] = [];
  initializeResult!: InitializeResult;
  private readonly versions = new Map<string, number>();
  private listeners: Array<() => void> = [];
  private exited: Promise<number | null>;

  private constructor(readonly child: ChildProcess, options: StartOptions) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.publishes.push(params);
      for (const listener of this.listeners) listener();
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    this.connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => {
      this.configurationRequests.push(params);
      if (options.settings === 'never') return new Promise(() => {});
      return params.items.map(() => options.settings ?? null);
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  /** Spawns the server and runs initialize/initialized. */
  static async start(options: StartOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new LspClient(child, options);
    child.stderr!.on('data', (chunk: Buffer) => client.logs.push(chunk.toString()));
    const capabilities: ClientCapabilities = {
      ...DEFAULT_CAPABILITIES,
      ...options.capabilities,
      general: { positionEncodings: options.positionEncodings ?? ['utf-16'] },
    };
    const folders = options.folders ?? [];
    client.initializeResult = await client.connection.sendRequest(InitializeRequest.type, {
      processId: options.processId === undefined ? process.pid : options.processId,
      rootUri: folders[0] ? fileUri(folders[0]) : null,
      workspaceFolders: folders.map((f) => ({ uri: fileUri(f), name: f })),
      capabilities,
      initializationOptions: options.initializationOptions,
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  open(path: string, text: string, languageId = path.endsWith('.py') ? 'python' : 'yaml'): string {
    const uri = fileUri(path);
    this.versions.set(uri, 1);
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Sends content changes (incremental or whole-text) as the next version. */
  change(uri: string, contentChanges: TextDocumentContentChangeEvent[]): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
    return version;
  }

  /** Replaces the whole text of an open document. */
  replace(uri: string, text: string): number {
    return this.change(uri, [{ text }]);
  }

  save(uri: string): void {
    void this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  close(uri: string): void {
    void this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  filesChanged(changes: FileEvent[]): void {
    void this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** The diagnostics last published for a URI. */
  diagnosticsOf(uri: string): Diagnostic[] | undefined {
    for (let i = this.publishes.length - 1; i >= 0; i--) if (this.publishes[i]!.uri === uri) return this.publishes[i]!.diagnostics;
    return undefined;
  }

  /** Resolves with the first publish for `uri` (after the `since`-th publish) that satisfies `accept`. */
  waitForPublish(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, options: { since?: number; timeoutMs?: number } = {}): Promise<PublishDiagnosticsParams> {
    const since = options.since ?? 0;
    const find = () => this.publishes.slice(since).find((p) => p.uri === uri && accept(p));
    return new Promise((resolve, reject) => {
      const found = find();
      if (found) return resolve(found);
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== listener);
        reject(new Error(`no matching publish for ${uri} within ${options.timeoutMs ?? 10_000} ms; last: ${JSON.stringify(this.diagnosticsOf(uri))}`));
      }, options.timeoutMs ?? 10_000);
      const listener = () => {
        const hit = find();
        if (!hit) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== listener);
        resolve(hit);
      };
      this.listeners.push(listener);
    });
  }

  /** The version last sent for an open document. */
  versionOf(uri: string): number | undefined {
    return this.versions.get(uri);
  }

  /**
   * Waits for a check that saw the latest version of every document of a package. The server
   * publishes all files of a package together, in `uris` order; a publish of the last file at the
   * current version, preceded by current-version publishes of the others, reflects the final state.
   */
  waitForPackage(uris: string[], timeoutMs = 10_000): Promise<void> {
    const last = uris[uris.length - 1]!;
    const current = (p: PublishDiagnosticsParams) => p.version === this.versions.get(p.uri);
    const settled = (): boolean => {
      for (let i = this.publishes.length - 1; i >= 0; i--) {
        const publish = this.publishes[i]!;
        if (publish.uri !== last || !current(publish)) continue;
        const before = this.publishes.slice(0, i);
        return uris.slice(0, -1).every((uri) => {
          for (let j = before.length - 1; j >= 0; j--) if (before[j]!.uri === uri) return current(before[j]!);
          return false;
        });
      }
      return false;
    };
    return new Promise((resolve, reject) => {
      if (settled()) return resolve();
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== listener);
        reject(new Error(`no publish of the current versions of ${uris.join(', ')} within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = () => {
        if (!settled()) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== listener);
        resolve();
      };
      this.listeners.push(listener);
    });
  }

  /** Waits until the server published nothing for `quietMs` (all pending checks done). */
  async settle(quietMs = 300): Promise<void> {
    let count = -1;
    while (count !== this.publishes.length) {
      count = this.publishes.length;
      await new Promise((r) => setTimeout(r, quietMs));
    }
  }

  /** shutdown + exit; resolves with the server's exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await Promise.race([this.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000))]);
    if (code === 'timeout') {
      this.child.kill('SIGKILL');
      throw new Error('server did not exit after shutdown/exit');
    }
    this.connection.dispose();
    return code;
  }

  /** Resolves with the exit code when the server process ends. */
  waitForExit(): Promise<number | null> {
    return this.exited;
  }

  kill(): void {
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
