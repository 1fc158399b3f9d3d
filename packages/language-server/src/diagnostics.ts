/** Core diagnostics → LSP diagnostics: severity, rule code and docs link, related information, fixes in `data`. */
import { LineIndex, ruleDocsUrl, type Diagnostic, type Fix, type PackageContext, type Severity } from '@csmlint/core';
import {
  DiagnosticSeverity, DiagnosticTag, type Diagnostic as LspDiagnostic, type Range as LspRange,
} from 'vscode-languageserver/node';
import type { PositionCodec } from './encoding.js';

/** The `source` of every diagnostic we publish. */
export const DIAGNOSTIC_SOURCE = 'csmlint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** One edit of a fix, in the client's encoding. */
export interface FixEditData {
  uri: string;
  range: LspRange;
  newText: string;
}

/** A fix carried to the code-action handler in `diagnostic.data`. */
export interface FixData {
  title: string;
  /** The core's safe fix (the preferred quick fix); suggestions are not preferred. */
  preferred: boolean;
  edits: FixEditData[];
}

/** What `diagnostic.data` holds. */
export interface DiagnosticData {
  ruleId: string;
  ruleName: string;
  fixes: FixData[];
  /** Version of each file the fixes edit, when published (null: not open); a fix for a changed file is stale. */
  versions: Record<string, number | null>;
}

/** The open-document version of a URI at publish time (null when it is not open). */
export type VersionOf = (uri: string) => number | null;

/** Finds the line index of a file of the package by its URI (an absent file reads as empty). */
export type LinesOf = (uri: string) => LineIndex;

/** The line index lookup for a built package context. */
export function linesOfContext(context: PackageContext): LinesOf {
  const byPath = new Map(context.files.map((f) => [f.path, f.lines]));
  const empty = new LineIndex('');
  return (uri) => byPath.get(uri) ?? empty;
}

/** Converts one core diagnostic (its `file` is the URI) for publishing. */
export function toLspDiagnostic(diagnostic: Diagnostic, linesOf: LinesOf, versionOf: VersionOf, codec: PositionCodec): LspDiagnostic {
  const range = (uri: string, r: Diagnostic['range']) => codec.rangeToClient(linesOf(uri), r);
  const fixes: FixData[] = [];
  if (diagnostic.fix) fixes.push(toFixData(diagnostic.fix, true, range));
  for (const suggestion of diagnostic.suggestions ?? []) fixes.push(toFixData(suggestion, false, range));
  const versions: Record<string, number | null> = {};
  for (const uri of new Set(fixes.flatMap((f) => f.edits.map((e) => e.uri)))) versions[uri] = versionOf(uri);
  const data: DiagnosticData = { ruleId: diagnostic.ruleId, ruleName: diagnostic.ruleName, fixes, versions };
  const lsp: LspDiagnostic = {
    range: range(diagnostic.file, diagnostic.range),
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.ruleId,
    codeDescription: { href: ruleDocsUrl(diagnostic.ruleId, diagnostic.ruleName) },
    source: DIAGNOSTIC_SOURCE,
    message: diagnostic.message,
    data,
  };
  if (diagnostic.related?.length) {
    lsp.relatedInformation = diagnostic.related.map((r) => ({
      location: { uri: r.file, range: range(r.file, r.range) },
      message: r.message,
    }));
  }
  if (diagnostic.ruleId === UNUSED_SUPPRESSION) lsp.tags = [DiagnosticTag.Unnecessary];
  return lsp;
}

/** CSM900: an unused suppression is shown faded, like unused code. */
const UNUSED_SUPPRESSION = 'CSM900';

function toFixData(fix: Fix, preferred: boolean, range: (uri: string, r: Diagnostic['range']) => LspRange): FixData {
  return {
    title: fix.description,
    preferred,
    edits: fix.edits.map((e) => ({ uri: e.file, range: range(e.file, e.range), newText: e.newText })),
  };
}

/** Reads our payload back from a diagnostic the client returns in a code-action request. */
export function readDiagnosticData(data: unknown): DiagnosticData | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const d = data as Partial<DiagnosticData>;
  if (typeof d.ruleId !== 'string' || !Array.isArray(d.fixes)) return undefined;
  const versions = d.versions && typeof d.versions === 'object' ? d.versions : {};
  return { ruleId: d.ruleId, ruleName: typeof d.ruleName === 'string' ? d.ruleName : '', fixes: d.fixes.filter(isFixData), versions };
}

function isFixData(value: unknown): value is FixData {
  const f = value as FixData | null;
  return !!f && typeof f.title === 'string' && Array.isArray(f.edits) && f.edits.every((e) => e && typeof e.uri === 'string' && typeof e.newText === 'string' && !!e.range);
}
