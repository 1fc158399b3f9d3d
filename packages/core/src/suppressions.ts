/**
 * Inline suppressions, the same words in both files:
 * `# csmlint-disable-next-line CSM401`, `# csmlint-disable-line weights-not-accepted`,
 * `# csmlint-disable-file CSM204` (no rule list = every rule).
 */
import type { Diagnostic, Range } from './diagnostic.js';
import { findRule, suggestRule } from './rules/index.js';
import type { Report } from './rules/rule.js';
import type { SourceFile } from './source.js';

export interface Suppression {
  file: string;
  kind: 'next-line' | 'line' | 'file';
  /** Rule IDs or names as written; empty = every rule. */
  rules: string[];
  /** Where each of `rules` is written, same order. */
  ruleRanges: Range[];
  /** The line the suppression covers (for `file`: -1). */
  line: number;
  /** The directive's range in the comment, where an unused one is reported. */
  range: Range;
  /** Which listed rules (or '*' for all) suppressed something. */
  used: Set<string>;
}

const DIRECTIVE = /(?:^|\s)#\s*(csmlint-disable(-next-line|-line|-file))\b([^#\r\n]*)/;

/** `# csmlint-disable-line CSM204 -- generated file`: the words after ` -- ` say why and list no rule. */
const REASON_SEPARATOR = /(?:^|\s)--(?:\s|$)/;

/** Finds the suppression comments of a file. */
export function findSuppressions(file: SourceFile): Suppression[] {
  const found: Suppression[] = [];
  if (!file.text.includes('csmlint-disable')) return found;
  for (let line = 0; line < file.lines.lineCount; line++) {
    const text = file.lines.lineText(line);
    const match = DIRECTIVE.exec(text);
    if (!match) continue;
    const kind = match[2] === '-next-line' ? 'next-line' : match[2] === '-line' ? 'line' : 'file';
    const directiveStart = match.index + match[0].indexOf('csmlint-disable');
    const listStart = match.index + match[0].length - (match[3] ?? '').length;
    const list = (match[3] ?? '').split(REASON_SEPARATOR)[0]!;
    const rules: string[] = [];
    const ruleRanges: Range[] = [];
    for (const token of list.matchAll(/[^\s,]+/g)) {
      const start = listStart + token.index;
      rules.push(token[0]);
      ruleRanges.push({ start: { line, character: start }, end: { line, character: start + token[0].length } });
    }
    const end = match.index + match[0].trimEnd().length;
    found.push({
      file: file.path,
      kind,
      rules,
      ruleRanges,
      line: kind === 'next-line' ? line + 1 : kind === 'line' ? line : -1,
      range: { start: { line, character: directiveStart }, end: { line, character: end } },
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

/** CSM900 reports for what the suppressions did not use, after `suppresses` ran on every finding. */
export function unusedSuppressionReports(suppressions: Suppression[]): Report[] {
  const reports: Report[] = [];
  for (const s of suppressions) {
    const directive = `csmlint-disable-${s.kind}`;
    if (s.rules.length === 0) {
      if (!s.used.has('*')) reports.push({ file: s.file, range: s.range, messageId: 'unusedAll', data: { directive } });
      continue;
    }
    s.rules.forEach((name, i) => {
      if (s.used.has(name)) return;
      const range = s.ruleRanges[i] ?? s.range;
      const rule = findRule(name);
      if (rule?.reportedBy === 'run') return; // the execution check's findings are not seen by lint: no telling
      if (rule) {
        reports.push({ file: s.file, range, messageId: 'unused', data: { rule: name, directive } });
        return;
      }
      const close = suggestRule(name);
      const hint = close ? `did you mean \`${close}\`?` : 'run `csmlint rules` for the list.';
      reports.push({ file: s.file, range, messageId: 'unknownRule', data: { rule: name, directive, hint } });
    });
  }
  return reports;
}
