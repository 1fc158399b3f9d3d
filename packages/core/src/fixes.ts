/**
 * Applying safe fixes (`Diagnostic.fix`), as `--fix` does: lint, apply every fix whose edits overlap
 * no other, lint again, until no fix is left. The result is checked before it is offered: a file
 * whose fixed text would leave the package with new errors is given back unchanged.
 */
import { DEFAULT_MAX_FILE_SIZE } from './conventions.js';
import { compareDiagnostics, type Diagnostic, type Fix, type Range, type Severity } from './diagnostic.js';
import type { Linter, LintOptions, RuleFailure } from './engine.js';
import type { PackageFileInput } from './package-context.js';
import { LineIndex } from './positions.js';
import { decodeSource } from './source.js';

/** Passes of lint-then-fix before giving up on reaching a fixed point (each pass applies every compatible fix). */
export const MAX_FIX_PASSES = 10;

/** An edit of one text: `range` in that text's positions (0-based, UTF-16, BOM excluded). */
export interface RangeEdit {
  range: Range;
  newText: string;
}

export interface FixOptions extends LintOptions {
  /** Only these files (paths as in the input) may be edited; default: every file of the package. */
  fixableFiles?: readonly string[];
  maxPasses?: number;
}

/** A fix that was applied, named by the finding it fixed. */
export interface AppliedFix {
  ruleId: string;
  ruleName: string;
  /** The file of the finding (its edits may lie in the same file only: see `fixPackage`). */
  file: string;
  description: string;
}

/** A file whose fixes were not kept, and the new errors they would have caused. */
export interface RejectedFile {
  file: string;
  newErrors: Diagnostic[];
}

export interface FixResult {
  /** The package's files: fixed where fixing was safe, else the input unchanged (same order as the input). */
  files: PackageFileInput[];
  /** Paths whose content changed. */
  changed: string[];
  /** The fixes kept, in the order they were applied. */
  applied: AppliedFix[];
  /** Files left unchanged because their fixed text would have added errors. */
  rejected: RejectedFile[];
  /** The findings of the returned files. */
  diagnostics: Diagnostic[];
  /** False when fixes still applied after `maxPasses` (the result is still checked and usable). */
  converged: boolean;
  /** Rules that threw: nothing is fixed then (a broken rule could hide a new error). */
  ruleFailures: RuleFailure[];
}

/**
 * Applies `edits` to `text`. Edits must not overlap (two insertions at one point keep their order);
 * positions past a line's end clamp to it, like everywhere else.
 */
export function applyRangeEdits(text: string, edits: readonly RangeEdit[]): string {
  const lines = new LineIndex(text);
  const spans = edits
    .map((edit, order) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText, order }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  let out = '';
  let at = 0;
  for (const span of spans) {
    if (span.start < at) throw new Error('applyRangeEdits: overlapping edits');
    out += text.slice(at, span.start) + span.newText;
    at = span.end;
  }
  return out + text.slice(at);
}

/** One file of the package as the fixer holds it: decoded text, or raw content it must not touch. */
interface WorkingFile {
  path: string;
  original: PackageFileInput['content'];
  /** The decoded text without BOM; undefined for a file that cannot be decoded (never edited). */
  text?: string;
  hadBom: boolean;
}

interface OffsetEdit {
  file: string;
  start: number;
  end: number;
  newText: string;
}

/**
 * Fixes one package: repeats lint → apply every non-overlapping safe fix, up to `maxPasses`, then keeps
 * the largest set of changed files whose fixed texts add no error to the package (checked by linting
 * exactly what would be written). Keeps the BOM, line breaks and everything the edits do not touch.
 */
