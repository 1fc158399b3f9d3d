/**
 * The safe fixes (`Diagnostic.fix`, what `--fix` applies) never lose anything: applied like `--fix`
 * does (non-overlapping, repeated until none is left) they keep every metric, key, comment and
 * function, add no error, and converge. The CLI side of `--fix` (atomic writes, files untouched on
 * failure) is in fix-cli.pending.ts until the CLI has `--fix`.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES, type Linter, type LintOptions } from '@csmlint/core';
import { loadLinter } from 'csmlint';
import { applyAllFixes, missingFrom, packageFacts, type PackageTexts } from './support/apply-fixes.js';
import { basePackages } from './support/base-packages.js';
import { fixablePackage } from './support/fixable-packages.js';
import { applyMutations, mutation } from './support/generators.js';

let linter: Linter;

beforeAll(async () => {
  linter = await loadLinter();
});

/** Rules whose errors mean "the file does not parse": a fix must never introduce one. */
const PARSE_ERRORS = ['CSM100', 'CSM400'];

/** Applies every fix and returns what was lost or added; empty when the fixes were safe. */
function fixDamage(texts: PackageTexts, options: LintOptions = {}): string[] {
  const before = packageFacts(linter, texts, options);
  const { texts: fixed } = applyAllFixes(linter, texts, options);
  const after = packageFacts(linter, fixed, options);
  const damage: string[] = [];
  if (after.metricCount < before.metricCount) damage.push(`metrics: ${before.metricCount} → ${after.metricCount}`);
  const lostNames = missingFrom(before.metricNames, after.metricNames);
  if (lostNames.length) damage.push(`metric names lost: ${lostNames.join(', ')}`);
  if (before.metricCount === after.metricCount) {
    before.metricKeyCounts.forEach((count, i) => {
      if (after.metricKeyCounts[i]! < count) damage.push(`metric ${i + 1}: ${count} keys → ${after.metricKeyCounts[i]}`);
    });
  }
  if (after.topLevelKeyCount < before.topLevelKeyCount) damage.push(`top-level keys: ${before.topLevelKeyCount} → ${after.topLevelKeyCount}`);
  const lostComments = missingFrom(before.comments, after.comments);
  if (lostComments.length) damage.push(`comments lost: ${JSON.stringify(lostComments)}`);
  const lostFunctions = missingFrom(before.functionNames, after.functionNames);
  if (lostFunctions.length) damage.push(`functions lost: ${lostFunctions.join(', ')}`);
  if (after.errorCount > before.errorCount) damage.push(`errors: ${JSON.stringify(before.errorsByRule)} → ${JSON.stringify(after.errorsByRule)}`);
  for (const rule of PARSE_ERRORS) {
    if ((after.errorsByRule[rule] ?? 0) > (before.errorsByRule[rule] ?? 0)) damage.push(`new ${rule} after fixing`);
  }
  if (damage.length) damage.push(`fixed metadata.yaml:\n${fixed['metadata.yaml']}\nfixed custom_metrics.py:\n${fixed['custom_metrics.py']}`);
  return damage;
}

describe('safe fixes never lose anything', () => {
  it('packages full of fixable mistakes', () => {
    fc.assert(fc.property(fixablePackage, fc.constantFrom<LintOptions>({}, { targetType: 'Binary' }), (texts, options) => {
      expect(fixDamage(texts, options)).toEqual([]);
    }), { numRuns: 300 });
  });

  it('mutated realistic packages', () => {
    const bases = basePackages();
    fc.assert(fc.property(fc.nat({ max: bases.length - 1 }), fc.array(mutation, { maxLength: 4 }), fc.array(mutation, { maxLength: 4 }), (index, forMetadata, forCode) => {
      const base = bases[index]!;
      const texts = { 'metadata.yaml': applyMutations(base.metadata, forMetadata), 'custom_metrics.py': applyMutations(base.code, forCode) };
      expect(fixDamage(texts)).toEqual([]);
    }), { numRuns: 200 });
  });

  it('every fixable rule: its docs example is fixed by its own fix, safely', () => {
    const fixable = RULES.filter((rule) => rule.fixable && rule.implemented !== false && !rule.reportedBy);
    expect(fixable.length).toBeGreaterThan(5);
    for (const rule of fixable) {
      const texts = Object.fromEntries(Object.entries(rule.docs.bad).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
      const options = rule.docs.exampleConfig ?? {};
      expect(fixDamage(texts, options), rule.id).toEqual([]);
      const remaining = packageFacts(linter, applyAllFixes(linter, texts, options).texts, options);
      const before = packageFacts(linter, texts, options);
      expect(remaining.errorsByRule[rule.id] ?? 0, `${rule.id} still reported after --fix`).toBeLessThanOrEqual(before.errorsByRule[rule.id] ?? 0);
    }
  });
});
