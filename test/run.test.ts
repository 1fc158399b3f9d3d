/**
 * The execution check (`--run`) with the machine's real Python: every `fixtures/run-*` package against
 * its expected-run.json, clean runs with numpy arrays and with plain lists, the rules' doc examples,
 * interpreter failures, and no process left behind by a hung, crashing or orphaned harness.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RULES, type Diagnostic, type ExamplePackage } from '@csmlint/core';
import { loadLinter } from 'csmlint';
import { HARNESS_PATH, runExecutionCheck, type RunConfig } from '../packages/cli/src/run/index.js';
import { CLI_BIN, FIXTURES_DIR, type ExpectedFinding } from './helpers/fixtures.js';
import { toExpected } from './helpers/lint-fixture.js';

const PYTHON = '/usr/bin/python3';
const PACKAGE_FILES = ['metadata.yaml', 'metadata.yml', 'custom_metrics.py'];
const update = process.env.UPDATE_FIXTURES === '1';
const scratch = mkdtempSync(join(tmpdir(), 'csmlint-run-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The fixture's `.csmlint.yaml` keys the execution check reads. */
function fixtureConfig(dir: string): RunConfig {
  const path = join(dir, '.csmlint.yaml');
  if (!existsSync(path)) return {};
  const config = (parse(readFileSync(path, 'utf8')) ?? {}) as RunConfig;
  return { targetType: config.targetType, runTimeout: config.runTimeout, rules: config.rules };
}

/** Runs the execution check on the package in `dir` as the CLI does (file paths relative to the package). */
async function check(dir: string, overrides: RunConfig = {}): Promise<Diagnostic[]> {
  const linter = await loadLinter();
  const config: RunConfig = { python: PYTHON, ...fixtureConfig(dir), ...overrides };
  const files = PACKAGE_FILES.filter((f) => existsSync(join(dir, f))).map((f) => ({ path: f, content: readFileSync(join(dir, f)) }));
  const context = linter.buildContext(files, { targetType: config.targetType });
  try {
    return await runExecutionCheck(dir, context, config);
  } finally {
    context.python?.tree.delete();
  }
}

