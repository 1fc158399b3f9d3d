/** Small helpers the single-rule tables (metadata-rules, python-rules) share. */
import { applyRangeEdits, toOneBased, type Diagnostic, type Fix } from '@csmlint/core';

/** A range as `line:col-line:col`, 1-based, as the tables spell expected ranges. */
export function formatRange(d: { range: Diagnostic['range'] }): string {
  const start = toOneBased(d.range.start);
  const end = toOneBased(d.range.end);
  return `${start.line}:${start.column}-${end.line}:${end.column}`;
}

/** Applies the edits of `fix` (those targeting `file`, when given) to `text`. */
export function applyFix(text: string, fix: Fix, file?: string): string {
  return applyRangeEdits(text, fix.edits.filter((e) => file === undefined || e.file === file));
}

/** `text` with its first `from` replaced by `to`; a table whose base text lacks `from` is a broken test. */
export function replace(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`test setup: ${from} not in text`);
  return text.replace(from, to);
}
