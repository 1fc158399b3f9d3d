/**
 * The metadata rules (CSM002–CSM005, CSM100–CSM105, CSM200–CSM215, CSM300–CSM307), RuleTester
 * style: per rule, packages that must not fire it and packages that must, with the exact ranges,
 * data, severities and what the fix turns the file into. Every invalid case also runs with CRLF
 * line endings and with a BOM, which must give the same ranges.
 */
import { describe, expect, it } from 'vitest';
import { findRule, type Diagnostic, type LintOptions, type PackageFileInput } from '@csmlint/core';
import { loadLinter } from 'csmlint';
import { applyFix, formatRange, replace } from './helpers/rule-cases.js';

const CODE = [
  'import math',
  '',
  '',
  'def rmse(y_true, y_pred, **kwargs) -> float:',
  '    return math.sqrt(sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true))',
  '',
  '',
  'def mae(y_true, y_pred, **kwargs) -> float:',
  '    return sum(abs(t - p) for t, p in zip(y_true, y_pred)) / len(y_true)',
  '',
].join('\n');

/** A valid package's metadata: rmse (primary) and mae. */
const OK = `metrics:
  - name: rmse
    label: RMSE
    entryPoint: rmse
    primaryMetric: true
  - name: mae
    label: MAE
    entryPoint: mae
    primaryMetric: false
`;

interface ExpectedError {
  /** 1-based `line:col-line:col`, as the CLI prints it. */
  range: string;
  severity?: string;
  data?: Record<string, unknown>;
  /** The metadata text after applying the fix; `null` = the finding has no fix. */
  output?: string | null;
  /** Descriptions of the suggestions, in order. */
  suggestions?: string[];
  /** 1-based ranges of the related locations. */
  related?: string[];
  /** A part of the message. */
  message?: string;
}

interface Case {
  name: string;
  yaml: string;
  /** custom_metrics.py; `null` = no code file. */
  code?: string | null;
  options?: LintOptions;
  errors?: ExpectedError[];
}

async function lint(yaml: string | Uint8Array, code: string | null = CODE, options: LintOptions = {}, metadataName = 'metadata.yaml'): Promise<Diagnostic[]> {
  const linter = await loadLinter();
  const files: PackageFileInput[] = [{ path: metadataName, content: yaml }];
  if (code !== null) files.push({ path: 'custom_metrics.py', content: code });
  const result = linter.lint(files, options);
  expect(result.ruleFailures).toEqual([]);
  return result.diagnostics;
}



