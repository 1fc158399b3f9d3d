/** `yaml`'s parse errors and warnings as problems with a plain message and the range of the offending text. */
import { isMap, isPair, isScalar, isSeq, type YAMLError } from 'yaml';
import type { LineIndex } from '../positions.js';
import type { YamlProblem } from './metadata-model.js';

/** Plain wording for the parser codes users hit most; the parser's own text otherwise. */
const MESSAGES: Partial<Record<YAMLError['code'], string>> = {
  TAB_AS_INDENT: 'a tab is used for indentation, and YAML allows only spaces: indent with spaces',
  BAD_INDENT: 'the indentation is inconsistent: align the keys of one mapping and indent values under their key',
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line and be followed by `:`: add the missing `:` or join the lines',
  BLOCK_AS_IMPLICIT_KEY: 'a plain value cannot contain `: `: quote the value',
  BAD_SCALAR_START: 'a plain value cannot start with this character: quote the value',
  BAD_DQ_ESCAPE: 'invalid escape sequence in a double-quoted string: use single quotes, or double the backslash',
  KEY_OVER_1024_CHARS: 'a key is longer than 1024 characters: shorten it',
};

/** Converts the errors and warnings of one parsed document (`root`: its contents, to find unclosed quotes). */
export function syntaxProblems(errors: readonly YAMLError[], root: unknown, lines: LineIndex): YamlProblem[] {
  return errors.map((error) => {
    const unclosed = error.code === 'MISSING_CHAR' && /quote/i.test(error.message) ? unclosedQuote(root, error.pos[0], lines) : undefined;
    const [start, end] = unclosed ?? focus(lines, error.pos[0], error.pos[1]);
    const kind = error.code === 'TAB_AS_INDENT' ? 'tab' : error.code === 'TAG_RESOLVE_FAILED' ? 'unknown-tag' : 'syntax';
    const detail = kind === 'unknown-tag'
      ? lines.text.slice(start, end)
      : unclosed ? 'this quoted string is never closed: add the closing quote' : (MESSAGES[error.code] ?? `${firstSentence(error.message)}: fix the YAML here`);
    return { kind, range: lines.rangeOf(start, end), message: detail, code: error.code };
  });
}

/**
 * The parser often points at the indentation before the offending line: move such a range onto
 * the line's text, so the editor underlines what is wrong instead of blanks.
 */
function focus(lines: LineIndex, start: number, end: number): [number, number] {
  const text = lines.text;
  const clampedEnd = Math.min(Math.max(end, start), text.length);
  if (text.slice(start, clampedEnd).trim() !== '' || start >= text.length) return [start, clampedEnd];
  if (text[start] === '\t') return [start, start + 1];
  const { line } = lines.positionAt(start);
  const lineEnd = lines.lineContentEnd(line);
  let at = start;
  while (at < lineEnd && (text[at] === ' ' || text[at] === '\t')) at++;
  if (at === lineEnd) return [start, clampedEnd];
  let stop = lineEnd;
  while (stop > at && /[ \t]/.test(text[stop - 1]!)) stop--;
  return [at, stop];
}

/**
 * The parser reports a missing closing quote where the file ends; the mistake is where the string
 * opens: the last quoted scalar running up to the error, from its quote to the end of that line.
 */
function unclosedQuote(root: unknown, errorOffset: number, lines: LineIndex): [number, number] | undefined {
  let opening: number | undefined;
  const visit = (node: unknown): void => {
    if (isPair(node)) {
      visit(node.key);
      visit(node.value);
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items) visit(item);
    } else if (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range) {
      const [start, , end] = node.range;
      if (start < errorOffset && errorOffset <= end && (opening === undefined || start > opening)) opening = start;
    }
  };
  visit(root);
  if (opening === undefined) return undefined;
  const lineEnd = lines.lineContentEnd(lines.positionAt(opening).line);
  return [opening, lineEnd];
}

function firstSentence(message: string): string {
  const line = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
  return line.charAt(0).toLowerCase() + line.slice(1).replace(/\.$/, '');
}
