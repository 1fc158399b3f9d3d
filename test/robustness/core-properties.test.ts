/** Any content for either file: the core never throws, no rule fails, it finishes in bounded time and every range is in bounds. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Linter, LintOptions, PackageFileInput } from '@csmlint/core';
import { loadLinter } from 'csmlint';
import { OWN_PACKAGES } from './support/base-packages.js';
import { anyBytes, anyText, pythonSoup, yamlSoup } from './support/generators.js';
import { lintRobustly, recordProcessWarnings, twoFilePackage } from './support/robust-lint.js';

const RUNS = 400;
const valid = OWN_PACKAGES[0]!;
let linter: Linter;

const warnings = recordProcessWarnings();

beforeAll(async () => {
  linter = await loadLinter();
});

afterAll(async () => {
  expect(await warnings.stop(), 'process warnings printed while linting').toEqual([]);
});

const content = fc.oneof(anyText, anyBytes, yamlSoup, pythonSoup);

describe('arbitrary contents through the core', () => {
  it('any text as metadata.yaml next to a valid custom_metrics.py', () => {
    fc.assert(fc.property(fc.oneof(anyText, yamlSoup), (metadata) => {
      lintRobustly(linter, twoFilePackage(metadata, valid.code));
    }), { numRuns: RUNS });
  });

  it('any text as custom_metrics.py next to a valid metadata.yaml', () => {
    fc.assert(fc.property(fc.oneof(anyText, pythonSoup), (code) => {
      lintRobustly(linter, twoFilePackage(valid.metadata, code));
    }), { numRuns: RUNS });
  });

  it('YAML-ish and Python-ish token soups for both files', () => {
    fc.assert(fc.property(yamlSoup, pythonSoup, (metadata, code) => {
      lintRobustly(linter, twoFilePackage(metadata, code));
    }), { numRuns: RUNS * 2 });
  });

  it('any bytes for either file', () => {
    fc.assert(fc.property(fc.oneof(anyBytes, fc.constant(valid.metadata)), fc.oneof(anyBytes, fc.constant(valid.code)), (metadata, code) => {
      lintRobustly(linter, twoFilePackage(metadata, code));
    }), { numRuns: RUNS });
  });

  it('any subset of the package files, any paths, any options', () => {
    const fileName = fc.constantFrom('metadata.yaml', 'metadata.yml', 'custom_metrics.py', 'README.md');
    const dir = fc.constantFrom('', 'pkg/', 'a b/é/', 'C:\\pkg\\', 'file:///tmp/pkg/');
    const files = fc.uniqueArray(fc.record({ name: fileName, dir, content }), { maxLength: 4, selector: (f) => f.name })
      .map((list): PackageFileInput[] => list.map((f) => ({ path: f.dir + f.name, content: f.content })));
    const severity = fc.constantFrom('off', 'hint', 'info', 'warning', 'error');
    const options: fc.Arbitrary<LintOptions> = fc.record({
      targetType: fc.constantFrom('Regression', 'binary', 'Multiclass', 'nonsense', ''),
      maxFileSize: fc.constantFrom(0, 1, 64, 1024 * 1024),
      rules: fc.dictionary(fc.constantFrom('CSM100', 'CSM401', 'function-not-found', 'CSM900', 'nope', '__proto__'), severity) as fc.Arbitrary<LintOptions['rules']>,
    }, { requiredKeys: [] });
    fc.assert(fc.property(files, options, (package_, lintOptions) => {
      lintRobustly(linter, package_, lintOptions);
    }), { numRuns: RUNS });
  });

  it('empty, whitespace-only and single-character files', () => {
    const tiny = ['', ' ', '\n', '\r', '\r\n', '\t', '\ufeff', '\ufeff\n', '#', ':', '-', '?', '[', '{', '"', "'", '|', '>', '&', '*', '!', '%', '@', '`', '\ud800', '\\', 'def', '(', '\u2028'];
    for (const metadata of tiny) {
      for (const code of tiny) {
        expect(() => lintRobustly(linter, twoFilePackage(metadata, code))).not.toThrow();
      }
    }
  });
});
