/**
 * The rule registry against the catalog (format.md §4) and the rule files (style.md §3): every
 * catalog rule registered once, in order, in a file named after it, with docs and a fixture.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRule, RULES, type Rule } from '@csmlint/core';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, REPO_ROOT, type ExpectedFinding } from './helpers/fixtures.js';

/** format.md §4: ID, name, default severity. */
const CATALOG: Array<[string, string, string]> = [
  ['CSM001', 'missing-code-file', 'error'],
  ['CSM002', 'missing-metadata-file', 'error'],
  ['CSM003', 'ambiguous-metadata-file', 'error'],
  ['CSM004', 'file-encoding', 'error'],
  ['CSM005', 'file-too-large', 'error'],
  ['CSM006', 'io-error', 'error'],
  ['CSM100', 'yaml-syntax', 'error'],
  ['CSM101', 'yaml-duplicate-key', 'error'],
  ['CSM102', 'yaml-multiple-documents', 'error'],
  ['CSM103', 'yaml11-boolean', 'error'],
  ['CSM104', 'yaml-merge-key', 'warning'],
  ['CSM105', 'yaml-alias-limit', 'error'],
  ['CSM200', 'root-not-mapping', 'error'],
  ['CSM201', 'missing-metrics', 'error'],
  ['CSM202', 'metrics-not-list', 'error'],
  ['CSM203', 'metrics-count', 'error'],
  ['CSM204', 'unknown-top-level-key', 'warning'],
  ['CSM205', 'look-alike-format', 'error'],
  ['CSM210', 'missing-required-field', 'error'],
  ['CSM211', 'wrong-type', 'error'],
  ['CSM212', 'unknown-field', 'warning'],
  ['CSM213', 'snake-case-field', 'warning'],
  ['CSM214', 'empty-value', 'error'],
  ['CSM215', 'invalid-target-type', 'error'],
  ['CSM300', 'invalid-metric-name', 'error'],
  ['CSM301', 'duplicate-metric-name', 'error'],
  ['CSM302', 'duplicate-label', 'warning'],
  ['CSM303', 'no-primary-metric', 'error'],
  ['CSM304', 'multiple-primary-metrics', 'error'],
  ['CSM305', 'invalid-entry-point', 'error'],
  ['CSM306', 'qualified-entry-point', 'info'],
  ['CSM307', 'name-entry-point-mismatch', 'warning'],
  ['CSM400', 'python-syntax', 'error'],
  ['CSM401', 'function-not-found', 'error'],
  ['CSM402', 'function-not-top-level', 'error'],
  ['CSM403', 'unverifiable-callable', 'info'],
  ['CSM404', 'conditional-definition', 'warning'],
  ['CSM405', 'redefined-function', 'warning'],
  ['CSM406', 'async-metric', 'error'],
  ['CSM410', 'too-few-parameters', 'error'],
  ['CSM411', 'extra-required-parameters', 'error'],
  ['CSM412', 'weights-not-accepted', 'error'],
  ['CSM413', 'weights-not-passed', 'info'],
  ['CSM414', 'swapped-arguments', 'warning'],
  ['CSM415', 'decorated-metric', 'info'],
  ['CSM416', 'non-numeric-return', 'warning'],
  ['CSM417', 'undeclared-function', 'hint'],
  ['CSM500', 'run-import-failed', 'error'],
  ['CSM501', 'run-call-failed', 'error'],
  ['CSM502', 'run-non-finite', 'error'],
  ['CSM503', 'run-timeout', 'error'],
  ['CSM900', 'unused-suppression', 'warning'],
  ['CSM901', 'invalid-config', 'error'],
];

const RULES_DIR = join(REPO_ROOT, 'packages/core/src/rules');
const NOT_RULE_FILES = new Set(['rule.ts', 'index.ts']);
const implemented = (rule: Rule) => rule.implemented !== false;

