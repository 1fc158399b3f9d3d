#!/usr/bin/env node
/**
 * Measures didChange → publishDiagnostics latency of the BUILT server on a large package (100
 * metrics, a ~5,000-line custom_metrics.py). The debounce is 0 unless given, so it is excluded.
 * Usage: node packages/language-server/bench/latency.mjs [edits per file, default 200] [debounceMs, default 0]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const EDITS = Number(process.argv[2] ?? 200);
const DEBOUNCE_MS = Number(process.argv[3] ?? 0);
const METRICS = 100;
const SERVER_BIN = fileURLToPath(new URL('../bin/csmlint-language-server.js', import.meta.url));

/** A 100-metric package whose code file has about 5,000 lines. */
function largePackage() {
  const yaml = ['metrics:'];
  const py = ['import numpy as np', '', ''];
  for (let i = 0; i < METRICS; i++) {
    const name = `metric_${String(i).padStart(3, '0')}`;
    yaml.push(`  - name: ${name}`, `    label: Metric ${i}`, `    entryPoint: ${name}`, `    primaryMetric: ${i === 0}`,
      `    description: Metric number ${i}`, `    lowerIsBetter: true`, `    useWeights: ${i % 2 === 0}`);
    const weights = i % 2 === 0 ? 'sample_weight=None, ' : '';
    py.push(`def ${name}(y_true, y_pred, ${weights}**kwargs) -> float:`, `    """Metric number ${i}."""`);
    py.push('    y_true = np.asarray(y_true, dtype=float)', '    y_pred = np.asarray(y_pred, dtype=float)');
    for (let j = 0; j < 21; j++) py.push(`    step_${j} = np.abs(y_true - y_pred) * ${j + 1}`, `    total = float(np.sum(step_${j}))  # running value ${j}`);
    py.push('    return float(total)', '', '');
  }
  return { yaml: yaml.join('\n') + '\n', py: py.join('\n') + '\n' };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'csmlint-latency-'));
  const { yaml, py } = largePackage();
  writeFileSync(join(dir, 'metadata.yaml'), yaml);
  writeFileSync(join(dir, 'custom_metrics.py'), py);
  const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = [];
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    for (const w of [...waiters]) if (w.uri === p.uri && w.version === p.version) { waiters.splice(waiters.indexOf(w), 1); w.resolve(p); }
  });
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => ({ debounceMs: DEBOUNCE_MS })));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const published = (uri, version) => new Promise((resolve) => waiters.push({ uri, version, resolve }));
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
  connection.sendNotification('initialized', {});
  const docs = {
    yaml: { uri: pathToFileURL(join(dir, 'metadata.yaml')).href, version: 1, text: yaml, languageId: 'yaml' },
    py: { uri: pathToFileURL(join(dir, 'custom_metrics.py')).href, version: 1, text: py, languageId: 'python' },
  };
  const opened = published(docs.py.uri, 1);
  for (const d of Object.values(docs)) connection.sendNotification('textDocument/didOpen', { textDocument: { uri: d.uri, languageId: d.languageId, version: 1, text: d.text } });
  const first = await opened;
  console.log(`package: ${METRICS} metrics, ${py.split('\n').length} lines of Python; initial findings: ${first.diagnostics.length}`);

  // Type a character into a line in the middle of the file, then delete it (the text stays valid).
  const edit = async (doc, line, character, i) => {
    const insert = i % 2 === 0;
    const range = { start: { line, character }, end: { line, character: insert ? character : character + 1 } };
    doc.version++;
    const done = published(doc.uri, doc.version);
    const start = process.hrtime.bigint();
    connection.sendNotification('textDocument/didChange', { textDocument: { uri: doc.uri, version: doc.version }, contentChanges: [{ range, text: insert ? '7' : '' }] });
    await done;
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const results = {};
  for (const [name, doc, line, character] of [['custom_metrics.py', docs.py, 2500, 40], ['metadata.yaml', docs.yaml, 351, 19]]) {
    for (let i = 0; i < 20; i++) await edit(doc, line, character, i); // warm-up
    const times = [];
    for (let i = 0; i < EDITS; i++) times.push(await edit(doc, line, character, i));
    times.sort((a, b) => a - b);
    results[name] = { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] };
    console.log(`${name}: didChange → publishDiagnostics p50 ${results[name].p50.toFixed(1)} ms, p95 ${results[name].p95.toFixed(1)} ms, max ${results[name].max.toFixed(1)} ms (${EDITS} edits, debounce ${DEBOUNCE_MS} ms)`);
  }
  await connection.sendRequest('shutdown');
  connection.sendNotification('exit');
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