export function fixPackage(linter: Linter, input: readonly PackageFileInput[], options: FixOptions = {}): FixResult {
  const { fixableFiles, maxPasses = MAX_FIX_PASSES, ...lintOptions } = options;
  const working = input.map((f) => toWorkingFile(f, lintOptions.maxFileSize));
  const editable = new Set(working.filter((f) => f.text !== undefined && (!fixableFiles || fixableFiles.includes(f.path))).map((f) => f.path));
  const original = new Map(working.map((f) => [f.path, f.text]));
  const lint = (texts: ReadonlyMap<string, string | undefined>) => linter.lint(toInputs(working, texts), lintOptions);

  const before = lint(original);
  if (before.ruleFailures.length) return unchanged(input, before.diagnostics, before.ruleFailures);

  let texts = new Map(original);
  let diagnostics = before.diagnostics;
  const applied: Array<{ fix: AppliedFix; files: string[] }> = [];
  let converged = false;
  for (let pass = 0; pass < maxPasses; pass++) {
    const chosen = chooseFixes(diagnostics, texts, editable);
    const next = applyOffsetEdits(texts, chosen.flatMap((c) => c.edits));
    if (chosen.length === 0 || sameTexts(next, texts)) {
      converged = true;
      break;
    }
    texts = next;
    for (const { diagnostic, edits } of chosen) applied.push({ fix: describeFix(diagnostic), files: [...new Set(edits.map((e) => e.file))] });
    const result = lint(texts);
    if (result.ruleFailures.length) return unchanged(input, before.diagnostics, result.ruleFailures);
    diagnostics = result.diagnostics;
  }

  const changed = working.filter((f) => texts.get(f.path) !== f.text).map((f) => f.path);
  const verdict = keepSafeFiles(changed, texts, original, before.diagnostics, lint);
  if (!verdict) return unchanged(input, before.diagnostics, []);
  const kept = new Set(verdict.kept);
  const finalTexts = new Map(working.map((f) => [f.path, kept.has(f.path) ? texts.get(f.path) : f.text]));
  return {
    files: toInputs(working, finalTexts, kept),
    changed: verdict.kept,
    applied: applied.filter((a) => a.files.every((file) => kept.has(file))).map((a) => a.fix),
    rejected: changed.filter((file) => !kept.has(file)).map((file) => ({ file, newErrors: verdict.newErrors })),
    diagnostics: verdict.diagnostics,
    converged,
    ruleFailures: [],
  };
}

function toWorkingFile(file: PackageFileInput, maxFileSize: number | undefined): WorkingFile {
  const decoded = decodeSource(file.path, file.content, maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
  if (decoded.unreadable) return { path: file.path, original: file.content, hadBom: false };
  return { path: file.path, original: file.content, text: decoded.text, hadBom: decoded.hadBom };
}

const encoder = new TextEncoder();

/** Package inputs for `texts`; a file keeps its original content unless it is in `rewritten` (default: any whose text differs). */
function toInputs(working: WorkingFile[], texts: ReadonlyMap<string, string | undefined>, rewritten?: ReadonlySet<string>): PackageFileInput[] {
  return working.map((f) => {
    const text = texts.get(f.path);
    const changed = rewritten ? rewritten.has(f.path) : text !== f.text;
    if (!changed || text === undefined) return { path: f.path, content: f.original };
    return { path: f.path, content: encoder.encode((f.hadBom ? '\uFEFF' : '') + text) };
  });
}

function unchanged(input: readonly PackageFileInput[], diagnostics: Diagnostic[], ruleFailures: RuleFailure[]): FixResult {
  return { files: [...input], changed: [], applied: [], rejected: [], diagnostics, converged: true, ruleFailures };
}

function describeFix(d: Diagnostic): AppliedFix {
  return { ruleId: d.ruleId, ruleName: d.ruleName, file: d.file, description: d.fix!.description };
}

/** The fixes to apply in one pass: in finding order, each whole, skipping any that touches an edit already taken. */
function chooseFixes(diagnostics: Diagnostic[], texts: ReadonlyMap<string, string | undefined>, editable: ReadonlySet<string>): Array<{ diagnostic: Diagnostic; edits: OffsetEdit[] }> {
  const taken: OffsetEdit[] = [];
  const chosen: Array<{ diagnostic: Diagnostic; edits: OffsetEdit[] }> = [];
  const indexes = new Map<string, LineIndex>();
  const lineIndex = (file: string) => {
    let index = indexes.get(file);
    if (!index) indexes.set(file, (index = new LineIndex(texts.get(file) ?? '')));
    return index;
  };
  for (const diagnostic of [...diagnostics].sort(compareDiagnostics)) {
    const fix: Fix | undefined = diagnostic.fix;
    if (!fix || fix.edits.length === 0 || fix.edits.some((e) => !editable.has(e.file))) continue;
    const edits = fix.edits.map((e) => {
      const lines = lineIndex(e.file);
      return { file: e.file, start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText };
    });
    if (edits.some((e, i) => taken.some((t) => overlaps(e, t)) || edits.some((o, j) => j < i && overlaps(e, o)))) continue;
    taken.push(...edits);
    chosen.push({ diagnostic, edits });
  }
  return chosen;
}

/** Edits that touch: overlapping spans, or two at one point (their order would be a guess). */
function overlaps(a: OffsetEdit, b: OffsetEdit): boolean {
  if (a.file !== b.file) return false;
  if (a.start === b.start) return true;
  return a.start < b.end && b.start < a.end;
}

function applyOffsetEdits(texts: ReadonlyMap<string, string | undefined>, edits: OffsetEdit[]): Map<string, string | undefined> {
  const next = new Map(texts);
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    const text = next.get(e.file)!;
    next.set(e.file, text.slice(0, e.start) + e.newText + text.slice(e.end));
  }
  return next;
}

