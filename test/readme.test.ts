/**
 * The README stays true: the rule list is the registry's (`csmlint rules --format markdown`), the
 * stylish and preview examples are what csmlint prints, every option of `--help` is documented, and
 * the pre-commit section matches `.pre-commit-hooks.yaml`. docs/rules.md (where SARIF's `helpUri`
 * points) is every rule's documentation from the registry. `UPDATE_DOCS=1` rewrites both from the registry.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadLinter } from 'csmlint';
import { describe, expect, it } from 'vitest';
import { STARTER_CODE, STARTER_METADATA } from '../packages/cli/src/commands/init.js';
import { previewMetrics } from '../packages/cli/src/commands/preview.js';
import { RULES, ruleDocsUrl } from '@csmlint/core';
import { rulesDocsPage, rulesMarkdown } from '../packages/cli/src/commands/rules-markdown.js';
import { HELP } from '../packages/cli/src/help.js';
import { makeTree, runCli, VALID_CODE, VALID_METADATA } from './helpers/cli.js';
import { REPO_ROOT } from './helpers/fixtures.js';

const update = process.env.UPDATE_DOCS === '1';
const README = join(REPO_ROOT, 'README.md');
if (update) writeFileSync(README, withRuleList(readFileSync(README, 'utf8')));
const readme = readFileSync(README, 'utf8');
const DOCS_PAGE = join(REPO_ROOT, 'docs/rules.md');

/** `text` with the generated rule list between its markers. */
function withRuleList(text: string): string {
  const start = text.indexOf('\n', text.indexOf('<!-- rules:start')) + 1;
  const end = text.indexOf('<!-- rules:end -->');
  return start === 0 || end === -1 ? text : text.slice(0, start) + rulesMarkdown() + text.slice(end);
}

/** The text between a line starting with `startLine` and the next line equal to `endLine`. */
function between(startLine: string, endLine: string, from = 0): string {
  const start = readme.indexOf('\n', readme.indexOf(startLine, from)) + 1;
  const end = readme.indexOf(`\n${endLine}\n`, start);
  if (start === 0 || end === -1) throw new Error(`README has no block from \`${startLine}\` to \`${endLine}\``);
  return readme.slice(start, end + 1);
}

describe('README', () => {
  it('lists the rules exactly as the registry has them (UPDATE_DOCS=1 rewrites the list)', () => {
    expect(between('<!-- rules:start', '<!-- rules:end -->')).toBe(rulesMarkdown());
  });

  it('shows stylish output as csmlint prints it', async () => {
    const root = makeTree({ 'metrics/churn/metadata.yaml': VALID_METADATA.replaceAll('weighted_mae', 'wieghted_mae'), 'metrics/churn/custom_metrics.py': VALID_CODE });
    try {
      const result = await runCli(['metrics/churn'], { cwd: root });
      expect(between('```text\nmetrics/churn/metadata.yaml', '```')).toBe(result.stdout);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('shows the preview of the starter package as csmlint prints it', async () => {
    const linter = await loadLinter();
    const metrics = previewMetrics(linter, [{ path: 'metadata.yaml', content: STARTER_METADATA }, { path: 'custom_metrics.py', content: STARTER_CODE }], {});
    const shown = between('exits with code 1. For the starter package of `csmlint init`:', '```', readme.indexOf('### Starting a package')).replace(/^\n```json\n/, '');
    expect(shown).toBe(JSON.stringify(metrics, null, 2) + '\n');
  });

  it('documents every option of --help', () => {
    const options = [...new Set(HELP.match(/--[a-z][a-z-]+/g))];
    expect(options.length).toBeGreaterThan(15);
    expect(options.filter((option) => !readme.includes(`\`${option}`) && !readme.includes(` ${option}`))).toEqual([]);
  });

  it('configures the pre-commit hook that .pre-commit-hooks.yaml defines', () => {
    const hooks = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
    expect(hooks).toEqual([
      {
        id: 'csmlint',
        name: 'csmlint',
        description: expect.any(String),
        entry: 'csmlint',
        language: 'node',
        files: '(^|/)(metadata\\.ya?ml|custom_metrics\\.py)$',
        pass_filenames: true,
        require_serial: true,
      },
    ]);
    const config = parse(between('# .pre-commit-config.yaml', '```', readme.indexOf('## pre-commit'))) as { repos: Array<{ hooks: Array<{ id: string }> }> };
    expect(config.repos[0]!.hooks[0]!.id).toBe('csmlint');
    const files = new RegExp(hooks[0]!.files as string);
    for (const path of ['metadata.yaml', 'metrics/churn/metadata.yml', 'a/b/custom_metrics.py']) expect(files.test(path), path).toBe(true);
    for (const path of ['my_metadata.yaml', 'custom_metrics.pyc', 'metadata.yaml.bak']) expect(files.test(path), path).toBe(false);
  });
});

describe('docs/rules.md', () => {
  it('documents every rule as the registry has it', () => {
    if (update) {
      mkdirSync(join(REPO_ROOT, 'docs'), { recursive: true });
      writeFileSync(DOCS_PAGE, rulesDocsPage());
    }
    expect(existsSync(DOCS_PAGE), 'docs/rules.md is missing: UPDATE_DOCS=1 npx vitest run test/readme.test.ts').toBe(true);
    expect(readFileSync(DOCS_PAGE, 'utf8')).toBe(rulesDocsPage());
  });

  it('has the heading each rule\'s docs link points at', () => {
    const anchors = new Set([...readFileSync(DOCS_PAGE, 'utf8').matchAll(/^## (.+)$/gm)].map((m) => m[1]!.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')));
    for (const rule of RULES) expect(anchors, rule.id).toContain(new URL(ruleDocsUrl(rule.id, rule.name)).hash.slice(1));
  });
});
