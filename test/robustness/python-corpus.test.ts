/**
 * The module-level function index against CPython's `ast` (test/oracle/py_index.py) on the standard
 * library of the machine's python3 and on hand-written edge cases: names, conditional or not,
 * async, line, parameters with kinds and defaults. Also: no syntax problem on valid code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Linter, PyFunction } from '@csmlint/core';
import { loadLinter } from 'csmlint';
import { lintRobustly } from './support/robust-lint.js';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const ORACLE = fileURLToPath(new URL('../oracle/py_index.py', import.meta.url));
const EDGE_CASES_DIR = fileURLToPath(new URL('../data/python-edge-cases', import.meta.url));
/** Directories of the stdlib that hold test data (some deliberately invalid) rather than library code. */
const SKIPPED_DIRS = new Set(['test', 'tests', 'idle_test', 'site-packages', 'dist-packages', '__pycache__']);
/** Large enough for every stdlib module (the biggest is ~230 KB); the CLI default is 1 MiB. */
const MAX_FILE_SIZE = 16 * 1024 * 1024;

interface OracleParam {
  name: string;
  kind: string;
  hasDefault: boolean;
  defaultText?: string;
}

interface OracleFunction {
  name: string;
  line: number;
  conditional: boolean;
  isAsync: boolean;
  params: OracleParam[];
}

type OracleResult = { functions: OracleFunction[] } | { syntaxError: string };

function stdlibDir(): string {
  return execFileSync(PYTHON, ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' }).trim();
}

function pythonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : pythonFiles(path);
      return entry.isFile() && entry.name.endsWith('.py') ? [path] : [];
    })
    .sort();
}

function runOracle(paths: string[]): Record<string, OracleResult> {
  const output = execFileSync(PYTHON, [ORACLE], { input: paths.join('\n'), maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
  return JSON.parse(output) as Record<string, OracleResult>;
}

/** Our index of one function, in the oracle's shape. */
function asOracle(fn: PyFunction): OracleFunction {
  return {
    name: fn.name,
    line: fn.nameRange.start.line + 1,
    conditional: fn.scope === 'conditional',
    isAsync: fn.isAsync,
    params: fn.params.map((p) => ({ name: p.name, kind: p.kind, hasDefault: p.hasDefault, ...(p.hasDefault ? { defaultText: p.defaultText } : {}) })),
  };
}

interface Comparison {
  files: number;
  functions: number;
  mismatches: string[];
  syntaxFalsePositives: string[];
  syntaxMissed: string[];
}

/** Compares our index with the oracle's on every file; one mismatch line per differing function. */
function compareWithOracle(linter: Linter, paths: string[]): Comparison {
  const oracle = runOracle(paths);
  const comparison: Comparison = { files: paths.length, functions: 0, mismatches: [], syntaxFalsePositives: [], syntaxMissed: [] };
  for (const path of paths) {
    const expected = oracle[path]!;
    const pkg = linter.buildContext([{ path: 'custom_metrics.py', content: readFileSync(path) }], { maxFileSize: MAX_FILE_SIZE });
    const module = pkg.python;
    try {
      if (!module) {
        comparison.mismatches.push(`${path}: not indexed (${pkg.codeFile?.unreadable?.detail ?? 'no module'})`);
        continue;
      }
      if ('syntaxError' in expected) {
        if (module.syntaxProblems.length === 0) comparison.syntaxMissed.push(`${path}: ${expected.syntaxError}`);
        continue;
      }
      if (module.syntaxProblems.length) {
        const first = module.syntaxProblems[0]!;
        comparison.syntaxFalsePositives.push(`${path}:${first.range.start.line + 1}: ${first.kind} ${JSON.stringify(first.text)}`);
      }
      const ours = module.functions.filter((fn) => fn.scope !== 'nested').map(asOracle);
      const bindings = [...module.bindings.values()].flat().filter((b) => b.kind === 'def');
      comparison.functions += expected.functions.length;
      for (let i = 0; i < Math.max(ours.length, expected.functions.length); i++) {
        const [a, b] = [JSON.stringify(ours[i]), JSON.stringify(expected.functions[i])];
        if (a !== b) comparison.mismatches.push(`${path} #${i}\n  ours: ${a}\n  ast:  ${b}`);
      }
      if (bindings.length !== ours.length) comparison.mismatches.push(`${path}: ${bindings.length} def bindings for ${ours.length} module-level defs`);
    } finally {
      module?.tree.delete();
    }
  }
  return comparison;
}

let linter: Linter;

beforeAll(async () => {
  linter = await loadLinter();
});

describe('module index vs CPython ast', () => {
  it('the standard library (every other module, ~300 files): zero mismatches, no syntax problem on valid code', () => {
    const paths = pythonFiles(stdlibDir()).filter((_, i) => i % 2 === 0);
    expect(paths.length).toBeGreaterThan(250);
    const result = compareWithOracle(linter, paths);
    expect(result.functions).toBeGreaterThan(1000);
    expect(result.mismatches).toEqual([]);
    expect(result.syntaxFalsePositives).toEqual([]);
    expect(result.syntaxMissed).toEqual([]);
  });

  it('hand-written edge cases (every parameter kind, every conditional scope, CRLF/BOM/tabs, non-ASCII): zero mismatches', () => {
    const paths = pythonFiles(EDGE_CASES_DIR);
    expect(paths.length).toBeGreaterThanOrEqual(4);
    const result = compareWithOracle(linter, paths);
    expect(result.functions).toBeGreaterThan(35);
    expect(result.mismatches).toEqual([]);
    expect(result.syntaxFalsePositives).toEqual([]);
  });

  it('the standard library as custom_metrics.py of a package: the full rule set stays robust', () => {
    const metadata = 'metrics:\n  - name: main\n    label: Main\n    entryPoint: main\n    primaryMetric: true\n';
    const paths = pythonFiles(stdlibDir()).filter((_, i) => i % 10 === 0);
    for (const path of paths) {
      lintRobustly(linter, [{ path: 'metadata.yaml', content: metadata }, { path: 'custom_metrics.py', content: readFileSync(path) }], { maxFileSize: MAX_FILE_SIZE });
    }
  });
});
