/**
 * A deliberately raw LSP client for stress tests: it frames JSON-RPC by hand, so a test can also
 * send malformed bytes, out-of-order messages and requests it never lets finish.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { rssMiB } from './run-process.js';

export interface LspMessage {
  jsonrpc?: string;
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Array<{ code?: string | number; range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity?: number; message: string }>;
}

/** How the client answers the server's own requests. */
export interface ClientBehaviour {
  /** Answer for each `workspace/configuration` item; `never` leaves the request unanswered forever. */
  configuration: 'never' | ((section: unknown) => unknown);
}

const HEADER_END = Buffer.from('\r\n\r\n');

export class LspClient {
  readonly process: ChildProcessWithoutNullStreams;
  /** Latest diagnostics published per URI, and how many publishes each URI got. */
  readonly diagnostics = new Map<string, PublishedDiagnostics>();
  readonly publishCount = new Map<string, number>();
  /** Every message the server sent, in order. */
  readonly received: LspMessage[] = [];
  stderr = '';
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly waiting = new Map<number | string, (message: LspMessage) => void>();
  private readonly listeners = new Set<() => void>();
  private lastPublishAt = performance.now();

  constructor(command: string, args: string[], private readonly behaviour: ClientBehaviour, cwd?: string) {
    this.process = spawn(command, args, { cwd, stdio: 'pipe' });
    this.process.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.process.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    this.process.stdin.on('error', () => {});
    this.process.on('exit', (code, signal) => {
      this.exit = { code, signal };
      this.notifyListeners();
    });
  }

  get pid(): number {
    return this.process.pid!;
  }

  get rssMiB(): number {
    return rssMiB(this.pid);
  }

  /** Writes raw bytes to the server's stdin (for malformed input). */
  sendRaw(bytes: string | Buffer): void {
    this.process.stdin.write(bytes);
  }

  /** Frames and sends one message as-is. */
  send(message: LspMessage): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.sendRaw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  notify(method: string, params?: unknown): void {
    this.send({ method, params });
  }

  /** Sends a request and returns its id and a promise of the response. */
  request(method: string, params?: unknown): { id: number; response: Promise<LspMessage> } {
    const id = this.nextId++;
    const response = new Promise<LspMessage>((resolve) => this.waiting.set(id, resolve));
    this.send({ id, method, params });
    return { id, response };
  }

  /** Resolves when `predicate` holds, or rejects with `what` after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate()) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; stderr: ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
    });
  }

  /** Resolves once no diagnostics have been published for `quietMs`. */
  async waitForQuiet(quietMs: number, timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() - this.lastPublishAt < quietMs) {
      if (performance.now() > deadline) throw new Error(`diagnostics still changing after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, quietMs / 4));
    }
  }

  /** Performs `initialize` + `initialized` for a workspace folder. */
  async initialize(rootUri: string, capabilities: Record<string, unknown> = {}): Promise<LspMessage> {
    const { response } = this.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
      capabilities: {
        general: { positionEncodings: ['utf-16'] },
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, synchronization: { dynamicRegistration: false } },
        ...capabilities,
      },
    });
    const result = await response;
    this.notify('initialized', {});
    return result;
  }

  /** `shutdown` then `exit`; resolves with the exit code. */
  async shutdown(timeoutMs: number): Promise<number | null> {
    const { response } = this.request('shutdown');
    await response;
    this.notify('exit');
    await this.waitFor(() => this.exit !== undefined, timeoutMs, 'the server to exit');
    return this.exit!.code;
  }

  kill(): void {
    if (!this.exit) this.process.kill('SIGKILL');
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd === -1) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length:\s*(\d+)/i.exec(header)?.[1]);
      const start = headerEnd + HEADER_END.length;
      if (!Number.isFinite(length) || this.buffer.length < start + length) return;
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      this.onMessage(JSON.parse(body) as LspMessage);
    }
  }

  private onMessage(message: LspMessage): void {
    this.received.push(message);
    if (message.method === 'textDocument/publishDiagnostics') {
      const published = message.params as PublishedDiagnostics;
      this.diagnostics.set(published.uri, published);
      this.publishCount.set(published.uri, (this.publishCount.get(published.uri) ?? 0) + 1);
      this.lastPublishAt = performance.now();
    } else if (message.method && message.id !== undefined) {
      this.answerServerRequest(message);
    } else if (message.id !== undefined && message.id !== null && !message.method) {
      this.waiting.get(message.id)?.(message);
      this.waiting.delete(message.id);
    }
    this.notifyListeners();
  }

  private answerServerRequest(message: LspMessage): void {
    if (message.method === 'workspace/configuration') {
      if (this.behaviour.configuration === 'never') return;
      const items = (message.params as { items?: Array<{ section?: unknown }> } | undefined)?.items ?? [];
      const answer = this.behaviour.configuration;
      this.send({ id: message.id, result: items.map((item) => answer(item.section)) });
      return;
    }
    this.send({ id: message.id, result: null });
  }

  private notifyListeners(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
