/**
 * Fixes never lose anything. `fixPackage` (what `--fix` writes) keeps every metric, key, comment and
 * function, adds no error, and keeps BOMs and line breaks. Each safe fix alone (what an editor offers
 * as the preferred quick fix) keeps them too and adds none of the errors that mean damage. The CLI
 * side (atomic writes, files untouched on failure) is in fix-cli.test.ts.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES, fixPackage, type Linter, type LintOptions, type PackageFileInput } from '@csmlint/core';
import { loadLinter } from 'csmlint';
import { applyOneFix, missingFrom, packageFacts, type PackageFacts, type PackageTexts } from './support/apply-fixes.js';
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
  let facts = packageFacts(linter, current, options);
  const descriptions: string[] = [];
  for (let step = 0; step < MAX_STEPS; step++) {
    const finding = facts.diagnostics.find((d) => d.fix);
    if (!finding) return [];
    const fix = finding.fix!;
    descriptions.push(`${finding.ruleId} ${fix.description}`);
    const applied = applyOneFix(fix, current);
    const next = packageFacts(linter, applied.texts, options);
    const damage = compare(facts, next, finding.ruleId);
    if (damage.length) {
      return [`${finding.ruleId} fix \`${fix.description}\``, ...damage, `before:\n${current['metadata.yaml']}\n${current['custom_metrics.py']}`, `after:\n${applied.texts['metadata.yaml']}\n${applied.texts['custom_metrics.py']}`];
    }
    current = applied.texts;
    facts = next;
  }
  return [`fixes did not converge after ${MAX_STEPS} steps: ${descriptions.slice(-4).join(' | ')}`, `input:\n${texts['metadata.yaml']}\n${texts['custom_metrics.py']}`, `now:\n${current['metadata.yaml']}\n${current['custom_metrics.py']}`];
}

/** What `fixPackage` (the engine of `--fix`) lost or broke, and whether it kept BOMs, line breaks and untouched files. */
function fixPackageDamage(input: PackageFileInput[], options: LintOptions = {}): string[] {
  const result = fixPackage(linter, input, options);
  if (result.ruleFailures.length) return [`rule failures: ${result.ruleFailures.map((f) => f.ruleId).join(', ')}`];
  const decode = (files: PackageFileInput[]): PackageTexts => Object.fromEntries(files.map((f) => [f.path, typeof f.content === 'string' ? f.content : new TextDecoder().decode(f.content)]));
  const [before, after] = [decode(input), decode(result.files)];
  const damage = compare(packageFacts(linter, before, options), packageFacts(linter, after, options), 'fixPackage');
  const errorCounts = (texts: PackageTexts) => {
    const counts = new Map<string, number>();
    for (const e of packageFacts(linter, texts, options).errors) counts.set(e.key.replace(/:\d+$/, ''), (counts.get(e.key.replace(/:\d+$/, '')) ?? 0) + 1);
    return counts;
  };
  const [was, now] = [errorCounts(before), errorCounts(after)];
  for (const [key, count] of now) if (count > (was.get(key) ?? 0)) damage.push(`more errors of ${key}: ${was.get(key) ?? 0} → ${count}`);
  for (const file of input) {
    const [old, fixed] = [before[file.path]!, after[file.path]!];
    if (!result.changed.includes(file.path) && old !== fixed) damage.push(`${file.path} changed but not listed as changed`);
    if (old.startsWith('\ufeff') !== fixed.startsWith('\ufeff')) damage.push(`${file.path}: BOM not kept`);
    if (/\r\n/.test(old) && !/(^|[^\r])\n/.test(old) && /(^|[^\r])\n/.test(fixed)) damage.push(`${file.path}: CRLF file got LF line breaks`);
  }
  if (damage.length) damage.push(`before:\n${JSON.stringify(before)}`, `after:\n${JSON.stringify(after)}`);
  return damage;
}

const asInput = (texts: PackageTexts): PackageFileInput[] => Object.entries(texts).map(([path, content]) => ({ path, content }));

