/** Language-server scenarios: cold start, edit → diagnostics latency, memory after a workspace scan. */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { processCpuMs, processMemoryMb, percentile } from './measure.mjs';
import { now, sleep, startServer } from './lsp-client.mjs';

const EDIT_TIMEOUT_MS = 10_000;

/**
 * The two servers: csmlint's and yaml-language-server with the exported schema. yaml-language-server
 * matches `yaml.schemas` globs with picomatch without `dot`, so `**` never enters a dot-folder such as
 * `.bench-tmp/`: the folder is named in the patterns as well.
 */
export function lspServers(repoRoot, schemaPath, tmpDir) {
  const schemaUri = pathToFileURL(schemaPath).href;
  const fileMatch = ['metadata.yaml', 'metadata.yml'].flatMap((name) => [`**/${name}`, `${basename(tmpDir)}/**/${name}`]);
  const yamlLanguageServer = (delayMs) => ({
    name: delayMs === 200 ? 'yaml-language-server' : `yaml-language-server, delay ${delayMs} ms`,
    bin: join(repoRoot, 'bench/node_modules/yaml-language-server/bin/yaml-language-server'),
    command: 'node',
    args: ['-r', join(repoRoot, 'bench/peers/yls-delay.cjs'), join(repoRoot, 'bench/node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'],
    env: { YLS_VALIDATION_DELAY_MS: String(delayMs) },
    opensPython: false,
    configuration: (section) =>
      section === 'yaml'
        ? {
            validate: true,
            hover: false,
            completion: false,
            format: { enable: false },
            schemaStore: { enable: false },
            schemas: { [schemaUri]: fileMatch },
          }
        : null,
  });
  const csmlint = (debounceMs) => ({
    name: debounceMs === undefined ? 'csmlint-language-server' : `csmlint-language-server, debounce ${debounceMs} ms`,
    bin: join(repoRoot, 'packages/language-server/bin/csmlint-language-server.js'),
    command: 'node',
    args: [join(repoRoot, 'packages/language-server/bin/csmlint-language-server.js'), '--stdio'],
    env: {},
    opensPython: true,
    configuration: (section) => (section === 'csmlint' ? (debounceMs === undefined ? {} : { debounceMs }) : null),
  });
  return {
    csmlint: csmlint(undefined),
    csmlintNoDebounce: csmlint(0),
    yaml: yamlLanguageServer(200),
    yamlNoDelay: yamlLanguageServer(0),
  };
}

/** Whether a server's entry point exists; else why not. */
export function serverAvailable(server) {
  return existsSync(server.bin) ? { ok: true } : { ok: false, reason: `${server.bin} not found` };
}

/**
 * Opens the package in `packageDir`, then applies `edits` edits that toggle one mistake and times
 * each `didChange` → the `publishDiagnostics` that shows (or clears) it.
 * `target` 'yaml' renames a metric's `label` key to `lable`; 'python' renames the metric's `def`
 * (the finding then appears in metadata.yaml).
 */
export async function editLatency(server, packageDir, { edits = 200, target = 'yaml' } = {}) {
  const session = await openSession(server, packageDir, packageDir);
  try {
    const { metadata, code } = session.documents;
    const toggle = target === 'yaml' ? labelToggle(metadata) : defToggle(metadata, code);
    const firstDiagnosticsMs = session.firstDiagnosticsMs;
    const samples = [];
    const cpuBefore = processCpuMs(session.client.pid);
    for (let i = 1; i <= edits; i++) {
      const broken = i % 2 === 1;
      const doc = toggle.document;
      const start = now();
      session.change(doc, toggle.edit(broken));
      const entry = await session.client.waitFor(
        (e) =>
          e?.uri === toggle.watchUri &&
          (e.version == null || e.uri !== doc.uri || e.version === doc.version) &&
          hasFindingOnLine(e.diagnostics, toggle.errorLine) === broken,
        EDIT_TIMEOUT_MS,
        `diagnostics after edit ${i} (${target})`,
      );
      samples.push(entry.at - start);
    }
    const cpuPerEditMs = (processCpuMs(session.client.pid) - cpuBefore) / edits;
    await sleep(200);
    const memory = processMemoryMb(session.client.pid);
    return { samples, ...summarize(samples), cpuPerEditMs, firstDiagnosticsMs, ...memory };
  } finally {
    await session.client.stop();
  }
}

/**
 * Starts the server on a workspace of many packages with no document open, waits until its scan
 * goes quiet (no publish or progress for `quietMs` after the first publish; at most `firstMs`
 * for that first one), and reads its memory; then keeps reading it for up to `settleMs` while the
 * server idles (V8 returns the scan's garbage to the OS only after a while) and reports the lowest.
 */
export async function workspaceScan(server, workspaceDir, { quietMs = 2000, firstMs = 30_000, maxMs = 180_000, settleMs = 60_000 } = {}) {
  const client = startServer({ ...server, cwd: workspaceDir });
  try {
    await initialize(client, workspaceDir, server);
    const begun = now();
    while (now() - begun < maxMs) {
      await sleep(250);
      const last = client.published.at(-1)?.at;
      if (last === undefined) {
        if (now() - begun > firstMs) break;
        continue;
      }
      const progress = client.notifications.filter((n) => n.method === '$/progress').at(-1)?.at ?? 0;
      if (now() - Math.max(last, progress) > quietMs) break;
    }
    const uris = new Set(client.published.map((p) => p.uri));
    const memory = processMemoryMb(client.pid);
    const lastPublish = client.published.at(-1)?.at;
    const quietAt = now();
    let settled = { rssMb: memory.rssMb, afterMs: 0 };
    while (settleMs > 0 && now() - quietAt < settleMs) {
      await sleep(1000);
      const { rssMb } = processMemoryMb(client.pid);
      if (rssMb < settled.rssMb) settled = { rssMb, afterMs: now() - quietAt };
      if (settled.rssMb < memory.rssMb * 0.8) break;
    }
    return {
      publishedFiles: uris.size,
      scanMs: lastPublish ? lastPublish - client.startedAt : NaN,
      ...memory,
      settledRssMb: settled.rssMb,
      settledAfterMs: settled.afterMs + quietMs,
    };
  } finally {
    await client.stop();
  }
}

async function openSession(server, packageDir, workspaceDir) {
  const client = startServer({ ...server, cwd: workspaceDir });
  try {
    const capabilities = await initialize(client, workspaceDir, server);
    const incremental = syncKind(capabilities) === 2;
    const documents = {
      metadata: { uri: pathToFileURL(join(packageDir, 'metadata.yaml')).href, text: readFileSync(join(packageDir, 'metadata.yaml'), 'utf8'), version: 1, languageId: 'yaml' },
      code: { uri: pathToFileURL(join(packageDir, 'custom_metrics.py')).href, text: readFileSync(join(packageDir, 'custom_metrics.py'), 'utf8'), version: 1, languageId: 'python' },
    };
    const open = (doc) => client.notify('textDocument/didOpen', { textDocument: { uri: doc.uri, languageId: doc.languageId, version: doc.version, text: doc.text } });
    open(documents.metadata);
    if (server.opensPython) open(documents.code);
    const first = await client.waitFor((e) => e?.uri === documents.metadata.uri, EDIT_TIMEOUT_MS * 3, 'first diagnostics');
    await sleep(300);
    const change = (doc, { start, end, text }) => {
      const oldText = doc.text;
      doc.text = oldText.slice(0, offsetAt(oldText, start)) + text + oldText.slice(offsetAt(oldText, end));
      doc.version++;
      const contentChanges = incremental ? [{ range: { start, end }, text }] : [{ text: doc.text }];
      client.notify('textDocument/didChange', { textDocument: { uri: doc.uri, version: doc.version }, contentChanges });
    };
    return { client, documents, change, firstDiagnosticsMs: first.at - client.startedAt };
  } catch (error) {
    await client.stop();
    throw error;
  }
}

async function initialize(client, workspaceDir, server) {
  const rootUri = pathToFileURL(workspaceDir).href;
  const result = await client.request('initialize', {
    processId: process.pid,
    clientInfo: { name: 'csmlint-bench' },
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: {
      general: { positionEncodings: ['utf-16'] },
      workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: false } },
      textDocument: {
        synchronization: { didSave: true, dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
      },
      window: { workDoneProgress: true },
    },
  });
  client.notify('initialized', {});
  client.notify('workspace/didChangeConfiguration', { settings: { yaml: server.configuration('yaml'), csmlint: server.configuration('csmlint') } });
  return result.capabilities;
}

