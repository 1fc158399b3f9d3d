/** One lint run over the paths a user gives: discovery, config, reading, the engine (on several threads for a large run). */
import { readFile } from 'node:fs/promises';
import {
  compareDiagnostics, lintOptionsFromConfig, type Diagnostic, type FileContent, type LintOptions, type SeverityOrOff,
} from '@csmlint/core';
import { ConfigResolver } from './config-files.js';
import { discoverPackages, type BadPath } from './discover.js';
import { displayPath } from './json-diagnostic.js';
import { lintPackage, type PackageJob, type PackageOutcome, type Rewrite } from './lint-package.js';
import { loadLinter } from './linter.js';
import { lintInParallel } from './parallel-lint.js';
import { idleCpusSince, lintThreadCount, sampleCpus, type CpuSample } from './thread-count.js';

export type { PackageToLint } from './lint-package.js';

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
  /** Replaces a package's contents before it is linted (`--fix` returns what it fixed, `--stdin` adds the piped text). Lints on one thread. */
  rewrite?: Rewrite;
  /** How many threads lint (`CSMLINT_WORKERS`; 1: no worker threads); default: more for a large run, up to one per idle CPU. */
  threads?: number;
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
  const cpusAtStart = sampleCpus(); // how busy the machine is during discovery decides how many threads lint
  const configs = new ConfigResolver(options);
  if (options.configFile) await configs.forDirectory(options.cwd); // a bad --config is reported even with no package
  const discovery = options.packages
    ? { packages: options.packages, packageFiles: new Map<string, readonly string[]>(), badPaths: [], diagnostics: [] }
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
  const jobs: PackageJob[] = [];
  for (const dir of discovery.packages) {
    const loaded = await configs.forDirectory(dir);
    if (loaded.diagnostics.length) continue; // reported once per config file below
    const fileNames = discovery.packageFiles.get(dir);
    const runConfig = options.run || loaded.config.run ? { run: { ...loaded.config, configDir: loaded.root } } : {};
    jobs.push({ dir, ...(fileNames ? { fileNames } : {}), options: withOverrides(lintOptionsFromConfig(loaded.config), options), ...runConfig });
  }
  for (const outcome of await lintJobs(jobs, options, cpusAtStart)) {
    run.files += outcome.files;
    append(run.diagnostics, outcome.diagnostics);
    append(run.failures, outcome.failures);
    for (const [path, content] of outcome.sources) run.sources.set(path, content);
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

/** Lints the packages in order, or (a large run without rewrite) on several threads: the same outcomes either way. */
async function lintJobs(jobs: PackageJob[], options: LintRunOptions, cpusAtStart: CpuSample): Promise<PackageOutcome[]> {
  if (jobs.length === 0) return [];
  const threads = options.rewrite ? 1 : lintThreadCount(jobs.length, { requested: options.threads, idleCpus: idleCpusSince(cpusAtStart) });
  if (threads > 1) return (await lintInParallel(jobs, threads, options.cwd)).outcomes;
  const linter = await loadLinter();
  const outcomes: PackageOutcome[] = [];
  for (const job of jobs) outcomes.push(await lintPackage(job, linter, options.cwd, options.rewrite));
  return outcomes;
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
