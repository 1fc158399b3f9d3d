/**
 * `--format sarif`: SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps): every rule in
 * `tool.driver.rules`, findings as results with related locations and their fixes. Paths are relative
 * to `%SRCROOT%`, the directory csmlint ran in; columns are UTF-16 code units, 1-based, as everywhere.
 */
import { sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, ruleDocsUrl, type Diagnostic, type Fix, type Range, type Rule, type Severity } from '@csmlint/core';
import { displayPath, toJsonRange } from '../json-diagnostic.js';
import type { LintReport } from '../report.js';
import { VERSION } from '../version.js';
import type { SarifArtifactLocation, SarifFix, SarifLevel, SarifLocation, SarifLog, SarifRegion, SarifReportingDescriptor, SarifResult } from './sarif-types.js';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';
const INFORMATION_URI = 'https://github.com/csmlint/csmlint';

/** SARIF has no "hint" or "info": both are notes (the csmlint severity is kept in `properties.severity`). */
const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** The report as one SARIF log (hints included, like `json`). */
export function formatSarif(report: LintReport): string {
  return JSON.stringify(toSarifLog(report), null, 2) + '\n';
}

/** The SARIF log object for a report. */
export function toSarifLog(report: LintReport): SarifLog {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const location = (file: string): SarifArtifactLocation => ({ uri: toUriReference(displayPath(file, report.cwd)), uriBaseId: SOURCE_ROOT });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'csmlint', version: VERSION, semanticVersion: VERSION, informationUri: INFORMATION_URI, rules: RULES.map(toDescriptor) } },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(report.cwd.endsWith(sep) ? report.cwd : report.cwd + sep).href } },
        results: report.diagnostics.map((d) => toResult(d, ruleIndex.get(d.ruleId) ?? -1, location)),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

function toDescriptor(rule: Rule): SarifReportingDescriptor {
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.docs.summary },
    fullDescription: { text: rule.docs.why },
    help: { text: rule.docs.fix },
    helpUri: ruleDocsUrl(rule.id, rule.name),
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties: { tags: [rule.group], fixable: rule.fixable, defaultSeverity: rule.severity },
  };
}

function toResult(d: Diagnostic, ruleIndex: number, location: (file: string) => SarifArtifactLocation): SarifResult {
  const result: SarifResult = {
    ruleId: d.ruleId,
    ruleIndex,
    level: LEVELS[d.severity],
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation: location(d.file), region: toRegion(d.range) } }],
    properties: { severity: d.severity, ruleName: d.ruleName },
  };
  if (d.related?.length) {
    result.relatedLocations = d.related.map((r, i): SarifLocation => ({
      id: i + 1,
      physicalLocation: { artifactLocation: location(r.file), region: toRegion(r.range) },
      message: { text: r.message },
    }));
  }
  const offered = [...(d.fix ? [{ fix: d.fix, safe: true }] : []), ...(d.suggestions ?? []).map((fix) => ({ fix, safe: false }))];
  const fixes = offered.filter(({ fix }) => fix.edits.length > 0).map(({ fix, safe }) => toFix(fix, safe, location));
  if (fixes.length) result.fixes = fixes;
  return result;
}

/** A fix as SARIF `fixes[]`: replacements grouped by file. `safe` ones are those `--fix` applies. */
function toFix(fix: Fix, safe: boolean, location: (file: string) => SarifArtifactLocation): SarifFix {
  const byFile = new Map<string, SarifFix['artifactChanges'][number]>();
  for (const edit of fix.edits) {
    let change = byFile.get(edit.file);
    if (!change) byFile.set(edit.file, (change = { artifactLocation: location(edit.file), replacements: [] }));
    change.replacements.push({ deletedRegion: toRegion(edit.range), insertedContent: { text: edit.newText } });
  }
  return { description: { text: fix.description }, artifactChanges: [...byFile.values()], properties: { safe } };
}

function toRegion(range: Range): SarifRegion {
  const { start, end } = toJsonRange(range);
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

/** A relative path as a URI reference: each segment percent-encoded (`my metrics/a.yaml` → `my%20metrics/a.yaml`). */
function toUriReference(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
