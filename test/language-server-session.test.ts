/**
 * A 10,000-edit random editing session (seeded) on the fixtures, through the built server: the
 * server must not crash, and at checkpoints and at the end its diagnostics must equal a fresh core
 * run on the same texts with the CLI's config (so incremental sync and incremental reparse are exact).
 * Half the edits go through a UTF-16 client, half through a UTF-8 one.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LineIndex, lintOptionsFromConfig, type Linter, type Range } from '@csmlint/core';
import { loadConfigForDirectory, loadLinter } from 'csmlint';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { listFixtures, type Fixture } from './helpers/fixtures.js';
import { LspClient, fileUri } from './helpers/lsp-client.js';

const TOTAL_EDITS = 10_000;
const CHECKPOINT_EVERY = 1_000;
const PACKAGE_FILES = ['metadata.yaml', 'metadata.yml', 'custom_metrics.py'];
const SEVERITIES = ['', 'error', 'warning', 'info', 'hint'];

/** Small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Text pieces that keep both languages busy: structure, keys, values, defs, line endings, non-ASCII. */
const PIECES = [
  'a', 'x', '_', '1', ' ', '  ', ':', '-', '- ', '#', '"', "'", '(', ')', ',', '=', '\n', '\r\n', '\t',
  'name: ', 'label: ', 'entryPoint: ', 'primaryMetric: ', 'useWeights: ', 'true', 'false', 'yes', 'rmse',
  '  - name: m\n    label: M\n    entryPoint: m\n    primaryMetric: false\n', 'metrics:\n',
  'def ', 'def m(y_true, y_pred, **kwargs) -> float:\n    return 1.0\n', 'return ', 'async ', '@dec\n', 'sample_weight',
  '"""doc"""', 'é', '✓', '😀', '日本語', '# csmlint-disable-next-line CSM401\n',
];

interface SessionDocument {
  path: string;
  uri: string;
  text: string;
}

/** Moves an offset off the middle of a surrogate pair or a CRLF (no client puts a position there). */
function snap(text: string, offset: number): number {
  const before = text.charCodeAt(offset - 1);
  const at = text.charCodeAt(offset);
  if (before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff) return offset - 1;
  if (before === 13 && at === 10) return offset - 1;
  return offset;
}

/** Converts an internal (UTF-16) range to the client's encoding. */
function toClient(lines: LineIndex, range: Range, utf8: boolean): Range {
  if (!utf8) return range;
  return {
    start: { line: range.start.line, character: lines.toUtf8Column(range.start) },
    end: { line: range.end.line, character: lines.toUtf8Column(range.end) },
  };
}

/** Applies one random edit to the local model and returns the LSP change for it. */
function randomChange(doc: SessionDocument, next: () => number, utf8: boolean) {
  const lines = new LineIndex(doc.text);
  const roll = next();
  let start = snap(doc.text, Math.floor(next() * (doc.text.length + 1)));
  let end = start;
  let insert = '';
  if (roll < 0.45) {
    insert = PIECES[Math.floor(next() * PIECES.length)]!;
  } else if (roll < 0.8) {
    end = snap(doc.text, Math.min(doc.text.length, start + 1 + Math.floor(next() * 6)));
  } else if (roll < 0.95) {
    end = snap(doc.text, Math.min(doc.text.length, start + Math.floor(next() * 4)));
    insert = PIECES[Math.floor(next() * PIECES.length)]!;
  } else {
    const line = lines.positionAt(start).line;
    start = lines.lineStart(line);
    end = Math.min(doc.text.length, lines.lineStart(line + 1));
  }
  if (end < start) [start, end] = [end, start];
  const range = toClient(lines, lines.rangeOf(start, end), utf8);
  doc.text = doc.text.slice(0, start) + insert + doc.text.slice(end);
  return { range, text: insert };
}

/** Fixtures an editor can open whose config is valid (a bad config means nothing is linted). */
async function sessionFixtures(): Promise<Fixture[]> {
  const chosen: Fixture[] = [];
  for (const fixture of listFixtures()) {
    const files = PACKAGE_FILES.filter((f) => existsSync(join(fixture.dir, f)));
    if (files.length === 0 || files.some((f) => !statSync(join(fixture.dir, f)).isFile())) continue;
    if (files.some((f) => !isPlainUtf8(readFileSync(join(fixture.dir, f))))) continue;
    if ((await loadConfigForDirectory(fixture.dir)).diagnostics.length) continue;
    chosen.push(fixture);
  }
  return chosen;
}

