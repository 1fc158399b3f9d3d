/**
 * Position encoding negotiated with the client. Internally every position is 0-based UTF-16 (the
 * core's unit); a client that prefers UTF-8 gets byte columns. All conversions go through the
 * core's `LineIndex`, so this module does no column arithmetic of its own.
 */
import type { LineIndex, Position, Range } from '@csmlint/core';
import { PositionEncodingKind, type Position as LspPosition, type Range as LspRange } from 'vscode-languageserver/node';

export type PositionEncoding = 'utf-16' | 'utf-8';

/** `utf-8` only when the client lists it first in `general.positionEncodings`; `utf-16` otherwise (always supported). */
export function negotiateEncoding(clientEncodings: readonly string[] | undefined): PositionEncoding {
  return clientEncodings?.[0] === PositionEncodingKind.UTF8 ? 'utf-8' : 'utf-16';
}

/** Converts positions between the core (UTF-16) and the client (negotiated encoding) for one text. */
export class PositionCodec {
  constructor(readonly encoding: PositionEncoding) {}

  /** Internal position → the client's. */
  toClient(lines: LineIndex, position: Position): LspPosition {
    if (this.encoding === 'utf-16') return { line: position.line, character: position.character };
    return { line: position.line, character: lines.toUtf8Column(position) };
  }

  /** The client's position → internal (UTF-16). */
  fromClient(lines: LineIndex, position: LspPosition): Position {
    if (this.encoding === 'utf-16') return { line: position.line, character: position.character };
    return lines.fromUtf8Column(position.line, position.character);
  }

  rangeToClient(lines: LineIndex, range: Range): LspRange {
    return { start: this.toClient(lines, range.start), end: this.toClient(lines, range.end) };
  }

  rangeFromClient(lines: LineIndex, range: LspRange): Range {
    return { start: this.fromClient(lines, range.start), end: this.fromClient(lines, range.end) };
  }
}
