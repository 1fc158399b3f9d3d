/**
 * Finding the metric packages under the paths a user gives: a package is a directory holding
 * `metadata.yaml`/`metadata.yml` and/or `custom_metrics.py`. The walk skips `.git`, `node_modules`,
 * `.venv`, `__pycache__`, `.gitignore`d paths and the config's `exclude` patterns.
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
    if (isDirectory) await walker.walk(path, await gitignoresAbove(path));
    else if (PACKAGE_FILE_NAMES.includes(basename(path))) walker.packages.add(dirname(path));
    else badPaths.push({ path: given, reason: 'not-a-package-file' });
  }
  return { packages: [...walker.packages].sort(), badPaths, diagnostics: walker.diagnostics };
}

class Walker {
  readonly packages = new Set<string>();
  readonly diagnostics: Diagnostic[] = [];
  private readonly excludes = new WeakMap<LoadedConfig, Ignore>();

  constructor(private readonly configs: ConfigResolver) {}

  async walk(dir: string, gitignores: GitIgnore[]): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      this.diagnostics.push(ioErrorDiagnostic(dir, error, 'directory'));
      return;
    }
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) gitignores = [...gitignores, await readGitignore(dir)];
    const config = await this.configs.forDirectory(dir);
    const visible = entries.filter((e) => !this.isIgnored(join(dir, e.name), e.isDirectory(), gitignores, config));
    if (visible.some((e) => PACKAGE_FILE_NAMES.includes(e.name))) this.packages.add(dir);
    for (const entry of visible) {
      if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) await this.walk(join(dir, entry.name), gitignores);
    }
  }

  private isIgnored(path: string, isDirectory: boolean, gitignores: GitIgnore[], config: LoadedConfig): boolean {
    const suffix = isDirectory ? '/' : '';
    if (gitignores.some((g) => g.matcher.ignores(relativePosix(g.base, path) + suffix))) return true;
    if (!config.root || !config.config.exclude?.length) return false;
    const rel = relativePosix(config.root, path);
    if (rel === '' || rel.startsWith('../')) return false;
    return this.excludeMatcher(config).ignores(rel + suffix);
  }

  private excludeMatcher(config: LoadedConfig): Ignore {
    let matcher = this.excludes.get(config);
    if (!matcher) {
      matcher = ignore().add(config.config.exclude ?? []);
      this.excludes.set(config, matcher);
    }
    return matcher;
  }
}

/** The `.gitignore` files between the repository root and `dir` (exclusive), which also apply inside `dir`. */
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
    if (await exists(join(ancestor, '.gitignore'))) found.push(await readGitignore(ancestor));
  }
  return found;
}

async function readGitignore(dir: string): Promise<GitIgnore> {
  const text = await readFile(join(dir, '.gitignore'), 'utf8').catch(() => '');
  return { base: dir, matcher: ignore().add(text) };
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
