/**
 * The CLI in CI: `--format sarif|junit|github`, several outputs in one run (`--format NAME=FILE`,
 * `-o FILE`), and `--stdin --stdin-filename PATH`. One CLI run over every fixture writes all four
 * machine formats; the SARIF is validated against the official SARIF 2.1.0 schema.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import { FILE_START, RULES, ruleDocsUrl, type Diagnostic } from '@csmlint/core';
import type { JsonReport } from 'csmlint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatGithub } from '../packages/cli/src/formatters/github.js';
import { formatJunit } from '../packages/cli/src/formatters/junit.js';
import type { SarifLog } from '../packages/cli/src/formatters/sarif-types.js';
import { toSarifLog } from '../packages/cli/src/formatters/sarif.js';
import { resolveOutputs } from '../packages/cli/src/outputs.js';
import type { LintReport } from '../packages/cli/src/report.js';
import { makeTree, runCli, VALID_CODE, VALID_METADATA } from './helpers/cli.js';
import { CLI_BIN, FIXTURES_DIR, listFixtures, REPO_ROOT } from './helpers/fixtures.js';

/** The official schema, from the shared spec beside the repository (CI keeps `../shared` there too). */
const SARIF_SCHEMA_PATH = join(REPO_ROOT, '..', 'shared', 'spec', 'sarif-schema-2.1.0.json');

