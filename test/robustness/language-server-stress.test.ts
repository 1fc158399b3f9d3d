/**
 * The language server under stress, through its real binary over stdio: rapid edits with
 * cancellation, out-of-order and malformed messages, files deleted or renamed while open, a client
 * that never answers `workspace/configuration`, and 10,000 edits with stable memory. After each
 * scenario the last published diagnostics must equal what the core finds for the final contents.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LineIndex, type Linter, type PackageFileInput } from '@csmlint/core';
import { loadLinter } from 'csmlint';
import { SERVER_BIN } from '../helpers/fixtures.js';
import { LspClient, type ClientBehaviour, type LspMessage } from './support/lsp-client.js';
import { VALID_CODE, VALID_METADATA, makeTempDir, removeDir, writeValidPackage } from './support/packages-on-disk.js';

const WAIT_MS = 15_000;
const QUIET_MS = 400;
const REQUEST_CANCELLED = -32800;
const INTERNAL_ERROR = -32603;
const RSS_GROWTH_LIMIT_MIB = 40;

const answerDefaults: ClientBehaviour = { configuration: () => null };
let linter: Linter;
let root: string;
const clients: LspClient[] = [];

/** Documents open in the client, by URI: their published diagnostics must carry their current version. */
const openDocuments = new Map<string, EditedDocument>();

type PositionEncoding = 'utf-16' | 'utf-8';
/** The encoding negotiated with the current server: columns the client sends and receives. */
let encoding: PositionEncoding = 'utf-16';

beforeAll(async () => {
  linter = await loadLinter();
  root = makeTempDir('lsp');
});

afterEach(() => {
  for (const client of clients.splice(0)) client.kill();
  openDocuments.clear();
  encoding = 'utf-16';
});

afterAll(() => removeDir(root));

const uriOf = (path: string) => pathToFileURL(path).href;

/** Starts a server on a fresh workspace directory. */
async function startServer(name: string, behaviour: ClientBehaviour = answerDefaults, encodings: PositionEncoding[] = ['utf-16']): Promise<{ client: LspClient; dir: string; sync: number }> {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  const client = new LspClient(process.execPath, [SERVER_BIN, '--stdio'], behaviour, dir);
  clients.push(client);
  const init = await client.initialize(uriOf(dir), { general: { positionEncodings: encodings } });
  const capabilities = (init.result as { capabilities: { textDocumentSync?: number | { change?: number }; positionEncoding?: string } }).capabilities;
  expect(capabilities.positionEncoding ?? 'utf-16').toBe(encodings[0]);
  encoding = encodings[0]!;
  const sync = typeof capabilities.textDocumentSync === 'number' ? capabilities.textDocumentSync : capabilities.textDocumentSync?.change ?? 1;
  return { client, dir, sync };
}

/** A UTF-16 position as the client spells it. */
function toClient(lines: LineIndex, position: { line: number; character: number }): { line: number; character: number } {
  return encoding === 'utf-8' ? { line: position.line, character: lines.toUtf8Column(position) } : position;
}

/** A document the test edits, mirrored locally so the expected final text is known. */
class EditedDocument {
  version = 1;
  constructor(readonly uri: string, public text: string, private readonly client: LspClient, private readonly incremental: boolean) {}

  open(languageId: string): void {
    this.client.notify('textDocument/didOpen', { textDocument: { uri: this.uri, languageId, version: this.version, text: this.text } });
    openDocuments.set(this.uri, this);
  }

  close(): void {
    this.client.notify('textDocument/didClose', { textDocument: { uri: this.uri } });
    openDocuments.delete(this.uri);
  }

