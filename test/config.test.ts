/** The project config: parsing and validation (core `parseConfig`) and finding the file (CLI `loadConfigForDirectory`). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintOptionsFromConfig, parseConfig, toOneBased, type Diagnostic } from '@csmlint/core';
import { ConfigResolver, loadConfigForDirectory } from 'csmlint';
import { afterAll, describe, expect, it } from 'vitest';

/** Findings as `line:col message` (1-based), for compact assertions. */
function findings(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => {
    const { line, column } = toOneBased(d.range.start);
    return `${line}:${column} ${d.message}`;
  });
}

const yaml = (text: string) => parseConfig('.csmlint.yaml', text);
const toml = (text: string) => parseConfig('pyproject.toml', text);

describe('parseConfig: valid configs', () => {
  it('reads every key and normalizes rule keys to IDs and the target type to its canonical spelling', () => {
    const parsed = yaml(
      [
        'rules:',
        '  function-not-found: warning',
        '  csm417: off',
        'exclude: legacy/',
        'maxFileSize: 2048',
        'targetType: binary',
        'python: /usr/bin/python3',
        'run: true',
        'runTimeout: 2.5',
        'scoringMetric:',
        '  name: Churn AUC',
        '  targetType: Binary',
        '  description: null',
        '  tags: [{ name: team, value: risk }]',
      ].join('\n'),
    );
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.config).toEqual({
      rules: { CSM401: 'warning', CSM417: 'off' },
      exclude: ['legacy/'],
      maxFileSize: 2048,
      targetType: 'Binary',
      python: '/usr/bin/python3',
      run: true,
      runTimeout: 2.5,
      scoringMetric: { name: 'Churn AUC', targetType: 'Binary', description: null, tags: [{ name: 'team', value: 'risk' }] },
    });
    expect(lintOptionsFromConfig(parsed.config)).toEqual({ rules: { CSM401: 'warning', CSM417: 'off' }, targetType: 'Binary', maxFileSize: 2048 });
  });

  it('accepts an empty file or one with comments only', () => {
    expect(yaml('')).toEqual({ config: {}, diagnostics: [], hasConfig: true });
    expect(yaml('# nothing yet\n').diagnostics).toEqual([]);
  });

  it('takes the target type from scoringMetric when there is no top-level one', () => {
    expect(yaml('scoringMetric:\n  name: x\n  targetType: multiclass\n').config.targetType).toBe('Multiclass');
  });

  it('reads [tool.csmlint] from pyproject.toml, with sub-tables', () => {
    const parsed = toml('[project]\nname = "m"\n\n[tool.csmlint]\nexclude = ["a/", "b/"]\n\n[tool.csmlint.rules]\nCSM204 = "off"\n');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.config).toEqual({ exclude: ['a/', 'b/'], rules: { CSM204: 'off' } });
  });

  it('says a pyproject.toml without [tool.csmlint] is no csmlint config, even when it is not valid TOML', () => {
    expect(toml('[project]\nname = "m"\n').hasConfig).toBe(false);
    expect(toml('[project\n').hasConfig).toBe(false);
  });

  it('tolerates a BOM and CRLF line ends', () => {
    const parsed = yaml('\ufeffrules:\r\n  CSM204: off\r\nrulez: 1\r\n');
    expect(findings(parsed.diagnostics)).toEqual(['3:1 Unknown config key `rulez`; did you mean `rules`?']);
  });
});

