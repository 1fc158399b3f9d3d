/**
 * The JSON contract (interfaces.md, `--format json`, version 1): the one conversion of a core
 * Diagnostic to it. Shared with the language server's parity test and the benchmark.
 */
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toOneBased, type Diagnostic, type Range, type Severity } from '@csmlint/core';
import { countDiagnostics, type LintReport } from './report.js';
import { VERSION } from './version.js';

export interface JsonRange {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

export interface JsonDiagnostic {
  file: string;
  ruleId: string;
  ruleName: string;
  severity: Severity;
  message: string;
  range: JsonRange;
  related?: Array<{ file: string; range: JsonRange; message: string }>;
  fix?: { description: string; edits: Array<{ file: string; range: JsonRange; newText: string }> };
}

export interface JsonReport {
  version: 1;
  tool: { name: 'csmlint'; version: string };
  diagnostics: JsonDiagnostic[];
  summary: { packages: number; files: number; errors: number; warnings: number; infos: number; hints: number; fixable: number };
}

/** `file` (a path, or a `file://` URI as the language server has them) relative to `cwd`, with `/` separators. */
export function displayPath(file: string, cwd: string): string {
  const path = file.startsWith('file://') ? fileURLToPath(file) : file;
  const rel = relative(cwd, resolve(cwd, path));
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** 1-based line and column (UTF-16), as printed everywhere outside the engine. */
export function toJsonRange(range: Range): JsonRange {
  return { start: toOneBased(range.start), end: toOneBased(range.end) };
}

/** A core Diagnostic in the JSON contract's shape. */
export function toJsonDiagnostic(d: Diagnostic, cwd: string): JsonDiagnostic {
  return {
    file: displayPath(d.file, cwd),
    ruleId: d.ruleId,
    ruleName: d.ruleName,
    severity: d.severity,
    message: d.message,
    range: toJsonRange(d.range),
    ...(d.related?.length
      ? { related: d.related.map((r) => ({ file: displayPath(r.file, cwd), range: toJsonRange(r.range), message: r.message })) }
      : {}),
    ...(d.fix
      ? {
          fix: {
            description: d.fix.description,
            edits: d.fix.edits.map((e) => ({ file: displayPath(e.file, cwd), range: toJsonRange(e.range), newText: e.newText })),
          },
        }
      : {}),
  };
}

/** The whole `--format json` document. */
export function toJsonReport(report: LintReport): JsonReport {
  const { errors, warnings, infos, hints, fixable } = countDiagnostics(report.diagnostics);
  return {
    version: 1,
    tool: { name: 'csmlint', version: VERSION },
    diagnostics: report.diagnostics.map((d) => toJsonDiagnostic(d, report.cwd)),
    summary: { packages: report.packages, files: report.files, errors, warnings, infos, hints, fixable },
  };
}
