/**
 * The language server through a real LSP client connection, against the BUILT binary over stdio:
 * diagnostics for both files, cross-file refresh, workspace scan and file watching, scheduling,
 * settings and config, hover, completion, navigation, rename, symbols, code actions, position
 * encodings, lifecycle and robustness.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  CodeActionRequest, CompletionRequest, DefinitionRequest, DocumentSymbolRequest, FileChangeType, HoverRequest,
  InsertTextFormat, PrepareRenameRequest, ReferencesRequest, RenameRequest,
  type CodeAction, type CompletionItem, type Diagnostic, type DocumentSymbol, type Hover, type Location,
  type MarkupContent, type Range, type TextDocumentEdit, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { FIXTURES_DIR } from './helpers/fixtures.js';
import { LspClient, fileUri, type StartOptions } from './helpers/lsp-client.js';

const METADATA = `metrics:
  - name: weighted_mae
    label: Weighted MAE
    entryPoint: weighted_mae
    primaryMetric: true
    useWeights: true
  - name: max_abs_error
    label: Max absolute error
    entryPoint: max_abs_error
    primaryMetric: false
`;

const CODE = `import numpy as np


def weighted_mae(y_true, y_pred, sample_weight=None, **kwargs) -> float:
    """Mean absolute error weighted by row weights."""
    return float(np.average(np.abs(np.asarray(y_true) - np.asarray(y_pred)), weights=sample_weight))


def max_abs_error(y_true, y_pred, **kwargs) -> float:
    """The largest absolute error."""
    return float(np.max(np.abs(np.asarray(y_true) - np.asarray(y_pred))))
`;

const MISSING_DEF_METADATA = METADATA + `  - name: median_error
    label: Median error
    entryPoint: median_error
    primaryMetric: false
`;

const MEDIAN_DEF = `

def median_error(y_true, y_pred, **kwargs) -> float:
    return float(np.median(np.abs(np.asarray(y_true) - np.asarray(y_pred))))
`;

const temps: string[] = [];
const clients: LspClient[] = [];

afterEach(() => {
  for (const client of clients.splice(0)) client.kill();
});

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A package directory on disk with the given files (a fresh temp directory unless `at` is given). */
function makePackage(files: Record<string, string>, at?: string): string {
  const dir = at ?? mkdtempSync(join(tmpdir(), 'csmlint-ls-'));
  if (at) mkdirSync(at, { recursive: true });
  else temps.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function start(options: StartOptions = {}): Promise<LspClient> {
  const client = await LspClient.start(options);
  clients.push(client);
  return client;
}

const codes = (list: Diagnostic[] | undefined): string[] => (list ?? []).map((d) => String(d.code)).sort();
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length - 1;
const pos = (line: number, character: number) => ({ line, character });

/** Opens both files of a package and waits for the check of both. */
async function openPackage(client: LspClient, dir: string, metadata = METADATA, code = CODE): Promise<{ yaml: string; py: string }> {
  const yaml = client.open(join(dir, 'metadata.yaml'), metadata);
  const py = client.open(join(dir, 'custom_metrics.py'), code);
  await client.waitForPackage([yaml, py]);
  return { yaml, py };
}

/** The text edits a WorkspaceEdit makes, per URI (from `documentChanges` or `changes`). */
function editsByUri(edit: WorkspaceEdit | null | undefined): Map<string, TextEdit[]> {
  const result = new Map<string, TextEdit[]>();
  for (const change of edit?.documentChanges ?? []) {
    if ('textDocument' in change) result.set(change.textDocument.uri, (change as TextDocumentEdit).edits as TextEdit[]);
  }
  for (const [uri, edits] of Object.entries(edit?.changes ?? {})) result.set(uri, edits);
  return result;
}

/** Applies LSP text edits (UTF-16 positions) to a text. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const offsets = (range: Range): [number, number] => {
    const lines = text.split(/(?<=\n)/);
    const at = (p: { line: number; character: number }) => lines.slice(0, p.line).join('').length + p.character;
    return [at(range.start), at(range.end)];
  };
  const sorted = [...edits].sort((a, b) => offsets(b.range)[0] - offsets(a.range)[0]);
  for (const edit of sorted) {
    const [start, end] = offsets(edit.range);
    text = text.slice(0, start) + edit.newText + text.slice(end);
  }
  return text;
}

describe('initialize', () => {
  it('announces the features, incremental sync and utf-16 by default', async () => {
    const client = await start();
    const { capabilities, serverInfo } = client.initializeResult;
    expect(serverInfo?.name).toBe('csmlint-language-server');
    expect(capabilities.positionEncoding).toBe('utf-16');
    expect(capabilities.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(capabilities).toMatchObject({
      hoverProvider: true, definitionProvider: true, referencesProvider: true, documentSymbolProvider: true,
      renameProvider: { prepareProvider: true }, codeActionProvider: { codeActionKinds: ['quickfix'] },
    });
    expect(capabilities.completionProvider).toBeDefined();
  });

  it('negotiates utf-8 only when the client lists it first', async () => {
    expect((await start({ positionEncodings: ['utf-8', 'utf-16'] })).initializeResult.capabilities.positionEncoding).toBe('utf-8');
    expect((await start({ positionEncodings: ['utf-16', 'utf-8'] })).initializeResult.capabilities.positionEncoding).toBe('utf-16');
    expect((await start({ positionEncodings: ['utf-32'] })).initializeResult.capabilities.positionEncoding).toBe('utf-16');
  });

  it('registers a file watcher for package and config files', async () => {
    const client = await start({ folders: [makePackage({})] });
    await client.settle(200);
    const watcher = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    expect(JSON.stringify(watcher?.registerOptions)).toContain('metadata.yaml,metadata.yml,custom_metrics.py,.csmlint.yaml,pyproject.toml');
  });
});

describe('diagnostics', () => {
  it('publishes for both files with rule code, docs link, severity, source and fixes in data', async () => {
    const dir = makePackage({});
    const client = await start({ folders: [dir] });
    const metadata = METADATA.replace('primaryMetric: true', 'primaryMetric: yes');
    const { yaml, py } = await openPackage(client, dir, metadata);
    const [finding] = client.diagnosticsOf(yaml)!;
    expect(finding).toMatchObject({
      code: 'CSM103', severity: 1, source: 'csmlint',
      codeDescription: { href: expect.stringContaining('#csm103-yaml11-boolean') },
      range: { start: pos(4, 19), end: pos(4, 22) },
      data: { ruleId: 'CSM103', fixes: [{ preferred: true, edits: [{ uri: yaml, newText: 'true' }] }] },
    });
    expect(client.diagnosticsOf(py)).toEqual([]);
  });

  it('maps every severity, with related information across files', async () => {
    const dir = makePackage({});
    const client = await start({ folders: [dir] });
    const metadata = METADATA.replace('primaryMetric: false', 'primaryMetric: true').replace('  - name: max_abs_error\n', '  - name: max_abs_error\n    lable: x\n');
    const { yaml } = await openPackage(client, dir, metadata);
    const found = client.diagnosticsOf(yaml)!;
    const multiple = found.filter((d) => d.code === 'CSM304');
    expect(multiple).toHaveLength(2);
    expect(multiple[0]!.severity).toBe(1);
    expect(multiple[0]!.relatedInformation?.[0]?.location.uri).toBe(yaml);
    expect(found.find((d) => d.code === 'CSM212')?.severity).toBe(2);
  });

  it('points a missing function at the YAML with a related location and clears it when the def is added', async () => {
    const dir = makePackage({});
    const client = await start({ folders: [dir] });
    const { yaml, py } = await openPackage(client, dir, MISSING_DEF_METADATA.replaceAll('median_error', 'weighted_mea'));
    const notFound = client.diagnosticsOf(yaml)!.find((d) => d.code === 'CSM401');
    expect(notFound?.relatedInformation?.[0]?.location.uri).toBe(py);

    const since = client.publishes.length;
    client.replace(yaml, MISSING_DEF_METADATA);
    const afterYamlEdit = await client.waitForPublish(yaml, undefined, { since });
    expect(codes(afterYamlEdit.diagnostics)).toContain('CSM401');

    const beforeDef = client.publishes.length;
    const end = CODE.split('\n').length - 1;
    client.change(py, [{ range: { start: pos(end, 0), end: pos(end, 0) }, text: MEDIAN_DEF }]);
    const next = await client.waitForPublish(yaml, undefined, { since: beforeDef });
    expect(codes(next.diagnostics)).not.toContain('CSM401');
    expect(client.publishes.slice(beforeDef).some((p) => p.uri === py)).toBe(true);
  });

  it('republishes the partner file: a change in one file never leaves stale findings in the other', async () => {
    const dir = makePackage({});
    const client = await start({ folders: [dir] });
    const { yaml, py } = await openPackage(client, dir, METADATA.replace('useWeights: true', 'useWeights: false'), CODE.replace('y_pred, sample_weight=None, **kwargs)', 'y_pred)'));
    expect(codes(client.diagnosticsOf(py))).toEqual([]);
    const since = client.publishes.length;
    client.change(yaml, [{ range: { start: pos(5, 16), end: pos(5, 21) }, text: 'true' }]);
    const pyPublish = await client.waitForPublish(py, (p) => p.diagnostics.length > 0, { since });
    expect(codes(pyPublish.diagnostics)).toContain('CSM412');
    const back = client.publishes.length;
    client.change(yaml, [{ range: { start: pos(5, 16), end: pos(5, 20) }, text: 'false' }]);
    const cleared = await client.waitForPublish(py, undefined, { since: back });
    expect(cleared.diagnostics).toEqual([]);
  });

  it('turns a burst of edits into one check of the final text', async () => {
    const dir = makePackage({});
    const client = await start({ folders: [dir], settings: { debounceMs: 100 } });
    const { yaml } = await openPackage(client, dir);
    const since = client.publishes.length;
    const line = lineOf(METADATA, 'label: Weighted MAE');
    for (let i = 0; i < 40; i++) client.change(yaml, [{ range: { start: pos(line, 23), end: pos(line, 23) }, text: 'x' }]);
    client.change(yaml, [{ range: { start: pos(1, 4), end: pos(1, 8) }, text: 'nmae' }]);
    await client.settle(400);
    const publishes = client.publishes.slice(since).filter((p) => p.uri === yaml);
    expect(publishes).toHaveLength(1);
    expect(publishes[0]!.version).toBe(42);
    expect(codes(publishes[0]!.diagnostics)).toContain('CSM212');
  });

  it('waits the configured debounce before checking', async () => {
    const dir = makePackage({});
    const client = await start({ folders: [dir], settings: { debounceMs: 400 } });
    const { yaml } = await openPackage(client, dir);
    const since = client.publishes.length;
    const sent = Date.now();
    client.change(yaml, [{ range: { start: pos(1, 4), end: pos(1, 8) }, text: 'nmae' }]);
    await client.waitForPublish(yaml, undefined, { since });
    expect(Date.now() - sent).toBeGreaterThanOrEqual(390);
  });

  it('scans workspace folders on start and follows changes on disk through file watching', async () => {
    const root = makePackage({});
    const dir = join(root, 'churn');
    makePackage({ 'metadata.yaml': METADATA, 'custom_metrics.py': CODE }, dir);
    makePackage({ 'metadata.yaml': METADATA }, join(root, 'node_modules', 'x'));
    const client = await start({ folders: [root] });
    const yaml = fileUri(join(dir, 'metadata.yaml'));
    const first = await client.waitForPublish(yaml);
    expect(first.diagnostics).toEqual([]);
    await client.settle(200);
    expect(client.publishes.some((p) => p.uri.includes('node_modules'))).toBe(false);

    const since = client.publishes.length;
    writeFileSync(join(dir, 'custom_metrics.py'), CODE.replace('def max_abs_error', 'def max_absolute_error'));
    client.filesChanged([{ uri: fileUri(join(dir, 'custom_metrics.py')), type: FileChangeType.Changed }]);
    const renamed = await client.waitForPublish(yaml, (p) => p.diagnostics.length > 0, { since });
    expect(codes(renamed.diagnostics)).toContain('CSM401');

    const back = client.publishes.length;
    writeFileSync(join(dir, 'custom_metrics.py'), CODE);
    client.filesChanged([{ uri: fileUri(join(dir, 'custom_metrics.py')), type: FileChangeType.Changed }]);
    expect((await client.waitForPublish(yaml, undefined, { since: back })).diagnostics).toEqual([]);

    const deleted = client.publishes.length;
    rmSync(join(dir, 'custom_metrics.py'));
    client.filesChanged([{ uri: fileUri(join(dir, 'custom_metrics.py')), type: FileChangeType.Deleted }]);
    expect(codes((await client.waitForPublish(yaml, undefined, { since: deleted })).diagnostics)).toEqual(['CSM001']);

    const removed = client.publishes.length;
    rmSync(join(dir, 'metadata.yaml'));
    client.filesChanged([{ uri: yaml, type: FileChangeType.Deleted }]);
    expect((await client.waitForPublish(yaml, undefined, { since: removed })).diagnostics).toEqual([]);
  });

  it('scans a workspace folder added later, and clears the packages of a removed one', async () => {
    const root = makePackage({});
    makePackage({ 'metadata.yaml': 'metrics: 3\n', 'custom_metrics.py': CODE }, join(root, 'pkg'));
    const client = await start();
    await client.settle(200);
    const yaml = fileUri(join(root, 'pkg', 'metadata.yaml'));
    const folder = { uri: fileUri(root), name: 'root' };
    void client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [folder], removed: [] } });
    expect(codes((await client.waitForPublish(yaml)).diagnostics)).toEqual(['CSM202']);
    const since = client.publishes.length;
    void client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder] } });
    expect((await client.waitForPublish(yaml, undefined, { since })).diagnostics).toEqual([]);
  });

  it('clears a package outside the workspace when its last document closes, and re-reads disk for a closed file', async () => {
    const dir = makePackage({ 'metadata.yaml': METADATA, 'custom_metrics.py': CODE });
    const client = await start();
    const { yaml, py } = await openPackage(client, dir, METADATA.replace('label: RMSE', 'label: RMSE'), CODE.replace('def max_abs_error', 'def max_abs'));
    expect(codes(client.diagnosticsOf(yaml))).toContain('CSM401');
    const since = client.publishes.length;
    client.close(py);
    const fromDisk = await client.waitForPublish(yaml, undefined, { since });
    expect(codes(fromDisk.diagnostics)).not.toContain('CSM401');
    const closing = client.publishes.length;
    client.close(yaml);
    await client.waitForPublish(yaml, (p) => p.diagnostics.length === 0, { since: closing });
  });

  it('reports a missing partner file and files that cannot be read like the CLI', async () => {
    const dir = makePackage({ 'custom_metrics.py': CODE });
    mkdirSync(join(dir, 'metadata.yml'));
    const client = await start({ folders: [dir] });
    const published = await client.waitForPublish(fileUri(join(dir, 'metadata.yml')));
    expect(codes(published.diagnostics)).toEqual(['CSM006']);
  });
});

describe('settings and config', () => {
  it('applies csmlint.rules, csmlint.enable and csmlint.targetType from workspace/configuration', async () => {
    const dir = makePackage({});
    const off = await start({ folders: [dir], settings: { rules: { 'yaml11-boolean': 'off', CSM212: 'error' } } });
    const { yaml } = await openPackage(off, dir, METADATA.replace('primaryMetric: true', 'primaryMetric: yes').replace('useWeights: true', 'useWeights: true\n    lable: x'));
    const found = off.diagnosticsOf(yaml)!;
    expect(codes(found)).not.toContain('CSM103');
    expect(found.find((d) => d.code === 'CSM212')?.severity).toBe(1);
    expect(off.configurationRequests.length).toBeGreaterThan(0);

    const disabled = await start({ folders: [dir], settings: { enable: false } });
    const yaml2 = disabled.open(join(dir, 'metadata.yaml'), 'metrics: 3\n');
    await disabled.settle(300);
    expect(disabled.diagnosticsOf(yaml2) ?? []).toEqual([]);
  });

  it('merges settings over the config file of the package', async () => {
    const dir = makePackage({ '.csmlint.yaml': 'rules:\n  unknown-field: off\n  yaml11-boolean: warning\n' });
    const client = await start({ folders: [dir], settings: { rules: { CSM103: 'info' } } });
    const { yaml } = await openPackage(client, dir, METADATA.replace('primaryMetric: true', 'primaryMetric: yes').replace('useWeights: true', 'useWeights: true\n    lable: x'));
    const found = client.diagnosticsOf(yaml)!;
    expect(codes(found)).not.toContain('CSM212');
    expect(found.find((d) => d.code === 'CSM103')?.severity).toBe(3);
  });

  it('shows a bad config as findings on the config file, and recovers when it is fixed', async () => {
    const dir = makePackage({ '.csmlint.yaml': 'rules:\n  no-such-rule: off\n' });
    const client = await start({ folders: [dir] });
    const config = fileUri(join(dir, '.csmlint.yaml'));
    await openPackage(client, dir);
    const bad = await client.waitForPublish(config);
    expect(codes(bad.diagnostics)).toEqual(['CSM901']);
    expect(bad.diagnostics[0]!.range.start.line).toBe(1);

    const since = client.publishes.length;
    writeFileSync(join(dir, '.csmlint.yaml'), 'rules:\n  unknown-field: off\n');
    client.filesChanged([{ uri: config, type: FileChangeType.Changed }]);
    await client.waitForPublish(config, (p) => p.diagnostics.length === 0, { since });
  });

  it('runs the execution check on save when csmlint.run is on, and drops its findings once the code changes', async () => {
    const root = makePackage({});
    const dir = join(root, 'pkg');
    cpSync(join(FIXTURES_DIR, 'run-csm501-call-failed'), dir, { recursive: true });
    const client = await start({ folders: [root], settings: { run: true } });
    const code = readFileSync(join(dir, 'custom_metrics.py'), 'utf8');
    const { py } = await openPackage(client, dir, readFileSync(join(dir, 'metadata.yaml'), 'utf8'), code);
    expect(codes(client.diagnosticsOf(py))).not.toContain('CSM501');
    client.save(py);
    const ran = await client.waitForPublish(py, (p) => p.diagnostics.some((d) => d.code === 'CSM501'), { timeoutMs: 30_000 });
    expect(ran.diagnostics.find((d) => d.code === 'CSM501')?.range.start.line).toBe(13);
    const since = client.publishes.length;
    client.change(py, [{ range: { start: pos(0, 0), end: pos(0, 0) }, text: '# edited\n' }]);
    const edited = await client.waitForPublish(py, undefined, { since });
    expect(codes(edited.diagnostics)).not.toContain('CSM501');
  }, 40_000);

  it('does not wait forever for a client that never answers workspace/configuration', async () => {
    const dir = makePackage({});
    const client = await start({ folders: [dir], settings: 'never' });
    const yaml = client.open(join(dir, 'metadata.yaml'), 'metrics: 3\n');
    const published = await client.waitForPublish(yaml, undefined, { timeoutMs: 5000 });
    expect(codes(published.diagnostics)).toContain('CSM202');
  });

  it('uses settings pushed by didChangeConfiguration when the client has no workspace/configuration', async () => {
    const dir = makePackage({});
    const client = await start({ folders: [dir], capabilities: { workspace: { configuration: false } }, initializationOptions: { settings: { rules: { CSM202: 'warning' } } } });
    const yaml = client.open(join(dir, 'metadata.yaml'), 'metrics: 3\n');
    const first = await client.waitForPublish(yaml);
    expect(first.diagnostics.find((d) => d.code === 'CSM202')?.severity).toBe(2);
    const since = client.publishes.length;
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { csmlint: { rules: { CSM202: 'hint' } } } });
    const next = await client.waitForPublish(yaml, undefined, { since });
    expect(next.diagnostics.find((d) => d.code === 'CSM202')?.severity).toBe(4);
  });
});

describe('hover', () => {
  it('shows the Python signature and docstring on a metric name and entryPoint', async () => {
    const dir = makePackage({});
    const client = await start({ folders: [dir] });
    const { yaml } = await openPackage(client, dir);
    for (const at of [pos(1, 12), pos(3, 20)]) {
      const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: yaml }, position: at })) as Hover;
      const value = (hover.contents as MarkupContent).value;
      expect(value).toContain('def weighted_mae(y_true, y_pred, sample_weight=None, **kwargs) -> float:');
      expect(value).toContain('Mean absolute error weighted by row weights.');
    }
  });

  it('documents a key with its type and default from the API schema', async () => {
    const dir = makePackage({});
    const client = await start({ folders: [dir] });
    const { yaml } = await openPackage(client, dir);
    const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: yaml }, position: pos(5, 6) })) as Hover;
    const value = (hover.contents as MarkupContent).value;
    expect(value).toContain('useWeights');
    expect(value).toContain('Indicates whether this metric is using weights.');
    expect(value).toContain('Default: `false`');
    expect(hover.range).toEqual({ start: pos(5, 4), end: pos(5, 14) });
  });

  it('lists the metrics that use a def', async () => {
    const dir = makePackage({});
    const client = await start({ folders: [dir] });
    const { py } = await openPackage(client, dir);
    const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: py }, position: pos(3, 6) })) as Hover;
    expect((hover.contents as MarkupContent).value).toContain('`weighted_mae` (metadata.yaml, line 2)');
    const none = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: py }, position: pos(0, 0) });
    expect(none).toBeNull();
  });
});

describe('completion', () => {
  const complete = (client: LspClient, uri: string, at: { line: number; character: number }) =>
    client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: at }) as Promise<CompletionItem[]>;

  it('offers the missing keys of a metric with docs, and a snippet for a whole metric', async () => {
    const dir = makePackage({});
    const client = await start({ folders: [dir] });
    const metadata = METADATA + '    \n';
    const { yaml } = await openPackage(client, dir, metadata);
    const items = await complete(client, yaml, pos(10, 4));
    const labels = items.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['description', 'lowerIsBetter', 'useWeights']));
    expect(labels).not.toContain('name');
    expect(items.find((i) => i.label === 'description')?.documentation).toMatchObject({ value: 'Custom metric description.' });

    const since = client.publishes.length;
    client.change(yaml, [{ range: { start: pos(10, 0), end: pos(10, 4) }, text: '  - ' }]);
    await client.waitForPublish(yaml, undefined, { since });
    const fresh = await complete(client, yaml, pos(10, 4));
    const snippet = fresh.find((i) => i.label === 'metric');
    expect(snippet?.insertTextFormat).toBe(InsertTextFormat.Snippet);
    expect((snippet?.textEdit as TextEdit).newText).toContain('\n    label: ${2:Label}');
    expect(fresh.map((i) => i.label)).toContain('name');
  });

  it('offers true/false for booleans and the module functions for name and entryPoint', async () => {
    const dir = makePackage({});
    const client = await start({ folders: [dir] });
    const metadata = METADATA + '  - name: \n    primaryMetric: \n';
    const { yaml } = await openPackage(client, dir, metadata);
    const names = await complete(client, yaml, pos(10, 10));
    expect(names.map((i) => i.label).sort()).toEqual(['max_abs_error', 'weighted_mae']);
    expect(names.find((i) => i.label === 'weighted_mae')?.detail).toContain('def weighted_mae(');
    const booleans = await complete(client, yaml, pos(11, 19));
    expect(booleans.map((i) => i.label)).toEqual(['true', 'false']);
  });
});

describe('navigation and rename', () => {
  it('goes from a YAML entryPoint to its def, and finds the YAML references of a def', async () => {
    const dir = makePackage({});
    const client = await start({ folders: [dir] });
    const { yaml, py } = await openPackage(client, dir);
    const definition = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: yaml }, position: pos(8, 20) })) as Location[];
    expect(definition).toEqual([{ uri: py, range: { start: pos(8, 4), end: pos(8, 17) } }]);
    const references = (await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: py }, position: pos(3, 8), context: { includeDeclaration: false },
    })) as Location[];
    expect(references).toEqual([
      { uri: yaml, range: { start: pos(1, 10), end: pos(1, 22) } },
      { uri: yaml, range: { start: pos(3, 16), end: pos(3, 28) } },
    ]);
  });

  it('renames a metric function from the YAML side in both files, in one workspace edit', async () => {
    const dir = makePackage({});
    const client = await start({ folders: [dir] });
    const code = CODE + '\n\ndef both(y_true, y_pred):\n    return weighted_mae(y_true, y_pred) + max_abs_error(y_true, y_pred)\n';
    const { yaml, py } = await openPackage(client, dir, METADATA.replace('entryPoint: weighted_mae', 'entryPoint: custom_metrics.weighted_mae'), code);
    const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: yaml }, position: pos(3, 33) });
    expect(prepared).toEqual({ range: { start: pos(3, 31), end: pos(3, 43) }, placeholder: 'weighted_mae' });
    const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: yaml }, position: pos(3, 33), newName: 'wmae' });
    const edits = editsByUri(edit);
    expect([...edits.keys()].sort()).toEqual([py, yaml].sort());
    const yamlAfter = applyEdits(METADATA.replace('entryPoint: weighted_mae', 'entryPoint: custom_metrics.weighted_mae'), edits.get(yaml)!);
    expect(yamlAfter).toContain('name: wmae\n');
    expect(yamlAfter).toContain('entryPoint: custom_metrics.wmae\n');
    const pyAfter = applyEdits(code, edits.get(py)!);
    expect(pyAfter).toContain('def wmae(y_true, y_pred, sample_weight=None');
    expect(pyAfter).toContain('return wmae(y_true, y_pred) + max_abs_error');
    expect(pyAfter).toContain('weights=sample_weight');
  });

  it('renames from the def in Python, and refuses an invalid name', async () => {
    const dir = makePackage({});
    const client = await start({ folders: [dir] });
    const { yaml, py } = await openPackage(client, dir);
    const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: py }, position: pos(8, 6), newName: 'largest_error' });
    const edits = editsByUri(edit);
    expect(applyEdits(METADATA, edits.get(yaml)!)).toContain('  - name: largest_error\n    label: Max absolute error\n    entryPoint: largest_error\n');
    expect(applyEdits(CODE, edits.get(py)!)).toContain('def largest_error(');
    await expect(client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: py }, position: pos(8, 6), newName: 'class' })).rejects.toThrow(/not a valid/);
    expect(await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: yaml }, position: pos(2, 12) })).toBeNull();
  });

  it('lists document symbols for both files', async () => {
    const dir = makePackage({});
    const client = await start({ folders: [dir] });
    const { yaml, py } = await openPackage(client, dir);
    const yamlSymbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: yaml } })) as DocumentSymbol[];
    expect(yamlSymbols.map((s) => s.name)).toEqual(['metrics']);
    expect(yamlSymbols[0]!.children!.map((s) => s.name)).toEqual(['weighted_mae', 'max_abs_error']);
    expect(yamlSymbols[0]!.children![0]!.children!.map((s) => s.name)).toEqual(['name', 'label', 'entryPoint', 'primaryMetric', 'useWeights']);
    const pySymbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: py } })) as DocumentSymbol[];
    expect(pySymbols.map((s) => s.name)).toEqual(['weighted_mae', 'max_abs_error']);
    expect(pySymbols[0]!.selectionRange).toEqual({ start: pos(3, 4), end: pos(3, 16) });
  });
});

describe('code actions', () => {
  const actionsFor = (client: LspClient, uri: string, diagnostics: Diagnostic[]) =>
    client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: diagnostics[0]!.range, context: { diagnostics },
    }) as Promise<CodeAction[]>;

  it('offers the core fix (preferred) and a suppression comment; both edits apply cleanly', async () => {
    const dir = makePackage({});
    const client = await start({ folders: [dir] });
    const metadata = METADATA.replace('primaryMetric: true', 'primaryMetric: yes');
    const { yaml } = await openPackage(client, dir, metadata);
    const [finding] = client.diagnosticsOf(yaml)!;
    const actions = await actionsFor(client, yaml, [finding!]);
    expect(actions.map((a) => a.title)).toEqual(['Write `true`', 'Disable CSM103 (yaml11-boolean) for this line']);
    expect(actions[0]!.isPreferred).toBe(true);
    expect(applyEdits(metadata, editsByUri(actions[0]!.edit).get(yaml)!)).toBe(METADATA);
    const suppressed = applyEdits(metadata, editsByUri(actions[1]!.edit).get(yaml)!);
    expect(suppressed).toContain('    # csmlint-disable-next-line CSM103\n    primaryMetric: yes\n');

    const since = client.publishes.length;
    client.replace(yaml, suppressed);
    expect((await client.waitForPublish(yaml, undefined, { since })).diagnostics).toEqual([]);
  });

  it('offers the stub def for a missing function in custom_metrics.py (with sample_weight for useWeights)', async () => {
    const dir = makePackage({});
    const client = await start({ folders: [dir] });
    const { yaml, py } = await openPackage(client, dir, MISSING_DEF_METADATA + '    useWeights: true\n');
    const notFound = client.diagnosticsOf(yaml)!.filter((d) => d.code === 'CSM401');
    expect(notFound.length).toBeGreaterThan(0);
    const actions = await actionsFor(client, yaml, notFound);
    const stub = actions.find((a) => editsByUri(a.edit).has(py));
    expect(stub).toBeDefined();
    const code = applyEdits(CODE, editsByUri(stub!.edit).get(py)!);
    expect(code).toMatch(/def median_error\(y_true, y_pred, sample_weight/);

    const since = client.publishes.length;
    client.replace(py, code);
    const next = await client.waitForPublish(yaml, undefined, { since });
    expect(codes(next.diagnostics)).not.toContain('CSM401');
  });

  it('offers the did-you-mean rename of a misspelt function as the preferred fix', async () => {
    const dir = makePackage({});
    const client = await start({ folders: [dir] });
    const misspelt = METADATA.replaceAll('max_abs_error', 'max_abs_eror');
    const { yaml } = await openPackage(client, dir, misspelt);
    const notFound = client.diagnosticsOf(yaml)!.filter((d) => d.code === 'CSM401');
    expect(notFound).toHaveLength(1);
    const actions = await actionsFor(client, yaml, notFound);
    const rename = actions.find((a) => a.isPreferred);
    expect(rename?.title).toContain('max_abs_error');
    expect(applyEdits(misspelt, editsByUri(rename!.edit).get(yaml)!)).toBe(METADATA);
    expect(actions.map((a) => a.title)).toContain('Disable CSM401 (function-not-found) for this line');
  });

  it('drops a fix whose file changed since it was published', async () => {
    const dir = makePackage({});
    const client = await start({ folders: [dir], settings: { debounceMs: 5000 } });
    const metadata = METADATA.replace('primaryMetric: true', 'primaryMetric: yes');
    const { yaml } = await openPackage(client, dir, metadata);
    const [finding] = client.diagnosticsOf(yaml)!;
    client.change(yaml, [{ range: { start: pos(0, 0), end: pos(0, 0) }, text: '# edited\n' }]);
    const actions = await actionsFor(client, yaml, [finding!]);
    expect(actions.map((a) => a.title)).toEqual(['Disable CSM103 (yaml11-boolean) for this line']);
  });
});

describe('position encodings', () => {
  it('speaks UTF-8 columns with a client that prefers them, in diagnostics, changes and requests', async () => {
    const dir = makePackage({});
    const client = await start({ folders: [dir], positionEncodings: ['utf-8', 'utf-16'] });
    // An unused suppression after non-ASCII text: CSM900 on `CSM401`, UTF-16 columns 50-56, UTF-8 bytes 55-61.
    const metadata = METADATA.replace('label: Weighted MAE', 'label: Précision ✓ 😀  # csmlint-disable-line CSM401');
    const { yaml } = await openPackage(client, dir, metadata);
    const unused = client.diagnosticsOf(yaml)!.find((d) => d.code === 'CSM900')!;
    expect(unused.range).toEqual({ start: pos(2, 55), end: pos(2, 61) });

    // Replace "✓ 😀" (bytes 22-30 of line 2) by "é" through a UTF-8 range: the finding moves to bytes 49-55.
    const since = client.publishes.length;
    client.change(yaml, [{ range: { start: pos(2, 22), end: pos(2, 30) }, text: 'é' }, { range: { start: pos(1, 12), end: pos(1, 12) }, text: '' }]);
    const moved = await client.waitForPublish(yaml, undefined, { since });
    expect(moved.diagnostics.find((d) => d.code === 'CSM900')!.range).toEqual({ start: pos(2, 49), end: pos(2, 55) });

    const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: yaml }, position: pos(2, 4) })) as Hover;
    expect((hover.contents as MarkupContent).value).toContain('**label**');
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: yaml } })) as DocumentSymbol[];
    const label = symbols[0]!.children![0]!.children!.find((s) => s.name === 'label')!;
    expect(label.detail).toBe('Précision é');
    expect(label.range.end).toEqual(pos(2, 24));
  });
});

describe('lifecycle and robustness', () => {
  it('exits with 0 after shutdown and exit', async () => {
    const client = await start();
    expect(await client.stop()).toBe(0);
  });

  it('exits with 1 on exit without shutdown, and when stdin closes', async () => {
    const client = await start();
    void client.connection.sendNotification('exit');
    expect(await client.waitForExit()).toBe(1);
    const other = await start();
    other.child.stdin!.end();
    expect(await other.waitForExit()).not.toBeNull();
  });

  it('exits when the parent process given at initialize dies', async () => {
    const parent = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    const client = await start({ processId: parent.pid! });
    parent.kill('SIGKILL');
    const code = await Promise.race([client.waitForExit(), new Promise((r) => setTimeout(() => r('still running'), 8000))]);
    expect(code).not.toBe('still running');
  });

  it('survives hostile input and message order, and keeps answering', async () => {
    const dir = makePackage({});
    const client = await start({ folders: [dir] });
    const { connection } = client;
    const yaml = fileUri(join(dir, 'metadata.yaml'));
    // Requests and changes for documents that were never opened.
    expect(await connection.sendRequest(HoverRequest.type, { textDocument: { uri: yaml }, position: pos(99, 99) })).toBeNull();
    client.change(fileUri(join(dir, 'custom_metrics.py')), [{ range: { start: pos(5, 5), end: pos(1, 1) }, text: 'x' }]);
    await expect(connection.sendRequest('csmlint/unknown', {})).rejects.toThrow();
    // Binary, deeply nested, huge and reversed-range content.
    const opened = client.open(join(dir, 'metadata.yaml'), '\u0000\u0001' + '['.repeat(5000));
    client.change(opened, [{ range: { start: pos(9, 9), end: pos(0, 0) }, text: '\r\n\r' }]);
    client.change(opened, [{ range: { start: pos(-1, -5), end: pos(1e9, 1e9) }, text: 'metrics:\n  - name: x\uD800\n' }]);
    const py = client.open(join(dir, 'custom_metrics.py'), 'def f(:\n\tpass\n' + 'x = ('.repeat(2000));
    for (const position of [pos(0, 0), pos(1e6, 0), pos(0, 1e6)]) {
      await connection.sendRequest(HoverRequest.type, { textDocument: { uri: py }, position });
      await connection.sendRequest(CompletionRequest.type, { textDocument: { uri: opened }, position });
      await connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: opened }, position });
      await connection.sendRequest(RenameRequest.type, { textDocument: { uri: py }, position, newName: 'ok_name' });
    }
    await connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: opened }, range: { start: pos(0, 0), end: pos(0, 0) }, context: { diagnostics: [{ range: { start: pos(0, 0), end: pos(0, 0) }, message: 'x', source: 'csmlint', code: 'CSM100', data: { fixes: 'nope' } }] } });
    await client.waitForPublish(py);
    client.replace(opened, METADATA);
    client.replace(py, CODE);
    await client.settle(300);
    expect(client.diagnosticsOf(opened)).toEqual([]);
    expect(client.diagnosticsOf(py)).toEqual([]);
    expect(client.child.exitCode).toBeNull();
  });
});