  /** Replaces `[start, end)` (UTF-16 offsets) with `insert`, sent as a range edit or the full text. */
  edit(start: number, end: number, insert: string): void {
    const lines = new LineIndex(this.text);
    const utf16 = lines.rangeOf(start, end);
    const range = { start: toClient(lines, utf16.start), end: toClient(lines, utf16.end) };
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    this.version++;
    const change = this.incremental ? { range, text: insert } : { text: this.text };
    this.client.notify('textDocument/didChange', { textDocument: { uri: this.uri, version: this.version }, contentChanges: [change] });
  }

  replaceAll(text: string): void {
    this.edit(0, this.text.length, text);
  }
}

/** `RULE@l:c-l:c` keys of a diagnostic list, sorted, for comparing server and core. */
function keys(list: Array<{ code?: string | number; ruleId?: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }>): string[] {
  return list
    .map((d) => `${d.code ?? d.ruleId}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`)
    .sort();
}

/** What the core finds for `uri` in a package made of `files` (URI → text or bytes). */
function expectedFor(uri: string, files: Record<string, string | Uint8Array>): string[] {
  const inputs: PackageFileInput[] = Object.entries(files).map(([path, content]) => ({ path, content }));
  const content = files[uri];
  const lines = new LineIndex(typeof content === 'string' ? content : '');
  return keys(linter.lint(inputs).diagnostics
    .filter((d) => d.file === uri)
    .map((d) => ({ ruleId: d.ruleId, range: { start: toClient(lines, d.range.start), end: toClient(lines, d.range.end) } })));
}

/** The last published diagnostics of `uri` as keys, and whether they were published for the open document's current version. */
function published(client: LspClient, uri: string): { keys: string[]; current: boolean } {
  const last = client.diagnostics.get(uri);
  const open = openDocuments.get(uri);
  const current = open ? last?.version === open.version : true;
  return { keys: keys(last?.diagnostics ?? []), current };
}

/**
 * Waits until the server's diagnostics for each URI equal the core's (for an open document: published
 * for its current version), then checks they stay so once publishing is quiet.
 */
async function expectFresh(client: LspClient, expected: Record<string, string[]>): Promise<void> {
  const matches = () => Object.entries(expected).every(([uri, want]) => {
    const now = published(client, uri);
    return now.current && JSON.stringify(now.keys) === JSON.stringify(want);
  });
  await client.waitFor(matches, WAIT_MS, `fresh diagnostics ${JSON.stringify(expected)}`).catch(() => {});
  await client.waitForQuiet(QUIET_MS, WAIT_MS);
  for (const [uri, want] of Object.entries(expected)) {
    const now = published(client, uri);
    expect(now.keys, `diagnostics of ${uri}`).toEqual(want);
    expect(now.current, `diagnostics of ${uri} published for version ${client.diagnostics.get(uri)?.version}, document at ${openDocuments.get(uri)?.version}`).toBe(true);
  }
}

/** The server is alive, answers a request, and printed nothing that looks like a crash. */
async function expectHealthy(client: LspClient, uri: string): Promise<void> {
  expect(client.exit, `server exited; stderr: ${client.stderr}`).toBeUndefined();
  const { response } = client.request('textDocument/documentSymbol', { textDocument: { uri } });
  const answer = await response;
  expect(answer.error?.code, `internal error: ${JSON.stringify(answer.error)}`).not.toBe(INTERNAL_ERROR);
  expect(client.stderr).not.toMatch(/Unhandled|uncaught|\n\s+at .+:\d+:\d+/i);
}

/** A small deterministic PRNG (the runs must be reproducible). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** False inside a surrogate pair or a CRLF: no LSP position points there, editors never edit there. */
function addressable(text: string, offset: number): boolean {
  const [before, after] = [text.charCodeAt(offset - 1), text.charCodeAt(offset)];
  return !(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) && !(before === 13 && after === 10);
}

const INSERTS = ['x', ' ', '\n', '    ', ':', '- ', 'é', '📈', '(', ')', '#', 'def f(a, b):\n    return 1\n', 'name: rmse\n', '\t', '"', '\r\n'];

