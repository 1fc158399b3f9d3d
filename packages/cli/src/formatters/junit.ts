/**
 * `--format junit`: JUnit XML for CI test reports (GitLab, Jenkins, Azure DevOps): one testcase per
 * package, failed when it has an error-severity finding; the body lists the findings as
 * `file:line:col: severity: message [RULE]`. A package that could not be checked (CSM006, CSM901) is
 * an `<error>`; findings outside any package (a bad config file) get a testcase of their own.
 */
import { dirname } from 'node:path';
import { toOneBased, type Diagnostic } from '@csmlint/core';
import { displayPath } from '../json-diagnostic.js';
import { isHostFailure } from '../lint.js';
import { countDiagnostics, type LintReport } from '../report.js';
import type { FormatOptions } from './index.js';

interface TestCase {
  name: string;
  diagnostics: Diagnostic[];
}

/** The report as a JUnit XML document. */
export function formatJunit(report: LintReport, options: FormatOptions): string {
  const shown = options.showHints ? report.diagnostics : report.diagnostics.filter((d) => d.severity !== 'hint');
  const cases = testCases(report, shown);
  const failures = cases.filter((c) => outcome(c) === 'failure').length;
  const errors = cases.filter((c) => outcome(c) === 'error').length;
  const counts = `tests="${cases.length}" failures="${failures}" errors="${errors}"`;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="csmlint" ${counts}>`,
    `  <testsuite name="csmlint" ${counts} skipped="0">`,
    ...cases.flatMap((c) => testCaseXml(c, report.cwd)),
    '  </testsuite>',
    '</testsuites>',
  ];
  return out.join('\n') + '\n';
}

/** One case per package (clean ones too), in path order, then one per file outside every package. */
function testCases(report: LintReport, diagnostics: Diagnostic[]): TestCase[] {
  const packages = new Map<string, TestCase>();
  for (const dir of report.packageDirs ?? []) packages.set(dir, { name: displayPath(dir, report.cwd) || '.', diagnostics: [] });
  const loose = new Map<string, TestCase>();
  for (const d of diagnostics) {
    const owner = packages.get(dirname(d.file));
    if (owner) {
      owner.diagnostics.push(d);
      continue;
    }
    let own = loose.get(d.file);
    if (!own) loose.set(d.file, (own = { name: displayPath(d.file, report.cwd), diagnostics: [] }));
    own.diagnostics.push(d);
  }
  const byName = (a: TestCase, b: TestCase) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return [...[...packages.values()].sort(byName), ...loose.values()];
}

function outcome(c: TestCase): 'error' | 'failure' | 'passed' {
  if (c.diagnostics.some(isHostFailure)) return 'error';
  return c.diagnostics.some((d) => d.severity === 'error') ? 'failure' : 'passed';
}

function testCaseXml(c: TestCase, cwd: string): string[] {
  const open = `    <testcase classname="csmlint" name="${xmlAttribute(c.name)}"`;
  if (c.diagnostics.length === 0) return [`${open}/>`];
  const body = c.diagnostics.map((d) => findingLine(d, cwd)).join('\n');
  const result = outcome(c);
  const inner =
    result === 'passed'
      ? `      <system-out>${xmlText(body)}</system-out>`
      : `      <${result} message="${xmlAttribute(summary(c.diagnostics))}" type="${xmlAttribute(firstError(c.diagnostics))}">${xmlText(body)}</${result}>`;
  return [`${open}>`, inner, '    </testcase>'];
}

function findingLine(d: Diagnostic, cwd: string): string {
  const { line, column } = toOneBased(d.range.start);
  return `${displayPath(d.file, cwd)}:${line}:${column}: ${d.severity}: ${d.message} [${d.ruleId}]`;
}

function summary(diagnostics: Diagnostic[]): string {
  const { errors, warnings } = countDiagnostics(diagnostics);
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

function firstError(diagnostics: Diagnostic[]): string {
  return (diagnostics.find((d) => d.severity === 'error') ?? diagnostics[0])!.ruleId;
}

/** Escapes text for XML element content; characters XML 1.0 cannot hold become U+FFFD. */
export function xmlText(text: string): string {
  return text
    .replace(/[\0-\x08\v\f\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Escapes text for a double-quoted XML attribute (line breaks and tabs kept as character references). */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
