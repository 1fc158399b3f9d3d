/** Checks that every range a lint result carries lies inside the document it points into. */
import { DEFAULT_MAX_FILE_SIZE, decodeSource, type LineIndex, type LintResult, type PackageFileInput, type Range } from '@csmlint/core';

/** The line index of each input file as the rules see it (decoded, BOM stripped; empty when unreadable). */
export function documentsOf(files: PackageFileInput[], maxFileSize = DEFAULT_MAX_FILE_SIZE): Map<string, LineIndex> {
  return new Map(files.map((f) => [f.path, decodeSource(f.path, f.content, maxFileSize).lines]));
}

/** Every range of the result (diagnostic, related, fix and suggestion edits) with a label for messages. */
export function rangesOf(result: LintResult): Array<{ where: string; file: string; range: Range }> {
  const all: Array<{ where: string; file: string; range: Range }> = [];
  for (const d of result.diagnostics) {
    const tag = `${d.ruleId}@${d.file}`;
    all.push({ where: tag, file: d.file, range: d.range });
    for (const r of d.related ?? []) all.push({ where: `${tag} related`, file: r.file, range: r.range });
    for (const e of d.fix?.edits ?? []) all.push({ where: `${tag} fix`, file: e.file, range: e.range });
    for (const s of d.suggestions ?? []) for (const e of s.edits) all.push({ where: `${tag} suggestion`, file: e.file, range: e.range });
  }
  return all;
}

/** What is wrong with `range` in `lines`, or undefined when it lies inside the document. */
export function rangeProblem(range: Range, lines: LineIndex): string | undefined {
  for (const [label, p] of [['start', range.start], ['end', range.end]] as const) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character)) return `${label} is not integral`;
    if (p.line < 0 || p.line >= lines.lineCount) return `${label} line ${p.line} outside 0..${lines.lineCount - 1}`;
    const text = lines.lineText(p.line);
    if (p.character < 0 || p.character > text.length) return `${label} character ${p.character} outside 0..${text.length} on line ${p.line}`;
    if (splitsSurrogatePair(text, p.character)) return `${label} character ${p.character} splits a surrogate pair on line ${p.line}`;
  }
  const startsAfterEnd = range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character);
  return startsAfterEnd ? 'start after end' : undefined;
}

function splitsSurrogatePair(text: string, character: number): boolean {
  const before = text.charCodeAt(character - 1);
  const after = text.charCodeAt(character);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Every out-of-bounds range of `result` (also ranges in files that are not in the package), as messages. */
export function boundsViolations(result: LintResult, documents: Map<string, LineIndex>): string[] {
  const violations: string[] = [];
  for (const { where, file, range } of rangesOf(result)) {
    const lines = documents.get(file);
    if (!lines) {
      violations.push(`${where}: points into \`${file}\`, not a file of the package`);
      continue;
    }
    const problem = rangeProblem(range, lines);
    if (problem) violations.push(`${where}: ${JSON.stringify(range)} ${problem}`);
  }
  return violations;
}