function ruleTester(idOrName: string, cases: { valid: Case[]; invalid: Case[] }): void {
  const rule = findRule(idOrName)!;
  describe(`${rule.id} ${rule.name}`, () => {
    it.each(cases.valid)('valid: $name', async ({ yaml, code, options }) => {
      const found = (await lint(yaml, code, options)).filter((d) => d.ruleId === rule.id);
      expect(found.map((d) => `${formatRange(d)} ${d.message}`)).toEqual([]);
    });
    it.each(cases.invalid)('invalid: $name', async ({ yaml, code, options, errors = [] }) => {
      const found = (await lint(yaml, code, options)).filter((d) => d.ruleId === rule.id);
      expect(found.map(formatRange)).toEqual(errors.map((e) => e.range));
      found.forEach((d, i) => {
        const want = errors[i]!;
        expect(d.severity).toBe(want.severity ?? rule.severity);
        if (want.data) expect(d.data).toMatchObject(want.data);
        if (want.message) expect(d.message).toContain(want.message);
        if (want.output !== undefined) expect(d.fix ? applyFix(yaml, d.fix) : null).toBe(want.output);
        if (want.suggestions) expect((d.suggestions ?? []).map((s) => s.description)).toEqual(want.suggestions);
        if (want.related) expect((d.related ?? []).map(formatRange)).toEqual(want.related);
        expect(d.message).not.toMatch(/\{\{|must NOT|must have required|instancePath/);
      });
    });
    it.each(cases.invalid)('same ranges with CRLF and with a BOM: $name', async ({ yaml, code, options }) => {
      const lf = (await lint(yaml, code, options)).filter((d) => d.ruleId === rule.id);
      const crlf = (await lint(yaml.replace(/\n/g, '\r\n'), code, options)).filter((d) => d.ruleId === rule.id);
      const bom = (await lint(`\uFEFF${yaml}`, code, options)).filter((d) => d.ruleId === rule.id && !(d.ruleId === 'CSM004'));
      expect(crlf.map(formatRange)).toEqual(lf.map(formatRange));
      expect(bom.map(formatRange)).toEqual(lf.map(formatRange));
      for (const d of crlf) if (d.fix) expect(applyFix(yaml.replace(/\n/g, '\r\n'), d.fix)).toBe(applyFix(yaml, lf[crlf.indexOf(d)]!.fix!).replace(/\n/g, '\r\n'));
    });
  });
}


describe('package rules', () => {
  it('CSM002: custom_metrics.py without metadata, on the code file', async () => {
    const linter = await loadLinter();
    const { diagnostics } = linter.lint([{ path: 'pkg/custom_metrics.py', content: CODE }]);
    expect(diagnostics.map((d) => [d.ruleId, d.file, formatRange(d)])).toEqual([['CSM002', 'pkg/custom_metrics.py', '1:1-1:1']]);
  });

  it('CSM002 does not fire when an (unreadable) metadata file exists', async () => {
    const linter = await loadLinter();
    const { diagnostics } = linter.lint([{ path: 'metadata.yaml', content: new Uint8Array([0xff, 0xfe, 0x00]) }, { path: 'custom_metrics.py', content: CODE }]);
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['CSM004']);
  });

  it('CSM003: both metadata.yaml and metadata.yml, on metadata.yml', async () => {
    const linter = await loadLinter();
    const { diagnostics } = linter.lint([
      { path: 'metadata.yaml', content: OK }, { path: 'metadata.yml', content: OK }, { path: 'custom_metrics.py', content: CODE },
    ]);
    expect(diagnostics.map((d) => [d.ruleId, d.file, formatRange(d)])).toEqual([['CSM003', 'metadata.yml', '1:1-1:1']]);
  });

  it('CSM003 does not fire for metadata.yml alone', async () => {
    expect(await lint(OK, CODE, {}, 'metadata.yml')).toEqual([]);
  });

  it('CSM004: a BOM is a warning and the file is still checked', async () => {
    const found = await lint(`\uFEFF${replace(OK, 'primaryMetric: true', 'primaryMetric: yes')}`);
    expect(found.map((d) => [d.ruleId, d.severity, formatRange(d)])).toEqual([
      ['CSM004', 'warning', '1:1-1:1'],
      ['CSM103', 'error', '5:20-5:23'],
    ]);
  });

  it.each([
    ['UTF-16', new Uint8Array([0xff, 0xfe, 0x6d, 0x00]), 'utf16'],
    ['invalid UTF-8', new Uint8Array([0x6d, 0x65, 0xc3, 0x28]), 'invalid-utf8'],
    ['binary (NUL)', new TextEncoder().encode('metrics:\0'), 'binary'],
  ])('CSM004: %s is an error on the file, nothing else is checked in it', async (_label, bytes, reason) => {
    const found = await lint(bytes);
    expect(found.map((d) => [d.ruleId, d.severity, d.file, formatRange(d)])).toEqual([['CSM004', 'error', 'metadata.yaml', '1:1-1:1']]);
    expect(found[0]!.data).toMatchObject({ file: 'metadata.yaml' });
    expect(found[0]!.message).not.toContain('{{');
    expect(reason).toBeTruthy();
  });

  it('CSM004 checks custom_metrics.py too', async () => {
    const found = await lint(OK, `\uFEFF${CODE}`);
    expect(found.map((d) => [d.ruleId, d.severity, d.file])).toEqual([['CSM004', 'warning', 'custom_metrics.py']]);
  });

  it('CSM005: a file over maxFileSize, at its start; under the cap nothing', async () => {
    const found = await lint(OK, CODE, { maxFileSize: 100 });
    expect(found.map((d) => [d.ruleId, d.file, formatRange(d)])).toEqual([
      ['CSM005', 'custom_metrics.py', '1:1-1:1'],
      ['CSM005', 'metadata.yaml', '1:1-1:1'],
    ]);
    expect(await lint(OK, CODE, { maxFileSize: 10_000 })).toEqual([]);
  });
});

ruleTester('CSM100', {
  valid: [
    { name: 'a valid file', yaml: OK },
    { name: 'a tab between key and value', yaml: replace(OK, 'label: RMSE', 'label:\tRMSE') },
  ],
  invalid: [
    {
      name: 'an unclosed quote, at the opening quote (not at the end of the file)',
      yaml: replace(OK, 'label: RMSE', 'label: "RMSE'),
      errors: [{ range: '3:12-3:17', data: { detail: 'this quoted string is never closed: add the closing quote' } }],
    },
    {
      name: 'a tab as indentation, once (no echo of later parse errors)',
      yaml: replace(OK, '    label: RMSE', '\tlabel: RMSE'),
      errors: [{ range: '3:1-3:2', message: 'A tab is used for indentation' }],
    },
    {
      name: 'a misindented key, on its text rather than its blanks',
      yaml: replace(OK, '    label: RMSE', '   label: RMSE'),
      errors: [{ range: '3:4-3:15' }],
    },
    { name: 'an unknown tag', yaml: replace(OK, 'label: RMSE', 'label: !foo RMSE'), errors: [{ range: '3:12-3:16', data: { detail: '!foo' } }] },
    { name: 'an alias to no anchor', yaml: replace(OK, 'label: RMSE', 'label: *nope'), errors: [{ range: '3:12-3:17', data: { detail: 'nope' } }] },
    {
      name: 'a collection used as a key',
      yaml: OK + '    ? [a, b]\n    : 1\n',
      errors: [{ range: '10:7-10:13', message: 'A list or mapping is used as a key (`[a, b]`)' }],
    },
    {
      name: 'nesting deeper than the cap, at the bracket that crosses it',
      yaml: `metrics: ${'['.repeat(70)}${']'.repeat(70)}\n`,
      errors: [{ range: '1:74-1:75', message: 'nested more than 64 levels' }],
    },
    {
      name: 'non-ASCII text before the error keeps UTF-16 columns',
      yaml: replace(OK, 'label: RMSE', 'label: "Précision ✓ 😀'),
      errors: [{ range: '3:12-3:27' }],
    },
  ],
});

ruleTester('CSM101', {
  valid: [
    { name: 'same key in two items', yaml: OK },
    { name: 'a camelCase key and its snake_case spelling (CSM213)', yaml: replace(OK, '    entryPoint: rmse\n', '    entryPoint: rmse\n    entry_point: rmse\n') },
  ],
  invalid: [
    {
      name: 'a key twice in one item, on the second with the first as related',
      yaml: replace(OK, '    primaryMetric: true\n', '    primaryMetric: false\n    primaryMetric: true\n'),
      errors: [{ range: '6:5-6:18', data: { key: 'primaryMetric' }, related: ['5:5-5:18'] }],
    },
    {
      name: 'a top-level key twice',
      yaml: `${OK}metrics: []\n`,
      errors: [{ range: '10:1-10:8', data: { key: 'metrics' }, related: ['1:1-1:8'] }],
    },
  ],
});

ruleTester('CSM102', {
  valid: [
    { name: 'one document with a start marker', yaml: `---\n${OK}` },
    { name: 'one document with an end marker', yaml: `${OK}...\n` },
  ],
  invalid: [
    { name: 'a second document, on its `---`', yaml: `${OK}---\n${OK}`, errors: [{ range: '10:1-10:4', data: { count: 2 } }] },
    { name: 'three documents, reported once', yaml: `${OK}---\na: 1\n---\nb: 2\n`, errors: [{ range: '10:1-10:4', data: { count: 3 } }] },
  ],
});

ruleTester('CSM103', {
  valid: [
    { name: 'true and false', yaml: OK },
    { name: 'a quoted "yes" label', yaml: replace(OK, 'label: RMSE', 'label: "yes"') },
    { name: 'yes in an unknown field (CSM212 covers it)', yaml: replace(OK, '    label: RMSE\n', '    label: RMSE\n    extra: yes\n') },
  ],
  invalid: [
    {
      name: '`yes` on primaryMetric: error, fix to `true`',
      yaml: replace(OK, 'primaryMetric: true', 'primaryMetric: yes'),
      errors: [{ range: '5:20-5:23', data: { key: 'primaryMetric', value: 'yes', boolean: 'true' }, output: OK, message: 'YAML 1.1 parsers read as a boolean but YAML 1.2 reads as a string; write `true`' }],
    },
    {
      name: '`Off` on useWeights (any case), fix to `false`',
      yaml: replace(OK, '    primaryMetric: false\n', '    primaryMetric: false\n    useWeights: Off\n'),
      errors: [{ range: '10:17-10:20', output: replace(OK, '    primaryMetric: false\n', '    primaryMetric: false\n    useWeights: false\n') }],
    },
    {
      name: '`no` on a string field: warning, fix quotes it',
      yaml: replace(OK, 'label: MAE', 'label: no'),
      errors: [{ range: '7:12-7:14', severity: 'warning', data: { boolean: 'false' }, output: replace(OK, 'label: MAE', 'label: "no"') }],
    },
    {
      name: 'a snake_case key too (CSM213 separately)',
      yaml: replace(OK, 'primaryMetric: false', 'primary_metric: n'),
      errors: [{ range: '9:21-9:22', output: replace(OK, 'primaryMetric: false', 'primary_metric: false') }],
    },
    {
      name: 'after non-ASCII text on the line before',
      yaml: replace(replace(OK, 'label: RMSE', 'label: Précision ✓ 😀  # 日本語'), 'primaryMetric: true', 'primaryMetric: Y'),
      errors: [{ range: '5:20-5:21' }],
    },
  ],
});

ruleTester('CSM104', {
  valid: [{ name: 'no merge key', yaml: OK }],
  invalid: [
    {
      name: 'a merge key, warning on `<<`; the merged fields count in place',
      yaml: `metrics:
  - &base
    name: rmse
    label: RMSE
    entryPoint: rmse
    primaryMetric: true
  - <<: *base
    name: mae
    label: MAE
    entryPoint: mae
`,
      errors: [{ range: '7:5-7:7' }],
    },
  ],
});

ruleTester('CSM105', {
  valid: [
    {
      name: 'one anchor merged into many metrics',
      yaml: `defaults: &d {lowerIsBetter: true, useWeights: false, description: x}\nmetrics:\n${Array.from({ length: 100 }, (_, i) => `  - {<<: *d, name: m${i}, label: M${i}, entryPoint: m${i}, primaryMetric: ${i === 0}}\n`).join('')}`,
    },
  ],
  invalid: [
    {
      name: 'a billion-laughs pattern, at the alias that crosses the cap',
      yaml: `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n${OK}`,
      errors: [{ range: '4:33-4:35', data: { limit: 10000 } }],
    },
  ],
});

ruleTester('CSM200', {
  valid: [{ name: 'a mapping', yaml: OK }, { name: 'a bare list (CSM205)', yaml: '- name: rmse\n' }],
  invalid: [
    { name: 'a string', yaml: 'rmse\n', errors: [{ range: '1:1-1:5', data: { actual: 'the string `rmse`' } }] },
    { name: 'a number', yaml: '42\n', errors: [{ range: '1:1-1:3', data: { actual: 'the number `42`' } }] },
  ],
});

ruleTester('CSM201', {
  valid: [{ name: 'metrics present', yaml: OK }, { name: 'a misspelt `metric:` is CSM204 only', yaml: 'metric:\n  - name: rmse\n' }],
  invalid: [
    { name: 'no metrics key, on the first key', yaml: 'targetType: Regression\n', errors: [{ range: '1:1-1:11' }] },
    { name: 'an empty file', yaml: '', errors: [{ range: '1:1-1:1', message: 'The file has no content' }] },
    { name: 'comments only', yaml: '# 日本語 only a comment\n', errors: [{ range: '1:1-1:1' }] },
  ],
});

ruleTester('CSM202', {
  valid: [{ name: 'a list', yaml: OK }],
  invalid: [
    { name: 'a mapping (a forgotten `- `)', yaml: 'metrics:\n  name: rmse\n  label: RMSE\n', errors: [{ range: '2:3-3:14', data: { actual: 'a mapping' } }] },
    { name: 'a string', yaml: 'metrics: rmse\n', errors: [{ range: '1:10-1:14', data: { actual: 'the string `rmse`' } }] },
  ],
});

ruleTester('CSM203', {
  valid: [
    { name: 'one metric', yaml: replace(OK, '  - name: mae\n    label: MAE\n    entryPoint: mae\n    primaryMetric: false\n', '') },
    { name: '100 metrics', yaml: `metrics:\n${Array.from({ length: 100 }, (_, i) => `  - {name: m${i}, label: M${i}, entryPoint: m${i}, primaryMetric: ${i === 0}}\n`).join('')}` },
  ],
  invalid: [
    { name: 'an empty list, on the value', yaml: 'metrics: []\n', errors: [{ range: '1:10-1:12', data: { count: 0 } }] },
    { name: 'no value, on the key', yaml: 'metrics:\n', errors: [{ range: '1:1-1:8', data: { count: 0 } }] },
    {
      name: '101 metrics, on the key',
      yaml: `metrics:\n${Array.from({ length: 101 }, (_, i) => `  - {name: m${i}, label: M${i}, entryPoint: m${i}, primaryMetric: ${i === 0}}\n`).join('')}`,
      errors: [{ range: '1:1-1:8', data: { count: 101, max: 100 } }],
    },
  ],
});

ruleTester('CSM204', {
  valid: [{ name: 'metrics and targetType', yaml: `targetType: Binary\n${OK}` }],
  invalid: [
    {
      name: 'a close misspelling, renamed by the fix',
      yaml: `targettype: Binary\n${OK}`,
      errors: [{ range: '1:1-1:11', data: { key: 'targettype' }, output: `targetType: Binary\n${OK}`, message: 'did you mean `targetType`?' }],
    },
    { name: '`metric:` for `metrics:`', yaml: 'metric:\n  - name: rmse\n', errors: [{ range: '1:1-1:7', output: 'metrics:\n  - name: rmse\n' }] },
    { name: 'a key with no close match, no fix', yaml: `owner: me\n${OK}`, errors: [{ range: '1:1-1:6', output: null, message: 'the file holds only `metrics` and `targetType`' }] },
    { name: 'a metric field at the top level', yaml: `label: x\n${OK}`, errors: [{ range: '1:1-1:6', message: 'is a metric field' }] },
  ],
});

ruleTester('CSM205', {
  valid: [{ name: 'the metrics layout', yaml: OK }],
  invalid: [
    {
      name: 'a bare list: fix wraps it in `metrics:` keeping the indentation',
      yaml: '# my metrics\n- name: rmse\n  label: RMSE\n  description: |\n    two\n      lines\n  entryPoint: rmse\n  primaryMetric: true\n',
      errors: [{
        range: '2:1-2:13', data: { format: 'bare-list' },
        output: '# my metrics\nmetrics:\n  - name: rmse\n    label: RMSE\n    description: |\n      two\n        lines\n    entryPoint: rmse\n    primaryMetric: true\n',
      }],
    },
    {
      name: 'a single metric at the root: fix makes it the first item',
      yaml: 'name: rmse\nlabel: RMSE\nentryPoint: rmse\nprimaryMetric: true\n',
      errors: [{ range: '1:1-1:11', data: { format: 'single-metric' }, output: 'metrics:\n  - name: rmse\n    label: RMSE\n    entryPoint: rmse\n    primaryMetric: true\n' }],
    },
    {
      name: 'a DMM custom-metrics config, on `customMetrics`, no schema findings',
      yaml: 'customMetrics:\n  - name: revenue\n    directionality: higherIsBetter\n    type: sum\n    timeStep: hour\n',
      errors: [{ range: '1:1-1:14', data: { format: 'dmm' }, output: null }],
    },
    { name: 'a DRUM model-metadata.yaml, on `type`', yaml: 'name: my-model\ntype: inference\ntargetType: regression\nenvironmentID: 5e8c889607389fe0f466c72d\n', errors: [{ range: '2:1-2:5', data: { format: 'drum' } }] },
    { name: 'a custom job metadata.yaml', yaml: 'name: job\nruntimeParameterDefinitions:\n  - fieldName: X\n    type: string\n', errors: [{ range: '2:1-2:28', data: { format: 'custom-job' } }] },
  ],
});

describe('look-alike files get CSM205 only', () => {
  it.each([
    ['bare list', '- name: rmse\n  label: RMSE\n  entryPoint: 5\n  primaryMetric: yes\n  foo: 1\n'],
    ['DMM', 'customMetrics:\n  - name: revenue\n    directionality: higherIsBetter\n'],
    ['DRUM', 'name: m\ntype: training\ntargetType: binary\n'],
  ])('%s', async (_label, yaml) => {
    const metadataFindings = (await lint(yaml)).filter((d) => d.file === 'metadata.yaml' && /^CSM[123]/.test(d.ruleId));
    expect(metadataFindings.map((d) => d.ruleId)).toEqual(['CSM205']);
  });
});

ruleTester('CSM210', {
  valid: [
    { name: 'all four fields', yaml: OK },
    { name: 'entryPoint as `entry_point` (CSM213 only)', yaml: replace(OK, 'entryPoint: rmse', 'entry_point: rmse') },
    { name: 'a misspelt key is CSM212 only', yaml: replace(OK, 'entryPoint: rmse', 'entrypoint: rmse') },
    { name: 'fields merged from an anchor count', yaml: `d: &d {primaryMetric: false}\nmetrics:\n  - <<: *d\n    name: mae\n    label: MAE\n    entryPoint: mae\n  - {name: rmse, label: RMSE, entryPoint: rmse, primaryMetric: true}\n` },
  ],
  invalid: [
    {
      name: 'a missing label, on the item\'s first line, with a suggestion',
      yaml: replace(OK, '    label: MAE\n', ''),
      errors: [{ range: '6:5-6:14', data: { field: 'label', metric: 'the metric `mae`' }, suggestions: ['Add `label: mae`'] }],
    },
    {
      name: 'two missing fields: two findings',
      yaml: replace(OK, '    entryPoint: mae\n    primaryMetric: false\n', ''),
      errors: [
        { range: '6:5-6:14', data: { field: 'entryPoint' }, suggestions: ['Add `entryPoint: mae`'] },
        { range: '6:5-6:14', data: { field: 'primaryMetric' }, suggestions: ['Add `primaryMetric: false`'] },
      ],
    },
    {
      name: 'a flow mapping: no suggestion',
      yaml: 'metrics:\n  - {name: rmse, label: RMSE, primaryMetric: true}\n',
      errors: [{ range: '2:6-2:16', data: { field: 'entryPoint' }, suggestions: [] }],
    },
  ],
});

ruleTester('CSM211', {
  valid: [
    { name: 'the right types', yaml: OK },
    { name: 'a null description is allowed', yaml: replace(OK, '    label: MAE\n', '    label: MAE\n    description: null\n') },
    { name: '`yes` on a boolean field is CSM103 only', yaml: replace(OK, 'primaryMetric: false', 'primaryMetric: no') },
  ],
  invalid: [
    {
      name: 'a quoted boolean: fix unquotes it',
      yaml: replace(OK, 'primaryMetric: true', 'primaryMetric: "true"'),
      errors: [{ range: '5:20-5:26', data: { key: 'primaryMetric', actual: 'the string `"true"`', expected: '`true` or `false`' }, output: OK }],
    },
    {
      name: 'a number label: fix quotes it',
      yaml: replace(OK, 'label: MAE', 'label: 2024'),
      errors: [{ range: '7:12-7:16', data: { actual: 'the number `2024`' }, output: replace(OK, 'label: MAE', 'label: "2024"') }],
    },
    { name: 'a list name, no fix', yaml: replace(OK, 'name: mae', 'name: [mae]'), errors: [{ range: '6:11-6:16', data: { actual: 'a list' }, output: null }] },
    { name: 'an item that is a string', yaml: `${OK}  - rmse\n`, errors: [{ range: '10:5-10:9', data: { index: 3 } }] },
  ],
});

ruleTester('CSM212', {
  valid: [
    { name: 'only known fields', yaml: replace(OK, '    primaryMetric: false\n', '    primaryMetric: false\n    description: x\n    lowerIsBetter: true\n    useWeights: false\n') },
    { name: 'snake_case aliases are CSM213', yaml: replace(OK, 'entryPoint: mae', 'entry_point: mae') },
  ],
  invalid: [
    {
      name: 'a misspelling with one close match: fix renames',
      yaml: replace(OK, '    primaryMetric: false\n', '    primaryMetric: false\n    lowerIsbetter: true\n'),
      errors: [{ range: '10:5-10:18', data: { key: 'lowerIsbetter' }, output: replace(OK, '    primaryMetric: false\n', '    primaryMetric: false\n    lowerIsBetter: true\n') }],
    },
    { name: 'an unknown field with no close match', yaml: replace(OK, '    label: MAE\n', '    label: MAE\n    owner: me\n'), errors: [{ range: '8:5-8:10', output: null }] },
    { name: 'targetType inside an item', yaml: replace(OK, '    label: MAE\n', '    label: MAE\n    targetType: Binary\n'), errors: [{ range: '8:5-8:15', message: 'is a top-level key' }] },
    { name: 'a key after emoji text keeps UTF-16 columns', yaml: replace(OK, '    label: MAE\n', '    label: MAE\n    "😀x": 1\n'), errors: [{ range: '8:5-8:10' }] },
  ],
});

ruleTester('CSM213', {
  valid: [{ name: 'camelCase', yaml: OK }],
  invalid: [
    {
      name: 'entry_point: fix renames to entryPoint',
      yaml: replace(OK, 'entryPoint: mae', 'entry_point: mae'),
      errors: [{ range: '8:5-8:16', data: { key: 'entry_point', field: 'entryPoint' }, output: OK }],
    },
    {
      name: 'all four aliases in one metric',
      yaml: replace(replace(OK, 'entryPoint: mae', 'entry_point: mae'), '    primaryMetric: false\n', '    primary_metric: false\n    lower_is_better: true\n    use_weights: false\n'),
      errors: [{ range: '8:5-8:16' }, { range: '9:5-9:19' }, { range: '10:5-10:20' }, { range: '11:5-11:16' }],
    },
    {
      name: 'next to its camelCase key: no fix, remove one',
      yaml: replace(OK, '    entryPoint: mae\n', '    entryPoint: mae\n    entry_point: mae\n'),
      errors: [{ range: '9:5-9:16', output: null, message: 'remove it' }],
    },
  ],
});

ruleTester('CSM214', {
  valid: [{ name: 'values everywhere', yaml: OK }, { name: 'an empty description is allowed', yaml: replace(OK, '    label: MAE\n', '    label: MAE\n    description: ""\n') }],
  invalid: [
    { name: '`label:` with no value, on the key', yaml: replace(OK, 'label: MAE', 'label:'), errors: [{ range: '7:5-7:10', data: { key: 'label' } }] },
    { name: 'an empty string name, on the value', yaml: replace(OK, 'name: mae', 'name: ""'), errors: [{ range: '6:11-6:13', data: { key: 'name', metric: 'metric 2' } }] },
    { name: 'a blank entryPoint', yaml: replace(OK, 'entryPoint: mae', "entryPoint: '  '"), errors: [{ range: '8:17-8:21' }] },
    { name: 'a null boolean', yaml: replace(OK, 'primaryMetric: false', 'primaryMetric: ~'), errors: [{ range: '9:20-9:21', message: 'write `true` or `false`' }] },
    { name: 'an empty item, on its dash', yaml: `${OK}  -\n`, errors: [{ range: '10:3-10:4', data: { index: 3 } }] },
  ],
});

describe('a null or empty required string is CSM214 only', () => {
  it.each(['name:', 'name: ""', 'name: null'])('%s', async (value) => {
    const found = await lint(replace(OK, 'name: mae', value));
    expect(found.filter((d) => d.file === 'metadata.yaml' && /^CSM[0-3]/.test(d.ruleId)).map((d) => d.ruleId)).toEqual(['CSM214']);
  });
});

ruleTester('CSM215', {
  valid: [
    { name: 'Regression', yaml: `targetType: Regression\n${OK}` },
    { name: 'lowercase binary', yaml: `targetType: binary\n${OK}` },
    { name: 'no targetType', yaml: OK },
  ],
  invalid: [
    { name: 'a misspelling: fix to the close match', yaml: `targetType: Regresion\n${OK}`, errors: [{ range: '1:13-1:22', data: { value: 'Regresion' }, output: `targetType: Regression\n${OK}` }] },
    { name: 'unknown, no fix', yaml: `targetType: classification\n${OK}`, errors: [{ range: '1:13-1:27', output: null }] },
    { name: 'empty, on the key', yaml: `targetType:\n${OK}`, errors: [{ range: '1:1-1:11', message: 'is empty' }] },
    { name: 'a list', yaml: `targetType: [Binary]\n${OK}`, errors: [{ range: '1:13-1:21', message: 'a list' }] },
  ],
});

ruleTester('CSM300', {
  valid: [
    { name: 'identifiers', yaml: OK },
    { name: '64 characters', yaml: replace(replace(OK, 'name: mae', `name: ${'m'.repeat(64)}`), 'entryPoint: mae', `entryPoint: ${'m'.repeat(64)}`) },
    { name: 'an empty name is CSM214', yaml: replace(OK, 'name: mae', 'name: ""') },
  ],
  invalid: [
    { name: 'a hyphen', yaml: replace(OK, 'name: mae', 'name: mean-abs'), errors: [{ range: '6:11-6:19', data: { name: 'mean-abs', suggestion: 'mae' }, suggestions: ['Rename to `mae`'] }] },
    { name: 'a keyword', yaml: replace(OK, 'name: mae', 'name: lambda'), errors: [{ range: '6:11-6:17', message: 'is a Python keyword' }] },
    { name: 'too long', yaml: replace(OK, 'name: mae', `name: ${'m'.repeat(65)}`), errors: [{ range: '6:11-6:76', data: { length: 65 } }] },
    { name: 'non-ASCII', yaml: replace(OK, 'name: mae', 'name: précision'), errors: [{ range: '6:11-6:20' }] },
  ],
});

ruleTester('CSM301', {
  valid: [{ name: 'distinct names', yaml: OK }],
  invalid: [
    {
      name: 'a repeated name, on the repeat, related the first',
      yaml: replace(OK, 'name: mae', 'name: rmse'),
      errors: [{ range: '6:11-6:15', data: { name: 'rmse' }, related: ['2:11-2:15'] }],
    },
  ],
});

ruleTester('CSM302', {
  valid: [{ name: 'distinct labels', yaml: OK }],
  invalid: [
    {
      name: 'a repeated non-ASCII label, warning on the repeat',
      yaml: replace(replace(OK, 'label: RMSE', 'label: Précision ✓'), 'label: MAE', 'label: Précision ✓'),
      errors: [{ range: '7:12-7:23', data: { label: 'Précision ✓' }, related: ['3:12-3:23'] }],
    },
  ],
});

ruleTester('CSM303', {
  valid: [
    { name: 'one primary', yaml: OK },
    { name: '`yes` counts as true (CSM103 only)', yaml: replace(OK, 'primaryMetric: true', 'primaryMetric: yes') },
    { name: 'a missing primaryMetric is CSM210 only', yaml: replace(OK, '    primaryMetric: true\n', '') },
  ],
  invalid: [
    {
      name: 'none primary, on the `metrics` key, related each value',
      yaml: replace(OK, 'primaryMetric: true', 'primaryMetric: false'),
      errors: [{ range: '1:1-1:8', related: ['5:20-5:25', '9:20-9:25'], suggestions: ['Make the metric `rmse` primary', 'Make the metric `mae` primary'] }],
    },
    { name: '`no` counts as false', yaml: replace(OK, 'primaryMetric: true', 'primaryMetric: no'), errors: [{ range: '1:1-1:8' }] },
  ],
});

ruleTester('CSM304', {
  valid: [{ name: 'one primary', yaml: OK }],
  invalid: [
    {
      name: 'two primaries (one written `on`): both reported, each related the other',
      yaml: replace(OK, 'primaryMetric: false', 'primaryMetric: on'),
      errors: [
        { range: '5:20-5:24', data: { count: 2 }, related: ['9:20-9:22'] },
        { range: '9:20-9:22', data: { count: 2 }, related: ['5:20-5:24'] },
      ],
    },
  ],
});

ruleTester('CSM305', {
  valid: [
    { name: 'bare', yaml: OK },
    { name: 'qualified forms are CSM306', yaml: replace(OK, 'entryPoint: mae', 'entryPoint: custom_metrics.py:mae') },
  ],
  invalid: [
    { name: 'another module', yaml: replace(OK, 'entryPoint: mae', 'entryPoint: scoring.mae'), errors: [{ range: '8:17-8:28', data: { reason: 'other-module' }, suggestions: ['Change to `mae`'] }] },
    { name: 'a method in a class', yaml: replace(OK, 'entryPoint: mae', 'entryPoint: custom_metrics.Metrics.mae'), errors: [{ range: '8:17-8:43', data: { reason: 'dotted-path' } }] },
    { name: 'a file path', yaml: replace(OK, 'entryPoint: mae', 'entryPoint: src/custom_metrics.py:mae'), errors: [{ range: '8:17-8:42', data: { reason: 'file-path' } }] },
    { name: 'the file itself', yaml: replace(OK, 'entryPoint: mae', 'entryPoint: custom_metrics.py'), errors: [{ range: '8:17-8:34', data: { reason: 'file-path' }, suggestions: [] }] },
    { name: 'a call', yaml: replace(OK, 'entryPoint: mae', 'entryPoint: mae()'), errors: [{ range: '8:17-8:22', data: { reason: 'not-identifier' } }] },
    { name: 'a keyword', yaml: replace(OK, 'entryPoint: mae', 'entryPoint: class'), errors: [{ range: '8:17-8:22', data: { reason: 'keyword' } }] },
    { name: 'blanks around: fix trims', yaml: replace(OK, 'entryPoint: mae', 'entryPoint: " mae "'), errors: [{ range: '8:17-8:24', data: { reason: 'whitespace' }, output: OK }] },
  ],
});

ruleTester('CSM306', {
  valid: [{ name: 'bare', yaml: OK }],
  invalid: [
    { name: 'custom_metrics.fn', yaml: replace(OK, 'entryPoint: mae', 'entryPoint: custom_metrics.mae'), errors: [{ range: '8:17-8:35', data: { prefix: 'custom_metrics.', function: 'mae' }, output: OK }] },
    { name: 'custom_metrics:fn', yaml: replace(OK, 'entryPoint: mae', 'entryPoint: custom_metrics:mae'), errors: [{ range: '8:17-8:35', output: OK }] },
    { name: 'quoted custom_metrics.py:fn', yaml: replace(OK, 'entryPoint: mae', "entryPoint: 'custom_metrics.py:mae'"), errors: [{ range: '8:17-8:40', output: OK }] },
    {
      name: 'a function whose bare name YAML would read as a boolean stays quoted',
      yaml: replace(replace(OK, 'entryPoint: mae', 'entryPoint: custom_metrics.yes'), 'name: mae', 'name: "yes"'),
      errors: [{ range: '8:17-8:35', output: replace(replace(OK, 'entryPoint: mae', 'entryPoint: "yes"'), 'name: mae', 'name: "yes"') }],
    },
  ],
});

ruleTester('CSM307', {
  valid: [
    { name: 'same', yaml: OK },
    { name: 'qualified entryPoint normalizes to the name', yaml: replace(OK, 'entryPoint: mae', 'entryPoint: custom_metrics.mae') },
    { name: 'an invalid name is CSM300 only', yaml: replace(OK, 'name: mae', 'name: mean-abs') },
  ],
  invalid: [
    {
      name: 'different, warning on `name`, related the entryPoint',
      yaml: replace(OK, 'name: mae', 'name: mean_abs'),
      errors: [{ range: '6:11-6:19', data: { name: 'mean_abs', function: 'mae' }, related: ['8:17-8:20'], suggestions: ['Change `name` to `mae`', 'Change `entryPoint` to `mean_abs`'] }],
    },
  ],
});

describe('rule docs', () => {
  const OWN = [
    'CSM002', 'CSM003', 'CSM004', 'CSM005', 'CSM100', 'CSM101', 'CSM102', 'CSM103', 'CSM104', 'CSM105',
    'CSM200', 'CSM201', 'CSM202', 'CSM203', 'CSM204', 'CSM205', 'CSM210', 'CSM211', 'CSM212', 'CSM213', 'CSM214', 'CSM215',
    'CSM300', 'CSM301', 'CSM302', 'CSM303', 'CSM304', 'CSM305', 'CSM306', 'CSM307',
  ];
  const lintExample = async (files: Record<string, string>, options: LintOptions) => {
    const linter = await loadLinter();
    return linter.lint(Object.entries(files).map(([path, content]) => ({ path, content })), options).diagnostics;
  };
  it.each(OWN)('%s: bad fires the rule, good does not; fixable matches the findings', async (id) => {
    const rule = findRule(id)!;
    expect(rule.docs.summary).not.toMatch(/TODO/);
    expect(rule.docs.why).not.toMatch(/TODO/);
    const options = rule.docs.exampleConfig ?? {};
    const bad = (await lintExample(rule.docs.bad, options)).filter((d) => d.ruleId === id);
    const good = (await lintExample(rule.docs.good, options)).filter((d) => d.ruleId === id);
    expect(bad.length).toBeGreaterThan(0);
    expect(good).toEqual([]);
    if (!rule.fixable) expect(bad.filter((d) => d.fix)).toEqual([]);
  });
  it.each(OWN)('%s: the good example lints clean of metadata findings', async (id) => {
    const rule = findRule(id)!;
    const found = await lintExample(rule.docs.good, rule.docs.exampleConfig ?? {});
    expect(found.map((d) => `${d.ruleId} ${d.message}`)).toEqual([]);
  });
});

describe('positions', () => {
  const yaml = '# 日本語 comment\nmetrics:\n  - name: rmse   # 😀\n    label: Précision ✓ 😀\n    entry_point: rmse\n    primaryMetric: yes\n';

  it('are UTF-16 columns after non-ASCII text and emoji', async () => {
    const found = await lint(yaml, CODE.replace(/def mae[\s\S]*$/, ''));
    expect(found.map((d) => `${d.ruleId} ${formatRange(d)}`)).toEqual(['CSM213 5:5-5:16', 'CSM103 6:20-6:23']);
  });

  it('are the same with CRLF, and the fixes keep CRLF', async () => {
    const crlf = yaml.replace(/\n/g, '\r\n');
    const found = await lint(crlf, CODE.replace(/def mae[\s\S]*$/, ''));
    expect(found.map((d) => `${d.ruleId} ${formatRange(d)}`)).toEqual(['CSM213 5:5-5:16', 'CSM103 6:20-6:23']);
    expect(applyFix(crlf, found[1]!.fix!)).toBe(crlf.replace('yes', 'true'));
  });

  it('are the same after a stripped BOM (with a CSM004 warning at 1:1)', async () => {
    const found = await lint(new TextEncoder().encode(`\uFEFF${yaml}`), CODE.replace(/def mae[\s\S]*$/, ''));
    expect(found.map((d) => `${d.ruleId} ${formatRange(d)}`)).toEqual(['CSM004 1:1-1:1', 'CSM213 5:5-5:16', 'CSM103 6:20-6:23']);
  });

  it('wrap fix for a bare list keeps CRLF', async () => {
    const bare = '- name: rmse\r\n  label: RMSE\r\n  entryPoint: rmse\r\n  primaryMetric: true\r\n';
    const [finding] = (await lint(bare)).filter((d) => d.ruleId === 'CSM205');
    expect(applyFix(bare, finding!.fix!)).toBe('metrics:\r\n  - name: rmse\r\n    label: RMSE\r\n    entryPoint: rmse\r\n    primaryMetric: true\r\n');
  });
});
