/**
 * The shape of the core's fast paths (not their speed): the Python index reuses the unchanged
 * top-level statements of the previous index after an edit and gives exactly what a full index
 * gives, without reading the previous tree; a re-check reuses the line index of an unchanged file.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPackageContext, indexModule, LineIndex, reusedStatementCount, type Linter, type PackageContext, type PythonModule } from '@csmlint/core';
import { loadLinter } from 'csmlint';
import { OWN_PACKAGES } from './robustness/support/base-packages.js';
import { applyMutations, mutation, pythonSoup } from './robustness/support/generators.js';

let linter: Linter;

beforeAll(async () => {
  linter = await loadLinter();
});

const CODE = [
  'import numpy as np',
  '',
  'def mae(y_true, y_pred, **kwargs):',
  '    """Mean absolute error."""',
  '    return float(np.mean(np.abs(y_true - y_pred)))',
  '',
  'def rmse(y_true, y_pred, **kwargs):',
  '    return float(np.sqrt(np.mean((y_true - y_pred) ** 2)))',
  '',
  'def bias(y_true, y_pred, **kwargs):',
  '    if len(y_true) == 0:',
  '        return 0.0',
  '    return float(np.mean(y_pred - y_true))',
  '',
].join('\n');

/** Indexes `text` from scratch. */
function fullIndex(text: string): PythonModule {
  return indexModule(linter.parsePython(text), new LineIndex(text));
}

/** Indexes `text` given the previous index, whose tree is deleted first (as the language server does). */
function nextIndex(previous: PythonModule, text: string): PythonModule {
  previous.tree.delete();
  return indexModule(linter.parsePython(text), new LineIndex(text), previous);
}

/** What the rules read from an index. */
function contents(module: PythonModule): unknown {
  return { bindings: [...module.bindings], functions: module.functions, syntaxProblems: module.syntaxProblems };
}

function expectSameAsFull(module: PythonModule): void {
  const full = fullIndex(module.lines.text);
  expect(contents(module)).toEqual(contents(full));
  full.tree.delete();
}

describe('the Python index after an edit', () => {
  it('reuses every top-level statement but the edited one', () => {
    const next = nextIndex(fullIndex(CODE), CODE.replace('def rmse(', 'def rmse2('));
    expect(reusedStatementCount(next)).toBe(3);
    expect([...next.bindings.keys()]).toEqual(['np', 'mae', 'rmse2', 'bias']);
    expectSameAsFull(next);
    next.tree.delete();
  });

  it('moves reused statements to their new lines', () => {
    const next = nextIndex(fullIndex(CODE), `"""Metrics."""\n\n${CODE}`);
    expect(reusedStatementCount(next)).toBe(4);
    expect(next.bindings.get('bias')![0]!.range.start).toEqual({ line: 11, character: 4 });
    expect(next.functions.find((f) => f.name === 'bias')!.params[1]!.range.start).toEqual({ line: 11, character: 17 });
    expectSameAsFull(next);
    next.tree.delete();
  });

  it('reads afresh a statement that holds a syntax error, and keeps the findings of the others', () => {
    const next = nextIndex(fullIndex(CODE), CODE.replace('def rmse(y_true, y_pred, **kwargs):', 'def rmse(y_true, y_pred, **kwargs)'));
    expect(reusedStatementCount(next)).toBeLessThan(4);
    expect(next.syntaxProblems.length).toBeGreaterThan(0);
    expectSameAsFull(next);
    next.tree.delete();
  });

  it('reuses nothing when a text-wide test changes (a `yield` or a Python 2 construct appears)', () => {
    const withYield = nextIndex(fullIndex(CODE), `${CODE}\ndef gen(y_true, y_pred):\n    yield 1\n`);
    expect(reusedStatementCount(withYield)).toBe(0);
    expect(withYield.functions.find((f) => f.name === 'gen')!.isGenerator).toBe(true);
    expectSameAsFull(withYield);
    const withPrint = nextIndex(withYield, `${withYield.lines.text}print "done"\n`);
    expect(reusedStatementCount(withPrint)).toBe(0);
    expect(withPrint.syntaxProblems.map((p) => p.python2)).toEqual(['print']);
    expectSameAsFull(withPrint);
    withPrint.tree.delete();
  });

  it('gives what a full index gives along any sequence of edits', () => {
    const base = fc.oneof(fc.constant(CODE), fc.constant(OWN_PACKAGES[0]!.code), pythonSoup);
    let reused = 0;
    fc.assert(fc.property(base, fc.array(fc.array(mutation, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (start, edits) => {
      let module = fullIndex(start);
      for (const mutations of edits) {
        module = nextIndex(module, applyMutations(module.lines.text, mutations));
        reused += reusedStatementCount(module);
        expectSameAsFull(module);
      }
      module.tree.delete();
    }), { numRuns: 150 });
    expect(reused, 'statements reused over all runs').toBeGreaterThan(100);
  });
});

describe('re-checking a package', () => {
  it('keeps the parse and the line index of the file that did not change', () => {
    const files = (metadata: string) => [{ path: 'metadata.yaml', content: metadata }, { path: 'custom_metrics.py', content: CODE }];
    const first = linter.buildContext(files('metrics: []\n'));
    const second = buildAgain(first, files('metrics:\n  - name: mae\n'));
    expect(second.python).toBe(first.python);
    expect(second.codeFile!.lines).toBe(first.codeFile!.lines);
    expect(second.metadata).not.toBe(first.metadata);
    expect(second.metadataFile!.lines).not.toBe(first.metadataFile!.lines);
    first.python!.tree.delete();
  });
});

/** What the language server does on an edit of metadata.yaml: the earlier context lends its parses. */
function buildAgain(earlier: PackageContext, files: Array<{ path: string; content: string }>): PackageContext {
  return buildPackageContext(files, {}, (text) => linter.parsePython(text), { metadata: earlier.metadata, python: earlier.python });
}
