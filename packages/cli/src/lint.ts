/** One lint run over the paths a user gives: discovery, config, reading, the engine. */
import { readFile } from 'node:fs/promises';
import {
  compareDiagnostics, lintOptionsFromConfig, type Diagnostic, type FileContent, type Linter, type LintOptions, type PackageFileInput, type SeverityOrOff,
} from '@csmlint/core';
import { ConfigResolver } from './config-files.js';
import { discoverPackages, type BadPath } from './discover.js';
import { displayPath } from './json-diagnostic.js';
import { loadLinter } from './linter.js';
import { readPackageFiles } from './read-package.js';
import { runExecutionCheckOnFiles } from './run/index.js';

export interface LintRunOptions {
  paths: string[];
  cwd: string;
  configFile?: string;
  noConfig?: boolean;
  /** Severities from the command line (`--rule`), by rule ID: they override the config's. */
  rules?: Record<string, SeverityOrOff>;
  /** `--target-type`, canonical spelling: overrides the config's. */
  targetType?: string;
  /** `--run`: the execution check (runs each package's code), on top of config `run: true`. */
  run?: boolean;
  /** Lint exactly these package directories instead of searching `paths` (`--stdin`, `preview`). */
  packages?: string[];
  /** Replaces a package's contents before it is linted (`--fix` returns what it fixed, `--stdin` adds the piped text). */
  rewrite?: (pkg: PackageToLint) => PackageFileInput[] | Promise<PackageFileInput[]>;
}

/** A package about to be linted, as `LintRunOptions.rewrite` receives it. */
export interface PackageToLint {
  dir: string;
  files: PackageFileInput[];
  options: LintOptions;
  linter: Linter;
}

export interface LintRun {
  /** Every finding, sorted by display path and position. */
  diagnostics: Diagnostic[];
  packages: number;
  /** The package directories (absolute), sorted. */
  packageDirs: string[];
  files: number;
  sources: Map<string, FileContent>;
  /** Arguments that are neither a directory nor a package file. */
  badPaths: BadPath[];
  /** Why the run could not do its whole job (exit code 2): bad configs, unreadable files, crashed rules. One line each. */
  failures: string[];
}

/** Lints every package under `options.paths`. Never throws for what it finds on disk. */
export async function lintPaths(options: LintRunOptions): Promise<LintRun> {
  const configs = new ConfigResolver(options);
  if (options.configFile) await configs.forDirectory(options.cwd); // a bad --config is reported even with no package
  const discovery = options.packages
    ? { packages: options.packages, badPaths: [], diagnostics: [] }
    : await discoverPackages(options.paths, { cwd: options.cwd, configs });
  const run: LintRun = {
    diagnostics: [...discovery.diagnostics],
    packages: discovery.packages.length,
    packageDirs: discovery.packages,
    files: 0,
    sources: new Map(),
    badPaths: discovery.badPaths,
    failures: [],
  };
  if (discovery.badPaths.length) return run;
  const linter = await loadLinter();
  for (const dir of discovery.packages) {
    const loaded = await configs.forDirectory(dir);
    if (loaded.diagnostics.length) continue; // reported once per config file below
    const read = await readPackageFiles(dir);
    if (read.diagnostics.length) {
      run.files += read.files.length;
      append(run.diagnostics, read.diagnostics);
      continue;
    }
    const lintOptions = withOverrides(lintOptionsFromConfig(loaded.config), options);
    const files = options.rewrite ? await options.rewrite({ dir, files: read.files, options: lintOptions, linter }) : read.files;
    run.files += files.length;
    const result = linter.lint(files, lintOptions);
    for (const failure of result.ruleFailures) {
      const reason = failure.error instanceof Error ? failure.error.message : String(failure.error);
      run.failures.push(`internal error: rule ${failure.ruleId} failed on ${displayPath(dir, options.cwd)}: ${reason}; please report it`);
    }
    const executed = options.run || loaded.config.run
      ? await runExecutionCheckOnFiles(linter, dir, files, lintOptions, { ...loaded.config, configDir: loaded.root })
      : [];
    append(run.diagnostics, result.diagnostics);
    append(run.diagnostics, executed);
    const withFindings = new Set([...result.diagnostics, ...executed].map((d) => d.file));
    for (const file of files) if (withFindings.has(file.path)) run.sources.set(file.path, file.content);
  }
  for (const config of await configs.loadedConfigs()) {
    if (!config.diagnostics.length) continue;
    append(run.diagnostics, config.diagnostics);
    const text = await readFile(config.file!).catch(() => undefined); // for the code frames
    if (text) run.sources.set(config.file!, text);
  }
  const hostFailures = run.diagnostics.filter(isHostFailure).map((d) => `${displayPath(d.file, options.cwd)}: ${d.message}`);
  run.failures = [...hostFailures, ...run.failures];
  run.diagnostics = sortForDisplay(run.diagnostics, options.cwd);
  return run;
}

/** Sorts by the printed (relative) path, directory by directory, then position and rule. */
function sortForDisplay(diagnostics: Diagnostic[], cwd: string): Diagnostic[] {
  const paths = new Map(diagnostics.map((d) => [d.file, displayPath(d.file, cwd).split('/')]));
  return diagnostics.sort((a, b) => comparePaths(paths.get(a.file)!, paths.get(b.file)!) || compareDiagnostics(a, b));
}

/** `pkg/x` before `pkg-2/x`: a package's files stay together. */
function comparePaths(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return a.length - b.length;
}

/** `target.push(...items)` without the argument-count limit (a hostile file can make 100,000s of findings). */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** Findings that mean the run could not check something: I/O errors and bad configs. */
export function isHostFailure(d: Diagnostic): boolean {
  return d.ruleId === 'CSM006' || d.ruleId === 'CSM901';
}

function withOverrides(options: LintOptions, cli: LintRunOptions): LintOptions {
  const rules = cli.rules && Object.keys(cli.rules).length ? { ...options.rules, ...cli.rules } : options.rules;
  return {
    ...options,
    ...(rules ? { rules } : {}),
    ...(cli.targetType ? { targetType: cli.targetType } : {}),
  };
}
