/**
 * Fixture parity: for every fixture, the language server publishes exactly what the CLI's JSON
 * output reports (rule, severity, message, 1-based range), both for packages found by the
 * workspace scan (files on disk) and for packages whose files are open in the editor.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverPackages } from 'csmlint';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { FIXTURES_DIR, listFixtures, type ExpectedFinding } from './helpers/fixtures.js';
import { lintFixturesWithCli } from './helpers/lint-fixture-cli.js';
import { LspClient, fileUri } from './helpers/lsp-client.js';

const PACKAGE_FILES = ['metadata.yaml', 'metadata.yml', 'custom_metrics.py'];
const SEVERITIES = ['', 'error', 'warning', 'info', 'hint'];

const fixtures = listFixtures();
let cli: Map<string, ExpectedFinding[]>;
let scanned: Map<string, ExpectedFinding[]>;
let opened: Map<string, ExpectedFinding[]>;
const clients: LspClient[] = [];

/** The last publish of every URI, as findings per fixture (1-based, file relative to the fixture). */
function findingsByFixture(client: LspClient): Map<string, ExpectedFinding[]> {
  const last = new Map<string, Diagnostic[]>();
  for (const publish of client.publishes) last.set(publish.uri, publish.diagnostics);
  const byFixture = new Map<string, ExpectedFinding[]>(fixtures.map((f) => [f.name, []]));
  for (const [uri, diagnostics] of last) {
    const path = relative(FIXTURES_DIR, fileURLToPath(uri)).split('\\').join('/');
    const cut = path.indexOf('/');
    const findings = byFixture.get(path.slice(0, cut));
    if (!findings) continue;
    for (const d of diagnostics) {
      findings.push({
        ruleId: String(d.code),
        severity: SEVERITIES[d.severity ?? 0]!,
        file: path.slice(cut + 1),
        range: {
          start: { line: d.range.start.line + 1, column: d.range.start.character + 1 },
          end: { line: d.range.end.line + 1, column: d.range.end.character + 1 },
        },
        message: String(d.message),
      });
    }
  }
  return byFixture;
}

function sorted(findings: ExpectedFinding[] | undefined): ExpectedFinding[] {
  const key = (f: ExpectedFinding) => JSON.stringify([f.file, f.range.start.line, f.range.start.column, f.range.end.line, f.range.end.column, f.ruleId, f.message]);
  return [...(findings ?? [])].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Files an editor can open as text: regular files that decode as UTF-8 without a BOM or NUL. */
function openableText(path: string): string | undefined {
  if (!existsSync(path) || !statSync(path).isFile()) return undefined;
  const bytes = readFileSync(path);
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return text.startsWith('\uFEFF') || text.includes('\0') ? undefined : text;
  } catch {
    return undefined;
  }
}

const editorFixtures = fixtures.filter((f) => {
  const files = PACKAGE_FILES.map((name) => join(f.dir, name)).filter((p) => existsSync(p));
  return files.length > 0 && files.every((p) => openableText(p) !== undefined);
});

/** URIs of the package files under a directory, as the server publishes them (every package checked once). */
async function packageFileUris(root: string): Promise<string[]> {
  const { packages } = await discoverPackages([root]);
  return packages.flatMap((dir) => PACKAGE_FILES.map((name) => join(dir, name)).filter((path) => existsSync(path)).map(fileUri));
}

beforeAll(async () => {
  cli = lintFixturesWithCli(fixtures);

  const scanner = await LspClient.start({ folders: [FIXTURES_DIR] });
  clients.push(scanner);
  for (const uri of await packageFileUris(FIXTURES_DIR)) await scanner.waitForPublish(uri, undefined, { timeoutMs: 60_000 });
  scanned = findingsByFixture(scanner);

  const editor = await LspClient.start();
  clients.push(editor);
  for (const fixture of editorFixtures) {
    const uris = PACKAGE_FILES.filter((name) => openableText(join(fixture.dir, name)) !== undefined)
      .map((name) => editor.open(join(fixture.dir, name), openableText(join(fixture.dir, name))!));
    await editor.waitForPackage(uris, 30_000);
  }
  opened = findingsByFixture(editor);
}, 180_000);

afterAll(() => {
  for (const client of clients) client.kill();
});

describe.each(fixtures)('fixture $name, found by the workspace scan', ({ name }) => {
  it('the server publishes what the CLI reports', () => {
    expect(sorted(scanned.get(name))).toEqual(sorted(cli.get(name)));
  });
});

describe.each(editorFixtures)('fixture $name, open in the editor', ({ name }) => {
  it('the server publishes what the CLI reports', () => {
    expect(sorted(opened.get(name))).toEqual(sorted(cli.get(name)));
  });
});

it('covers every fixture, most of them also open in the editor', () => {
  expect(fixtures.length).toBeGreaterThan(0);
  expect(editorFixtures.length).toBeGreaterThan(fixtures.length / 2);
});