function syncKind(capabilities) {
  const sync = capabilities.textDocumentSync;
  return typeof sync === 'number' ? sync : (sync?.change ?? 1);
}

/** Toggles `label:` ↔ `lable:` on the middle metric: an unknown key (and a missing required one). */
function labelToggle(metadata) {
  const lines = metadata.text.split('\n');
  const labelLines = lines.map((l, i) => (/^\s+label:/.test(l) ? i : -1)).filter((i) => i >= 0);
  const line = labelLines[Math.floor(labelLines.length / 2)];
  const character = lines[line].indexOf('label');
  return {
    document: metadata,
    watchUri: metadata.uri,
    errorLine: line,
    edit: (broken) => ({ start: { line, character }, end: { line, character: character + 5 }, text: broken ? 'lable' : 'label' }),
  };
}

/** Toggles `def name(` ↔ `def nameX(` on the middle metric: its entryPoint in metadata.yaml no longer resolves. */
function defToggle(metadata, code) {
  const yamlLines = metadata.text.split('\n');
  const entryLines = yamlLines.map((l, i) => (/^\s+entryPoint:/.test(l) ? i : -1)).filter((i) => i >= 0);
  const errorLine = entryLines[Math.floor(entryLines.length / 2)];
  const name = yamlLines[errorLine].split(':')[1].trim();
  const codeLines = code.text.split('\n');
  const line = codeLines.findIndex((l) => l.startsWith(`def ${name}(`));
  const character = `def ${name}`.length;
  return {
    document: code,
    watchUri: metadata.uri,
    errorLine,
    edit: (broken) =>
      broken
        ? { start: { line, character }, end: { line, character }, text: 'X' }
        : { start: { line, character }, end: { line, character: character + 1 }, text: '' },
  };
}

function hasFindingOnLine(diagnostics, line) {
  return diagnostics.some((d) => d.range.start.line === line && (d.severity ?? 1) <= 2);
}

function offsetAt(text, { line, character }) {
  let offset = 0;
  for (let i = 0; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  return offset + character;
}

function summarize(samples) {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples) };
}
