/** The source line under a finding, with a caret under its range (columns by display width). */
import type pc from 'picocolors';
import type { LineIndex, Range } from '@csmlint/core';

/** Lines longer than this are cut around the finding. */
const MAX_SHOWN_WIDTH = 160;

/**
 * Two lines: `  4 | source` and `    |     ^^^^`. The caret covers the range on its first line (one
 * caret for an empty range). Tabs are kept in the padding so the caret lines up under them.
 */
export function codeFrame(lines: LineIndex, range: Range, paint: (text: string) => string, colors: ReturnType<typeof pc.createColors>): string[] {
  const lineNumber = range.start.line;
  if (lineNumber >= lines.lineCount) return [];
  let text = lines.lineText(lineNumber);
  let start = Math.min(range.start.character, text.length);
  let end = range.end.line === lineNumber ? Math.min(range.end.character, text.length) : text.length;
  if (text.length > MAX_SHOWN_WIDTH) {
    const from = Math.max(0, start - MAX_SHOWN_WIDTH / 2);
    text = text.slice(from, from + MAX_SHOWN_WIDTH);
    start -= from;
    end = Math.min(end - from, text.length);
  }
  const gutter = String(lineNumber + 1);
  const padding = [...text.slice(0, start)].map((ch) => (ch === '\t' ? '\t' : ' '.repeat(charWidth(ch)))).join('');
  const caretWidth = Math.max(1, displayWidth(text.slice(start, end)));
  return [
    `${colors.dim(`${gutter} |`)} ${text}`,
    `${colors.dim(`${' '.repeat(gutter.length)} |`)} ${padding}${paint('^'.repeat(caretWidth))}`,
  ];
}

/** Columns a terminal gives `text` (wide CJK and emoji count 2, combining marks 0). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}

const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/u;
const ZERO_WIDTH = /[\p{Mn}\p{Me}\u200B-\u200F\uFE0F]/u;

function charWidth(ch: string): number {
  if (ZERO_WIDTH.test(ch)) return 0;
  return WIDE.test(ch) ? 2 : 1;
}
