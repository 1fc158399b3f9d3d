/**
 * `--stdin --stdin-filename PATH`: lint the text piped in as if it were the file at PATH (editors,
 * format-on-save tools). The partner file is read from disk next to PATH, and the config is the one
 * that applies there. The file at PATH itself need not exist.
 */
import { basename, dirname, resolve } from 'node:path';
import type { PackageFileInput } from '@csmlint/core';
import { UsageError } from './errors.js';
import type { PackageToLint } from './lint.js';
import { PACKAGE_FILE_NAMES } from './read-package.js';

export interface StdinFile {
  /** Absolute path the text stands for. */
  path: string;
  /** Its package directory. */
  dir: string;
  content: Uint8Array;
}

/** Reads all of standard input as the file `filename` (relative to `cwd`); a name that is no package file is a usage error. */
export async function readStdinFile(filename: string, cwd: string, input: AsyncIterable<Uint8Array | string> = process.stdin): Promise<StdinFile> {
  if (!PACKAGE_FILE_NAMES.includes(basename(filename))) {
    throw new UsageError(`\`--stdin-filename ${filename}\` must name a package file (${PACKAGE_FILE_NAMES.join(', ')})`);
  }
  const chunks: Uint8Array[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const path = resolve(cwd, filename);
  return { path, dir: dirname(path), content: Buffer.concat(chunks) };
}

/** The `rewrite` hook of `lintPaths` that puts the piped text in place of (or next to) the files on disk. */
export function withStdinFile(stdin: StdinFile): (pkg: PackageToLint) => PackageFileInput[] {
  return ({ files }) => [...files.filter((f) => f.path !== stdin.path), { path: stdin.path, content: stdin.content }];
}

