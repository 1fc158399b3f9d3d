/**
 * Inline suppressions, the same words in both files:
 * `# csmlint-disable-next-line CSM401`, `# csmlint-disable-line weights-not-accepted`,
 * `# csmlint-disable-file CSM204` (no rule list = every rule).
 */
import type { Diagnostic, Range } from './diagnostic.js';
import type { SourceFile } from './source.js';

export interface Suppression {
  file: string;
  kind: 'next-line' | 'line' | 'file';
  /** Rule IDs or names as written; empty = every rule. */
  rules: string[];
  /** The line the suppression covers (for `file`: -1). */
  line: number;
  /** The directive's range in the comment, where an unused one is reported. */
  range: Range;
  /** Which listed rules (or '*' for all) suppressed something. */
  used: Set<string>;
}

const DIRECTIVE = /(?:^|\s)#\s*(csmlint-disable(-next-line|-line|-file))\b([^#\r\n]*)/;

/** Finds the suppression comments of a file. */
export function findSuppressions(file: SourceFile): Suppression[] {
  const found: Suppression[] = [];
  if (!file.text.includes('csmlint-disable')) return found;
  for (let line = 0; line < file.lines.lineCount; line++) {
    const text = file.lines.lineText(line);
    const match = DIRECTIVE.exec(text);
    if (!match) continue;
    const kind = match[2] === '-next-line' ? 'next-line' : match[2] === '-line' ? 'line' : 'file';
    const rules = (match[3] ?? '').split(/[\s,]+/).filter(Boolean);
    const start = match.index + match[0].indexOf('csmlint-disable');
    const end = match.index + match[0].trimEnd().length;
    found.push({
      file: file.path,
      kind,
      rules,
      line: kind === 'next-line' ? line + 1 : kind === 'line' ? line : -1,
      range: { start: { line, character: start }, end: { line, character: end } },
      used: new Set(),
    });
  }
  return found;
}

/** True when `suppression` covers `diagnostic`; marks the rule that matched as used. */
export function suppresses(suppression: Suppression, diagnostic: Diagnostic): boolean {
  if (suppression.file !== diagnostic.file) return false;
  if (suppression.kind !== 'file' && suppression.line !== diagnostic.range.start.line) return false;
  if (suppression.rules.length === 0) {
    suppression.used.add('*');
    return true;
  }
  const matched = suppression.rules.find((r) => r.toUpperCase() === diagnostic.ruleId || r.toLowerCase() === diagnostic.ruleName);
  if (!matched) return false;
  suppression.used.add(matched);
  return true;
}
