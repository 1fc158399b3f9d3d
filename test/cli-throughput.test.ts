/**
 * The CLI over many packages (issue #5): linting on worker threads gives exactly the serial run's
 * result, reading takes only the files discovery listed and never blocks on a FIFO, and a directory
 * named on the command line is linted even inside an ignored folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { discoverPackages, lintPaths, readPackageFiles, type JsonReport, type LintRunOptions } from 'csmlint';
import { afterAll, describe, expect, it } from 'vitest';
import { lintInParallel } from '../packages/cli/dist/parallel-lint.js';
import { lintThreadCount, PACKAGES_PER_THREAD } from '../packages/cli/src/thread-count.js';
import { makeTree, runCli, VALID_CODE, VALID_METADATA, WARNING_METADATA, type CliResult } from './helpers/cli.js';
import { FIXTURES_DIR, REPO_ROOT } from './helpers/fixtures.js';

/** Forty packages of every kind: clean, warnings, errors with fixes, unreadable files, a bad config, two configs. */
function manyPackages(): string {
  const files: Record<string, string> = {
    'team-a/.csmlint.yaml': 'rules:\n  unused-suppression: error\n',
    'team-b/.csmlint.yaml': 'rules:\n  CSM204: off\nrulez: {}\n',
    'team-b/pkg/metadata.yaml': VALID_METADATA,
    'team-b/pkg/custom_metrics.py': VALID_CODE,
    'odd/both/metadata.yaml': VALID_METADATA,
    'odd/both/metadata.yml': VALID_METADATA,
    'odd/both/custom_metrics.py': VALID_CODE,
    'odd/code-only/custom_metrics.py': VALID_CODE,
    'odd/dir-as-file/metadata.yaml': VALID_METADATA,
    'odd/dir-as-file/custom_metrics.py/README': 'a directory where a file should be\n',
    'odd/fifo/metadata.yaml': VALID_METADATA,
  };
  for (let i = 0; i < 36; i++) {
    const dir = `team-${'acd'[i % 3]}/pkg-${String(i).padStart(2, '0')}`;
    const kind = i % 4;
    const metadataName = i % 5 === 0 ? 'metadata.yml' : 'metadata.yaml';
    files[`${dir}/${metadataName}`] =
      kind === 0 ? VALID_METADATA : kind === 1 ? WARNING_METADATA : kind === 2 ? VALID_METADATA.replace('entryPoint: weighted_mae', 'entryPoint: wieghted_mae') : 'metrics: [\n';
    if (i % 7 !== 6) files[`${dir}/custom_metrics.py`] = VALID_CODE;
  }
  const root = makeTree(files);
  execFileSync('mkfifo', [join(root, 'odd/fifo/custom_metrics.py')]);
  return root;
}

const tree = manyPackages();
afterAll(() => rmSync(tree, { recursive: true, force: true }));

const json = (result: CliResult) => JSON.parse(result.stdout) as JsonReport;

describe('worker threads', () => {
  const runs = (options: Omit<LintRunOptions, 'threads'>) =>
    Promise.all([lintPaths({ ...options, threads: 1 }), lintPaths({ ...options, threads: 2 }), lintPaths({ ...options, threads: 3 })]);

  it('give the serial result, in the same order: every fixture', async () => {
    const [serial, two, three] = await runs({ paths: [FIXTURES_DIR], cwd: REPO_ROOT });
    expect(serial.packages).toBeGreaterThan(100);
    expect(serial.diagnostics.length).toBeGreaterThan(100);
    expect(two).toStrictEqual(serial);
    expect(three).toStrictEqual(serial);
  });

  it('give the serial result, in the same order: unreadable files, FIFOs, bad and overriding configs', async () => {
    const [serial, two, three] = await runs({ paths: ['.'], cwd: tree, rules: { CSM900: 'info' } });
    expect(serial.failures.length).toBeGreaterThan(1);
    expect(new Set(serial.diagnostics.map((d) => d.ruleId))).toEqual(new Set(['CSM001', 'CSM002', 'CSM003', 'CSM006', 'CSM100', 'CSM307', 'CSM401', 'CSM900', 'CSM901']));
    expect(two).toStrictEqual(serial);
    expect(three).toStrictEqual(serial);
  });

  it('really lint on the workers, and run the execution check there', async () => {
    const dirs = ['run-valid-regression', 'run-csm501-crash', 'run-csm502-non-finite', 'csm401-function-not-found'].map((name) => join(FIXTURES_DIR, name));
    const [serial, parallel] = await runs({ paths: dirs, cwd: REPO_ROOT, run: true });
    expect(serial.diagnostics.map((d) => d.ruleId)).toEqual(expect.arrayContaining(['CSM501', 'CSM502']));
    expect(parallel).toStrictEqual(serial);
    const { packages } = await discoverPackages([FIXTURES_DIR]);
    const jobs = packages.map((dir) => ({ dir, options: {} }));
    const { outcomes, lintedByWorkers } = await lintInParallel(jobs, 2, REPO_ROOT);
    expect(outcomes).toHaveLength(jobs.length);
    expect(lintedByWorkers).toBeGreaterThan(0);
  });

  it('print the same report through the CLI, whatever CSMLINT_WORKERS says', async () => {
    for (const format of ['json', 'stylish']) {
      const run = (workers: string) => runCli(['.', '--format', format], { cwd: tree, env: { CSMLINT_WORKERS: workers } });
      const [serial, two, four] = await Promise.all([run('1'), run('2'), run('4')]);
      expect(serial.code).toBe(2);
      expect(two).toEqual(serial);
      expect(four).toEqual(serial);
    }
    expect(json(await runCli(['.', '--format', 'json'], { cwd: tree, env: { CSMLINT_WORKERS: '2' } })).summary.packages).toBe(41);
  });

  it('rejects a CSMLINT_WORKERS that is no whole number, in one line', async () => {
    for (const value of ['two', '0', '-1', '1.5']) {
      const result = await runCli(['.'], { cwd: tree, env: { CSMLINT_WORKERS: value } });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^csmlint: `CSMLINT_WORKERS` must be a whole number[^\n]*\n$/);
    }
  });

  it('are used only for large runs, and never more than packages, idle CPUs or CPUs', () => {
    const cpuCount = availableParallelism();
    const idle = { idleCpus: cpuCount - 1 };
    expect(lintThreadCount(1, idle)).toBe(1);
    expect(lintThreadCount(2 * PACKAGES_PER_THREAD - 1, idle)).toBe(1);
    expect(lintThreadCount(2 * PACKAGES_PER_THREAD, idle)).toBe(Math.min(cpuCount, 2));
    expect(lintThreadCount(100_000, idle)).toBe(Math.min(cpuCount, 8));
    expect(lintThreadCount(100_000, { idleCpus: 0.3 })).toBe(1);
    expect(lintThreadCount(100_000, { idleCpus: 0.8 })).toBe(Math.min(cpuCount, 2));
    expect(lintThreadCount(100_000, { requested: 1, ...idle })).toBe(1);
    expect(lintThreadCount(3, { requested: 8, idleCpus: 0 })).toBe(3);
    expect(lintThreadCount(100, { requested: 2 })).toBe(2);
  });
});