function isPlainUtf8(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return !text.startsWith('\uFEFF') && !text.includes('\0');
  } catch {
    return false;
  }
}

type Finding = { file: string; code: string; severity: string; message: string; range: Range };

function serverFindings(client: LspClient, docs: SessionDocument[]): Finding[] {
  return docs.flatMap((doc) =>
    (client.diagnosticsOf(doc.uri) ?? []).map((d: Diagnostic) => ({
      file: doc.uri, code: String(d.code), severity: SEVERITIES[d.severity ?? 0]!, message: String(d.message), range: d.range,
    })),
  );
}

async function coreFindings(linter: Linter, dir: string, docs: SessionDocument[], utf8: boolean): Promise<Finding[]> {
  const loaded = await loadConfigForDirectory(dir);
  const result = linter.lint(docs.map((d) => ({ path: d.uri, content: d.text })), lintOptionsFromConfig(loaded.config));
  const linesOf = new Map(docs.map((d) => [d.uri, new LineIndex(d.text)]));
  return result.diagnostics.map((d) => ({
    file: d.file, code: d.ruleId, severity: d.severity, message: d.message, range: toClient(linesOf.get(d.file)!, d.range, utf8),
  }));
}

const sortFindings = (list: Finding[]) => [...list].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

let linter: Linter;
let fixtures: Fixture[];
const clients: LspClient[] = [];

beforeAll(async () => {
  linter = await loadLinter();
  fixtures = await sessionFixtures();
});

afterAll(() => {
  for (const client of clients) client.kill();
});

describe('a random editing session', () => {
  it.each([
    { encoding: 'utf-16', seed: 0x5eed },
    { encoding: 'utf-8', seed: 0xc0ffee },
  ])('$encoding client: 5,000 edits, no crash, diagnostics equal a fresh core run', async ({ encoding, seed }) => {
    expect(fixtures.length).toBeGreaterThan(0);
    const utf8 = encoding === 'utf-8';
    const client = await LspClient.start({ positionEncodings: [encoding] });
    clients.push(client);
    expect(client.initializeResult.capabilities.positionEncoding).toBe(encoding);
    const next = random(seed);
    const edits = TOTAL_EDITS / 2;
    const perFixture = Math.ceil(edits / fixtures.length);
    let done = 0;
    for (const fixture of fixtures) {
      const docs: SessionDocument[] = PACKAGE_FILES.filter((f) => existsSync(join(fixture.dir, f))).map((f) => ({
        path: join(fixture.dir, f), uri: fileUri(join(fixture.dir, f)), text: readFileSync(join(fixture.dir, f), 'utf8'),
      }));
      for (const doc of docs) client.open(doc.path, doc.text);
      const check = async () => {
        await client.waitForPackage(docs.map((d) => d.uri), 20_000);
        expect(client.child.exitCode).toBeNull();
        const server = sortFindings(serverFindings(client, docs));
        const core = sortFindings(await coreFindings(linter, fixture.dir, docs, utf8));
        if (process.env.DEBUG_LS && JSON.stringify(server) !== JSON.stringify(core)) {
          (await import('node:fs')).writeFileSync('/tmp/ls-debug.json', JSON.stringify({ server, core, docs, logs: client.logs, publishes: client.publishes.slice(-10) }, null, 1));
        }
        expect(server, `${fixture.name} after ${done} edits`).toEqual(core);
      };
      for (let i = 0; i < perFixture && done < edits; i++, done++) {
        const doc = docs[Math.floor(next() * docs.length)]!;
        const changes = [randomChange(doc, next, utf8)];
        while (next() < 0.2) changes.push(randomChange(doc, next, utf8));
        if (next() < 0.01) client.replace(doc.uri, doc.text);
        else client.change(doc.uri, changes);
        if (next() < 0.02) await new Promise((r) => setTimeout(r, Math.floor(next() * 60)));
        if (done > 0 && done % CHECKPOINT_EVERY === 0) await check();
      }
      await check();
      for (const doc of docs) client.close(doc.uri);
    }
    expect(done).toBe(edits);
    expect(await client.stop()).toBe(0);
  }, 60_000);
});