describe('parseConfig: CSM901 findings name the key and what is wrong, at the key or value', () => {
  it('reports unknown keys with a did-you-mean, on the key', () => {
    expect(findings(yaml('rules: {}\nexlude: [a]\n').diagnostics)).toEqual(['2:1 Unknown config key `exlude`; did you mean `exclude`?']);
    const far = yaml('colour: red\n').diagnostics;
    expect(far[0]!.message).toContain('expected one of `rules`, `exclude`');
  });

  it('reports unknown rules and severities', () => {
    expect(findings(yaml('rules:\n  function-not-fonud: off\n  CSM401: warn\n  CSM204: Error\n').diagnostics)).toEqual([
      '2:3 `rules.function-not-fonud` names no csmlint rule; did you mean `function-not-found`?',
      '3:11 `rules.CSM401` is `warn`; expected one of `off`, `hint`, `info`, `warning`, `error`.',
      '4:11 `rules.CSM204` is `Error`; expected one of `off`, `hint`, `info`, `warning`, `error`; did you mean `error`?',
    ]);
  });

  it('reports values of the wrong type, on the value', () => {
    expect(findings(yaml('maxFileSize: 1MB\nrun: yes\nexclude: [a, 3]\nrules: [CSM204]\n').diagnostics)).toEqual([
      '1:14 `maxFileSize` must be a whole number, not `1MB`.',
      '2:6 `run` must be `true` or `false`, not `yes`.',
      '3:14 `exclude[1]` must be a string, not `3`.',
      '4:8 `rules` must be a mapping, not a list of 1 item.',
    ]);
  });

  it('reports a bad target type with the canonical spellings', () => {
    expect(findings(yaml('targetType: regresion\n').diagnostics)).toEqual([
      '1:13 `targetType` is `regresion`; expected one of `Regression`, `Binary`, `Multiclass`; did you mean `Regression`?',
    ]);
  });

  it('reports limits: sizes and timeouts must be positive', () => {
    expect(findings(yaml('maxFileSize: 0\nrunTimeout: 0\n').diagnostics)).toEqual([
      '1:14 `maxFileSize` is `0`; expected a number of at least 1.',
      '2:13 `runTimeout` is `0`; expected a number above 0.',
    ]);
  });

  it('checks scoringMetric against the API schema (CustomScoringMetricCreate)', () => {
    const tags = Array.from({ length: 51 }, (_, i) => `    - { name: t${i}, value: v }`).join('\n');
    expect(findings(yaml(`scoringMetric:\n  name: ${'x'.repeat(256)}\n  targetType: Regression\n  tags:\n${tags}\n`).diagnostics)).toEqual([
      '2:9 `scoringMetric.name` is `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…`; expected at most 255 characters.',
      '5:5 `scoringMetric.tags` is a list of 51 items; expected at most 50 items.',
    ]);
    expect(findings(yaml('scoringMetric:\n  targetType: Binary\n  tags:\n    - name: team\n      vlue: risk\n').diagnostics)).toEqual([
      '1:1 `scoringMetric` lacks the required key `name`; add it.',
      '4:7 `scoringMetric.tags[0]` lacks the required key `value`; add it.',
      '5:7 Unknown config key `scoringMetric.tags[0].vlue`; did you mean `value`?',
    ]);
  });

  it('reports a top-level targetType that disagrees with scoringMetric', () => {
    expect(findings(yaml('targetType: Regression\nscoringMetric: { name: x, targetType: binary }\n').diagnostics)).toEqual([
      '1:13 `targetType` `Regression` disagrees with `scoringMetric.targetType` `binary`; keep them the same.',
    ]);
  });

  it('reports YAML and TOML syntax errors where they are', () => {
    const bad = yaml('rules:\n  CSM204: off\n\tCSM401: off\n');
    expect(findings(bad.diagnostics)).toEqual(['3:1 The config is not valid YAML: Tabs are not allowed as indentation; fix the syntax.']);
    const badToml = toml('[tool.csmlint]\nexclude = ["a"\n');
    expect(badToml.diagnostics[0]!.message).toMatch(/^The config is not valid TOML: /);
    expect(badToml.diagnostics[0]!.message).not.toContain('Invalid TOML document');
  });

  it('reports a root that is not a mapping, and duplicate keys', () => {
    expect(findings(yaml('- rules\n').diagnostics)).toEqual([
      '1:1 The config must be a mapping of settings (`rules:`, `exclude:`, ...), not a list of 1 item.',
    ]);
    expect(yaml('run: true\nrun: false\n').diagnostics[0]!.message).toContain('not valid YAML');
  });

  it('points at keys in pyproject.toml too, and is never half-applied', () => {
    const parsed = toml('[tool.csmlint]\nmaxFileSize = "1MB"\nexclude = ["a"]\n\n[tool.csmlint.rules]\n"function-not-fonud" = "off"\n');
    expect(findings(parsed.diagnostics)).toEqual([
      '2:15 `maxFileSize` must be a whole number, not `1MB`.',
      '6:1 `rules.function-not-fonud` names no csmlint rule; did you mean `function-not-found`?',
    ]);
    expect(parsed.config).toEqual({});
    for (const d of parsed.diagnostics) expect([d.ruleId, d.ruleName, d.severity, d.file]).toEqual(['CSM901', 'invalid-config', 'error', 'pyproject.toml']);
  });
});