/** Rule IDs each fixture expects (expected.json, and expected-run.json for the execution check). */
function fixtureFindings(): Map<string, Set<string>> {
  const byFixture = new Map<string, Set<string>>();
  for (const name of readdirSync(FIXTURES_DIR)) {
    const ids = new Set<string>();
    for (const file of ['expected.json', 'expected-run.json']) {
      const path = join(FIXTURES_DIR, name, file);
      if (!existsSync(path)) continue;
      const { diagnostics } = JSON.parse(readFileSync(path, 'utf8')) as { diagnostics: ExpectedFinding[] };
      for (const d of diagnostics) ids.add(d.ruleId);
    }
    byFixture.set(name, ids);
  }
  return byFixture;
}

describe('rule registry', () => {
  it('registers every catalog rule once, in catalog order, with its name and default severity', () => {
    expect(RULES.map((r) => [r.id, r.name, r.severity])).toEqual(CATALOG);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    expect(new Set(RULES.map((r) => r.name)).size).toBe(RULES.length);
  });

  it('finds a rule by ID or name, in any case', () => {
    expect(findRule('CSM401')?.name).toBe('function-not-found');
    expect(findRule('csm401')?.name).toBe('function-not-found');
    expect(findRule('function-not-found')?.id).toBe('CSM401');
    expect(findRule('Function-Not-Found')?.id).toBe('CSM401');
    expect(findRule('CSM999')).toBeUndefined();
  });

  it('keeps each rule in a file named after it, and every rule file is registered', async () => {
    const files = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && !NOT_RULE_FILES.has(f));
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(RULES.map((r) => r.name).sort());
    for (const file of files) {
      const { rule } = (await import(join(RULES_DIR, file))) as { rule: Rule };
      expect(rule.name, file).toBe(file.replace(/\.ts$/, ''));
    }
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s has its docs and messages written', (_id, rule) => {
    const { docs } = rule;
    for (const text of [docs.summary, docs.why, docs.fix]) expect(text.trim().length).toBeGreaterThan(10);
    const messages = Object.values(rule.messages) as string[];
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message.trim()).not.toBe('');
    if (!implemented(rule)) return;
    expect(JSON.stringify({ docs, messages: rule.messages })).not.toMatch(/TODO/);
    if (!rule.reportedBy) expect(Object.keys(docs.bad).length, 'docs.bad is a package').toBeGreaterThan(0);
  });

  it('lists every rule in the README', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const missing = RULES.filter((r) => !readme.includes(`| ${r.id} | ${r.name} | ${r.severity}`)).map((r) => r.id);
    expect(missing).toEqual([]);
  });

  it('has a fixture that triggers every implemented rule', () => {
    const triggered = new Set([...fixtureFindings().values()].flatMap((ids) => [...ids]));
    const missing = RULES.filter(implemented).filter((r) => !triggered.has(r.id)).map((r) => `${r.id} ${r.name}`);
    expect(missing).toEqual([]);
  });

  it('names rule fixtures after their rule, and they fire it (or, for `-ok`, do not)', () => {
    const wrong: string[] = [];
    for (const [fixture, ids] of fixtureFindings()) {
      const match = /^csm(\d{3})-(.+)$/.exec(fixture); // (`run-*` fixtures of the execution check name their case freely)
      if (!match) continue;
      const rule = findRule(`CSM${match[1]}`);
      if (!rule || !match[2]!.startsWith(rule.name)) {
        wrong.push(`${fixture}: should start with csm${match[1]}-${rule?.name ?? '<no such rule>'}`);
        continue;
      }
      if (!existsSync(join(FIXTURES_DIR, fixture, 'expected.json'))) continue;
      const ok = fixture.endsWith('-ok');
      if (ok === ids.has(rule.id)) wrong.push(`${fixture}: ${ok ? 'fires' : 'does not fire'} ${rule.id}`);
    }
    expect(wrong).toEqual([]);
  });
});