describe('reading package files', () => {
  it('reads only the names discovery listed, in the usual order', () => {
    const dir = join(tree, 'odd/both');
    expect(readPackageFiles(dir).files.map((f) => f.path)).toEqual(['metadata.yaml', 'metadata.yml', 'custom_metrics.py'].map((n) => join(dir, n)));
    expect(readPackageFiles(dir, ['custom_metrics.py', 'metadata.yml']).files.map((f) => f.path)).toEqual([join(dir, 'metadata.yml'), join(dir, 'custom_metrics.py')]);
  });

  it('reports a FIFO or a directory as CSM006 without opening it for reading', () => {
    const fifo = readPackageFiles(join(tree, 'odd/fifo'));
    expect(fifo.files.map((f) => f.path)).toEqual([join(tree, 'odd/fifo/metadata.yaml')]);
    expect(fifo.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([
      ['CSM006', 'Cannot read `custom_metrics.py`: it is a named pipe (FIFO), not a regular file; check that the file exists and is readable.'],
    ]);
    const directory = readPackageFiles(join(tree, 'odd/dir-as-file'));
    expect(directory.diagnostics.map((d) => [d.ruleId, d.data?.name])).toEqual([['CSM006', 'custom_metrics.py']]);
    expect(directory.diagnostics[0]!.message).toContain('is a directory');
  });

  it('treats a file deleted after discovery as absent', () => {
    expect(readPackageFiles(join(tree, 'odd/code-only'), ['metadata.yaml', 'custom_metrics.py']).files).toHaveLength(1);
  });
});

describe('a directory named on the command line inside an ignored folder', () => {
  const repo = makeTree({
    '.gitignore': 'build/\ngenerated/\n',
    '.csmlint.yaml': 'exclude:\n  - legacy/\n',
    'ok/metadata.yaml': VALID_METADATA,
    'ok/custom_metrics.py': VALID_CODE,
    'build/out/metadata.yaml': WARNING_METADATA,
    'build/out/custom_metrics.py': VALID_CODE,
    'build/out/generated/metadata.yaml': 'metrics: [\n',
    'legacy/old/metadata.yaml': WARNING_METADATA,
    'legacy/old/custom_metrics.py': VALID_CODE,
  });
  mkdirSync(join(repo, '.git'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const filesOf = async (...paths: string[]) => [...new Set(json(await runCli([...paths, '--format', 'json'], { cwd: repo })).diagnostics.map((d) => d.file))];

  it('is skipped by a walk from above', async () => {
    const result = await runCli(['.', '--format', 'json'], { cwd: repo });
    expect(json(result).summary.packages).toBe(1);
  });

  it('is linted, like a named package file; the patterns still apply inside it', async () => {
    expect(await filesOf('build/out')).toEqual(['build/out/metadata.yaml']);
    expect(await filesOf('build')).toEqual(['build/out/metadata.yaml']);
    expect(await filesOf('build/out/generated')).toEqual(['build/out/generated/metadata.yaml']);
  });

  it('is linted when the config excludes it', async () => {
    expect(await filesOf('legacy/old')).toEqual(['legacy/old/metadata.yaml']);
    expect(await filesOf('legacy', 'ok')).toEqual(['legacy/old/metadata.yaml']);
  });
});
