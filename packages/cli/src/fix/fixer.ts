/**
 * `--fix` and `--fix-dry-run` for a lint run: fixes each package just before it is linted (so the
 * report shows what is left), writes the files that changed (or only remembers them for the diff),
 * and sums up what was fixed and what was refused.
 */
import { fixPackage, toOneBased, type AppliedFix, type Diagnostic, type FileContent, type PackageFileInput } from '@csmlint/core';
import { describeIoError } from '../io-errors.js';
import { displayPath } from '../json-diagnostic.js';
import type { PackageToLint } from '../lint.js';
import { writeFileAtomically } from './atomic-write.js';
import { unifiedDiff } from './diff.js';

/** `write`: replace the files on disk (`--fix`); `diff`: only show what would change (`--fix-dry-run`); `print`: the caller prints the fixed text (`--stdin --fix`). */
export type FixMode = 'write' | 'diff' | 'print';

export interface FileChange {
  path: string;
  before: FileContent;
  after: FileContent;
}

/** A file left as it was because fixing it would add errors. */
export interface RefusedFile {
  path: string;
  newErrors: Diagnostic[];
}

/** Fixes packages during one lint run and keeps the record. */
export class PackageFixer {
  readonly changes: FileChange[] = [];
  readonly applied: AppliedFix[] = [];
  readonly refused: RefusedFile[] = [];
  /** One line per file that could not be written (exit code 2). */
  readonly writeFailures: string[] = [];

  /** `onlyFile`: fix that file alone (`--stdin`: the partner on disk is never changed). */
  constructor(
    private readonly mode: FixMode,
    private readonly cwd: string,
    private readonly onlyFile?: string,
  ) {}

  /** The `rewrite` hook of `lintPaths`: returns the package as it is after fixing. */
  readonly rewrite = async ({ files, options, linter }: PackageToLint): Promise<PackageFileInput[]> => {
    const result = fixPackage(linter, files, { ...options, ...(this.onlyFile ? { fixableFiles: [this.onlyFile] } : {}) });
    for (const rejected of result.rejected) this.refused.push({ path: rejected.file, newErrors: rejected.newErrors });
    if (result.changed.length === 0) return files;
    const written = new Set<string>();
    for (const path of result.changed) {
      const before = files.find((f) => f.path === path)!.content;
      const after = result.files.find((f) => f.path === path)!.content;
      if (this.mode === 'write') {
        try {
          await writeFileAtomically(path, toBytes(after));
        } catch (error) {
          this.writeFailures.push(`could not write the fixed ${displayPath(path, this.cwd)}: ${describeIoError(error)}`);
          continue;
        }
      }
      written.add(path);
      this.changes.push({ path, before, after });
    }
    const allWritten = written.size === result.changed.length;
    this.applied.push(...result.applied.filter((fix) => allWritten || written.has(fix.file)));
    return result.files.map((f, i) => (result.changed.includes(f.path) && !written.has(f.path) ? files[i]! : f)); // lint what is on disk
  };

  /** The content of `path` after fixing, if it changed. */
  fixedContent(path: string): FileContent | undefined {
    return this.changes.find((c) => c.path === path)?.after;
  }

  /** The unified diff of every change, in the order the files were fixed. */
  diff(): string {
    return this.changes.map((c) => unifiedDiff(displayPath(c.path, this.cwd), c.before, c.after)).join('');
  }

  /** What to tell the user on stderr: what was fixed (or would be), and each file left unfixed and why. */
  summary(): string[] {
    const lines: string[] = [];
    if (this.applied.length) {
      const verb = this.mode === 'diff' ? 'would fix' : 'fixed';
      const files = new Set(this.changes.map((c) => c.path)).size;
      lines.push(`${verb} ${plural(this.applied.length, 'problem')} in ${plural(files, 'file')} (${byRule(this.applied)})`);
    }
    for (const refused of this.refused) {
      const errors = refused.newErrors.map((d) => {
        const { line, column } = toOneBased(d.range.start);
        return `${d.ruleId} ${d.ruleName} at ${displayPath(d.file, this.cwd)}:${line}:${column}`;
      });
      lines.push(`left ${displayPath(refused.path, this.cwd)} unfixed: its fixes would add ${plural(refused.newErrors.length, 'error')} (${errors.join('; ')})`);
    }
    return lines;
  }
}

/** `CSM213 snake-case-field ×2, CSM103 yaml11-boolean`, most frequent first. */
function byRule(applied: AppliedFix[]): string {
  const counts = new Map<string, number>();
  for (const fix of applied) counts.set(`${fix.ruleId} ${fix.ruleName}`, (counts.get(`${fix.ruleId} ${fix.ruleName}`) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([rule, count]) => (count > 1 ? `${rule} ×${count}` : rule))
    .join(', ');
}

function toBytes(content: FileContent): Uint8Array {
  return typeof content === 'string' ? new TextEncoder().encode(content) : content;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
