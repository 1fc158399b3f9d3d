/**
 * What `--fix`, `--fix-dry-run` and `--stdin` change around one lint run: which packages are linted,
 * how their contents are replaced before linting, where the report goes, and what is printed after.
 *
 * | mode                    | stdout                     | report      | files on disk |
 * |-------------------------|----------------------------|-------------|---------------|
 * | (plain), `--stdin`      | the report                 | stdout      | unchanged     |
 * | `--fix`                 | the report of what is left | stdout      | fixed         |
 * | `--fix-dry-run`         | the unified diff           | not printed | unchanged     |
 * | `--stdin --fix`         | the fixed text             | stderr      | unchanged     |
 * | `--stdin --fix-dry-run` | the unified diff           | not printed | unchanged     |
 *
 * Reports routed to files (`--format NAME=FILE`) are written in every mode; fix summaries go to stderr.
 * The exit code is always that of the report: what is left once the fixes are (or would be) applied.
 */
import type { PackageFileInput } from '@csmlint/core';
import type { CliArgs } from './args.js';
import { PackageFixer } from './fix/fixer.js';
import type { LintRunOptions, PackageToLint } from './lint.js';
import type { MainStream } from './outputs.js';
import { readStdinFile, withStdinFile } from './stdin.js';

export interface LintMode {
  /** Options to merge into `lintPaths`' (`packages`, `rewrite`). */
  runOptions: Pick<LintRunOptions, 'packages' | 'rewrite'>;
  /** Where the report of the main format goes. */
  main: MainStream;
  /** Prints what the mode prints after the run (diff, fixed text, fix summary); returns lines for failures (exit code 2). */
  finish(): string[];
}

/** The mode `args` ask for; reads standard input for `--stdin`. */
export async function lintMode(args: CliArgs, cwd: string): Promise<LintMode> {
  const stdin = args.stdinFilename !== undefined ? await readStdinFile(args.stdinFilename, cwd) : undefined;
  const fixing = args.fix || args.fixDryRun;
  const fixer = fixing ? new PackageFixer(args.fixDryRun ? 'diff' : stdin ? 'print' : 'write', cwd, stdin?.path) : undefined;
  const rewrite = chain(stdin ? withStdinFile(stdin) : undefined, fixer?.rewrite);
  return {
    runOptions: { ...(stdin ? { packages: [stdin.dir] } : {}), ...(rewrite ? { rewrite } : {}) },
    main: args.fixDryRun ? 'none' : stdin && args.fix ? 'stderr' : 'stdout',
    finish: () => {
      if (!fixer) return [];
      if (args.fixDryRun) process.stdout.write(fixer.diff());
      else if (stdin) process.stdout.write(fixer.fixedContent(stdin.path) ?? stdin.content);
      for (const line of fixer.summary()) process.stderr.write(`csmlint: ${line}\n`);
      return fixer.writeFailures;
    },
  };
}

type Rewrite = (pkg: PackageToLint) => PackageFileInput[] | Promise<PackageFileInput[]>;

/** Runs the rewrites one after the other (the piped text first, then the fixes). */
function chain(...rewrites: Array<Rewrite | undefined>): Rewrite | undefined {
  const present = rewrites.filter((r): r is Rewrite => r !== undefined);
  if (present.length === 0) return undefined;
  return async (pkg) => {
    let files = pkg.files;
    for (const rewrite of present) files = await rewrite({ ...pkg, files });
    return files;
  };
}
