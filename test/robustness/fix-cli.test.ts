/**
 * `csmlint --fix` on disk: it writes exactly what the engine's `fixPackage` computes, atomically (a
 * temporary file renamed over the original: new inode, same mode, symbolic links kept, no temporary
 * file left), and leaves files untouched whenever a write fails.
 */
import { chmodSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixPackage, type Linter } from '@csmlint/core';
import { loadLinter } from 'csmlint';
import { CLI_BIN } from '../helpers/fixtures.js';
import { fixablePackage } from './support/fixable-packages.js';
import { makeTempDir, removeDir, VALID_CODE, writeFiles } from './support/packages-on-disk.js';
import { runProcess, type ProcessOutcome } from './support/run-process.js';

const FS_FAULTS = fileURLToPath(new URL('./support/fs-faults.cjs', import.meta.url));
const TIME_LIMIT_MS = 30_000;
const NOBODY = 65534;
const PACKAGES = 12;
const FILES = ['metadata.yaml', 'custom_metrics.py'] as const;

/** A package whose metadata has fixable findings (a snake_case key, a YAML 1.1 boolean, a qualified entry point). */
const FIXABLE_METADATA = 'metrics:\n  - name: weighted_mae  # main metric\n    label: Weighted MAE\n    entry_point: custom_metrics.weighted_mae\n    primaryMetric: yes\n';
/** Python 2 `print` (fixable) in an otherwise valid module. */
const FIXABLE_CODE = VALID_CODE.replace('    return total', '    print "total", total\n    return total');

let linter: Linter;
let root: string;

beforeAll(async () => {
  linter = await loadLinter();
  root = makeTempDir('fix');
  if (process.getuid?.() === 0) execFileSync('chown', [`${NOBODY}:${NOBODY}`, root]);
});

afterAll(() => removeDir(root));

interface CliOptions {
  env?: Record<string, string>;
  unprivileged?: boolean;
  input?: string;
}

function runCli(cwd: string, args: string[], options: CliOptions = {}): Promise<ProcessOutcome> {
  const asNobody = options.unprivileged && process.getuid?.() === 0;
  if (asNobody) execFileSync('chown', ['-R', '-h', `${NOBODY}:${NOBODY}`, cwd]);
  return runProcess(process.execPath, ['--require', FS_FAULTS, CLI_BIN, ...args], {
    cwd, timeoutMs: TIME_LIMIT_MS, input: options.input,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}),
  });
}

/** Every file under `dir` (symbolic links not followed) with its bytes, inode and mode. */
function snapshot(dir: string): Map<string, { bytes: Buffer; ino: number; mode: number; mtimeMs: number }> {
  const files = new Map<string, { bytes: Buffer; ino: number; mode: number; mtimeMs: number }>();
  const visit = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile()) {
        const info = statSync(path);
        files.set(relative(dir, path), { bytes: readFileSync(path), ino: info.ino, mode: info.mode, mtimeMs: info.mtimeMs });
      }
    }
  };
  visit(dir);
  return files;
}

const temporaryFiles = (dir: string) => [...snapshot(dir).keys()].filter((path) => /\.csmlint-.*\.tmp$/.test(path));

function expectUntouched(before: ReturnType<typeof snapshot>, dir: string, outcome: ProcessOutcome): void {
  const after = snapshot(dir);
  for (const [path, was] of before) {
    const now = after.get(path);
    expect(now?.bytes.equals(was.bytes), `${path} changed\n${outcome.stderr}`).toBe(true);
    expect(now?.ino, `${path} replaced`).toBe(was.ino);
  }
  expect([...after.keys()].filter((path) => !before.has(path)), 'files left behind').toEqual([]);
}