describe('loadConfigForDirectory: finding the config file', () => {
  const root = mkdtempSync(join(tmpdir(), 'csmlint-config-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('.csmlint.yaml', 'targetType: Binary\n');
  write('a/b/metadata.yaml', 'metrics: []\n');
  write('a/pyproject.toml', '[project]\nname = "unrelated"\n');
  write('c/pyproject.toml', '[tool.csmlint]\ntargetType = "Multiclass"\n');
  write('c/d/.csmlint.yaml', 'targetType: Regression\n');
  write('c/d/pyproject.toml', '[tool.csmlint]\ntargetType = "Binary"\n');
  write('bad/.csmlint.yaml', 'rulez: {}\n');
  mkdirSync(join(root, 'unreadable/.csmlint.yaml'), { recursive: true });

  it('walks up to the nearest config, skipping a pyproject.toml that is not about csmlint', async () => {
    const loaded = await loadConfigForDirectory(join(root, 'a/b'));
    expect(loaded.file).toBe(join(root, '.csmlint.yaml'));
    expect(loaded.root).toBe(root);
    expect(loaded.config).toEqual({ targetType: 'Binary' });
  });

  it('reads [tool.csmlint] in pyproject.toml, and prefers .csmlint.yaml in the same directory', async () => {
    expect((await loadConfigForDirectory(join(root, 'c'))).config.targetType).toBe('Multiclass');
    const both = await loadConfigForDirectory(join(root, 'c/d'));
    expect(both.file).toBe(join(root, 'c/d/.csmlint.yaml'));
    expect(both.config.targetType).toBe('Regression');
  });

  it('uses the given file (--config) or none (--no-config)', async () => {
    const explicit = await loadConfigForDirectory(join(root, 'a/b'), { configFile: join(root, 'c/pyproject.toml') });
    expect(explicit.config.targetType).toBe('Multiclass');
    expect(await loadConfigForDirectory(join(root, 'a/b'), { noConfig: true })).toEqual({ config: {}, diagnostics: [] });
  });

  it('says so when the given pyproject.toml has no [tool.csmlint]', async () => {
    const loaded = await loadConfigForDirectory(root, { configFile: join(root, 'a/pyproject.toml') });
    expect(loaded.diagnostics.map((d) => d.message)).toEqual([
      'The file has no `[tool.csmlint]` table; add one or point `--config` at a `.csmlint.yaml`.',
    ]);
  });

  it('returns CSM901 for a bad config and CSM006 for one it cannot read, on the config file', async () => {
    const bad = await loadConfigForDirectory(join(root, 'bad'));
    expect(bad.diagnostics.map((d) => [d.ruleId, d.file])).toEqual([['CSM901', join(root, 'bad/.csmlint.yaml')]]);
    expect(bad.config).toEqual({});
    const unreadable = await loadConfigForDirectory(join(root, 'unreadable'));
    expect(unreadable.diagnostics.map((d) => [d.ruleId, d.file])).toEqual([['CSM006', join(root, 'unreadable/.csmlint.yaml')]]);
  });

  it('reads each config file once per resolver, and lists them', async () => {
    const resolver = new ConfigResolver();
    const first = await resolver.forDirectory(join(root, 'a/b'));
    expect(await resolver.forDirectory(join(root, 'a'))).toBe(first);
    expect((await resolver.loadedConfigs()).map((c) => c.file)).toEqual([join(root, '.csmlint.yaml')]);
  });
});
