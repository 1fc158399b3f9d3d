/**
 * `csmlint init [dir]` (a starter package that lints clean, never over existing files) and
 * `csmlint preview [dir]` (the `metrics` array the server would store, defaults applied).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonReport } from 'csmlint';
import { afterAll, describe, expect, it } from 'vitest';
import { STARTER_CODE, STARTER_METADATA } from '../packages/cli/src/commands/init.js';
import { makeTree, runCli } from './helpers/cli.js';
import { FIXTURES_DIR } from './helpers/fixtures.js';

const root = makeTree({ 'taken/metadata.yml': 'metrics: []\n', 'notes/README.md': 'not a package\n' });
afterAll(() => rmSync(root, { recursive: true, force: true }));
const csmlint = (...args: string[]) => runCli(args, { cwd: root });

describe('csmlint init', () => {
  it('writes a starter package that lints clean, without even a hint', async () => {
    const init = await csmlint('init', 'metrics/churn');
    expect(init).toMatchObject({ code: 0, stderr: '' });
    expect(init.stdout).toBe(
      'Created metrics/churn/metadata.yaml and metrics/churn/custom_metrics.py.\n' +
        'Check them with `csmlint metrics/churn`; see the metrics the server would store with `csmlint preview metrics/churn`.\n',
    );
    expect(readFileSync(join(root, 'metrics/churn/metadata.yaml'), 'utf8')).toBe(STARTER_METADATA);
    expect(readFileSync(join(root, 'metrics/churn/custom_metrics.py'), 'utf8')).toBe(STARTER_CODE);
    const lint = await csmlint('metrics/churn', '--format', 'json');
    expect(lint.code).toBe(0);
    expect((JSON.parse(lint.stdout) as JsonReport).diagnostics).toEqual([]); // no hint or info either
  });

  it('declares two metrics, one primary, each function with a docstring and the convention signature', () => {
    expect(STARTER_METADATA.match(/^ {2}- name: /gm)).toHaveLength(2);
    expect(STARTER_METADATA.match(/primaryMetric: true/g)).toHaveLength(1);
    expect(STARTER_CODE).toMatch(/def weighted_mae\(y_true, y_pred, sample_weight=None, \*\*kwargs\) -> float:\n {4}"""/);
    expect(STARTER_CODE).toMatch(/def max_abs_error\(y_true, y_pred, \*\*kwargs\) -> float:\n {4}"""/);
  });

  it('refuses to write where a package file exists: one line, exit 2, nothing written', async () => {
    const result = await csmlint('init', 'taken');
    expect(result).toMatchObject({ code: 2, stdout: '', stderr: 'csmlint: `taken/metadata.yml` already exists; `csmlint init` never overwrites files\n' });
    expect(existsSync(join(root, 'taken/metadata.yaml'))).toBe(false);
    expect(existsSync(join(root, 'taken/custom_metrics.py'))).toBe(false);
  });
});

describe('csmlint preview', () => {
  it('prints the metrics of a valid package with the API defaults applied', async () => {
    const result = await runCli(['preview', 'valid-regression'], { cwd: FIXTURES_DIR });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual([
      { name: 'rmse', label: 'RMSE', entryPoint: 'rmse', primaryMetric: true, description: 'Root mean squared error, in dollars', lowerIsBetter: true, useWeights: false },
      {
        name: 'mean_absolute_percentage_error', label: 'MAPE (%)', entryPoint: 'mean_absolute_percentage_error', primaryMetric: false,
        description: 'Mean absolute percentage error over rows with a non-zero price', lowerIsBetter: true, useWeights: false,
      },
      {
        name: 'within_ten_percent', label: 'Within 10%', entryPoint: 'within_ten_percent', primaryMetric: false,
        description: 'Share of predictions within 10% of the actual price', lowerIsBetter: false, useWeights: false,
      },
      { name: 'median_absolute_error', label: 'Median absolute error', entryPoint: 'median_absolute_error', primaryMetric: false, description: null, lowerIsBetter: true, useWeights: false },
    ]);
  });

  it('fills in "Untitled" for a missing description, and keeps entryPoint as written; a package file stands for its directory', async () => {
    const result = await runCli(['preview', 'csm306-qualified-entry-point/metadata.yaml'], { cwd: FIXTURES_DIR });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      { name: 'rmse', label: 'RMSE', entryPoint: 'custom_metrics.rmse', primaryMetric: true, description: 'Untitled', lowerIsBetter: true, useWeights: false },
    ]);
  });

  it('prints the errors instead, on stderr, and exits 1 when the package is invalid', async () => {
    const result = await runCli(['preview', 'csm401-function-not-found'], { cwd: FIXTURES_DIR });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('csm401-function-not-found/metadata.yaml\n  4:17  error  `entryPoint` `wieghted_mae` is not a function in custom_metrics.py');
    expect(result.stderr).toContain('✖ 1 problem (1 error, 0 warnings)');
  });

  it('previews the current directory by default, and needs a package there', async () => {
    mkdirSync(join(root, 'here'));
    writeFileSync(join(root, 'here/metadata.yaml'), STARTER_METADATA);
    writeFileSync(join(root, 'here/custom_metrics.py'), STARTER_CODE);
    const [here, notes, missing] = await Promise.all([
      runCli(['preview'], { cwd: join(root, 'here') }),
      csmlint('preview', 'notes'),
      csmlint('preview', 'nowhere'),
    ]);
    expect(here.code).toBe(0);
    expect((JSON.parse(here.stdout) as Array<{ name: string }>).map((m) => m.name)).toEqual(['weighted_mae', 'max_abs_error']);
    expect(notes).toMatchObject({ code: 2, stdout: '', stderr: 'csmlint: `notes` holds no metric package (no metadata.yaml, metadata.yml, custom_metrics.py)\n' });
    expect(missing).toMatchObject({ code: 2, stdout: '', stderr: 'csmlint: no such file or directory: `nowhere`\n' });
  });
});