function expectNoStackTrace(outcome: ProcessOutcome): void {
  expect(outcome.timedOut).toBe(false);
  expect(outcome.signal).toBeNull();
  expect(outcome.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

describe('csmlint --fix on disk', () => {
  it(`writes exactly what fixPackage computes, atomically, for ${PACKAGES} generated packages`, async () => {
    const dir = join(root, 'generated');
    const samples = fc.sample(fixablePackage, { numRuns: PACKAGES, seed: 2026 });
    samples.forEach((texts, i) => writeFiles(dir, { [`p${i}/metadata.yaml`]: texts['metadata.yaml'], [`p${i}/custom_metrics.py`]: texts['custom_metrics.py'] }));
    chmodSync(join(dir, 'p0/metadata.yaml'), 0o640);
    const before = snapshot(dir);
    const outcome = await runCli(dir, ['--fix', '--format', 'json', '.']);
    expectNoStackTrace(outcome);
    expect([0, 1], outcome.stderr).toContain(outcome.code);
    const after = snapshot(dir);
    expect(temporaryFiles(dir)).toEqual([]);
    let changedFiles = 0;
    samples.forEach((_, i) => {
      const input = FILES.map((name) => ({ path: join(dir, `p${i}`, name), content: before.get(`p${i}/${name}`)!.bytes }));
      const expected = fixPackage(linter, input);
      for (const file of expected.files) {
        const path = relative(dir, file.path);
        const now = after.get(path)!;
        expect(now.bytes.equals(Buffer.from(file.content as Uint8Array)), `${path} differs from fixPackage`).toBe(true);
        const changed = expected.changed.includes(file.path);
        expect(now.ino !== before.get(path)!.ino, `${path} replaced iff changed`).toBe(changed);
        expect(now.mode).toBe(before.get(path)!.mode);
        if (changed) changedFiles++;
      }
    });
    expect(changedFiles).toBeGreaterThan(PACKAGES / 2);
  });

  it('--fix-dry-run prints a diff and changes nothing', async () => {
    const dir = join(root, 'dry-run');
    writeFiles(dir, { 'pkg/metadata.yaml': FIXABLE_METADATA, 'pkg/custom_metrics.py': FIXABLE_CODE });
    const before = snapshot(dir);
    const outcome = await runCli(dir, ['--fix-dry-run', 'pkg']);
    expectNoStackTrace(outcome);
    expect(outcome.stdout).toContain('+++ b/pkg/metadata.yaml');
    expectUntouched(before, dir, outcome);
  });

  it('a symbolic link keeps pointing at its target, which gets the fix', async () => {
    const dir = join(root, 'symlink');
    writeFiles(dir, { 'shared/real.yaml': FIXABLE_METADATA, 'pkg/custom_metrics.py': VALID_CODE });
    symlinkSync('../shared/real.yaml', join(dir, 'pkg/metadata.yaml'));
    const outcome = await runCli(dir, ['--fix', 'pkg']);
    expectNoStackTrace(outcome);
    expect(lstatSync(join(dir, 'pkg/metadata.yaml')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'pkg/metadata.yaml'))).toBe('../shared/real.yaml');
    expect(readFileSync(join(dir, 'shared/real.yaml'), 'utf8')).toContain('entryPoint: weighted_mae');
    expect(temporaryFiles(dir)).toEqual([]);
  });

  it('--stdin --fix prints the fixed text and writes nothing', async () => {
    const dir = join(root, 'stdin');
    writeFiles(dir, { 'pkg/custom_metrics.py': VALID_CODE });
    const before = snapshot(dir);
    const outcome = await runCli(dir, ['--stdin', '--stdin-filename', 'pkg/metadata.yaml', '--fix'], { input: FIXABLE_METADATA });
    expectNoStackTrace(outcome);
    expect(outcome.stdout).toContain('entryPoint: weighted_mae');
    expect(outcome.stdout).toContain('# main metric');
    expectUntouched(before, dir, outcome);
  });

  it('a file that is not UTF-8 is never written', async () => {
    const dir = join(root, 'binary');
    writeFiles(dir, { 'pkg/metadata.yaml': FIXABLE_METADATA, 'pkg/custom_metrics.py': Buffer.from([0x64, 0x65, 0x66, 0xff, 0xfe, 0x0a]) });
    const before = snapshot(dir);
    const outcome = await runCli(dir, ['--fix', 'pkg']);
    expectNoStackTrace(outcome);
    expect(snapshot(dir).get('pkg/custom_metrics.py')!.bytes.equals(before.get('pkg/custom_metrics.py')!.bytes)).toBe(true);
  });
});

describe.concurrent('csmlint --fix when writing fails: files untouched', () => {
  const failureCases: Array<{ name: string; options: (dir: string) => CliOptions; untouched: readonly string[]; fixed: readonly string[] }> = [
    { name: 'the temporary file cannot be written (ENOSPC)', options: () => ({ env: { CSMLINT_TEST_FAIL_WRITE: '.csmlint-:ENOSPC' } }), untouched: FILES, fixed: [] },
    { name: 'the rename over the original fails (EXDEV)', options: () => ({ env: { CSMLINT_TEST_FAIL_RENAME: 'pkg/:EXDEV' } }), untouched: FILES, fixed: [] },
    {
      name: 'the directory is read-only (unprivileged user)',
      options: (dir) => {
        chmodSync(join(dir, 'pkg'), 0o555);
        return { unprivileged: true };
      },
      untouched: FILES, fixed: [],
    },
    { name: 'only custom_metrics.py fails (EIO): metadata.yaml is still fixed', options: () => ({ env: { CSMLINT_TEST_FAIL_WRITE: '.custom_metrics.py.csmlint-:EIO' } }), untouched: ['custom_metrics.py'], fixed: ['metadata.yaml'] },
  ];

  it.each(failureCases.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, index) => {
    const dir = join(root, `failure-${index}`);
    mkdirSync(dir, { recursive: true });
    writeFiles(dir, { 'pkg/metadata.yaml': FIXABLE_METADATA, 'pkg/custom_metrics.py': FIXABLE_CODE });
    const before = snapshot(dir);
    const outcome = await runCli(dir, ['--fix', '--format', 'json', 'pkg'], c.options(dir));
    chmodSync(join(dir, 'pkg'), 0o755);
    expectNoStackTrace(outcome);
    expect(outcome.code, outcome.stderr).toBe(2);
    expect(outcome.stderr).toMatch(/could not write/);
    const after = snapshot(dir);
    for (const name of c.untouched) {
      expect(after.get(`pkg/${name}`)!.bytes.equals(before.get(`pkg/${name}`)!.bytes), `${name} changed`).toBe(true);
      expect(after.get(`pkg/${name}`)!.ino, `${name} replaced`).toBe(before.get(`pkg/${name}`)!.ino);
    }
    for (const name of c.fixed) expect(after.get(`pkg/${name}`)!.bytes.equals(before.get(`pkg/${name}`)!.bytes), `${name} not fixed`).toBe(false);
    expect(temporaryFiles(dir)).toEqual([]);
  });
});
