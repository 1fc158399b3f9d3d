/** Docs whose examples run (style.md §9): each rule's bad example fires it, its good example does not. */
import { parseConfig, RULES, type ExamplePackage, type Rule } from '@csmlint/core';
import { loadLinter } from 'csmlint';
import { describe, expect, it } from 'vitest';

/** Rules whose findings come from `lint` (not from a host reading files, nor from the execution check). */
const LINTED = RULES.filter((r) => r.implemented !== false && !r.reportedBy);

async function ruleIdsFor(example: ExamplePackage, rule: Rule): Promise<string[]> {
  const linter = await loadLinter();
  const files = Object.entries(example).map(([path, content]) => ({ path, content: content! }));
  const result = linter.lint(files, { ...rule.docs.exampleConfig });
  expect(result.ruleFailures).toEqual([]);
  return result.diagnostics.map((d) => d.ruleId);
}

describe.each(LINTED.map((r) => [r.id, r.name, r] as const))('%s %s docs', (_id, _name, rule) => {
  it('the bad example fires the rule', async () => {
    expect(await ruleIdsFor(rule.docs.bad, rule)).toContain(rule.id);
  });

  it('the good example does not fire it', async () => {
    expect(await ruleIdsFor(rule.docs.good, rule)).not.toContain(rule.id);
  });
});

describe.each(RULES.filter((r) => r.docs.configExample).map((r) => [r.id, r] as const))('%s config example', (_id, rule) => {
  it('the bad config is rejected and the good one accepted', () => {
    const { bad, good } = rule.docs.configExample!;
    expect(parseConfig('.csmlint.yaml', bad).diagnostics.map((d) => d.ruleId)).toContain(rule.id);
    expect(parseConfig('.csmlint.yaml', good).diagnostics).toEqual([]);
  });
});
