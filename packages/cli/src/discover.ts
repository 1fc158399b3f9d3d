/**
 * Finding the metric packages under the paths a user gives: a package is a directory holding
 * `metadata.yaml`/`metadata.yml` and/or `custom_metrics.py`. The walk skips `.git`, `node_modules`,
 * `.venv`, `__pycache__`, `.gitignore`d paths and the config's `exclude` patterns, but never the
 * paths named on the command line themselves: like a named package file, a named directory is
 * searched even when it lies inside an ignored or excluded folder (the patterns still apply to
 * what is inside it).
 */
import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Diagnostic } from '@csmlint/core';
import { ConfigResolver, type ConfigLookupOptions, type LoadedConfig } from './config-files.js';
import { ioErrorDiagnostic, isMissing } from './io-errors.js';
import { PACKAGE_FILE_NAMES } from './read-package.js';

/** Directories never searched. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['.git', 'node_modules', '.venv', '__pycache__']);

export interface DiscoverOptions extends ConfigLookupOptions {
  /** Base for relative paths (default: the process's current directory). */
  cwd?: string;
  /** Share a resolver (and its cache) with the caller; otherwise one is made from the lookup options. */
  configs?: ConfigResolver;
}

export interface BadPath {
  path: string;
  reason: 'not-found' | 'not-a-package-file';
}

export interface DiscoveryResult {
  /** Package directories (absolute), sorted, each once. */
  packages: string[];
  /**
   * The package file names each listed package directory holds (ignored or not), so reading need
   * not try every name. Absent for a package named only by one of its files.
   */
  packageFiles: ReadonlyMap<string, readonly string[]>;
  /** Arguments that do not exist or name a file that is no package file: usage errors. */
  badPaths: BadPath[];
  /** CSM006 findings for directories that could not be listed. */
  diagnostics: Diagnostic[];
}

interface GitIgnore {
  base: string;
  matcher: Ignore;
}

/** Finds every package under `paths` (directories are searched; a package file stands for its directory). */
export async function discoverPackages(paths: string[], options: DiscoverOptions = {}): Promise<DiscoveryResult> {
  const cwd = options.cwd ?? process.cwd();
  const walker = new Walker(options.configs ?? new ConfigResolver(options));
  const badPaths: BadPath[] = [];
  for (const given of paths) {
    const path = resolve(cwd, given);
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch (error) {
      if (isMissing(error)) badPaths.push({ path: given, reason: 'not-found' });
      else walker.diagnostics.push(ioErrorDiagnostic(path, error));
      continue;
    }
    if (isDirectory) await walker.walkNamed(path);
    else if (PACKAGE_FILE_NAMES.includes(basename(path))) walker.packages.add(dirname(path));
    else badPaths.push({ path: given, reason: 'not-a-package-file' });
  }
  return { packages: [...walker.packages].sort(), packageFiles: walker.packageFiles, badPaths, diagnostics: walker.diagnostics };
}

class Walker {
  readonly packages = new Set<string>();
  readonly packageFiles = new Map<string, string[]>();
  readonly diagnostics: Diagnostic[] = [];
  /** Exclude matchers by config, then by the named directory being walked (see `unignoring`). */
  private readonly excludes = new WeakMap<LoadedConfig, Map<string, Ignore>>();

  constructor(private readonly configs: ConfigResolver) {}

  /** Walks a directory named on the command line: ignore patterns from above apply inside it, not to it. */
  async walkNamed(dir: string): Promise<void> {
    await this.walk(dir, await gitignoresAbove(dir), dir);
  }

  private async walk(dir: string, gitignores: GitIgnore[], namedRoot: string): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      this.diagnostics.push(ioErrorDiagnostic(dir, error, 'directory'));
      return;
    }
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) gitignores = [...gitignores, await readGitignore(dir)];
    const config = await this.configs.forDirectory(dir, entries.map((e) => e.name));
    const visible = entries.filter((e) => !this.isIgnored(join(dir, e.name), e.isDirectory(), gitignores, config, namedRoot));
    if (visible.some((e) => PACKAGE_FILE_NAMES.includes(e.name))) {
      this.packages.add(dir);
      this.packageFiles.set(dir, entries.filter((e) => PACKAGE_FILE_NAMES.includes(e.name)).map((e) => e.name));
    }
    for (const entry of visible) {
      if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) await this.walk(join(dir, entry.name), gitignores, namedRoot);
    }
  }

  private isIgnored(path: string, isDirectory: boolean, gitignores: GitIgnore[], config: LoadedConfig, namedRoot: string): boolean {
    const suffix = isDirectory ? '/' : '';
    if (gitignores.some((g) => g.matcher.ignores(relativePosix(g.base, path) + suffix))) return true;
    if (!config.root || !config.config.exclude?.length) return false;
    const rel = relativePosix(config.root, path);
    if (rel === '' || rel.startsWith('../')) return false;
    return this.excludeMatcher(config, namedRoot).ignores(rel + suffix);
  }

  private excludeMatcher(config: LoadedConfig, namedRoot: string): Ignore {
    let byRoot = this.excludes.get(config);
    if (!byRoot) this.excludes.set(config, (byRoot = new Map()));
    let matcher = byRoot.get(namedRoot);
    if (!matcher) {
      matcher = ignore().add(config.config.exclude ?? []).add(unignoring(config.root!, namedRoot));
      byRoot.set(namedRoot, matcher);
    }
    return matcher;
  }
}

/**
 * Negated patterns that re-include `namedRoot` and the folders leading to it from `base`, so a
 * pattern that matches one of them does not hide the whole named directory. (A matcher's verdict
 * on a path includes its parents'; the walk itself never enters an ignored folder below the root.)
 */
function unignoring(base: string, namedRoot: string): string[] {
  const rel = relativePosix(base, namedRoot);
  if (rel === '' || rel === '..' || rel.startsWith('../')) return [];
  const segments = rel.split('/').map(escapePattern);
  return segments.map((_, i) => `!/${segments.slice(0, i + 1).join('/')}/`);
}

/** A file name as a literal gitignore pattern segment. (`?` has no escape in `ignore`; as a wildcard it only widens the negation to sibling folders, which the walk never enters.) */
function escapePattern(segment: string): string {
  return segment.replace(/[\\*[\]!#]/g, (c) => `\\${c}`).replace(/ $/, '\\ ');
}

/** The `.gitignore` files between the repository root and `dir` (exclusive), which also apply inside `dir` (not to `dir` itself). */
async function gitignoresAbove(dir: string): Promise<GitIgnore[]> {
  const ancestors: string[] = [];
  for (let current = dir; ; ) {
    if (await exists(join(current, '.git'))) break;
    const parent = dirname(current);
    if (parent === current) return []; // not in a git repository: only the walked tree's own .gitignore files count
    ancestors.unshift(parent);
    current = parent;
  }
  const found: GitIgnore[] = [];
  for (const ancestor of ancestors) {
    if (await exists(join(ancestor, '.gitignore'))) found.push(await readGitignore(ancestor, dir));
  }
  return found;
}

/** The `.gitignore` of `dir`; `namedRoot` (below `dir`) is re-included, with the folders leading to it. */
async function readGitignore(dir: string, namedRoot?: string): Promise<GitIgnore> {
  const text = await readFile(join(dir, '.gitignore'), 'utf8').catch(() => '');
  return { base: dir, matcher: ignore().add(text).add(namedRoot ? unignoring(dir, namedRoot) : []) };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function relativePosix(from: string, to: string): string {
  const rel = relative(from, to);
  return sep === '/' ? rel : rel.split(sep).join('/');
}
