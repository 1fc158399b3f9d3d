/** The real `csmlint` binary as a child process: exit codes, stderr, subcommands, options, discovery, output. */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findRule, RULES } from '@csmlint/core';
import type { JsonReport } from 'csmlint';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTree, runCli, VALID_CODE, VALID_METADATA, WARNING_METADATA, type CliResult } from './helpers/cli.js';

const root = makeTree({
  'clean/metadata.yaml': VALID_METADATA,
  'clean/custom_metrics.py': VALID_CODE,
  'clean/notes.txt': 'not a package file\n',
  'warn/metadata.yaml': WARNING_METADATA,
  'warn/custom_metrics.py': VALID_CODE,
  'broken/metadata.yaml': VALID_METADATA,
  'configured/.csmlint.yaml': 'rules:\n  unused-suppression: off\n',
  'configured/pkg/metadata.yaml': WARNING_METADATA,
  'configured/pkg/custom_metrics.py': VALID_CODE,
  'bad-config/.csmlint.yaml': 'rules:\n  CSM204: off\nrulez: {}\n',
  'bad-config/pkg/metadata.yaml': VALID_METADATA,
  'bad-config/pkg/custom_metrics.py': VALID_CODE,
  'io/custom_metrics.py': VALID_CODE,
  'io/metadata.yaml/README.md': 'a directory where a file should be\n',
  'walk/.gitignore': 'generated/\n*.bak/\n',
  'walk/.csmlint.yaml': 'exclude:\n  - legacy/\n',
  'walk/ok/metadata.yaml': VALID_METADATA,
  'walk/ok/custom_metrics.py': VALID_CODE,
  'walk/generated/pkg/metadata.yaml': 'metrics: [\n',
  'walk/old.bak/metadata.yaml': 'metrics: [\n',
  'walk/legacy/pkg/metadata.yaml': 'metrics: [\n',
  'walk/node_modules/pkg/metadata.yaml': 'metrics: [\n',
  'walk/.venv/pkg/metadata.yaml': 'metrics: [\n',
  'walk/__pycache__/metadata.yaml': 'metrics: [\n',
  'walk/.git/pkg/metadata.yaml': 'metrics: [\n',
  'other-config.yaml': 'rules:\n  CSM900: off\n',
});
mkdirSync(join(root, 'empty'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const csmlint = (...args: string[]) => runCli(args, { cwd: root });
const json = (result: CliResult) => JSON.parse(result.stdout) as JsonReport;
const rulesOf = (result: CliResult) => json(result).diagnostics.map((d) => `${d.file} ${d.ruleId}`);

/** Bad usage: exit 2, nothing on stdout, exactly one line on stderr, no stack trace. */
function expectUsageError(result: CliResult, pattern: RegExp) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^csmlint: [^\n]+\n$/);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('exit codes', () => {
  it('exits 0 for a clean package, 1 for an error, 0 for warnings only', async () => {
    const [clean, broken, warn] = await Promise.all([csmlint('clean'), csmlint('broken'), csmlint('warn')]);
    expect(clean).toMatchObject({ code: 0, stderr: '' });
    expect(clean.stdout).toContain('✔ 1 package checked, no problems');
    expect(broken.code).toBe(1);
    expect(warn.code).toBe(0);
  });

  it('exits 0 when there is no package to check', async () => {
    expect((await csmlint('empty')).code).toBe(0);
  });

  it('prints the version and the help', async () => {
    const [version, help] = await Promise.all([csmlint('--version'), csmlint('--help')]);
    expect(version).toEqual({ code: 0, stdout: 'csmlint 0.1.0\n', stderr: '' });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: csmlint/);
  });
});

describe('bad usage: one line on stderr, exit 2', () => {
  const cases: Array<[string[], RegExp]> = [
    [['--foo'], /unknown option `--foo`/],
    [['-x', 'clean'], /unknown option `-x`/],
    [['--format'], /option `--format` needs a value/],
    [['--quiet=yes', 'clean'], /option `--quiet` takes no value/],
    [['--format', 'xml', 'clean'], /unknown format `xml`; expected one of stylish, json/],
    [['--rule', 'CSM999=off', 'clean'], /unknown rule `CSM999`/],
    [['--rule', 'function-not-fonud=off', 'clean'], /did you mean `function-not-found`\?/],
    [['--rule', 'CSM401=warn', 'clean'], /unknown severity `warn`/],
    [['--rule', 'CSM401', 'clean'], /must look like `--rule CSM401=warning`/],
    [['--max-warnings', 'many', 'clean'], /`--max-warnings` takes a whole number/],
    [['--target-type', 'Ordinal', 'clean'], /unknown target type `Ordinal`/],
    [['--config', 'missing.yaml', 'clean'], /config file `missing.yaml` not found/],
    [['--config', 'other-config.yaml', '--no-config', 'clean'], /cannot be used together/],
    [['no-such-dir'], /no such file or directory: `no-such-dir`/],
    [['clean/notes.txt'], /`clean\/notes.txt` is not a package file/],
    [['explain', 'CSM999'], /unknown rule `CSM999`/],
    [['explain'], /takes one rule/],
    [['rules', 'extra'], /takes no arguments/],
  ];
  it.concurrent.each(cases)('csmlint %j', async (args, pattern) => {
    expectUsageError(await csmlint(...args), pattern);
  });
});

