/**
 * Loads the engine for Node hosts (CLI, language server): reads the bundled tree-sitter-python grammar
 * and creates the linter, so core itself stays free of I/O.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createLinter, type Linter } from '@csmlint/core';

const require = createRequire(import.meta.url);

/** Path of tree-sitter-python's WASM grammar. */
export function pythonGrammarPath(): string {
  return require.resolve('tree-sitter-python/tree-sitter-python.wasm');
}

let linter: Promise<Linter> | undefined;

/** The process-wide linter (the grammar is loaded once). */
export function loadLinter(): Promise<Linter> {
  linter ??= readFile(pythonGrammarPath()).then((bytes) => createLinter(bytes));
  return linter;
}
