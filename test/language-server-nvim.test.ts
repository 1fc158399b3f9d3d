/**
 * End-to-end in a real editor: headless Neovim (built-in LSP client) starts the BUILT server, opens
 * a broken fixture's metadata.yaml, reads the diagnostics back with `vim.diagnostic.get`, replaces
 * the text with the fixture's `-ok` variant and sees them clear. Neovim is required (`.ci/run`
 * installs it): when it is missing this test fails, it never skips.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, REPO_ROOT, SERVER_BIN, type ExpectedFinding } from './helpers/fixtures.js';

const INIT = join(REPO_ROOT, 'test/nvim/init.lua');
const temps: string[] = [];

interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  message: string;
  source: string;
  code: string;
}

interface NvimResult {
  steps: string[];
  error?: string;
  client?: { name: string; offset_encoding: string };
  broken?: NvimDiagnostic[];
  fixed?: NvimDiagnostic[];
}

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

/** Fails (never skips) when Neovim is not installed. */
function requireNeovim(): void {
  const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    throw new Error('Neovim (`nvim`) is required for this test: apt-get install -y neovim');
  }
}

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** Runs Neovim on a copy of `fixture`, fixing metadata.yaml with the `-ok` variant's text. */
function runNeovim(fixture: string): NvimResult {
  requireNeovim();
  const dir = mkdtempSync(join(tmpdir(), 'csmlint-nvim-'));
  temps.push(dir);
  cpSync(join(FIXTURES_DIR, fixture), join(dir, fixture), { recursive: true });
  const out = join(dir, 'result.json');
  const child = spawnSync('nvim', ['--headless', '--clean', '-u', INIT], {
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...process.env,
      CSMLINT_NODE: process.execPath,
      CSMLINT_SERVER: SERVER_BIN,
      CSMLINT_FILE: join(dir, fixture, 'metadata.yaml'),
      CSMLINT_FIXED: join(FIXTURES_DIR, `${fixture}-ok`, 'metadata.yaml'),
      CSMLINT_OUT: out,
    },
  });
  let result: NvimResult;
  try {
    result = JSON.parse(readFileSync(out, 'utf8')) as NvimResult;
  } catch {
    throw new Error(`Neovim wrote no result (status ${child.status}): ${child.stderr}${child.stdout}`);
  }
  expect(result.error, `Neovim: ${result.error}`).toBeUndefined();
  expect(child.status).toBe(0);
  return result;
}

/** The fixture's expected findings on metadata.yaml, in Neovim's 0-based shape (ASCII text: columns are bytes). */
function expectedOnMetadata(fixture: string) {
  const { diagnostics } = JSON.parse(readFileSync(join(FIXTURES_DIR, fixture, 'expected.json'), 'utf8')) as { diagnostics: ExpectedFinding[] };
  return diagnostics
    .filter((d) => d.file === 'metadata.yaml')
    .map((d) => ({
      code: d.ruleId, severity: d.severity,
      lnum: d.range.start.line - 1, col: d.range.start.column - 1, end_lnum: d.range.end.line - 1, end_col: d.range.end.column - 1,
    }));
}

describe('Neovim headless with its built-in LSP client', () => {
  it.each(['csm401-function-not-found', 'csm103-yaml11-boolean'])('%s: diagnostics appear, then clear when the file is fixed', (fixture) => {
    const result = runNeovim(fixture);
    expect(result.steps).toEqual(['started', 'broken', 'fixed', 'stopped']);
    expect(result.client).toMatchObject({ name: 'csmlint', offset_encoding: 'utf-16' });
    const broken = result.broken!.map((d) => ({
      code: d.code, severity: SEVERITY[d.severity], lnum: d.lnum, col: d.col, end_lnum: d.end_lnum, end_col: d.end_col,
    }));
    expect(broken).toEqual(expectedOnMetadata(fixture));
    expect(result.broken!.every((d) => d.source === 'csmlint' && d.message.length > 0)).toBe(true);
    expect(result.fixed).toEqual([]);
  });
});
