/** The one Diagnostic type every door (CLI, language server, SARIF, ...) maps from. */

/** A position: 0-based line, 0-based column in UTF-16 code units (LSP's default). */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOrOff = Severity | 'off';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** A location in one of the package's files (`file` is the path the caller gave). */
export interface Location {
  file: string;
  range: Range;
}

export interface RelatedLocation extends Location {
  message: string;
}

export interface TextEdit {
  file: string;
  range: Range;
  newText: string;
}

/** A set of edits that fixes the finding. `safe` fixes are applied by `--fix`; others are offered only. */
export interface Fix {
  description: string;
  edits: TextEdit[];
}

export interface Diagnostic {
  file: string;
  ruleId: string;
  ruleName: string;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedLocation[];
  /** The safe autofix, applied by `--fix` and offered as the preferred quick fix. */
  fix?: Fix;
  /** Fixes a user may choose but that `--fix` never applies (several candidates, stubs, ...). */
  suggestions?: Fix[];
  /** Structured facts about the finding (names, candidates) for adapters and tests. */
  data?: Record<string, unknown>;
}

/** Orders diagnostics by file, then position, then rule: the order every door prints. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.range.end.line - b.range.end.line ||
    a.range.end.character - b.range.end.character ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}
