/**
 * Code actions for our diagnostics: every fix and suggestion the core attached (carried in
 * `diagnostic.data`), and "disable RULE for this line" (a `# csmlint-disable-next-line` comment).
 */
import type { LineIndex } from '@csmlint/core';
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type WorkspaceEdit } from 'vscode-languageserver/node';
import { DIAGNOSTIC_SOURCE, readDiagnosticData, type DiagnosticData } from '../diagnostics.js';
import type { PositionCodec } from '../encoding.js';

export interface CodeActionContext {
  uri: string;
  /** The current text of `uri` (open document or file on disk). */
  lines: LineIndex | undefined;
  codec: PositionCodec;
  /** Current version of an open document, null when not open. */
  versionOf: (uri: string) => number | null;
  /** Our payload for a diagnostic the client returned without `data` (matched against the last publish). */
  recoverData: (uri: string, diagnostic: LspDiagnostic) => DiagnosticData | undefined;
  toEdit: (edits: Array<{ uri: string; range: LspDiagnostic['range']; newText: string }>) => WorkspaceEdit | undefined;
  /** Kinds the client asked for (`context.only`). */
  only?: string[];
}

/** CSM900 (unused suppression) is about a suppression comment: suppressing it makes no sense. */
const UNSUPPRESSIBLE = new Set(['CSM900']);

export function codeActionsFor(diagnostics: readonly LspDiagnostic[], context: CodeActionContext): CodeAction[] {
  if (context.only && !context.only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === CodeActionKind.Empty)) {
    return [];
  }
  const fixes: CodeAction[] = [];
  const suppressions = new Map<string, CodeAction>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const data = readDiagnosticData(diagnostic.data) ?? context.recoverData(context.uri, diagnostic);
    const current = data && !isStale(data, context) ? data.fixes : [];
    for (const fix of current) {
      const edit = context.toEdit(fix.edits);
      if (edit) fixes.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred || undefined, edit });
    }
    const rule = typeof diagnostic.code === 'string' ? diagnostic.code : data?.ruleId;
    if (!rule || UNSUPPRESSIBLE.has(rule) || !context.lines) continue;
    const key = `${rule}@${diagnostic.range.start.line}`;
    if (suppressions.has(key)) continue;
    const suppression = suppressionAction(rule, data?.ruleName, diagnostic, context.lines, context);
    if (suppression) suppressions.set(key, suppression);
  }
  return [...fixes, ...suppressions.values()];
}

/** A fix computed for other file versions than the current ones would land in the wrong place. */
function isStale(data: DiagnosticData, context: CodeActionContext): boolean {
  return Object.entries(data.versions).some(([uri, version]) => context.versionOf(uri) !== version);
}

const NEXT_LINE_DIRECTIVE = /^(\s*)#\s*csmlint-disable-next-line\b(.*)$/;

function suppressionAction(rule: string, ruleName: string | undefined, diagnostic: LspDiagnostic, lines: LineIndex, context: CodeActionContext): CodeAction | undefined {
  const line = diagnostic.range.start.line;
  if (line < 0 || line >= lines.lineCount) return undefined;
  const title = `Disable ${rule}${ruleName ? ` (${ruleName})` : ''} for this line`;
  const previous = line > 0 ? lines.lineText(line - 1) : undefined;
  const existing = previous === undefined ? undefined : NEXT_LINE_DIRECTIVE.exec(previous);
  let edit: WorkspaceEdit | undefined;
  if (existing) {
    const listed = (existing[2] ?? '').split(/[\s,]+/).filter(Boolean);
    if (listed.length === 0 || listed.some((r) => r.toUpperCase() === rule)) return undefined;
    const end = context.codec.toClient(lines, lines.positionAt(lines.lineContentEnd(line - 1)));
    edit = context.toEdit([{ uri: context.uri, range: { start: end, end }, newText: `, ${rule}` }]);
  } else {
    const indent = /^\s*/.exec(lines.lineText(line))![0];
    const start = lines.positionAt(lines.lineStart(line));
    edit = context.toEdit([{ uri: context.uri, range: { start, end: start }, newText: `${indent}# csmlint-disable-next-line ${rule}${lines.eol}` }]);
  }
  return edit ? { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit } : undefined;
}
