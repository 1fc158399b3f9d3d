/**
 * The official YAML test suite's inputs used as metadata.yaml: no crash, ranges in bounds, invalid
 * YAML reported as CSM100 and valid YAML never reported as CSM100.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LintResult, Linter } from '@csmlint/core';
import { loadLinter } from 'csmlint';
import { OWN_PACKAGES } from './support/base-packages.js';
import { lintRobustly, twoFilePackage } from './support/robust-lint.js';

const SUITE_DIR = fileURLToPath(new URL('../data/yaml-test-suite', import.meta.url));

/**
 * Cases the suite marks invalid that yaml 2.9.1 parses without an error, so no CSM100 is expected.
 * Both are directive-level mistakes (the document itself is fine); the test fails when one of them
 * starts being reported, so the list stays exact.
 */
const ACCEPTED_INVALID: Record<string, string> = {
  SF5V: 'a duplicate `%YAML 1.2` directive: yaml accepts it on purpose (its own suite run skips this case)',
};

/**
 * Valid cases that yaml 2.9.1 warns about and csmlint reports as CSM100 syntax problems (the model
 * keeps yaml's warnings): reserved directives and anchors whose name ends in `:`. Valid YAML, but
 * nothing a metadata.yaml needs; listed so the set stays exact.
 */
const WARNED_VALID: Record<string, string> = {
  '2LFX': 'Spec Example 6.13, reserved directive `%FOO`: yaml warns "unknown directive"',
  '6LVF': 'Spec Example 6.13, reserved directive `%FOO`: yaml warns "unknown directive"',
  '2SXE': 'anchor `&a:` with a colon in its name: yaml warns "anchor ending in : is ambiguous"',
  W5VH: 'alias `*:@*!$"<foo>:` ending in a colon: yaml warns "anchor ending in : is ambiguous"',
  BEC7: 'Spec Example 6.14, `%YAML 1.3`: yaml warns "unsupported YAML version"',
  'MUS6/05': 'reserved directive `%YAM`: yaml warns "unknown directive"',
  'MUS6/06': 'reserved directive `%YAMLL`: yaml warns "unknown directive"',
};

interface SuiteCase {
  id: string;
  input: Uint8Array;
  invalid: boolean;
}

/** Every `in.yaml` of the vendored suite (`ID/in.yaml` or `ID/NN/in.yaml`), with its `error` marker. */
function suiteCases(): SuiteCase[] {
  const cases: SuiteCase[] = [];
  const visit = (dir: string, id: string): void => {
    if (existsSync(join(dir, 'in.yaml'))) {
      cases.push({ id, input: readFileSync(join(dir, 'in.yaml')), invalid: existsSync(join(dir, 'error')) });
    }
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) visit(join(dir, entry.name), id ? `${id}/${entry.name}` : entry.name);
    }
  };
  visit(SUITE_DIR, '');
  return cases.sort((a, b) => (a.id < b.id ? -1 : 1));
}

const CASES = suiteCases();
const code = OWN_PACKAGES[0]!.code;
const results = new Map<string, LintResult>();
let linter: Linter;

beforeAll(async () => {
  linter = await loadLinter();
});

const reportsSyntax = (id: string) => results.get(id)!.diagnostics.some((d) => d.ruleId === 'CSM100' && d.file === 'metadata.yaml');

describe('the YAML test suite as metadata.yaml', () => {
  it('has the whole corpus vendored', () => {
    expect(CASES.length).toBe(402);
    expect(CASES.filter((c) => c.invalid).length).toBe(94);
  });

  it('every case: no crash, no rule failure, bounded time, every range in bounds', () => {
    const failures: string[] = [];
    for (const c of CASES) {
      try {
        results.set(c.id, lintRobustly(linter, twoFilePackage(c.input, code)));
      } catch (error) {
        failures.push(`${c.id}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('every invalid case is reported as CSM100, except the listed ones yaml 2.9.1 accepts', () => {
    const invalid = CASES.filter((c) => c.invalid && results.has(c.id));
    const missed = invalid.filter((c) => !reportsSyntax(c.id)).map((c) => c.id);
    expect(missed).toEqual(Object.keys(ACCEPTED_INVALID).sort());
  });

  it('valid cases: CSM100 only for what csmlint rejects on purpose (tags, collection keys) and the listed warnings', () => {
    const valid = CASES.filter((c) => !c.invalid && results.has(c.id));
    const syntaxProblems = valid.filter((c) => {
      const pkg = linter.buildContext(twoFilePackage(c.input, code));
      pkg.python?.tree.delete();
      return pkg.metadata?.problems.some((p) => p.kind === 'syntax');
    });
    expect(syntaxProblems.map((c) => c.id)).toEqual(Object.keys(WARNED_VALID).sort());
    for (const c of valid) {
      if (!reportsSyntax(c.id)) continue;
      const pkg = linter.buildContext(twoFilePackage(c.input, code));
      pkg.python?.tree.delete();
      const kinds = new Set(pkg.metadata?.problems.map((p) => p.kind));
      expect(['syntax', 'unknown-tag', 'complex-key'].some((k) => kinds.has(k as never)), `${c.id}: ${[...kinds].join(', ')}`).toBe(true);
    }
  });
});
