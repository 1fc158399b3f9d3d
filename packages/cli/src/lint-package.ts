/**
 * Linting one package of a run, from its directory to plain data. The serial loop and the worker
 * threads both call `lintPackage`, so a run gives the same findings whichever path it takes.
 */
import type { Diagnostic, FileContent, Linter, LintOptions, PackageFileInput } from '@csmlint/core';
import { displayPath } from './json-diagnostic.js';
import { readPackageFiles } from './read-package.js';
import { runExecutionCheckOnFiles, type RunConfig } from './run/index.js';

/** One package to lint, as plain data (it may be posted to a worker thread). */
export interface PackageJob {
  /** The package directory (absolute). */
  dir: string;
  /** The package file names discovery listed in `dir`; absent: try each name. */
  fileNames?: readonly string[];
  options: LintOptions;
  /** The execution check's settings, when the check is on for this package. */
  run?: RunConfig;
}

/** What linting one package gave, as plain data. */
export interface PackageOutcome {
  /** How many package files were read (or linted, after a rewrite). */
  files: number;
  diagnostics: Diagnostic[];
  /** One line per rule that crashed (exit code 2). */
  failures: string[];
  /** The contents of the files that have findings, for code frames. */
  sources: Array<[path: string, content: FileContent]>;
}

/** A package about to be linted, as `LintRunOptions.rewrite` receives it. */
export interface PackageToLint {
  dir: string;
  files: PackageFileInput[];
  options: LintOptions;
  linter: Linter;
}

/** Replaces a package's contents before it is linted (`--fix`, `--stdin`). */
export type Rewrite = (pkg: PackageToLint) => PackageFileInput[] | Promise<PackageFileInput[]>;

/** Reads and lints the package of `job` (and runs its execution check when asked); never throws for what it finds on disk. */
export async function lintPackage(job: PackageJob, linter: Linter, cwd: string, rewrite?: Rewrite): Promise<PackageOutcome> {
  const read = readPackageFiles(job.dir, job.fileNames);
  if (read.diagnostics.length) return { files: read.files.length, diagnostics: read.diagnostics, failures: [], sources: [] };
  const files = rewrite ? await rewrite({ dir: job.dir, files: read.files, options: job.options, linter }) : read.files;
  const result = linter.lint(files, job.options);
  const failures = result.ruleFailures.map((failure) => {
    const reason = failure.error instanceof Error ? failure.error.message : String(failure.error);
    return `internal error: rule ${failure.ruleId} failed on ${displayPath(job.dir, cwd)}: ${reason}; please report it`;
  });
  const executed = job.run ? await runExecutionCheckOnFiles(linter, job.dir, files, job.options, job.run) : [];
  const diagnostics = executed.length ? [...result.diagnostics, ...executed] : result.diagnostics;
  const withFindings = new Set(diagnostics.map((d) => d.file));
  const sources = files.filter((file) => withFindings.has(file.path)).map((file): [string, FileContent] => [file.path, file.content]);
  return { files: files.length, diagnostics, failures, sources };
}