const fixtures = listFixtures();
const out = mkdtempSync(join(tmpdir(), 'csmlint-formats-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

let json: JsonReport;
let sarif: SarifLog;
let junit: string;
let github: string;

beforeAll(() => {
  const args = ['--format', 'json', '--format', `sarif=${out}/report.sarif`, '--format', `junit=${out}/junit/report.xml`, '--format', `github=${out}/github.txt`];
  const child = spawnSync(process.execPath, [CLI_BIN, ...args, ...fixtures.map((f) => f.name)], { cwd: FIXTURES_DIR, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (!child.stdout.startsWith('{')) throw new Error(`csmlint failed (status ${child.status}): ${child.stderr}`);
  json = JSON.parse(child.stdout) as JsonReport;
  sarif = JSON.parse(readFileSync(join(out, 'report.sarif'), 'utf8')) as SarifLog;
  junit = readFileSync(join(out, 'junit/report.xml'), 'utf8');
  github = readFileSync(join(out, 'github.txt'), 'utf8');
});

describe('sarif', () => {
  it('validates against the SARIF 2.1.0 schema, for every broken fixture at once', () => {
    if (!existsSync(SARIF_SCHEMA_PATH)) throw new Error(`the SARIF schema is missing: expected the shared spec at ${SARIF_SCHEMA_PATH}`);
    const ajv = new ajvDraft04.default({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8')) as object);
    const valid = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const broken = new Set(json.diagnostics.map((d) => d.file.split('/')[0]));
    expect(broken.size).toBeGreaterThan(fixtures.length / 2);
  });

  it('lists every rule with its docs link, and each result points at its rule', () => {
    const { rules } = sarif.runs[0]!.tool.driver;
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const rule of RULES) {
      const descriptor = rules.find((r) => r.id === rule.id)!;
      expect(descriptor).toMatchObject({ name: rule.name, helpUri: ruleDocsUrl(rule.id, rule.name), fullDescription: { text: rule.docs.why } });
    }
    for (const result of sarif.runs[0]!.results) expect(rules[result.ruleIndex]!.id).toBe(result.ruleId);
  });

  it('carries the same findings as json: 1-based ranges, related locations, fixes', () => {
    const results = sarif.runs[0]!.results;
    expect(results).toHaveLength(json.diagnostics.length);
    json.diagnostics.forEach((d, i) => {
      const result = results[i]!;
      const region = { startLine: d.range.start.line, startColumn: d.range.start.column, endLine: d.range.end.line, endColumn: d.range.end.column };
      expect(result).toMatchObject({ ruleId: d.ruleId, message: { text: d.message } });
      expect(result.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: d.file, uriBaseId: '%SRCROOT%' }, region });
      expect(result.relatedLocations?.map((r) => [r.physicalLocation.artifactLocation.uri, r.message?.text])).toEqual(d.related?.map((r) => [r.file, r.message]));
      const safe = (result.fixes ?? []).filter((f) => f.properties?.safe);
      expect(safe.map((f) => f.artifactChanges[0]!.replacements[0]!.insertedContent.text)).toEqual(d.fix ? [d.fix.edits[0]!.newText] : []);
    });
    expect(results.some((r) => r.relatedLocations?.length)).toBe(true);
    expect(results.some((r) => r.fixes?.length)).toBe(true);
    expect(sarif.runs[0]!.originalUriBaseIds!['%SRCROOT%']!.uri).toBe(`file://${FIXTURES_DIR}/`);
  });
});

describe('junit', () => {
  it('has one testcase per package, failed when it has an error, listing its findings', () => {
    const cases = [...junit.matchAll(/<testcase classname="csmlint" name="([^"]+)"/g)].map((m) => m[1]);
    expect(cases).toEqual(fixtures.map((f) => f.name));
    expect(junit).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="csmlint" tests="\d+" failures="\d+" errors="\d+">/);
    const failure = /<testcase classname="csmlint" name="csm401-function-not-found">\n {6}<failure message="1 error, 0 warnings" type="CSM401">([^<]*)<\/failure>/.exec(junit);
    expect(failure?.[1]).toMatch(/^csm401-function-not-found\/metadata\.yaml:4:17: error: `entryPoint` `wieghted_mae` is not a function in custom_metrics\.py; did you mean `weighted_mae`\? \[CSM401\]$/);
    expect(junit).toContain('<testcase classname="csmlint" name="valid-regression"/>');
    expect(junit).toMatch(/<testcase classname="csmlint" name="csm901-invalid-config">\n {6}<error message="3 errors, 0 warnings" type="CSM901">csm901-invalid-config\/\.csmlint\.yaml:3:3: error: /);
  });
});

describe('github', () => {
  it('prints one workflow command per finding shown (hints only with --hints)', () => {
    const lines = github.trimEnd().split('\n');
    const shown = json.diagnostics.filter((d) => d.severity !== 'hint');
    expect(lines).toHaveLength(shown.length);
    const d = shown.find((x) => x.ruleId === 'CSM401')!;
    const { start, end } = d.range;
    expect(lines).toContain(`::error file=${d.file},line=${start.line},col=${start.column},endLine=${end.line},endColumn=${end.column},title=CSM401 function-not-found::${d.message}`);
    expect(lines.filter((l) => l.startsWith('::warning ')).length).toBe(shown.filter((x) => x.severity === 'warning').length);
    expect(lines.filter((l) => l.startsWith('::notice ')).length).toBe(shown.filter((x) => x.severity === 'info').length);
  });
});

describe('awkward text in the machine formats', () => {
  const cwd = '/work/pkg';
  const finding: Diagnostic = {
    file: '/work/pkg/my metrics,v2/metadata.yaml',
    ruleId: 'CSM212',
    ruleName: 'unknown-field',
    severity: 'warning',
    message: 'Key `a:b,c` is 100% <unknown> & "odd"\nsecond line\u0001',
    range: FILE_START,
  };
  const report: LintReport = { cwd, diagnostics: [finding], packages: 1, packageDirs: ['/work/pkg/my metrics,v2'], files: 1, sources: new Map() };

  it('github escapes %, line breaks, and in properties also : and ,', () => {
    expect(formatGithub(report, { color: false, showHints: false })).toBe(
      '::warning file=my metrics%2Cv2/metadata.yaml,line=1,col=1,endLine=1,endColumn=1,title=CSM212 unknown-field::Key `a:b,c` is 100%25 <unknown> & "odd"%0Asecond line\u0001\n',
    );
  });

  it('junit escapes XML and drops characters XML cannot hold', () => {
    const xml = formatJunit(report, { color: false, showHints: false });
    expect(xml).toContain('<testcase classname="csmlint" name="my metrics,v2">');
    expect(xml).toContain('<system-out>my metrics,v2/metadata.yaml:1:1: warning: Key `a:b,c` is 100% &lt;unknown&gt; &amp; "odd"\nsecond line\ufffd [CSM212]</system-out>');
  });

  it('sarif percent-encodes paths into URI references', () => {
    const log = toSarifLog(report);
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('my%20metrics%2Cv2/metadata.yaml');
  });
});

describe('outputs', () => {
  const root = makeTree({ 'pkg/metadata.yaml': VALID_METADATA.replaceAll('weighted_mae', 'wieghted_mae'), 'pkg/custom_metrics.py': VALID_CODE });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('prints stylish and writes sarif in one run; -o sends the report to a file', async () => {
    const [both, toFile] = await Promise.all([
      runCli(['--format', 'stylish', '--format', 'sarif=reports/csmlint.sarif', 'pkg'], { cwd: root }),
      runCli(['-f', 'json', '-o', 'reports/csmlint.json', 'pkg'], { cwd: root }),
    ]);
    expect(both).toMatchObject({ code: 1, stderr: '' });
    expect(both.stdout).toContain('CSM401');
    expect((JSON.parse(readFileSync(join(root, 'reports/csmlint.sarif'), 'utf8')) as SarifLog).runs[0]!.results[0]!.ruleId).toBe('CSM401');
    expect(toFile).toMatchObject({ code: 1, stdout: '', stderr: '' });
    expect((JSON.parse(readFileSync(join(root, 'reports/csmlint.json'), 'utf8')) as JsonReport).summary.errors).toBe(1);
  });

  it('rejects two formats for stdout, an unknown format, a missing file name, one file twice', () => {
    expect(() => resolveOutputs(['stylish', 'json'])).toThrow('only one `--format` can print to stdout; write the others to files with `--format NAME=FILE`');
    expect(() => resolveOutputs(['sarif', 'json'], 'a.txt')).toThrow('only one `--format` can print to `-o a.txt`');
    expect(() => resolveOutputs(['xml'])).toThrow('unknown format `xml`; expected one of stylish, json, sarif, junit, github');
    expect(() => resolveOutputs(['sarif='])).toThrow('`--format sarif=` needs a file name after `=`');
    expect(() => resolveOutputs(['sarif=a.out', 'junit=a.out'])).toThrow(/^two outputs write to `.*a\.out`$/);
    expect(resolveOutputs(['sarif=r.sarif']).map((t) => [t.format, t.file])).toEqual([['stylish', undefined], ['sarif', 'r.sarif']]);
    expect(resolveOutputs([], 'o.txt').map((t) => [t.format, t.file])).toEqual([['stylish', 'o.txt']]);
  });

  it('says so in one line, exit 2, when a report cannot be written', async () => {
    const result = await runCli(['--format', 'sarif=pkg/metadata.yaml/x.sarif', 'pkg'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^csmlint: could not write the sarif report to pkg\/metadata\.yaml\/x\.sarif: [^\n]+\n$/);
  });
});

describe('--stdin --stdin-filename', () => {
  const typo = VALID_METADATA.replaceAll('weighted_mae', 'wieghted_mae');
  const root = makeTree({ 'pkg/metadata.yaml': VALID_METADATA, 'pkg/custom_metrics.py': VALID_CODE });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const csmlint = (input: string, ...args: string[]) => {
    const child = spawnSync(process.execPath, [CLI_BIN, ...args], { cwd: root, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { code: child.status, stdout: child.stdout, stderr: child.stderr };
  };

  it('lints the text as that file, with its partner from disk', () => {
    const result = csmlint(typo, '--stdin', '--stdin-filename', 'pkg/metadata.yaml', '--format', 'json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.diagnostics.map((d) => [d.file, d.ruleId, d.related?.[0]?.file])).toEqual([['pkg/metadata.yaml', 'CSM401', 'pkg/custom_metrics.py']]);
    expect(report.summary).toMatchObject({ packages: 1, files: 2 });
    expect(readFileSync(join(root, 'pkg/metadata.yaml'), 'utf8')).toBe(VALID_METADATA);
  });

  it('with --fix prints the fixed text and reports on stderr; the files on disk stay as they are', () => {
    const result = csmlint(typo.replace('useWeights: true', 'use_weights: true'), '--stdin', '--stdin-filename', 'pkg/metadata.yaml', '--fix');
    expect(result.stdout).toBe(VALID_METADATA);
    expect(result.stderr).toContain('csmlint: fixed 2 problems in 1 file (CSM213 snake-case-field, CSM401 function-not-found)');
    expect(result.stderr).toContain('✔ 1 package checked, no problems');
    expect(result.code).toBe(0);
    expect(readFileSync(join(root, 'pkg/metadata.yaml'), 'utf8')).toBe(VALID_METADATA);
  });

  it('works for a file that is not on disk yet', () => {
    const result = csmlint(VALID_CODE, '--stdin', '--stdin-filename', 'new/custom_metrics.py', '--format', 'json');
    expect((JSON.parse(result.stdout) as JsonReport).diagnostics.map((d) => [d.file, d.ruleId])).toEqual([['new/custom_metrics.py', 'CSM002']]);
  });

  it('needs a package file name, and no paths', () => {
    expect(csmlint('', '--stdin')).toMatchObject({ code: 2, stderr: 'csmlint: `--stdin` needs `--stdin-filename PATH`: the package file the text stands for\n' });
    expect(csmlint('', '--stdin', '--stdin-filename', 'notes.txt')).toMatchObject({
      code: 2,
      stderr: 'csmlint: `--stdin-filename notes.txt` must name a package file (metadata.yaml, metadata.yml, custom_metrics.py)\n',
    });
    expect(csmlint('', '--stdin', '--stdin-filename', 'pkg/metadata.yaml', 'pkg')).toMatchObject({ code: 2, stderr: 'csmlint: `--stdin` lints the text on stdin: give no paths\n' });
  });
});
