/**
 * The tree-sitter tree of an open custom_metrics.py, kept across edits: each content change is
 * replayed on the old tree with `tree.edit`, and the next parse reuses it (incremental reparse).
 */
import type { LineIndex, PythonModule } from '@csmlint/core';

type Tree = PythonModule['tree'];
type Edit = Parameters<Tree['edit']>[0];
type Point = Edit['startPosition'];

/** Parses Python text, reusing `previous` (already edited) when given: `linter.parsePython`. */
export type PythonParser = (text: string, previous?: Tree) => Tree;

export class IncrementalPythonTree {
  /** The last tree parsed, edited since to match `expectedText`. */
  private tree: Tree | undefined;
  /** The text the edited tree describes; a parse of any other text starts from scratch. */
  private expectedText: string | undefined;

  /** Records one replacement of `[start, oldEnd)` (UTF-16 offsets in `before`) by text ending at `newEnd` in `after`. */
  edit(start: number, oldEnd: number, newEnd: number, before: LineIndex, after: LineIndex): void {
    if (!this.tree) return;
    if (LONE_CR.test(after.text)) {
      this.reset();
      return;
    }
    const edit: Edit = {
      startIndex: start,
      oldEndIndex: oldEnd,
      newEndIndex: newEnd,
      startPosition: pointAt(before, start),
      oldEndPosition: pointAt(before, oldEnd),
      newEndPosition: pointAt(after, newEnd),
    };
    this.tree.edit(edit);
    this.expectedText = after.text;
  }

  /** Forgets the tree (after a full-text change): the next parse starts from scratch. */
  reset(): void {
    this.tree?.delete();
    this.tree = undefined;
    this.expectedText = undefined;
  }

  /**
   * Parses `text`, incrementally when the edited tree describes it. The returned tree stays owned
   * here (it is the base of the next reparse): callers must not delete it.
   */
  parse(text: string, parser: PythonParser): Tree {
    const previous = this.tree && this.expectedText === text ? this.tree : undefined;
    const next = parser(text, previous);
    this.tree?.delete();
    this.tree = next;
    this.expectedText = text;
    return next;
  }

  dispose(): void {
    this.reset();
  }
}

/** A lone `\r` breaks lines for LSP (and `LineIndex`) but not for tree-sitter: such texts are parsed afresh. */
const LONE_CR = /\r(?!\n)/;

/** tree-sitter's point for an offset: rows split at `\n`, columns in the input's units (UTF-16 for a JS string). */
function pointAt(lines: LineIndex, offset: number): Point {
  const { line } = lines.positionAt(offset);
  return { row: line, column: offset - lines.lineStart(line) };
}
