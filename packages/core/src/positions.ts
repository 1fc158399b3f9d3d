/**
 * The one place where offsets become positions and back.
 *
 * Internally everything is 0-based line / 0-based UTF-16 column (what `yaml` offsets and
 * tree-sitter's string-input indices already are). Line breaks are `\n`, `\r\n` and a lone `\r`,
 * as in LSP and YAML. The CLI's 1-based numbers and LSP's negotiated UTF-8 columns are derived
 * here too, so no other module does arithmetic on columns.
 */
import type { Position, Range } from './diagnostic.js';

export class LineIndex {
  /** Offset (UTF-16) of the first character of each line. */
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) starts.push(i + 1);
      else if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Converts a UTF-16 offset to a position; offsets are clamped into the text. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    const lineEnd = this.lineContentEnd(low);
    return { line: low, character: Math.min(clamped, lineEnd) - this.lineStarts[low]! };
  }

  /** Converts a position to a UTF-16 offset; positions past a line's end clamp to it. */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line]!;
    return Math.min(start + Math.max(0, position.character), this.lineContentEnd(position.line));
  }

  /** The range between two offsets, widened so it never splits a surrogate pair (parsers may point inside an emoji). */
  rangeOf(startOffset: number, endOffset: number): Range {
    const start = this.splitsSurrogatePair(startOffset) ? startOffset - 1 : startOffset;
    const end = this.splitsSurrogatePair(endOffset) ? endOffset + 1 : endOffset;
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  private splitsSurrogatePair(offset: number): boolean {
    const before = this.text.charCodeAt(offset - 1);
    const after = this.text.charCodeAt(offset);
    return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
  }

  /** Offset of the first character of `line`. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))]!;
  }

  /** Offset just past the last character of `line`, before its line break. */
  lineContentEnd(line: number): number {
    const next = this.lineStarts[line + 1];
    if (next === undefined) return this.text.length;
    let end = next;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The text of `line` without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineContentEnd(line));
  }

  /** The line break used by the file (the first one found), for inserting new lines. */
  get eol(): string {
    const m = /\r\n|\n|\r/.exec(this.text);
    return m ? m[0] : '\n';
  }

  /** Column of `position` counted in UTF-8 bytes (for clients that negotiated utf-8). */
  toUtf8Column(position: Position): number {
    const line = this.lineText(position.line);
    return utf8Length(line.slice(0, position.character));
  }

  /** Inverse of `toUtf8Column`: a UTF-8 byte column on `line` back to a UTF-16 position. */
  fromUtf8Column(line: number, byteColumn: number): Position {
    const text = this.lineText(line);
    let bytes = 0;
    let character = 0;
    for (const ch of text) {
      const size = utf8Length(ch);
      if (bytes + size > byteColumn) break;
      bytes += size;
      character += ch.length;
    }
    return { line, character };
  }
}

/** A zero-width range at the start of a file: where package-level findings go. */
export const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** 1-based line and column for printing (CLI, JSON, SARIF, GitHub annotations). */
export function toOneBased(position: Position): { line: number; column: number } {
  return { line: position.line + 1, column: position.character + 1 };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

/** Number of UTF-8 bytes needed for `text` (lone surrogates count as U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
