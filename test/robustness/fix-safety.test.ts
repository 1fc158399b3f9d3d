/**
 * The safe fixes (`Diagnostic.fix`, what `--fix` applies) never lose anything: applied one at a
 * time until none is left, each keeps every metric, key, comment and function, adds none of the
 * errors that mean damage (see NEVER_ADDED), and they converge. The CLI side of `--fix` (atomic writes, files untouched on
 * failure) is in fix-cli.pending.ts until the CLI has `--fix`.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES, type Linter, type LintOptions } from '@csmlint/core';
import { loadLinter } from 'csmlint';
import { applyAllFixes, applyOneFix, lint, missingFrom, packageFacts, type PackageFacts, type PackageTexts } from './support/apply-fixes.js';
import { basePackages } from './support/base-packages.js';
import { fixablePackage } from './support/fixable-packages.js';
import { applyMutations, mutation } from './support/generators.js';

let linter: Linter;

beforeAll(async () => {
  linter = await loadLinter();
});

/**
 * Errors a fix must never add: a parse error (CSM100, CSM400), a duplicate key (CSM101: a key
 * lost) or a duplicate metric name (CSM301: two metrics made one). Other new errors are allowed:
 * a repaired key or entry point makes checkable what was hidden (two `primaryMetric: true`, a
 * bad signature of the function now resolved); they were there, not added.
 */
const NEVER_ADDED = ['CSM100', 'CSM400', 'CSM101', 'CSM301'];
/** Rules whose fix renames a misspelt key: the repaired key may reveal a duplicate name that was hidden (never a duplicate key). */
const KEY_RENAMES = ['CSM204', 'CSM212', 'CSM213'];
/**
 * Findings that silence the other checks (one mistake, one finding: spec §4a). After a fix that
 * removes one, even duplicates may surface: hidden before, not added.
 */
const GATES = ['CSM100', 'CSM200', 'CSM201', 'CSM202', 'CSM205', 'CSM400'];
/** More fix steps than any package here needs: hitting it means a fix that never converges. */
const MAX_STEPS = 40;

/** What one fix lost or broke, comparing the package before and after it. */
function compare(before: PackageFacts, after: PackageFacts, fixRule: string): string[] {
  const damage: string[] = [];
  if (after.metricCount < before.metricCount) damage.push(`metrics: ${before.metricCount} → ${after.metricCount}`);
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
  const gateCount = (facts: PackageFacts) => GATES.reduce((sum, rule) => sum + (facts.errorsByRule[rule] ?? 0), 0);
  const ungated = gateCount(after) < gateCount(before);
  for (const rule of NEVER_ADDED) {
    if (ungated && !['CSM100', 'CSM400'].includes(rule)) continue;
    if (rule === 'CSM301' && KEY_RENAMES.includes(fixRule)) continue;
    const added = missingFrom(after.errors.filter((e) => e.key.startsWith(rule)).map((e) => e.key), before.errors.map((e) => e.key));
    if ((after.errorsByRule[rule] ?? 0) > (before.errorsByRule[rule] ?? 0)) damage.push(`new ${rule} after the fix: ${added.join(', ')}`);
  }
  return damage;
}

/** Applies the safe fixes one at a time (first finding first) until none is left; returns what any of them lost or broke. */
function fixDamage(texts: PackageTexts, options: LintOptions = {}): string[] {
  let current = texts;
  const descriptions: string[] = [];
  for (let step = 0; step < MAX_STEPS; step++) {
    const finding = lint(linter, current, options).diagnostics.find((d) => d.fix);
    if (!finding) return [];
    const fix = finding.fix!;
    descriptions.push(`${finding.ruleId} ${fix.description}`);
    const applied = applyOneFix(fix, current);
    const damage = compare(packageFacts(linter, current, options), packageFacts(linter, applied.texts, options), finding.ruleId);
    if (damage.length) {
      return [`${finding.ruleId} fix \`${fix.description}\``, ...damage, `before:\n${current['metadata.yaml']}\n${current['custom_metrics.py']}`, `after:\n${applied.texts['metadata.yaml']}\n${applied.texts['custom_metrics.py']}`];
    }
    current = applied.texts;
  }
  return [`fixes did not converge after ${MAX_STEPS} steps: ${descriptions.slice(-4).join(' | ')}`, `input:\n${texts['metadata.yaml']}\n${texts['custom_metrics.py']}`, `now:\n${current['metadata.yaml']}\n${current['custom_metrics.py']}`];
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
      fc.pre(!/\r(?!\n)/.test(texts['metadata.yaml'] + texts['custom_metrics.py']));
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
