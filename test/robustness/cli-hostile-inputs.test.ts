/**
 * Hostile inputs through the real CLI binary (`csmlint --format json`, a child process with a time
 * limit and sampled memory): one expected outcome per row. Every row also checks the common
 * contract: it ends in time, below the memory cap, with no stack trace and at most one stderr line.
 */
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LineIndex } from '@csmlint/core';
import { CLI_BIN } from '../helpers/fixtures.js';
import { rangeProblem } from './support/bounds.js';
import { VALID_CODE, VALID_METADATA, makeTempDir, removeDir, writeFiles, writeValidPackage } from './support/packages-on-disk.js';
import { runProcess, type ProcessOutcome } from './support/run-process.js';

const FS_FAULTS = fileURLToPath(new URL('./support/fs-faults.cjs', import.meta.url));
const TIME_LIMIT_MS = 10_000;
const MEMORY_LIMIT_MIB = 400;
const NOBODY = 65534;

/** What a row must produce. */
type Expected =
  /** Exit code `exit` and a finding of `ruleId` in `file` (at `line:column`, 1-based, when given). */
  | { finding: string; file: string; exit: 0 | 1 | 2; at?: [line: number, column: number] }
  /** Exit 0: no error-severity finding. */
  | { clean: true; packages?: number }
  /** Exit 2 with exactly one line on stderr (the tool could not do its job). */
  | { usageError: RegExp };

interface HostileCase {
  name: string;
  /** Creates the input under `dir`; returns the CLI arguments after `--format json` (paths relative to `dir`). */
  setup(dir: string): string[];
  expected: Expected;
  /** Runs the CLI as an unprivileged user (so a permission bit stops it even when the tests run as root). */
  unprivileged?: boolean;
  /** Deletes this file (relative to `dir`) just before the CLI reads it. */
  deleteOnRead?: string;
  stdin?: Uint8Array;
}

const repeat = (text: string, times: number) => text.repeat(times);
const metadataWithEntryPoint = (entryPoint: string) => VALID_METADATA.replace('entryPoint: weighted_mae', `entryPoint: ${entryPoint}`);

