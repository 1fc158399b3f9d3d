/**
 * Safe fixes: core's fixed-point fixer (`fixPackage`), and `csmlint --fix` / `--fix-dry-run` on every
 * fixture. Each fixture with a safe fix has a `fixed/` folder holding the files `--fix` changes, as
 * they must come out (`UPDATE_FIXTURES=1` rewrites them: read the diff). A second `--fix` changes nothing.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync, copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync,
  symlinkSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyRangeEdits, fixPackage, type Linter, type PackageFileInput } from '@csmlint/core';
import { loadLinter } from 'csmlint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BIN, listFixtures } from './helpers/fixtures.js';

const update = process.env.UPDATE_FIXTURES === '1';
const PACKAGE_FILES = ['metadata.yaml', 'metadata.yml', 'custom_metrics.py'];
const CONFIG_FILES = ['.csmlint.yaml', 'pyproject.toml'];
const text = (content: PackageFileInput['content']) => (typeof content === 'string' ? content : new TextDecoder('utf-8', { ignoreBOM: true }).decode(content));
const range = (line: number, start: number, end = start) => ({ start: { line, character: start }, end: { line, character: end } });

let linter: Linter;
beforeAll(async () => {
  linter = await loadLinter();
});

describe('applyRangeEdits', () => {
  it('applies edits given in any order, keeping insertions at one point in order', () => {
    const edits = [
      { range: range(1, 0, 3), newText: 'BAR' },
      { range: range(0, 0), newText: '<' },
      { range: range(0, 0), newText: '<' },
      { range: range(0, 3), newText: '>' },
    ];
    expect(applyRangeEdits('foo\r\nbar\r\n', edits)).toBe('<<foo>\r\nBAR\r\n');
  });

  it('refuses overlapping edits', () => {
    expect(() => applyRangeEdits('abcdef', [{ range: range(0, 0, 3), newText: '' }, { range: range(0, 2, 4), newText: '' }])).toThrow(/overlapping/);
  });
});

describe('fixPackage', () => {
  const CODE = 'def rmse(y_true, y_pred, **kwargs) -> float:\n    return 0.0\n\n\ndef mae(y_true, y_pred, **kwargs) -> float:\n    return 0.0\n';

  it('fixes to a fixed point, keeping the BOM, CRLF line breaks, comments and key order', () => {
    const metadata = '\uFEFF# metrics of the churn model\r\nmetrics:\r\n  - name: rmse  # the primary one\r\n    label: RMSE\r\n    entry_point: custom_metrics.rmse\r\n    primary_metric: yes\r\n  - name: mae\r\n    label: MAE\r\n    entryPoint: mae\r\n    primaryMetric: false\r\n';
    const files = [{ path: 'metadata.yaml', content: new TextEncoder().encode(metadata) }, { path: 'custom_metrics.py', content: CODE }];
    const result = fixPackage(linter, files);
    expect(result.changed).toEqual(['metadata.yaml']);
    const fixed = text(result.files[0]!.content);
    expect(fixed).toBe(metadata.replace('entry_point: custom_metrics.rmse', 'entryPoint: rmse').replace('primary_metric: yes', 'primaryMetric: true'));
    expect(result.applied.map((a) => a.ruleId).sort()).toEqual(['CSM103', 'CSM213', 'CSM213', 'CSM306']);
    expect(result.converged).toBe(true);
    expect(result.files[1]!.content).toBe(CODE); // untouched files are handed back as they came
    expect(result.diagnostics.filter((d) => d.fix)).toEqual([]);
    const again = fixPackage(linter, result.files);
    expect(again.changed).toEqual([]);
    expect(again.applied).toEqual([]);
  });

  it('leaves a file unfixed when its fixed text would add an error, and says which', () => {
    const files = [
      { path: 'metadata.yaml', content: 'metrics:\n  - name: weighted_mae\n    label: W\n    entryPoint: wieghted_mae\n    primaryMetric: true\n' },
      { path: 'custom_metrics.py', content: 'def weighted_mae(y_true) -> float:\n    return 0.0\n' },
    ];
    const result = fixPackage(linter, files);
    expect(result.changed).toEqual([]);
    expect(result.files).toEqual(files);
    expect(result.rejected.map((r) => [r.file, r.newErrors.map((d) => d.ruleId)])).toEqual([['metadata.yaml', ['CSM410']]]);
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(linter.lint(files).diagnostics.map((d) => d.ruleId));
  });

  it('edits only the files it is allowed to', () => {
    const files = [
      { path: 'metadata.yaml', content: 'metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: yes\n' },
      { path: 'custom_metrics.py', content: 'async def rmse(y_true, y_pred, **kwargs) -> float:\n    return 0.0\n' },
    ];
    expect(fixPackage(linter, files).changed).toEqual(['metadata.yaml', 'custom_metrics.py']);
    expect(fixPackage(linter, files, { fixableFiles: ['custom_metrics.py'] }).changed).toEqual(['custom_metrics.py']);
  });
});

// ---------------------------------------------------------------------------------------------
// The CLI on a copy of every fixture, plus a few packages of our own: 3 CLI runs in all.

const fixtures = listFixtures();
const scratch = mkdtempSync(join(tmpdir(), 'csmlint-fix-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Packages beyond the fixtures: BOM + CRLF + file mode, a symbolic link, a fix that would add an error. */
const EXTRA = {
  'bom-crlf/metadata.yaml': '\uFEFFmetrics:\r\n  - name: rmse\r\n    label: RMSE\r\n    entryPoint: rmse\r\n    primary_metric: true  # keep me\r\n',
  'bom-crlf/custom_metrics.py': 'def rmse(y_true, y_pred, **kwargs) -> float:\r\n    return 0.0\r\n',
  'linked/real-metadata.yaml': 'metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: off\n',
  'linked/custom_metrics.py': 'def rmse(y_true, y_pred, **kwargs) -> float:\n    return 0.0\n',
  'refused/metadata.yaml': 'metrics:\n  - name: weighted_mae\n    label: W\n    entryPoint: wieghted_mae\n    primaryMetric: true\n',
  'refused/custom_metrics.py': 'def weighted_mae(y_true) -> float:\n    return 0.0\n',
};

