/**
 * The server's incremental reparse: replaying content changes on the previous tree (`tree.edit`)
 * and reparsing with it gives exactly the tree of a fresh parse, and the previous tree is reused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LineIndex, type Linter, type PythonModule, type Range } from '@csmlint/core';
import { loadLinter } from 'csmlint';
import { PositionCodec } from '../packages/language-server/src/encoding.js';
import { OpenDocument } from '../packages/language-server/src/documents.js';

type Tree = PythonModule['tree'];

const CODE = `import numpy as np


def weighted_mae(y_true, y_pred, sample_weight=None, **kwargs) -> float:
    """Précision ✓ 😀 — 日本語."""
    return float(np.average(np.abs(np.asarray(y_true) - np.asarray(y_pred)), weights=sample_weight))
`;

let linter: Linter;

beforeAll(async () => {
  linter = await loadLinter();
});

/** A parser that records whether it was given a previous tree. */
function recordingParser(): { parse: (text: string, previous?: Tree) => Tree; reused: boolean[] } {
  const reused: boolean[] = [];
  return {
    reused,
    parse: (text, previous) => {
      reused.push(previous !== undefined);
      return linter.parsePython(text, previous);
    },
  };
}

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['x', ' ', '(', ')', ':', '\n', '\r\n', '    ', 'def f(a):\n    return a\n', 'é', '😀', '"""', '#'];

describe.each(['utf-16', 'utf-8'] as const)('incremental reparse with a %s client', (encoding) => {
  it('equals a fresh parse after every batch of random edits, reusing the previous tree', () => {
    const codec = new PositionCodec(encoding);
    const doc = new OpenDocument('file:///pkg/custom_metrics.py', '/pkg/custom_metrics.py', 1, CODE);
    const parser = recordingParser();
    doc.pythonTree!.parse(doc.text, parser.parse);
    const next = random(encoding === 'utf-8' ? 8 : 16);
    for (let batch = 0; batch < 150; batch++) {
      const changes: Array<{ range: Range; text: string }> = [];
      for (let i = 0; i < 1 + Math.floor(next() * 3); i++) {
        const lines: LineIndex = new LineIndex(applied(doc.text, changes, codec));
        let start = Math.floor(next() * (lines.text.length + 1));
        let end = Math.min(lines.text.length, start + Math.floor(next() * 5));
        [start, end] = [snap(lines.text, start), snap(lines.text, end)];
        const text = next() < 0.6 ? PIECES[Math.floor(next() * PIECES.length)]! : '';
        changes.push({ range: codec.rangeToClient(lines, lines.rangeOf(start, end)), text });
      }
      const expected = applied(doc.text, changes, codec);
      doc.applyChanges(changes, batch + 2, codec);
      expect(doc.text).toBe(expected);
      const incremental = doc.pythonTree!.parse(doc.text, parser.parse);
      const fresh = linter.parsePython(doc.text);
      expect(incremental.rootNode.toString()).toBe(fresh.rootNode.toString());
      expect(incremental.rootNode.endIndex).toBe(fresh.rootNode.endIndex);
      fresh.delete();
    }
    // Every parse after the first reused the previous tree, except after a lone `\r` (tree-sitter and LSP disagree on it).
    const reusedCount = parser.reused.filter(Boolean).length;
    expect(reusedCount).toBeGreaterThan(100);
    doc.dispose();
  });
});

it('parses afresh after a whole-text change', () => {
  const doc = new OpenDocument('file:///pkg/custom_metrics.py', '/pkg/custom_metrics.py', 1, CODE);
  const parser = recordingParser();
  doc.pythonTree!.parse(doc.text, parser.parse);
  doc.applyChanges([{ text: 'def g():\n    return 1\n' }], 2, new PositionCodec('utf-16'));
  doc.pythonTree!.parse(doc.text, parser.parse);
  doc.applyChanges([{ range: { start: { line: 0, character: 4 }, end: { line: 0, character: 5 } }, text: 'h' }], 3, new PositionCodec('utf-16'));
  doc.pythonTree!.parse(doc.text, parser.parse);
  expect(parser.reused).toEqual([false, false, true]);
  expect(doc.text).toBe('def h():\n    return 1\n');
  doc.dispose();
});

/** Applies LSP changes (in `codec`'s encoding) to a text, one after the other. */
function applied(text: string, changes: Array<{ range: Range; text: string }>, codec: PositionCodec): string {
  for (const change of changes) {
    const lines = new LineIndex(text);
    const range = codec.rangeFromClient(lines, change.range);
    text = text.slice(0, lines.offsetAt(range.start)) + change.text + text.slice(lines.offsetAt(range.end));
  }
  return text;
}

/** Keeps offsets off the middle of a surrogate pair or a CRLF. */
function snap(text: string, offset: number): number {
  const before = text.charCodeAt(offset - 1);
  const at = text.charCodeAt(offset);
  if ((before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff) || (before === 13 && at === 10)) return offset - 1;
  return offset;
}