const billionLaughs = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${repeat(`*${'abcdefghi'[i]}, `, 8)}*${'abcdefghi'[i]}]`),
  'metrics: *i',
].join('\n');

const CASES: HostileCase[] = [
  {
    name: 'a 50 MB metadata.yaml',
    setup: (dir) => {
      writeValidPackage(dir, 'pkg', { 'metadata.yaml': VALID_METADATA + `# ${repeat('x', 50 * 1024 * 1024)}\n` });
      return ['pkg'];
    },
    expected: { finding: 'CSM005', file: 'pkg/metadata.yaml', exit: 1 },
  },
  {
    name: 'binary data as custom_metrics.py',
    setup: (dir) => {
      writeValidPackage(dir, 'pkg', { 'custom_metrics.py': Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256) });
      return ['pkg'];
    },
    expected: { finding: 'CSM004', file: 'pkg/custom_metrics.py', exit: 1 },
  },
  {
    name: 'invalid UTF-8 in metadata.yaml',
    setup: (dir) => {
      const bytes = Buffer.concat([Buffer.from(VALID_METADATA), Buffer.from('    description: caf'), Buffer.from([0xe9, 0xff, 0x0a])]);
      writeValidPackage(dir, 'pkg', { 'metadata.yaml': bytes });
      return ['pkg'];
    },
    expected: { finding: 'CSM004', file: 'pkg/metadata.yaml', exit: 1 },
  },
  {
    name: 'NUL bytes in custom_metrics.py',
    setup: (dir) => {
      writeValidPackage(dir, 'pkg', { 'custom_metrics.py': VALID_CODE + '\0\0\0# trailing\n' });
      return ['pkg'];
    },
    expected: { finding: 'CSM004', file: 'pkg/custom_metrics.py', exit: 1 },
  },
  {
    name: 'UTF-16 (with BOM) metadata.yaml',
    setup: (dir) => {
      writeValidPackage(dir, 'pkg', { 'metadata.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(VALID_METADATA, 'utf16le')]) });
      return ['pkg'];
    },
    expected: { finding: 'CSM004', file: 'pkg/metadata.yaml', exit: 1 },
  },
  {
    name: 'UTF-16 (no BOM) custom_metrics.py',
    setup: (dir) => {
      writeValidPackage(dir, 'pkg', { 'custom_metrics.py': Buffer.from(VALID_CODE, 'utf16le') });
      return ['pkg'];
    },
    expected: { finding: 'CSM004', file: 'pkg/custom_metrics.py', exit: 1 },
  },
  {
    name: 'a UTF-8 BOM (tolerated with a warning)',
    setup: (dir) => {
      writeValidPackage(dir, 'pkg', { 'metadata.yaml': '\ufeff' + VALID_METADATA });
      return ['pkg'];
    },
    expected: { finding: 'CSM004', file: 'pkg/metadata.yaml', exit: 0 },
  },
  {
    name: 'an alias bomb (billion laughs)',
    setup: (dir) => {
      writeValidPackage(dir, 'pkg', { 'metadata.yaml': billionLaughs });
      return ['pkg'];
    },
    expected: { finding: 'CSM105', file: 'pkg/metadata.yaml', exit: 1 },
  },
  {
    name: '10,000-deep flow nesting in metadata.yaml',
    setup: (dir) => {
      writeValidPackage(dir, 'pkg', { 'metadata.yaml': `metrics: ${repeat('[', 10_000)}${repeat(']', 10_000)}\n` });
      return ['pkg'];
    },
    expected: { finding: 'CSM100', file: 'pkg/metadata.yaml', exit: 1 },
  },
  {
    name: '10,000-deep block nesting in metadata.yaml',
    setup: (dir) => {
      writeValidPackage(dir, 'pkg', { 'metadata.yaml': `metrics:\n  ${repeat('- ', 10_000)}x\n` });
      return ['pkg'];
    },
    expected: { finding: 'CSM100', file: 'pkg/metadata.yaml', exit: 1 },
  },
  {
    name: '10,000-deep nesting in custom_metrics.py (tree-sitter parses it; not our syntax check)',
    setup: (dir) => {
      writeValidPackage(dir, 'pkg', { 'custom_metrics.py': `${VALID_CODE}\n_deep = ${repeat('[', 10_000)}${repeat(']', 10_000)}\n` });
      return ['pkg'];
    },
    expected: { clean: true },
  },
  {
    name: '100,000 metrics',
    setup: (dir) => {
      writeValidPackage(dir, 'pkg', { 'metadata.yaml': `metrics:\n${repeat('  - {}\n', 100_000)}` });
      return ['pkg'];
    },
    expected: { finding: 'CSM203', file: 'pkg/metadata.yaml', exit: 1, at: [1, 1] },
  },
  {
    name: 'a 1 MB single line in metadata.yaml',
    setup: (dir) => {
      writeValidPackage(dir, 'pkg', { 'metadata.yaml': `${VALID_METADATA}    description: ${repeat('long ', 200_000)}\n` });
      return ['pkg'];
    },
    expected: { clean: true },
  },
  {
    name: 'a 1 MB single line in custom_metrics.py',
    setup: (dir) => {
      writeValidPackage(dir, 'pkg', { 'custom_metrics.py': `${VALID_CODE}# ${repeat('é', 500_000)}\n` });
      return ['pkg'];
    },
    expected: { clean: true },
  },
  {
    name: 'mixed CRLF/LF line ends: the finding is still at the right line and column',
    setup: (dir) => {
      const lines = metadataWithEntryPoint('wieghted_mae').split('\n');
      const mixed = lines.map((line, i) => line + (i === lines.length - 1 ? '' : ['\r\n', '\n'][i % 2])).join('');
      writeValidPackage(dir, 'pkg', { 'metadata.yaml': mixed, 'custom_metrics.py': VALID_CODE.replace(/\n/g, '\r\n') });
      return ['pkg'];
    },
    expected: { finding: 'CSM401', file: 'pkg/metadata.yaml', exit: 1, at: [4, 17] },
  },
  {
    // YAML 1.2 counts a lone CR as a line break (yaml 2.9.1 does not; the model reads it as LF).
    name: 'a lone CR line end (classic Mac) in metadata.yaml: read as a line break, lints clean',
    setup: (dir) => {
      writeValidPackage(dir, 'pkg', { 'metadata.yaml': VALID_METADATA.replace('primaryMetric: true\n', 'primaryMetric: true\r') });
      return ['pkg'];
    },
    expected: { clean: true },
  },
  {
    name: 'a symlink loop in the directory walk',
    setup: (dir) => {
      writeValidPackage(dir, 'pkgs/a');
      symlinkSync('..', join(dir, 'pkgs/a/parent'));
      symlinkSync('.', join(dir, 'pkgs/self'));
      mkdirSync(join(dir, 'pkgs/b'));
      symlinkSync('../c', join(dir, 'pkgs/b/to-c'));
      symlinkSync('../b', join(dir, 'pkgs/c'));
      return ['.'];
    },
    expected: { clean: true, packages: 1 },
  },
  {
    name: 'a dangling symlink elsewhere in the directory walk',
    setup: (dir) => {
      writeValidPackage(dir, 'pkg');
      symlinkSync('does-not-exist', join(dir, 'pkg/notes'));
      symlinkSync('/nonexistent/dir', join(dir, 'elsewhere'));
      return ['.'];
    },
    expected: { clean: true, packages: 1 },
  },
  {
    name: 'a dangling symlink as custom_metrics.py: the file is absent',
    setup: (dir) => {
      writeFiles(dir, { 'pkg/metadata.yaml': VALID_METADATA });
      symlinkSync('gone.py', join(dir, 'pkg/custom_metrics.py'));
      return ['pkg'];
    },
    expected: { finding: 'CSM001', file: 'pkg/metadata.yaml', exit: 1 },
  },
  {
    name: 'a permission-denied custom_metrics.py (CLI run as an unprivileged user)',
    setup: (dir) => {
      writeValidPackage(dir, 'pkg');
      chmodSync(join(dir, 'pkg/custom_metrics.py'), 0o000);
      return ['pkg'];
    },
    unprivileged: true,
    expected: { finding: 'CSM006', file: 'pkg/custom_metrics.py', exit: 2 },
  },
  {
    name: 'a directory where custom_metrics.py is expected',
    setup: (dir) => {
      writeFiles(dir, { 'pkg/metadata.yaml': VALID_METADATA });
      mkdirSync(join(dir, 'pkg/custom_metrics.py'));
      return ['pkg'];
    },
    expected: { finding: 'CSM006', file: 'pkg/custom_metrics.py', exit: 2 },
  },
  {
    name: 'a FIFO as custom_metrics.py (reading it would block forever)',
    setup: (dir) => {
      writeFiles(dir, { 'pkg/metadata.yaml': VALID_METADATA });
      execFileSync('mkfifo', [join(dir, 'pkg/custom_metrics.py')]);
      return ['pkg'];
    },
    expected: { finding: 'CSM006', file: 'pkg/custom_metrics.py', exit: 2 },
  },
  {
    name: 'a FIFO elsewhere in the directory walk (never opened)',
    setup: (dir) => {
      writeValidPackage(dir, 'pkg');
      execFileSync('mkfifo', [join(dir, 'pkg/notes.yaml')]);
      return ['.'];
    },
    expected: { clean: true, packages: 1 },
  },
  {
    name: 'custom_metrics.py deleted between discovery and reading: the file is absent',
    setup: (dir) => {
      writeValidPackage(dir, 'pkg');
      return ['pkg'];
    },
    deleteOnRead: 'pkg/custom_metrics.py',
    expected: { finding: 'CSM001', file: 'pkg/metadata.yaml', exit: 1 },
  },
  {
    name: 'a path that does not exist',
    setup: () => ['no/such/dir'],
    expected: { usageError: /no\/such\/dir/ },
  },
  {
    name: 'an alias bomb in .csmlint.yaml',
    setup: (dir) => {
      writeValidPackage(dir, 'pkg');
      writeFiles(dir, { '.csmlint.yaml': billionLaughs.replace('metrics: *i', 'rules: *i') });
      return ['pkg'];
    },
    expected: { finding: 'CSM901', file: '.csmlint.yaml', exit: 2 },
  },
  {
    name: 'a binary pyproject.toml (no [tool.csmlint]: not our config)',
    setup: (dir) => {
      writeValidPackage(dir, 'pkg');
      writeFiles(dir, { 'pyproject.toml': Uint8Array.from({ length: 2048 }, (_, i) => (i * 31 + 7) % 256) });
      return ['pkg'];
    },
    expected: { clean: true },
  },
  {
    name: 'a [tool.csmlint] pyproject.toml with broken TOML and invalid UTF-8',
    setup: (dir) => {
      writeValidPackage(dir, 'pkg');
      writeFiles(dir, { 'pyproject.toml': Buffer.concat([Buffer.from('[tool.csmlint]\nrules = { CSM401 = "off"\n'), Buffer.from([0xff, 0xfe, 0x00]), Buffer.from('x = [[[\n')]) });
      return ['pkg'];
    },
    expected: { finding: 'CSM901', file: 'pyproject.toml', exit: 2 },
  },
  {
    name: 'two empty files',
    setup: (dir) => {
      writeValidPackage(dir, 'pkg', { 'metadata.yaml': '', 'custom_metrics.py': '' });
      return ['pkg'];
    },
    expected: { finding: 'CSM201', file: 'pkg/metadata.yaml', exit: 1 },
  },
  {
    name: 'binary data on --stdin',
    setup: (dir) => {
      writeFiles(dir, { 'pkg/metadata.yaml': VALID_METADATA });
      return ['--stdin', '--stdin-filename', 'pkg/custom_metrics.py'];
    },
    stdin: Uint8Array.from({ length: 4096 }, (_, i) => (i * 131 + 1) % 256),
    expected: { finding: 'CSM004', file: 'pkg/custom_metrics.py', exit: 1 },
  },
];

type OneBased = { line: number; column: number };

interface JsonReport {
  version: number;
  diagnostics: Array<{ file: string; ruleId: string; severity: string; range: { start: OneBased; end: OneBased } }>;
  summary: { packages: number; errors: number };
}

/** Findings whose 1-based range is not inside their file (decoded leniently: a config file need not be valid UTF-8 to be reported on). */
function outOfBounds(report: JsonReport, dir: string): string[] {
  return report.diagnostics.flatMap((d) => {
    const path = join(dir, d.file);
    const isFile = existsSync(path) && statSync(path).isFile();
    const lines = new LineIndex(isFile ? new TextDecoder().decode(readFileSync(path)) : '');
    const problem = rangeProblem({
      start: { line: d.range.start.line - 1, character: d.range.start.column - 1 },
      end: { line: d.range.end.line - 1, character: d.range.end.column - 1 },
    }, lines);
    return problem ? [`${d.ruleId} ${d.file}: ${problem}`] : [];
  });
}

const root = makeTempDir('hostile');

beforeAll(() => {
  if (process.getuid?.() === 0) chownSync(root, NOBODY, NOBODY);
});

afterAll(() => removeDir(root));

async function runCase(c: HostileCase, index: number): Promise<ProcessOutcome> {
  const dir = join(root, String(index));
  mkdirSync(dir);
  const args = c.setup(dir);
  const asNobody = c.unprivileged && process.getuid?.() === 0;
  if (asNobody) execFileSync('chown', ['-R', '-h', `${NOBODY}:${NOBODY}`, dir]);
  const preload = c.deleteOnRead ? ['--require', FS_FAULTS] : [];
  const env = { ...process.env, NO_COLOR: '1', ...(c.deleteOnRead ? { CSMLINT_TEST_DELETE_ON_READ: join(dir, c.deleteOnRead) } : {}) };
  return runProcess(process.execPath, [...preload, CLI_BIN, '--format', 'json', ...args], {
    cwd: dir, env, timeoutMs: TIME_LIMIT_MS, input: c.stdin,
    ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}),
  });
}