describe('the tool could not do its job: findings in the chosen format, exit 2', () => {
  it('reports a directory named like a package file as CSM006, and skips that package', async () => {
    const result = await csmlint('io', '--format', 'json');
    expect(result.code).toBe(2);
    expect(json(result).diagnostics).toEqual([
      {
        file: 'io/metadata.yaml',
        ruleId: 'CSM006',
        ruleName: 'io-error',
        severity: 'error',
        message: '`metadata.yaml` is a directory, but a package file of that name was expected; rename or remove the directory.',
        range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
      },
    ]);
    expect(result.stderr).toMatch(/^csmlint: io\/metadata.yaml: `metadata.yaml` is a directory[^\n]*\n$/);
  });

  it('reports a bad config as CSM901 on its file and key, and does not lint with it', async () => {
    const result = await csmlint('bad-config', '--format', 'json');
    expect(result.code).toBe(2);
    const [finding, ...rest] = json(result).diagnostics;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      file: 'bad-config/.csmlint.yaml',
      ruleId: 'CSM901',
      severity: 'error',
      message: 'Unknown config key `rulez`; did you mean `rules`?',
      range: { start: { line: 3, column: 1 }, end: { line: 3, column: 6 } },
    });
    expect(result.stderr.split('\n')).toHaveLength(2);
  });

  it('prints them in stylish too, with a code frame', async () => {
    const result = await csmlint('bad-config');
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('bad-config/.csmlint.yaml\n  3:1  error  Unknown config key `rulez`; did you mean `rules`?  CSM901\n');
    expect(result.stdout).toContain('3 | rulez: {}\n');
  });
});

describe('subcommands', () => {
  it('explain prints the rule docs, by ID or by name', async () => {
    const [byId, byName] = await Promise.all([csmlint('explain', 'CSM900'), csmlint('explain', 'unused-suppression')]);
    expect(byId.code).toBe(0);
    expect(byName.stdout).toBe(byId.stdout);
    const rule = findRule('CSM900')!;
    expect(byId.stdout).toMatch(/^CSM900 {2}unused-suppression\n/);
    for (const text of [rule.docs.summary, 'Default severity: warning', 'Fixable: no', 'Why', 'Bad', 'Good', 'Fix', rule.docs.fix]) {
      expect(byId.stdout).toContain(text);
    }
    expect(byId.stdout).toContain('# csmlint-disable-next-line function-not-found');
  });

  it('rules prints the table, marking the rules not implemented yet', async () => {
    const result = await csmlint('rules');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+SEVERITY\s+FIXABLE$/);
    expect(lines).toHaveLength(RULES.length + 1);
    RULES.forEach((rule, i) => {
      const row = lines[i + 1]!;
      expect(row).toMatch(new RegExp(`^${rule.id}\\s+${rule.name}\\s+${rule.severity}\\s+${rule.fixable ? 'yes' : 'no'}`));
      expect(row.endsWith('not implemented yet')).toBe(rule.implemented === false);
    });
  });
});