function writePackage(name: string, files: ExamplePackage & { '.csmlint.yaml'?: string }): string {
  const dir = join(scratch, name);
  execFileSync('mkdir', ['-p', dir]);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

const withMessage = (d: Diagnostic): ExpectedFinding => ({ ...toExpected(d), message: d.message });

/** Processes whose working directory is `dir` (Linux /proc): a harness or anything it started. */
function processesIn(dir: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/cwd`) === dir;
      } catch {
        return false;
      }
    })
    .map(Number);
}

function psLines(marker: string): string[] {
  return execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).split('\n').filter((l) => l.includes(marker));
}

const runFixtures = readdirSync(FIXTURES_DIR)
  .filter((name) => name.startsWith('run-') && existsSync(join(FIXTURES_DIR, name, 'expected-run.json')))
  .sort()
  .map((name) => ({ name, dir: join(FIXTURES_DIR, name) }));

describe('the machine', () => {
  it('has numpy for /usr/bin/python3 (.ci/run installs python3-numpy), so the numpy-array path is tested', () => {
    expect(() => execFileSync(PYTHON, ['-c', 'import numpy'], { stdio: 'pipe' })).not.toThrow();
  });
});

describe.each(runFixtures)('execution check fixture $name', ({ dir }) => {
  it('finds exactly the findings of expected-run.json', async () => {
    const actual = (await check(dir)).map(withMessage);
    const path = join(dir, 'expected-run.json');
    if (update) writeFileSync(path, JSON.stringify({ diagnostics: actual }, null, 2) + '\n');
    else expect(actual).toEqual((JSON.parse(readFileSync(path, 'utf8')) as { diagnostics: ExpectedFinding[] }).diagnostics);
  });
});

describe('valid packages', () => {
  const valid = runFixtures.filter((f) => f.name.startsWith('run-valid-'));

  it('cover every target type', () => {
    expect(valid.map((f) => fixtureConfig(f.dir).targetType ?? readFileSync(join(f.dir, 'metadata.yaml'), 'utf8').match(/^targetType: (\w+)/m)?.[1]).sort())
      .toEqual(['Binary', 'Multiclass', 'Regression']);
  });

  it('are called with numpy arrays when numpy is importable, with lists when lists are forced', async () => {
    const dir = writePackage('data-kind', {
      'metadata.yaml': 'targetType: Multiclass\nmetrics:\n  - name: kind\n    label: Kind\n    entryPoint: kind\n    primaryMetric: true\n    useWeights: true\n',
      'custom_metrics.py':
        'def kind(y_true, y_pred, sample_weight=None, labels=None, **kwargs) -> float:\n' +
        '    shape = (type(y_true).__name__, type(y_pred).__name__, type(sample_weight).__name__, len(y_pred), len(y_pred[0]), tuple(labels))\n' +
        '    raise ValueError(repr(shape))\n',
    });
    const seen = async (lists: boolean) => String((await check(dir, { lists }))[0]?.data?.error);
    expect(await seen(false)).toBe(`ValueError: ('ndarray', 'ndarray', 'ndarray', 8, 3, ('low', 'medium', 'high'))`);
    expect(await seen(true)).toBe(`ValueError: ('list', 'list', 'list', 8, 3, ('low', 'medium', 'high'))`);
  });

  it.each(valid)('$name runs clean with numpy arrays and with plain lists', async ({ dir }) => {
    expect(await check(dir)).toEqual([]);
    expect(await check(dir, { lists: true })).toEqual([]);
  });
});

describe('findings', () => {
  it('put a failing call on the deepest line inside custom_metrics.py, with the YAML declaration related', async () => {
    const [finding] = await check(join(FIXTURES_DIR, 'run-csm501-call-failed'));
    expect(finding).toMatchObject({ ruleId: 'CSM501', file: 'custom_metrics.py', range: { start: { line: 13, character: 4 } } });
    expect(finding!.related).toEqual([expect.objectContaining({ file: 'metadata.yaml', message: '`weighted_accuracy` is declared here' })]);
  });

  it('follow configured severities, and `off` drops the rule', async () => {
    const dir = join(FIXTURES_DIR, 'run-csm502-non-finite');
    const warned = await check(dir, { rules: { 'run-non-finite': 'warning' } });
    expect(warned.filter((d) => d.ruleId === 'CSM502').map((d) => d.severity)).toEqual(['warning', 'warning', 'warning']);
    const off = await check(dir, { rules: { CSM502: 'off', CSM501: 'off' } });
    expect(off).toEqual([]);
  });

  it('leave a call that cannot bind to a plain def to the static signature rules, but report it for a decorated one', async () => {
    const metadata = 'targetType: Regression\nmetrics:\n  - name: mae\n    label: MAE\n    entryPoint: mae\n    primaryMetric: true\n    useWeights: true\n';
    const plain = writePackage('signature-plain', { 'metadata.yaml': metadata, 'custom_metrics.py': 'def mae(y_true, y_pred):\n    return 0.0\n' });
    expect(await check(plain)).toEqual([]);
    const decorated = writePackage('signature-decorated', {
      'metadata.yaml': metadata,
      'custom_metrics.py': 'import functools\n\n\ndef logged(fn):\n    @functools.wraps(fn)\n    def wrapper(*args, **kwargs):\n        return fn(*args, **kwargs)\n    return wrapper\n\n\n@logged\ndef mae(y_true, y_pred):\n    return 0.0\n',
    });
    const findings = await check(decorated);
    expect(findings.map((d) => [d.ruleId, d.range.start.line, d.data?.call])).toEqual([['CSM501', 11, 'mae(y_true, y_pred, sample_weight=w)']]);
  });

  it('leave a def without any `return <value>` to CSM416, but report a None computed at run time', async () => {
    const dir = writePackage('returns-none', {
      'metadata.yaml':
        'targetType: Regression\nmetrics:\n  - name: silent\n    label: Silent\n    entryPoint: silent\n    primaryMetric: true\n' +
        '  - name: explicit\n    label: Explicit\n    entryPoint: explicit\n    primaryMetric: false\n',
      'custom_metrics.py':
        'def silent(y_true, y_pred, sample_weight=None, **kwargs):\n    print(len(y_true))\n\n\n' +
        'def explicit(y_true, y_pred, sample_weight=None, **kwargs):\n    return {}.get("score")\n',
    });
    expect((await check(dir)).map((d) => [d.ruleId, d.data?.function, d.data?.type])).toEqual([['CSM502', 'explicit', 'NoneType']]);
  });

  it('are not made when custom_metrics.py has syntax errors (CSM400 owns them): nothing is run', async () => {
    const dir = writePackage('syntax-error', {
      'metadata.yaml': 'targetType: Regression\nmetrics:\n  - name: mae\n    label: MAE\n    entryPoint: mae\n    primaryMetric: true\n',
      'custom_metrics.py': 'open("ran.txt", "w").close()\n\ndef mae(y_true, y_pred:\n    return 0.0\n',
    });
    expect(await check(dir)).toEqual([]);
    expect(existsSync(join(dir, 'ran.txt'))).toBe(false);
  });

  it('are never made by static lint: the core engine does not run code', async () => {
    const linter = await loadLinter();
    const dir = join(FIXTURES_DIR, 'run-csm502-non-finite');
    const files = PACKAGE_FILES.filter((f) => existsSync(join(dir, f))).map((f) => ({ path: f, content: readFileSync(join(dir, f)) }));
    const { diagnostics } = linter.lint(files, {});
    expect(diagnostics.filter((d) => /^CSM50\d$/.test(d.ruleId))).toEqual([]);
  });
});

describe('rule docs', () => {
  const runRules = RULES.filter((r) => r.reportedBy === 'run');

  it('cover the four execution rules, all implemented', () => {
    expect(runRules.map((r) => [r.id, r.implemented])).toEqual([['CSM500', true], ['CSM501', true], ['CSM502', true], ['CSM503', true]]);
  });

  it.each(runRules.map((r) => ({ id: r.id, rule: r })))('$id: the bad example fires, the good one does not', async ({ id, rule }) => {
    const config: RunConfig = { targetType: rule.docs.exampleConfig?.targetType ?? 'Regression', runTimeout: 1 };
    const bad = await check(writePackage(`${id}-bad`, rule.docs.bad), config);
    const good = await check(writePackage(`${id}-good`, rule.docs.good), config);
    expect(bad.map((d) => d.ruleId)).toContain(id);
    expect(good).toEqual([]);
  });
});

describe('the interpreter', () => {
  const pkg = () => join(FIXTURES_DIR, 'run-valid-binary');

  it('missing is one CSM006 error on custom_metrics.py, not a crash', async () => {
    for (const python of ['csmlint-no-such-python', join(scratch, 'bin', 'python3')]) {
      const findings = await check(pkg(), { python });
      expect(findings.map((d) => [d.ruleId, d.severity, d.file, d.message])).toEqual([
        ['CSM006', 'error', 'custom_metrics.py',
          `Cannot run the execution check: the Python interpreter \`${python}\` was not found; install Python 3, or set \`python\` in the project config to its path.`],
      ]);
    }
  });

  it('that cannot run the harness is one CSM006 error saying what happened', async () => {
    const findings = await check(pkg(), { python: '/bin/false' });
    expect(findings.map((d) => [d.ruleId, d.data?.detail])).toEqual([['CSM006', 'exit code 1']]);
  });
});