function stderrLines(outcome: ProcessOutcome): string[] {
  return outcome.stderr.split('\n').filter((line) => line.trim() !== '');
}

// Rows run concurrently (vitest's default: 5 at a time): each is a child process, and the limits are generous.
describe.concurrent('hostile inputs through the CLI', () => {
  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, index) => {
    const outcome = await runCase(c, index);
    const context = `exit ${outcome.code} signal ${outcome.signal}\nstderr: ${outcome.stderr.slice(0, 2000)}\nstdout: ${outcome.stdout.slice(0, 2000)}`;
    expect(outcome.timedOut, `timed out after ${TIME_LIMIT_MS} ms\n${context}`).toBe(false);
    expect(outcome.signal, context).toBeNull();
    expect(outcome.peakRssMiB, context).toBeLessThan(MEMORY_LIMIT_MIB);
    expect(outcome.stderr, 'no stack trace').not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(stderrLines(outcome).length, context).toBeLessThanOrEqual(1);

    if ('usageError' in c.expected) {
      expect(outcome.code, context).toBe(2);
      expect(stderrLines(outcome), context).toHaveLength(1);
      expect(outcome.stderr).toMatch(c.expected.usageError);
      return;
    }
    const report = JSON.parse(outcome.stdout) as JsonReport;
    expect(report.version).toBe(1);
    expect(outOfBounds(report, join(root, String(index)))).toEqual([]);
    if ('clean' in c.expected) {
      expect(outcome.code, context).toBe(0);
      expect(report.diagnostics.filter((d) => d.severity === 'error'), context).toEqual([]);
      if (c.expected.packages !== undefined) expect(report.summary.packages).toBe(c.expected.packages);
      return;
    }
    const { finding, file, exit, at } = c.expected;
    expect(outcome.code, context).toBe(exit);
    const match = report.diagnostics.find((d) => d.ruleId === finding && d.file === file);
    expect(match, `${finding} on ${file}\n${context}`).toBeDefined();
    if (at) expect([match!.range.start.line, match!.range.start.column]).toEqual(at);
  });
});