function copyFixtures(root: string): void {
  for (const { name, dir } of fixtures) {
    mkdirSync(join(root, 'cases', name), { recursive: true });
    for (const file of [...PACKAGE_FILES, ...CONFIG_FILES]) {
      const from = join(dir, file);
      if (existsSync(from) && statSync(from).isFile()) copyFileSync(from, join(root, 'cases', name, file));
    }
  }
  for (const [path, content] of Object.entries(EXTRA)) {
    mkdirSync(join(root, 'extra', path, '..'), { recursive: true });
    writeFileSync(join(root, 'extra', path), content);
  }
  chmodSync(join(root, 'extra/bom-crlf/metadata.yaml'), 0o640);
  symlinkSync('real-metadata.yaml', join(root, 'extra/linked/metadata.yaml'));
}

function csmlint(cwd: string, ...args: string[]) {
  const child = spawnSync(process.execPath, [CLI_BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

const read = (path: string) => (existsSync(path) ? readFileSync(path) : undefined);
const pristine = join(scratch, 'pristine');
const dryRun = join(scratch, 'dry-run');
const fixedOnce = join(scratch, 'fixed');
let dry: ReturnType<typeof csmlint>;
let first: ReturnType<typeof csmlint>;
let second: ReturnType<typeof csmlint>;
const snapshotAfterFirst = new Map<string, Buffer | undefined>();

/** Package files of fixture `name` that `--fix` changed: file name → fixed content. */
function changedFiles(name: string): Map<string, Buffer> {
  const changed = new Map<string, Buffer>();
  for (const file of PACKAGE_FILES) {
    const after = read(join(fixedOnce, 'cases', name, file));
    const before = read(join(pristine, 'cases', name, file));
    if (after && before && !after.equals(before)) changed.set(file, after);
  }
  return changed;
}

beforeAll(() => {
  copyFixtures(pristine);
  cpSync(pristine, dryRun, { recursive: true, verbatimSymlinks: true });
  cpSync(pristine, fixedOnce, { recursive: true, verbatimSymlinks: true });
  dry = csmlint(dryRun, '--fix-dry-run', 'cases', 'extra');
  first = csmlint(fixedOnce, '--fix', '--format', 'json', 'cases', 'extra');
  for (const entry of readdirSync(join(fixedOnce, 'extra'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) snapshotAfterFirst.set(join(entry.parentPath, entry.name), readFileSync(join(entry.parentPath, entry.name)));
  }
  for (const { name } of fixtures) {
    for (const file of PACKAGE_FILES) snapshotAfterFirst.set(join(fixedOnce, 'cases', name, file), read(join(fixedOnce, 'cases', name, file)));
  }
  second = csmlint(fixedOnce, '--fix', 'cases', 'extra');
  if (update) writeFixedFolders();
});

/** UPDATE_FIXTURES=1: `fixed/` = the files `--fix` changed, for every fixture where it changed any. */
function writeFixedFolders(): void {
  for (const { name, dir } of fixtures) {
    rmSync(join(dir, 'fixed'), { recursive: true, force: true });
    const changed = changedFiles(name);
    if (changed.size === 0) continue;
    mkdirSync(join(dir, 'fixed'));
    for (const [file, content] of changed) writeFileSync(join(dir, 'fixed', file), content);
  }
}

describe('csmlint --fix on every fixture', () => {
  it('reports what is left, as JSON, after fixing', () => {
    expect(first.stdout.startsWith('{')).toBe(true);
    const report = JSON.parse(first.stdout) as { diagnostics: Array<{ file: string; fix?: unknown }> };
    const stillFixable = report.diagnostics.filter((d) => d.fix && !d.file.startsWith('extra/refused/'));
    expect(stillFixable).toEqual([]);
  });

  it('changes exactly the fixtures that have a fixed/ folder, into that form', () => {
    const withFixed = fixtures.filter((f) => existsSync(join(f.dir, 'fixed'))).map((f) => f.name);
    const changed = fixtures.filter((f) => changedFiles(f.name).size > 0).map((f) => f.name);
    expect(changed).toEqual(withFixed);
    expect(changed.length).toBeGreaterThanOrEqual(10);
    for (const name of changed) {
      const dir = join(fixtures.find((f) => f.name === name)!.dir, 'fixed');
      const expected = Object.fromEntries(readdirSync(dir).map((file) => [file, readFileSync(join(dir, file), 'utf8')]));
      const actual = Object.fromEntries([...changedFiles(name)].map(([file, content]) => [file, content.toString('utf8')]));
      expect(actual, name).toEqual(expected);
    }
  });

  it('changes nothing the second time', () => {
    for (const [path, content] of snapshotAfterFirst) expect(read(path), path).toEqual(content);
    expect(second.stderr).not.toMatch(/fixed \d+ problem/);
  });

  it('says what it fixed, and which file it left alone because fixing it would add an error', () => {
    expect(first.stderr).toMatch(/^csmlint: fixed \d+ problems in \d+ files \(.*CSM213 snake-case-field ×\d.*\)$/m);
    expect(first.stderr).toMatch(/^csmlint: left extra\/refused\/metadata\.yaml unfixed: its fixes would add 1 error \(CSM410 too-few-parameters at extra\/refused\/custom_metrics\.py:1:5\)$/m);
    expect(read(join(fixedOnce, 'extra/refused/metadata.yaml'))!.toString()).toBe(EXTRA['refused/metadata.yaml']);
  });

  it('keeps the BOM, CRLF line breaks, comments and the file mode; writes through a symbolic link', () => {
    const bom = join(fixedOnce, 'extra/bom-crlf/metadata.yaml');
    expect(readFileSync(bom, 'utf8')).toBe(EXTRA['bom-crlf/metadata.yaml'].replace('primary_metric', 'primaryMetric'));
    expect(statSync(bom).mode & 0o777).toBe(0o640);
    const link = join(fixedOnce, 'extra/linked/metadata.yaml');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('real-metadata.yaml');
    expect(readFileSync(join(fixedOnce, 'extra/linked/real-metadata.yaml'), 'utf8')).toContain('primaryMetric: false');
    expect(readdirSync(join(fixedOnce, 'extra/linked'))).toEqual(['custom_metrics.py', 'metadata.yaml', 'real-metadata.yaml']); // no temporary file left
  });
});

describe('csmlint --fix-dry-run', () => {
  it('changes no file', () => {
    for (const { name } of fixtures) {
      for (const file of PACKAGE_FILES) expect(read(join(dryRun, 'cases', name, file)), `${name}/${file}`).toEqual(read(join(pristine, 'cases', name, file)));
    }
  });

  it('prints a unified diff that turns the files into what --fix writes', () => {
    expect(dry.stdout).toMatch(/^--- a\/cases\/csm213-snake-case-field\/metadata\.yaml\n\+\+\+ b\/cases\/csm213-snake-case-field\/metadata\.yaml\n@@ /m);
    expect(dry.stderr).toMatch(/^csmlint: would fix \d+ problems in \d+ files/m);
    const patched = join(scratch, 'patched');
    cpSync(pristine, patched, { recursive: true, verbatimSymlinks: true });
    const apply = spawnSync('git', ['apply', '--exclude=extra/linked/*', '-p1', '-'], { cwd: patched, input: dry.stdout, encoding: 'utf8' });
    expect(apply.stderr).toBe('');
    for (const { name } of fixtures) {
      for (const file of PACKAGE_FILES) expect(read(join(patched, 'cases', name, file)), `${name}/${file}`).toEqual(read(join(fixedOnce, 'cases', name, file)));
    }
  });
});