describe('options', () => {
  it('--quiet reports errors only', async () => {
    const result = await csmlint('warn', 'broken', '--quiet', '--format', 'json');
    expect(result.code).toBe(1);
    expect(json(result).diagnostics.every((d) => d.severity === 'error')).toBe(true);
    expect(json(result).summary.warnings).toBe(0);
  });

  it('--max-warnings fails the run when there are more warnings than allowed', async () => {
    const [over, within] = await Promise.all([csmlint('warn', '--max-warnings', '0'), csmlint('warn', '--max-warnings', '1')]);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('csmlint: too many warnings (1; --max-warnings is 0)\n');
    expect(within.code).toBe(0);
  });

  it('--rule sets a severity by ID or name, over the config', async () => {
    const [raised, off, overConfig] = await Promise.all([
      csmlint('warn', '--rule', 'CSM900=error', '--format', 'json'),
      csmlint('warn', '--rule', 'unused-suppression=off', '--format', 'json'),
      csmlint('configured', '--rule', 'csm900=info', '--format', 'json'),
    ]);
    expect(raised.code).toBe(1);
    expect(json(raised).diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['CSM900', 'error']]);
    expect(json(off).diagnostics).toEqual([]);
    expect(json(overConfig).diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['CSM900', 'info']]);
  });

  it('reads the config found above the package; --no-config and --config change that', async () => {
    const [configured, noConfig, explicit] = await Promise.all([
      csmlint('configured', '--format', 'json'),
      csmlint('configured', '--no-config', '--format', 'json'),
      csmlint('warn', '--config', 'other-config.yaml', '--format', 'json'),
    ]);
    expect(rulesOf(configured)).toEqual([]);
    expect(rulesOf(noConfig)).toEqual(['configured/pkg/metadata.yaml CSM900']);
    expect(rulesOf(explicit)).toEqual([]);
  });

  it('lints a single file together with its partner file', async () => {
    const result = await csmlint('warn/custom_metrics.py', '--format', 'json');
    expect(rulesOf(result)).toEqual(['warn/metadata.yaml CSM900']);
    expect(json(result).summary).toMatchObject({ packages: 1, files: 2 });
  });
});

describe('discovery', () => {
  it('skips .gitignored paths, config excludes, .git, node_modules, .venv and __pycache__', async () => {
    const result = await csmlint('walk', '--format', 'json');
    expect(result.code).toBe(0);
    expect(json(result).diagnostics).toEqual([]);
    expect(json(result).summary).toMatchObject({ packages: 1, files: 2 });
  });

  it('finds every package under the current directory by default', async () => {
    const result = await runCli(['--format', 'json', '--no-config'], { cwd: join(root, 'walk') });
    expect(json(result).summary.packages).toBe(2); // ok/ and legacy/pkg/ (no config, so no exclude)
  });
});

describe('output', () => {
  it('json follows the contract: version, tool, diagnostics with relative paths and 1-based ranges, summary', async () => {
    const result = await runCli(['.', '--format', 'json'], { cwd: join(root, 'warn') });
    const report = json(result);
    expect(Object.keys(report)).toEqual(['version', 'tool', 'diagnostics', 'summary']);
    expect(report.version).toBe(1);
    expect(report.tool).toEqual({ name: 'csmlint', version: '0.1.0' });
    expect(report.diagnostics).toEqual([
      {
        file: 'metadata.yaml',
        ruleId: 'CSM900',
        ruleName: 'unused-suppression',
        severity: 'warning',
        message: '`CSM401` in this `csmlint-disable-next-line` comment suppresses nothing; remove it.',
        range: { start: { line: 4, column: 33 }, end: { line: 4, column: 39 } },
      },
    ]);
    expect(report.summary).toEqual({ packages: 1, files: 2, errors: 0, warnings: 1, infos: 0, hints: 0, fixable: 0 });
  });

  it('stylish groups by file: line:col, severity, message, rule, a code frame with a caret, a summary', async () => {
    const result = await csmlint('warn', 'broken');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('broken/metadata.yaml');
    expect(lines[1]).toMatch(/^ {2}1:1 {2}error {2}.+ {2}CSM001$/);
    expect(lines[2]).toBe('    1 | metrics:');
    expect(lines[3]).toBe('      | ^');
    expect(lines[4]).toBe('');
    expect(lines.slice(5)).toEqual([
      'warn/metadata.yaml',
      '  4:33  warning  `CSM401` in this `csmlint-disable-next-line` comment suppresses nothing; remove it.  CSM900',
      '    4 |     # csmlint-disable-next-line CSM401',
      '      |                                 ^^^^^^',
      '',
      '✖ 2 problems (1 error, 1 warning)',
      '',
    ]);
  });

  it('uses colors only when asked (FORCE_COLOR), never with NO_COLOR or --no-color', async () => {
    const ansi = /\u001b\[/;
    const [plain, forced, noColorEnv, noColorFlag] = await Promise.all([
      csmlint('warn'),
      runCli(['warn'], { cwd: root, env: { FORCE_COLOR: '1' } }),
      runCli(['warn'], { cwd: root, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }),
      runCli(['warn', '--no-color'], { cwd: root, env: { FORCE_COLOR: '1' } }),
    ]);
    expect(plain.stdout).not.toMatch(ansi);
    expect(forced.stdout).toMatch(ansi);
    expect(noColorEnv.stdout).not.toMatch(ansi);
    expect(noColorFlag.stdout).not.toMatch(ansi);
  });
});
