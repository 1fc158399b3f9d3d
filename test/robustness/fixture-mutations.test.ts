/** Mutations of realistic packages (the edits of a user typing, the damage of copy/paste): same contract as arbitrary input. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Linter } from '@csmlint/core';
import { loadLinter } from 'csmlint';
import { basePackages } from './support/base-packages.js';
import { applyMutations, mutation } from './support/generators.js';
import { lintRobustly, recordProcessWarnings, twoFilePackage } from './support/robust-lint.js';

const RUNS_PER_PACKAGE = 80;
let linter: Linter;

const warnings = recordProcessWarnings();

beforeAll(async () => {
  linter = await loadLinter();
});

afterAll(async () => {
  expect(await warnings.stop(), 'process warnings printed while linting').toEqual([]);
});

describe.each(basePackages())('mutations of $name', (base) => {
  it('random sequences of mutations to either or both files', () => {
    const mutations = fc.array(mutation, { minLength: 1, maxLength: 6 });
    const target = fc.constantFrom('metadata', 'code', 'both');
    fc.assert(fc.property(target, mutations, mutations, (which, forMetadata, forCode) => {
      const metadata = which === 'code' ? base.metadata : applyMutations(base.metadata, forMetadata);
      const code = which === 'metadata' ? base.code : applyMutations(base.code, forCode);
      lintRobustly(linter, twoFilePackage(metadata, code));
    }), { numRuns: RUNS_PER_PACKAGE });
  });

  it('every single-line deletion, duplication and truncation at every line end', () => {
    for (const file of ['metadata', 'code'] as const) {
      const lines = base[file].split('\n');
      for (let i = 0; i < lines.length; i++) {
        const variants = [
          [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'),
          [...lines.slice(0, i + 1), ...lines.slice(i)].join('\n'),
          lines.slice(0, i + 1).join('\n'),
          [...lines.slice(0, i), lines[i]!.slice(0, Math.ceil(lines[i]!.length / 2))].join('\n'),
        ];
        for (const variant of variants) {
          const pkg = file === 'metadata' ? twoFilePackage(variant, base.code) : twoFilePackage(base.metadata, variant);
          lintRobustly(linter, pkg);
        }
      }
    }
  });

  it('the whole package as UTF-8 bytes, with a BOM, with CRLF and with tabs for indentation', () => {
    const encode = (s: string) => new TextEncoder().encode(s);
    const variants: Array<(s: string) => string | Uint8Array> = [
      (s) => encode(s),
      (s) => Uint8Array.from([0xef, 0xbb, 0xbf, ...encode(s)]),
      (s) => s.replace(/\r?\n/g, '\r\n'),
      (s) => s.replace(/\r?\n/g, '\r'),
      (s) => s.replace(/^( {2})+/gm, (spaces) => '\t'.repeat(spaces.length / 2)),
      (s) => s.replace(/\n/g, '\u2028'),
    ];
    for (const variant of variants) lintRobustly(linter, twoFilePackage(variant(base.metadata), variant(base.code)));
  });
});
