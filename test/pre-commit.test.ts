/**
 * csmlint as a pre-commit hook, for real: a throwaway git repository whose `.pre-commit-config.yaml`
 * points at this repository (local path, HEAD — commit hook changes before expecting them here; set
 * CSMLINT_HOOK_REPO to try another clone). The real `pre-commit` installs the hook as it would for a
 * user (`language: node`: npm install, npm pack, npm install -g of a clone at that commit) and runs it.
 * Needs `git` and `pre-commit` (Debian: `apt-get install -y pre-commit`) and the npm registry (or
 * npm's cache). Also: the CLI lints each package once however many of its files it is given.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { JsonReport } from 'csmlint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTree, runCli, VALID_CODE, VALID_METADATA } from './helpers/cli.js';
import { REPO_ROOT } from './helpers/fixtures.js';

const HOOK_REPO = process.env.CSMLINT_HOOK_REPO ?? REPO_ROOT;
const BROKEN_METADATA = VALID_METADATA.replaceAll('weighted_mae', 'wieghted_mae');
const MESSAGE = '`entryPoint` `wieghted_mae` is not a function in custom_metrics.py; did you mean `weighted_mae`?';

const scratch = mkdtempSync(join(tmpdir(), 'csmlint-pre-commit-'));
const project = join(scratch, 'project');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The environment without what a `pnpm test` run exports for npm (`npm_config_*`), which would leak into the hook's npm install. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PRE_COMMIT_HOME: join(scratch, 'pre-commit-home'), PRE_COMMIT_COLOR: 'never' };
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|pnpm_)/i.test(key) && !(key in env)) env[key] = value;
  }
  return env;
}

function run(command: string, args: string[], cwd = project): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout: 240_000 });
  if (result.error) throw new Error(`could not run \`${command}\`: ${result.error.message}${command === 'pre-commit' ? ' (Debian: apt-get install -y pre-commit)' : ''}`);
  return result;
}

function write(path: string, text: string): void {
  mkdirSync(dirname(join(project, path)), { recursive: true });
  writeFileSync(join(project, path), text);
}

beforeAll(() => {
  const rev = run('git', ['rev-parse', 'HEAD'], HOOK_REPO).stdout.trim();
  if (run('git', ['cat-file', '-e', `${rev}:.pre-commit-hooks.yaml`], HOOK_REPO).status !== 0) {
    throw new Error(`${HOOK_REPO} at ${rev} has no .pre-commit-hooks.yaml: the hook is installed from the commit, so commit it first`);
  }
  mkdirSync(project);
  run('git', ['init', '-q']);
  write('.pre-commit-config.yaml', `repos:\n  - repo: ${HOOK_REPO}\n    rev: ${rev}\n    hooks:\n      - id: csmlint\n`);
  write('metrics/churn/metadata.yaml', BROKEN_METADATA);
  write('metrics/churn/custom_metrics.py', VALID_CODE);
  write('metrics/retention/metadata.yaml', VALID_METADATA);
  write('metrics/retention/custom_metrics.py', VALID_CODE);
  write('README.md', '# metrics\n');
  run('git', ['add', '-A']);
});

describe('the pre-commit hook', () => {
  it('installs from this repository and fails on a broken package with our message', () => {
    const result = run('pre-commit', ['run', '--all-files']);
    expect(result.stderr).not.toMatch(/An unexpected error has occurred/);
    expect(result.status, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^csmlint\.+Failed$/m);
    expect(result.stdout).toContain(`metrics/churn/metadata.yaml\n  4:17  error  ${MESSAGE}  CSM401`);
    expect(result.stdout).not.toContain('metrics/retention');
  }, 300_000);

  it('checks a changed file together with its partner', () => {
    const result = run('pre-commit', ['run', '--files', 'metrics/churn/custom_metrics.py']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(MESSAGE);
  }, 60_000);

  it('passes once the file is fixed', () => {
    write('metrics/churn/metadata.yaml', VALID_METADATA);
    run('git', ['add', '-A']);
    const result = run('pre-commit', ['run', '--all-files']);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^csmlint\.+Passed$/m);
  }, 60_000);
});

describe('package files as arguments', () => {
  const root = makeTree({ 'pkg/metadata.yaml': BROKEN_METADATA, 'pkg/custom_metrics.py': VALID_CODE });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('lints a package once when both its files are given', async () => {
    const result = await runCli(['--format', 'json', 'pkg/custom_metrics.py', 'pkg/metadata.yaml', 'pkg/custom_metrics.py'], { cwd: root });
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.summary).toMatchObject({ packages: 1, files: 2, errors: 1 });
    expect(report.diagnostics.map((d) => `${d.file} ${d.ruleId}`)).toEqual(['pkg/metadata.yaml CSM401']);
  });
});
