/** positions.ts: offsets ↔ 0-based UTF-16 positions, UTF-8 columns and 1-based numbers, on text that is not ASCII. */
import { decodeSource, LineIndex, toOneBased, utf8Length } from '@csmlint/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const at = (line: number, character: number) => ({ line, character });

describe('LineIndex', () => {
  it('maps offsets to positions and back on ASCII text', () => {
    const index = new LineIndex('metrics:\n  - name: rmse\n');
    expect(index.lineCount).toBe(3);
    expect(index.positionAt(0)).toEqual(at(0, 0));
    expect(index.positionAt(11)).toEqual(at(1, 2));
    expect(index.offsetAt(at(1, 2))).toBe(11);
    expect(index.lineText(1)).toBe('  - name: rmse');
    expect(index.positionAt(index.text.length)).toEqual(at(2, 0));
  });

  it('counts columns in UTF-16 code units: accents and symbols are one unit', () => {
    const text = 'label: Précision ✓\nname: x';
    const index = new LineIndex(text);
    const check = text.indexOf('✓');
    expect(index.positionAt(check)).toEqual(at(0, 17));
    expect(index.positionAt(text.indexOf('name'))).toEqual(at(1, 0));
    expect(index.toUtf8Column(at(0, 17))).toBe(18); // é is 2 bytes in UTF-8
    expect(index.fromUtf8Column(0, 18)).toEqual(at(0, 17));
  });

  it('handles CJK comments (one UTF-16 unit, three UTF-8 bytes each)', () => {
    const text = '# 日本語のコメント\ndef rmse(y_true, y_pred): ...\n';
    const index = new LineIndex(text);
    expect(index.lineText(0)).toBe('# 日本語のコメント');
    expect(index.positionAt(text.indexOf('def'))).toEqual(at(1, 0));
    expect(index.toUtf8Column(at(0, 5))).toBe(2 + 3 * 3);
    expect(index.fromUtf8Column(0, 11)).toEqual(at(0, 5));
  });

  it('counts an emoji as two UTF-16 units and four UTF-8 bytes', () => {
    const text = 'label: 😀 score';
    const index = new LineIndex(text);
    const score = text.indexOf('score');
    expect(index.positionAt(score)).toEqual(at(0, 10));
    expect(index.toUtf8Column(at(0, 10))).toBe(12);
    expect(index.fromUtf8Column(0, 12)).toEqual(at(0, 10));
    // a byte column inside the emoji falls back to its start
    expect(index.fromUtf8Column(0, 9)).toEqual(at(0, 7));
  });

  it('treats CRLF as one line break and keeps \\r out of the line text', () => {
    const text = 'metrics:\r\n  - name: rmse\r\n';
    const index = new LineIndex(text);
    expect(index.lineCount).toBe(3);
    expect(index.lineText(0)).toBe('metrics:');
    expect(index.positionAt(text.indexOf('-'))).toEqual(at(1, 2));
    expect(index.offsetAt(at(1, 2))).toBe(text.indexOf('-'));
    // offsets on the line break clamp to the end of the line's content
    expect(index.positionAt(8)).toEqual(at(0, 8));
    expect(index.positionAt(9)).toEqual(at(0, 8));
    expect(index.offsetAt(at(0, 99))).toBe(8);
    expect(index.eol).toBe('\r\n');
  });

  it('treats a lone CR as a line break', () => {
    const text = 'a: 1\rb: 2\rc: 3';
    const index = new LineIndex(text);
    expect(index.lineCount).toBe(3);
    expect(index.lineText(1)).toBe('b: 2');
    expect(index.positionAt(text.indexOf('c'))).toEqual(at(2, 0));
    expect(index.eol).toBe('\r');
  });

  it('gives the same positions for LF and CRLF versions of a file', () => {
    const lf = 'metrics:\n  - name: Précision\n    label: 日本\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = new LineIndex(lf);
    const b = new LineIndex(crlf);
    expect(b.positionAt(crlf.indexOf('日本'))).toEqual(a.positionAt(lf.indexOf('日本')));
  });

  it('clamps positions outside the text', () => {
    const index = new LineIndex('ab\ncd');
    expect(index.positionAt(-5)).toEqual(at(0, 0));
    expect(index.positionAt(99)).toEqual(at(1, 2));
    expect(index.offsetAt(at(-1, 0))).toBe(0);
    expect(index.offsetAt(at(9, 0))).toBe(5);
  });

  it('round-trips every offset that is not inside a line break, and UTF-8 columns between characters (property)', () => {
    const piece = fc.constantFrom('a', 'é', '✓', '日', '😀', '\n', '\r\n', '\r', ' ', '\t');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const index = new LineIndex(text);
        for (let offset = 0; offset <= text.length; offset++) {
          const position = index.positionAt(offset);
          if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // between \r and \n
          expect(index.offsetAt(position)).toBe(offset);
          const insideSurrogatePair = /[\ud800-\udbff]/.test(text[offset - 1] ?? '');
          if (!insideSurrogatePair) expect(index.fromUtf8Column(position.line, index.toUtf8Column(position))).toEqual(position);
        }
      }),
    );
  });
});

describe('decodeSource and the BOM', () => {
  it('drops a UTF-8 BOM so positions count from the first real character', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('name: é\n')]);
    const file = decodeSource('metadata.yaml', bytes, 1024);
    expect(file.hadBom).toBe(true);
    expect(file.text.startsWith('name')).toBe(true);
    expect(file.lines.positionAt(file.text.indexOf('é'))).toEqual(at(0, 6));
  });
});

describe('1-based numbers and UTF-8 lengths', () => {
  it('adds one to line and column only for printing', () => {
    expect(toOneBased(at(0, 0))).toEqual({ line: 1, column: 1 });
    expect(toOneBased(at(3, 16))).toEqual({ line: 4, column: 17 });
  });

  it('measures UTF-8 lengths, lone surrogates as U+FFFD', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('✓日')).toBe(6);
    expect(utf8Length('😀')).toBe(4);
    expect(utf8Length('\ud83d')).toBe(3);
    expect(utf8Length('Précision ✓ 日本語 😀')).toBe(new TextEncoder().encode('Précision ✓ 日本語 😀').length);
  });
});
