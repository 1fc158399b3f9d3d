/** Applying the core's safe fixes the way `--fix` does, and the facts a fix must never lose. */
import { Lexer } from 'yaml';
import { LineIndex, SNAKE_CASE_ALIASES, type Diagnostic, type Fix, type Linter, type LintOptions } from '@csmlint/core';

/** Package files by path (the path gives the role, as in `lint`). */
export type PackageTexts = Record<string, string>;

const MAX_PASSES = 10;

interface OffsetEdit {
  file: string;
  start: number;
  end: number;
  newText: string;
}

/** Lints, applies every safe fix whose edits overlap no fix already taken, and repeats until no fix is left. */
export function applyAllFixes(linter: Linter, texts: PackageTexts, options: LintOptions = {}): { texts: PackageTexts; passes: number; applied: number } {
  let current = { ...texts };
  let applied = 0;
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const fixes = lint(linter, current, options).diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
    const accepted = acceptNonOverlapping(fixes, current);
    if (accepted.length === 0) return { texts: current, passes: pass - 1, applied };
    current = applyEdits(current, accepted.flat()).texts;
    applied += accepted.length;
  }
  throw new Error(`fixes did not converge after ${MAX_PASSES} passes`);
}

/** One fix applied alone: the new texts and, per file, the line ranges (0-based, in the new text) its edits wrote. */
export interface AppliedFix {
  description: string;
  texts: PackageTexts;
  touched: Array<{ file: string; firstLine: number; lastLine: number }>;
}

/** Applies `fix` alone to `texts`. */
export function applyOneFix(fix: Fix, texts: PackageTexts): AppliedFix {
  const edits = toOffsets(fix, texts);
  if (edits.some((e) => !(e.file in texts))) throw new Error(`fix \`${fix.description}\` edits a file that is not in the package`);
  const { texts: next, placed } = applyEdits(texts, edits);
  const touched = placed.map((e) => {
    const lines = new LineIndex(next[e.file]!);
    return { file: e.file, firstLine: lines.positionAt(e.start).line, lastLine: lines.positionAt(e.end).line };
  });
  return { description: fix.description, texts: next, touched };
}

/** Lints package texts. */
export function lint(linter: Linter, texts: PackageTexts, options: LintOptions = {}): { diagnostics: Diagnostic[] } {
  const result = linter.lint(Object.entries(texts).map(([path, content]) => ({ path, content })), options);
  if (result.ruleFailures.length) throw new Error(`rule failures: ${result.ruleFailures.map((f) => f.ruleId).join(', ')}`);
  return result;
}

function toOffsets(fix: Fix, texts: PackageTexts): OffsetEdit[] {
  return fix.edits.map((e) => {
    const lines = new LineIndex(texts[e.file] ?? '');
    return { file: e.file, start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText };
  });
}

function overlaps(a: OffsetEdit, b: OffsetEdit): boolean {
  if (a.file !== b.file) return false;
  if (a.start === b.start) return true; // two edits at one place: their order would be a guess
  return a.start < b.end && b.start < a.end;
}

function acceptNonOverlapping(fixes: Fix[], texts: PackageTexts): OffsetEdit[][] {
  const taken: OffsetEdit[] = [];
  const accepted: OffsetEdit[][] = [];
  for (const fix of fixes) {
    const edits = toOffsets(fix, texts);
    if (edits.some((e) => !(e.file in texts))) throw new Error(`fix \`${fix.description}\` edits a file that is not in the package`);
    if (edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...edits);
    accepted.push(edits);
  }
  return accepted;
}

/** Applies non-overlapping edits; `placed` gives each edit's new text span in the result. */
function applyEdits(texts: PackageTexts, edits: OffsetEdit[]): { texts: PackageTexts; placed: OffsetEdit[] } {
  const next = { ...texts };
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    const text = next[e.file]!;
    next[e.file] = text.slice(0, e.start) + e.newText + text.slice(e.end);
  }
  const placed = edits.map((e) => {
    const shift = edits
      .filter((other) => other.file === e.file && other.start < e.start)
      .reduce((sum, other) => sum + other.newText.length - (other.end - other.start), 0);
    return { ...e, start: e.start + shift, end: e.start + shift + e.newText.length };
  });
  return { texts: next, placed };
}

/** The facts of a package that a fix must keep. */
export interface PackageFacts {
  /** Number of metric items (mapping or not). */
  metricCount: number;
  /** Per metric item: how many distinct keys it has (a snake_case alias counts as its camelCase key). */
  metricKeyCounts: number[];
  topLevelKeyCount: number;
  /** Comment texts of both files, sorted (suppression comments excepted: CSM900 may remove an unused one). */
  comments: string[];
  /** Module-level function names, sorted. */
  functionNames: string[];
  errorsByRule: Record<string, number>;
  errorCount: number;
  /** Every finding (the next fix to apply is read from here). */
  diagnostics: Diagnostic[];
  /** Each error as `RULE file:line` (messages name the metric, which a fix may change), and its 0-based line. */
  errors: Array<{ key: string; file: string; line: number }>;
}

/** What `texts` declares and what the linter finds in it. */
export function packageFacts(linter: Linter, texts: PackageTexts, options: LintOptions = {}): PackageFacts {
  const pkg = linter.buildContext(Object.entries(texts).map(([path, content]) => ({ path, content })), options);
  try {
    const metrics = pkg.metadata?.metrics ?? [];
    const result = linter.lintContext(pkg, options);
    if (result.ruleFailures.length) throw new Error(`rule failures: ${result.ruleFailures.map((f) => f.ruleId).join(', ')}`);
    const { diagnostics } = result;
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const errorsByRule: Record<string, number> = {};
    for (const e of errors) errorsByRule[e.ruleId] = (errorsByRule[e.ruleId] ?? 0) + 1;
    const metadataText = pkg.metadataFile?.text ?? '';
    const pythonComments = pkg.python ? pkg.python.tree.rootNode.descendantsOfType('comment').flatMap((n) => (n ? [n.text] : [])) : [];
    return {
      metricCount: metrics.length,
      metricKeyCounts: metrics.map((m) => new Set(m.fields.map((f) => SNAKE_CASE_ALIASES[f.key] ?? f.key)).size),
      topLevelKeyCount: pkg.metadata?.rootPairs.length ?? 0,
      comments: [...yamlComments(metadataText), ...pythonComments].map((c) => c.trim()).filter((c) => !/csmlint-disable/.test(c)).sort(),
      functionNames: pkg.python ? [...pkg.python.bindings.values()].flat().filter((b) => b.kind === 'def').map((b) => b.name).sort() : [],
      errorsByRule,
      errorCount: errors.length,
      diagnostics,
      errors: errors.map((e) => ({ key: `${e.ruleId} ${e.file}:${e.range.start.line + 1}`, file: e.file, line: e.range.start.line })),
    };
  } finally {
    pkg.python?.tree.delete();
  }
}

/** The `# ...` comments of a YAML text, from yaml's own lexer (so `#` inside scalars is not one). */
function yamlComments(text: string): string[] {
  return [...new Lexer().lex(text)].filter((token) => token.startsWith('#'));
}

/** Elements of `before` missing from `after` (multisets of strings). */
export function missingFrom(before: string[], after: string[]): string[] {
  const left = new Map<string, number>();
  for (const item of after) left.set(item, (left.get(item) ?? 0) + 1);
  return before.filter((item) => {
    const n = left.get(item) ?? 0;
    if (n === 0) return true;
    left.set(item, n - 1);
    return false;
  });
}