describe('fixPackage (what --fix writes) never loses anything and never adds errors', () => {
  it('packages full of fixable mistakes, as text and as UTF-8 bytes with a BOM', () => {
    fc.assert(fc.property(fixablePackage, fc.boolean(), (texts, asBytes) => {
      const input = asInput(texts).map((f) => (asBytes ? { path: f.path, content: new TextEncoder().encode(`\ufeff${f.content as string}`) } : f));
      expect(fixPackageDamage(input)).toEqual([]);
    }), { numRuns: 60 });
  });

  it('mutated realistic packages (lone CRs included)', () => {
    const bases = basePackages();
    fc.assert(fc.property(fc.nat({ max: bases.length - 1 }), fc.array(mutation, { maxLength: 4 }), fc.array(mutation, { maxLength: 4 }), (index, forMetadata, forCode) => {
      const base = bases[index]!;
      expect(fixPackageDamage(asInput({ 'metadata.yaml': applyMutations(base.metadata, forMetadata), 'custom_metrics.py': applyMutations(base.code, forCode) }))).toEqual([]);
    }), { numRuns: 100 });
  });
});

describe('each safe fix alone (the preferred quick fix in editors) never loses anything', () => {
  it('packages full of fixable mistakes', () => {
    fc.assert(fc.property(fixablePackage, fc.constantFrom<LintOptions>({}, { targetType: 'Binary' }), (texts, options) => {
      expect(fixDamage(texts, options)).toEqual([]);
    }), { numRuns: 120 });
  });

  it('mutated realistic packages', () => {
    const bases = basePackages();
    fc.assert(fc.property(fc.nat({ max: bases.length - 1 }), fc.array(mutation, { maxLength: 4 }), fc.array(mutation, { maxLength: 4 }), (index, forMetadata, forCode) => {
      const base = bases[index]!;
      const texts = { 'metadata.yaml': applyMutations(base.metadata, forMetadata), 'custom_metrics.py': applyMutations(base.code, forCode) };
      expect(fixDamage(texts)).toEqual([]);
    }), { numRuns: 200 });
  });

  it('a did-you-mean fix never gives two metrics one name (valid-weights, custom_metrics.py cut mid-typing)', () => {
    const metadata = 'metrics:\n  - name: weighted_mae\n    label: Weighted MAE\n    entryPoint: weighted_mae\n    primaryMetric: true\n' +
      '  - name: weighted_rmse\n    label: Weighted RMSE\n    entryPoint: weighted_rmse\n    primaryMetric: false\n';
    expect(fixDamage({ 'metadata.yaml': metadata, 'custom_metrics.py': 'def weighted_m' })).toEqual([]);
  });

  it('every fixable rule: the safe fixes of its docs example are safe, and --fix removes its findings', () => {
    const fixable = RULES.filter((rule) => rule.fixable && rule.implemented !== false && !rule.reportedBy);
    expect(fixable.length).toBeGreaterThan(5);
    for (const rule of fixable) {
      const texts = Object.fromEntries(Object.entries(rule.docs.bad).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
      const options = rule.docs.exampleConfig ?? {};
      expect(fixDamage(texts, options), rule.id).toEqual([]);
      const count = (t: PackageTexts) => packageFacts(linter, t, options).diagnostics.filter((d) => d.ruleId === rule.id).length;
      const withFix = packageFacts(linter, texts, options).diagnostics.filter((d) => d.ruleId === rule.id && d.fix);
      if (withFix.length === 0) continue; // the example only has suggestions (several candidates): nothing for --fix
      const fixed = fixPackage(linter, asInput(texts), options);
      const decoded = Object.fromEntries(fixed.files.map((f) => [f.path, typeof f.content === 'string' ? f.content : new TextDecoder().decode(f.content)]));
      expect(count(decoded), `${rule.id}: --fix leaves its findings in its own bad example`).toBeLessThan(count(texts));
    }
  });
});
