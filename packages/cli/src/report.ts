/** What a lint run hands to the formatters. */
import type { Diagnostic, FileContent, Severity } from '@csmlint/core';

export interface LintReport {
  /** Paths are printed relative to this directory. */
  cwd: string;
  /** The findings to print, sorted (paths as the run made them; formatters make them relative). */
  diagnostics: Diagnostic[];
  packages: number;
  /** The package directories, for formats that report per package (junit). */
  packageDirs?: readonly string[];
  files: number;
  /** Contents of the files that have findings, for code frames. */
  sources: ReadonlyMap<string, FileContent>;
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  fixable: number;
}

const COUNT_KEY: Record<Severity, keyof Omit<Counts, 'fixable'>> = { error: 'errors', warning: 'warnings', info: 'infos', hint: 'hints' };

/** Counts findings per severity, and those with a safe fix. */
export function countDiagnostics(diagnostics: readonly Diagnostic[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0, hints: 0, fixable: 0 };
  for (const d of diagnostics) {
    counts[COUNT_KEY[d.severity]]++;
    if (d.fix) counts.fixable++;
  }
  return counts;
}