function sameTexts(a: ReadonlyMap<string, string | undefined>, b: ReadonlyMap<string, string | undefined>): boolean {
  for (const [path, text] of a) if (b.get(path) !== text) return false;
  return true;
}

interface Verdict {
  kept: string[];
  diagnostics: Diagnostic[];
  /** The errors the fixes of every changed file together would add (empty when all were kept). */
  newErrors: Diagnostic[];
}

/**
 * The largest set of changed files that can be written: tries every changed file, then smaller sets,
 * linting each combination exactly as it would be on disk. Undefined when a lint fails.
 */
function keepSafeFiles(
  changed: string[],
  texts: ReadonlyMap<string, string | undefined>,
  original: ReadonlyMap<string, string | undefined>,
  before: Diagnostic[],
  lint: (texts: ReadonlyMap<string, string | undefined>) => { diagnostics: Diagnostic[]; ruleFailures: RuleFailure[] },
): Verdict | undefined {
  let newErrorsOfAll: Diagnostic[] = [];
  for (const subset of subsetsLargestFirst(changed)) {
    const candidate = new Map(original);
    for (const file of subset) candidate.set(file, texts.get(file));
    const result = subset.length === 0 ? { diagnostics: before, ruleFailures: [] } : lint(candidate);
    if (result.ruleFailures.length) return undefined;
    const added = newErrors(before, result.diagnostics);
    if (subset.length === changed.length) newErrorsOfAll = added;
    if (added.length === 0) return { kept: subset, diagnostics: result.diagnostics, newErrors: newErrorsOfAll };
  }
  return undefined;
}

/** Every subset of `items` (a package has at most three files), largest first, in input order within a size. */
function subsetsLargestFirst<T>(items: T[]): T[][] {
  const subsets: T[][] = [];
  for (let mask = (1 << items.length) - 1; mask >= 0; mask--) subsets.push(items.filter((_, i) => mask & (1 << i)));
  return subsets.sort((a, b) => b.length - a.length);
}

const ERROR: Severity = 'error';

/**
 * Errors in `after` that make it worse than `before`, file by file: every error of a rule that had no
 * error in that file before, or, when a file has more errors of a rule than before, those of that rule.
 */
export function newErrors(before: readonly Diagnostic[], after: readonly Diagnostic[]): Diagnostic[] {
  const count = (list: readonly Diagnostic[]) => {
    const counts = new Map<string, number>();
    for (const d of list) if (d.severity === ERROR) counts.set(`${d.file}\0${d.ruleId}`, (counts.get(`${d.file}\0${d.ruleId}`) ?? 0) + 1);
    return counts;
  };
  const was = count(before);
  const now = count(after);
  return after.filter((d) => d.severity === ERROR && (now.get(`${d.file}\0${d.ruleId}`) ?? 0) > (was.get(`${d.file}\0${d.ruleId}`) ?? 0));
}