describe('language server under stress', () => {
  it.each(['utf-16', 'utf-8'] as const)('rapid edits with cancelled requests (%s positions): every request answered once, no stale diagnostics', async (positions) => {
    const { client, dir, sync } = await startServer(`rapid-${positions}`, answerDefaults, [positions]);
    writeValidPackage(dir, 'pkg');
    const metadata = new EditedDocument(uriOf(join(dir, 'pkg/metadata.yaml')), VALID_METADATA, client, sync === 2);
    const code = new EditedDocument(uriOf(join(dir, 'pkg/custom_metrics.py')), VALID_CODE, client, sync === 2);
    metadata.open('yaml');
    code.open('python');
    const next = random(6);
    const requests: Array<{ id: number; response: Promise<LspMessage> }> = [];
    for (let i = 0; i < 400; i++) {
      const doc = next() < 0.5 ? metadata : code;
      const start = Math.floor(next() * (doc.text.length + 1));
      const end = Math.min(doc.text.length, start + Math.floor(next() * 6));
      const insert = next() < 0.3 ? '' : INSERTS[Math.floor(next() * INSERTS.length)]!;
      if (!addressable(doc.text, start) || !addressable(doc.text, end)) continue;
      doc.edit(start, end, insert);
      if (i % 7 === 0) {
        const lines = new LineIndex(doc.text);
        const position = toClient(lines, lines.positionAt(Math.floor(next() * doc.text.length)));
        const method = ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/codeAction'][i % 4]!;
        const params = method === 'textDocument/codeAction'
          ? { textDocument: { uri: doc.uri }, range: { start: position, end: position }, context: { diagnostics: [] } }
          : { textDocument: { uri: doc.uri }, position };
        const request = client.request(method, params);
        requests.push(request);
        if (i % 2 === 0) client.notify('$/cancelRequest', { id: request.id });
      }
    }
    const responses = await Promise.all(requests.map((r) => r.response));
    for (const response of responses) expect(response.error === undefined || response.error.code === REQUEST_CANCELLED, JSON.stringify(response.error)).toBe(true);
    const ids = client.received.filter((m) => m.id !== undefined && !m.method).map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    const files = { [metadata.uri]: metadata.text, [code.uri]: code.text };
    await expectFresh(client, { [metadata.uri]: expectedFor(metadata.uri, files), [code.uri]: expectedFor(code.uri, files) });
    // A last known edit: the typo must show up, and disappear once fixed.
    metadata.replaceAll(VALID_METADATA.replace('entryPoint: weighted_mae', 'entryPoint: wieghted_mae'));
    code.replaceAll(VALID_CODE);
    const typo = { [metadata.uri]: metadata.text, [code.uri]: code.text };
    await expectFresh(client, { [metadata.uri]: expectedFor(metadata.uri, typo) });
    expect(client.diagnostics.get(metadata.uri)!.diagnostics.some((d) => d.code === 'CSM401')).toBe(true);
    metadata.replaceAll(VALID_METADATA);
    await expectFresh(client, { [metadata.uri]: [], [code.uri]: [] });
    await expectHealthy(client, metadata.uri);
    expect(await client.shutdown(WAIT_MS)).toBe(0);
  });

  it('out-of-order and malformed messages: answered or ignored, never fatal', async () => {
    const dir = join(root, 'malformed');
    mkdirSync(dir, { recursive: true });
    writeValidPackage(dir, 'pkg');
    const client = new LspClient(process.execPath, [SERVER_BIN, '--stdio'], answerDefaults, dir);
    clients.push(client);
    const metadataUri = uriOf(join(dir, 'pkg/metadata.yaml'));
    const codeUri = uriOf(join(dir, 'pkg/custom_metrics.py'));

    // Before initialize: a request is answered (LSP asks for error -32002; this server answers it normally).
    const early = client.request('textDocument/hover', { textDocument: { uri: metadataUri }, position: { line: 0, character: 0 } });
    client.notify('textDocument/didOpen', { textDocument: { uri: metadataUri, languageId: 'yaml', version: 1, text: 'early' } });
    expect(await early.response).toHaveProperty('id', early.id);
    await client.initialize(uriOf(dir));

    const body = (text: string) => `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`;
    client.sendRaw(body('{"jsonrpc":"2.0","id":900,"method":'));
    client.sendRaw(body('[]'));
    client.sendRaw(body('42'));
    client.sendRaw(body('"text"'));
    client.sendRaw(body('null'));
    client.sendRaw(`Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n${body('{"jsonrpc":"2.0","method":"$/noop"}')}`);
    client.notify('no/such/notification', { x: 1 });
    client.notify('$/cancelRequest', { id: 123456 });
    client.notify('$/cancelRequest', null);
    client.send({ id: 777777, result: { unsolicited: true } });
    client.send({ id: 'string-id', method: 'no/such/request', params: [] });
    const nonsense: Array<[string, unknown]> = [
      ['textDocument/didOpen', null],
      ['textDocument/didOpen', {}],
      ['textDocument/didOpen', { textDocument: { uri: 42, text: 7, version: 'x' } }],
      ['textDocument/didOpen', { textDocument: { uri: 'not a uri', languageId: 'yaml', version: 1, text: 'a: 1' } }],
      ['textDocument/didOpen', { textDocument: { uri: 'untitled:Untitled-1', languageId: 'yaml', version: 1, text: 'metrics: [' } }],
      ['textDocument/didOpen', { textDocument: { uri: 'untitled:/scratch/metadata.yaml', languageId: 'yaml', version: 1, text: 'metrics: [' } }],
      ['textDocument/didOpen', { textDocument: { uri: uriOf(join(dir, 'odd dir/ü %25/metadata.yaml')), languageId: 'yaml', version: 1, text: VALID_METADATA } }],
      ['textDocument/didChange', { textDocument: { uri: uriOf(join(dir, 'never-opened/metadata.yaml')), version: 2 }, contentChanges: [{ text: 'x' }] }],
      ['textDocument/didChange', { textDocument: { uri: metadataUri }, contentChanges: null }],
      ['textDocument/didClose', { textDocument: { uri: uriOf(join(dir, 'never-opened/custom_metrics.py')) } }],
      ['workspace/didChangeWatchedFiles', { changes: [{ uri: 'file:///nonexistent/metadata.yaml', type: 3 }, { uri: 'garbage', type: 99 }] }],
      ['workspace/didChangeConfiguration', { settings: { csmlint: { debounceMs: 'fast', rules: { CSM401: 'loud', NOPE: 'error' }, enable: 'yes' } } }],
    ];
    for (const [method, params] of nonsense) client.notify(method, params);
    const badRequests = [
      client.request('textDocument/hover', { textDocument: { uri: metadataUri }, position: { line: -1, character: -5 } }),
      client.request('textDocument/hover', { textDocument: { uri: 'untitled:nothing' }, position: { line: 1e9, character: 1e9 } }),
      client.request('textDocument/completion', null),
      client.request('textDocument/definition', { textDocument: {}, position: null }),
      client.request('no/such/request', {}),
      client.request('initialize', { processId: null, rootUri: null, capabilities: {} }),
    ];
    for (const request of badRequests) expect(await request.response).toBeDefined();

    // Now open the package for real, with out-of-order versions and out-of-range edits along the way.
    const metadata = new EditedDocument(metadataUri, VALID_METADATA, client, true);
    metadata.open('yaml');
    client.notify('textDocument/didChange', { textDocument: { uri: metadataUri, version: 0 }, contentChanges: [{ range: { start: { line: 99, character: 0 }, end: { line: 0, character: 0 } }, text: '' }] });
    client.notify('textDocument/didChange', { textDocument: { uri: metadataUri, version: 3 }, contentChanges: [{ range: { start: { line: 0, character: 500 }, end: { line: 500, character: 0 } }, text: '' }] });
    client.notify('textDocument/didChange', { textDocument: { uri: metadataUri, version: 4 }, contentChanges: [{ text: VALID_METADATA.replace('entryPoint: weighted_mae', 'entryPoint: missing_fn') }] });
    metadata.text = VALID_METADATA.replace('entryPoint: weighted_mae', 'entryPoint: missing_fn');
    metadata.version = 4;
    const code = new EditedDocument(codeUri, `${VALID_CODE}x = "${'é'.repeat(2_000_000)}"\n`, client, false);
    code.open('python');
    code.replaceAll(VALID_CODE);
    const files = { [metadataUri]: metadata.text, [codeUri]: VALID_CODE };
    await expectFresh(client, { [metadataUri]: expectedFor(metadataUri, files), [codeUri]: expectedFor(codeUri, files) });
    await expectHealthy(client, metadataUri);

    // Bytes that are not a message at all: the server may drop them or stop, but must not crash.
    client.sendRaw('this is not a header\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.exit?.signal ?? null, client.stderr).toBeNull();
    expect(client.stderr).not.toMatch(/Unhandled|uncaught|\n\s+at .+:\d+:\d+/i);
  });

  it('files deleted or renamed on disk while open', async () => {
    const { client, dir } = await startServer('deleted');
    writeValidPackage(dir, 'pkg');
    const metadataPath = join(dir, 'pkg/metadata.yaml');
    const codePath = join(dir, 'pkg/custom_metrics.py');
    const metadata = new EditedDocument(uriOf(metadataPath), VALID_METADATA, client, false);
    metadata.open('yaml');
    await expectFresh(client, { [metadata.uri]: [] });

    // The partner file (not open) is deleted on disk: the open file gets CSM001.
    rmSync(codePath);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(codePath), type: 3 }] });
    await expectFresh(client, { [metadata.uri]: expectedFor(metadata.uri, { [metadata.uri]: VALID_METADATA }) });
    expect(client.diagnostics.get(metadata.uri)!.diagnostics.map((d) => d.code)).toContain('CSM001');

    // It comes back: the finding goes away.
    writeFileSync(codePath, VALID_CODE);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(codePath), type: 1 }] });
    await expectFresh(client, { [metadata.uri]: [] });

    // Both files open with a cross-file finding, then the package directory is renamed on disk.
    const code = new EditedDocument(uriOf(codePath), VALID_CODE.replace('def weighted_mae', 'def weighted_mea'), client, false);
    code.open('python');
    const before = { [metadata.uri]: VALID_METADATA, [code.uri]: code.text };
    await expectFresh(client, { [metadata.uri]: expectedFor(metadata.uri, before), [code.uri]: expectedFor(code.uri, before) });
    const movedDir = join(dir, 'pkg-renamed');
    renameSync(join(dir, 'pkg'), movedDir);
    client.notify('workspace/didRenameFiles', { files: [{ oldUri: uriOf(join(dir, 'pkg')), newUri: uriOf(movedDir) }] });
    client.notify('workspace/didChangeWatchedFiles', {
      changes: [metadataPath, codePath].flatMap((path) => [{ uri: uriOf(path), type: 3 }, { uri: uriOf(path.replace('/pkg/', '/pkg-renamed/')), type: 1 }]),
    });
    metadata.close();
    code.close();
    const moved = new EditedDocument(uriOf(join(movedDir, 'metadata.yaml')), VALID_METADATA, client, false);
    moved.open('yaml');
    const after = { [moved.uri]: VALID_METADATA, [uriOf(join(movedDir, 'custom_metrics.py'))]: VALID_CODE };
    await expectFresh(client, { [metadata.uri]: [], [code.uri]: [], [moved.uri]: expectedFor(moved.uri, after) });

    // The whole directory disappears while a file is open: the open buffer is still checked, alone.
    rmSync(movedDir, { recursive: true });
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(join(movedDir, 'custom_metrics.py')), type: 3 }, { uri: uriOf(join(movedDir, 'metadata.yaml')), type: 3 }] });
    moved.edit(0, 0, '# edited after the delete\n');
    await expectFresh(client, { [moved.uri]: expectedFor(moved.uri, { [moved.uri]: moved.text }) });
    await expectHealthy(client, moved.uri);
    expect(await client.shutdown(WAIT_MS)).toBe(0);
  });

  it('a client that never answers workspace/configuration still gets diagnostics', async () => {
    const { client, dir } = await startServer('silent-client', { configuration: 'never' });
    writeValidPackage(dir, 'pkg');
    const metadata = new EditedDocument(uriOf(join(dir, 'pkg/metadata.yaml')), VALID_METADATA.replace('entryPoint: weighted_mae', 'entryPoint: nope'), client, false);
    metadata.open('yaml');
    const files = { [metadata.uri]: metadata.text, [uriOf(join(dir, 'pkg/custom_metrics.py'))]: VALID_CODE };
    await expectFresh(client, { [metadata.uri]: expectedFor(metadata.uri, files) });
    expect(client.diagnostics.get(metadata.uri)!.diagnostics.length).toBeGreaterThan(0);
    await expectHealthy(client, metadata.uri);
    expect(await client.shutdown(WAIT_MS)).toBe(0);
  });

  it('10,000 edits: resident memory stays stable and the last diagnostics are fresh', async () => {
    const { client, dir, sync } = await startServer('memory', { configuration: () => ({ debounceMs: 0 }) });
    writeValidPackage(dir, 'pkg');
    const metadata = new EditedDocument(uriOf(join(dir, 'pkg/metadata.yaml')), VALID_METADATA, client, sync === 2);
    const code = new EditedDocument(uriOf(join(dir, 'pkg/custom_metrics.py')), VALID_CODE + '\n# scratch\n'.repeat(50), client, sync === 2);
    metadata.open('yaml');
    code.open('python');
    const next = random(10_000);
    // Edits arrive in bursts; after each burst the test waits for the check of the latest versions,
    // so the lint path (incremental reparse, contexts, publishing) runs hundreds of times.
    const checked = () => [metadata, code].every((doc) => client.diagnostics.get(doc.uri)?.version === doc.version);
    const editBatch = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const doc = i % 3 === 0 ? metadata : code;
        const at = doc.text.lastIndexOf('\n', Math.floor(next() * doc.text.length)) + 1;
        if (i % 2 === 0) doc.edit(at, at, '#');
        else doc.edit(at, at + (doc.text[at] === '#' ? 1 : 0), '');
        if (i % 10 === 9) await client.request('textDocument/documentSymbol', { textDocument: { uri: doc.uri } }).response;
        if (i % 80 === 79) await client.waitFor(checked, WAIT_MS, 'the check of the latest edits');
      }
    };
    await editBatch(1_000);
    await client.waitForQuiet(QUIET_MS, WAIT_MS);
    const warm = client.rssMiB;
    await editBatch(9_000);
    await client.waitForQuiet(QUIET_MS, WAIT_MS);
    const end = client.rssMiB;
    expect(end - warm, `RSS ${warm.toFixed(1)} MiB after 1,000 edits, ${end.toFixed(1)} MiB after 10,000`).toBeLessThan(RSS_GROWTH_LIMIT_MIB);
    expect(client.publishCount.get(code.uri)).toBeGreaterThan(100);
    const files = { [metadata.uri]: metadata.text, [code.uri]: code.text };
    await expectFresh(client, { [metadata.uri]: expectedFor(metadata.uri, files), [code.uri]: expectedFor(code.uri, files) });
    await expectHealthy(client, code.uri);
    expect(await client.shutdown(WAIT_MS)).toBe(0);
  });
});