describe('no stray process', () => {
  const metadata = 'targetType: Regression\nmetrics:\n  - name: mae\n    label: MAE\n    entryPoint: mae\n    primaryMetric: true\n';
  const withChild = (marker: string, then: string) =>
    `import os\nimport subprocess\n\n\ndef mae(y_true, y_pred, sample_weight=None, **kwargs) -> float:\n    subprocess.Popen(["sleep", "${marker}"])\n    ${then}\n`;

  it('after a hung metric: the harness and the processes it started are killed', async () => {
    const dir = writePackage('hung', { 'metadata.yaml': metadata, 'custom_metrics.py': withChild('61.371', 'while True: pass') });
    const findings = await check(dir, { runTimeout: 1 });
    expect(findings.map((d) => [d.ruleId, d.range.start.line])).toEqual([['CSM503', 4]]);
    expect(findings[0]!.related?.[1]).toMatchObject({ range: { start: { line: 6, character: 4 } } });
    expect(psLines('61.371')).toEqual([]);
    expect(processesIn(dir)).toEqual([]);
  });

  it('after a metric that ends the interpreter: its children are killed too', async () => {
    const dir = writePackage('crash', { 'metadata.yaml': metadata, 'custom_metrics.py': withChild('62.483', 'os._exit(3)') });
    const findings = await check(dir);
    expect(findings.map((d) => [d.ruleId, d.data?.reason])).toEqual([['CSM501', 'exit code 3']]);
    expect(psLines('62.483')).toEqual([]);
    expect(processesIn(dir)).toEqual([]);
  });

  it('when the check is cancelled: nothing is reported and the group is killed at once', async () => {
    const dir = writePackage('cancelled', { 'metadata.yaml': metadata, 'custom_metrics.py': withChild('64.615', 'while True: pass') });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const started = Date.now();
    expect(await check(dir, { runTimeout: 20, signal: controller.signal })).toEqual([]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(psLines('64.615')).toEqual([]);
    expect(processesIn(dir)).toEqual([]);
  });

  it('when csmlint itself dies: the orphaned harness kills its own process group', async () => {
    const dir = writePackage('orphan', { 'metadata.yaml': metadata, 'custom_metrics.py': 'import time\n\ntime.sleep(63.594)\n' });
    // A short-lived parent in its own group starts the harness and exits without cleaning up.
    const parent = spawn('sh', ['-c', `echo '{"metrics": []}' | "${PYTHON}" -B "${HARNESS_PATH}" >/dev/null 2>&1 & sleep 0.5`], { cwd: dir, detached: true, stdio: 'ignore' });
    await new Promise((resolve) => parent.on('exit', resolve));
    const deadline = Date.now() + 3000;
    while (processesIn(dir).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(processesIn(dir)).toEqual([]);
  });
});

describe('the CLI', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, [CLI_BIN, ...args], { encoding: 'utf8', cwd: scratch });
  const ruleIds = (stdout: string) => (JSON.parse(stdout) as { diagnostics: Diagnostic[] }).diagnostics.map((d) => d.ruleId);
  const pkg = (name: string, config: string) =>
    writePackage(name, {
      'metadata.yaml': 'targetType: Regression\nmetrics:\n  - name: mae\n    label: MAE\n    entryPoint: mae\n    primaryMetric: true\n',
      'custom_metrics.py': 'open("imported.txt", "w").close()\n\n\ndef mae(y_true, y_pred, sample_weight=None, **kwargs) -> float:\n    return float("nan")\n',
      '.csmlint.yaml': config,
    });

  it('never runs the code without `--run` or `run: true`', () => {
    const dir = pkg('cli-off', `python: ${PYTHON}\n`);
    const result = cli(['--format', 'json', dir]);
    expect(ruleIds(result.stdout).filter((id) => /^CSM50\d$/.test(id))).toEqual([]);
    expect(existsSync(join(dir, 'imported.txt'))).toBe(false);
  });

  it('runs the check with `--run`, and with `run: true` in the config', () => {
    for (const [name, config, args] of [['cli-flag', `python: ${PYTHON}\n`, ['--run']], ['cli-config', `python: ${PYTHON}\nrun: true\n`, []]] as const) {
      const result = cli(['--format', 'json', ...args, pkg(name, config)]);
      expect(ruleIds(result.stdout)).toContain('CSM502');
      expect(result.status).toBe(1);
    }
  });

  it('exits with code 2 and one line on stderr when the interpreter is missing', () => {
    const result = cli(['--run', pkg('cli-no-python', 'python: ./no-such-venv/bin/python\n')]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining('the Python interpreter `./no-such-venv/bin/python` was not found')]);
  });
});
