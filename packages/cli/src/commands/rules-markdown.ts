/** `csmlint rules --format markdown`: the rule list of the README, generated from the registry (a test keeps the README current). */
import { RULES, type Rule } from '@csmlint/core';

/** A markdown table: ID, name, default severity, whether `--fix` fixes it, and what it finds. */
export function rulesMarkdown(rules: readonly Rule[] = RULES): string {
  const rows = rules.map((rule) => {
    const summary = rule.implemented === false ? `${rule.docs.summary} *(not implemented yet)*` : rule.docs.summary;
    return `| ${rule.id} | ${rule.name} | ${rule.severity} | ${rule.fixable ? 'yes' : ''} | ${cell(summary)} |`;
  });
  return ['| ID | name | default | fixable | what it finds |', '|---|---|---|---|---|', ...rows].join('\n') + '\n';
}

/** Text for one table cell: no line breaks, `|` escaped. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

const FENCE_LANGUAGE: Record<string, string> = { 'metadata.yaml': 'yaml', 'metadata.yml': 'yaml', 'custom_metrics.py': 'python', '.csmlint.yaml': 'yaml' };

/**
 * `docs/rules.md`: every rule's documentation, as `csmlint explain` prints it. Its headings give the
 * anchors `ruleDocsUrl` links to (SARIF `helpUri`, the language server's code descriptions).
 */
export function rulesDocsPage(rules: readonly Rule[] = RULES): string {
  const out = [
    '# csmlint rules',
    '',
    'Generated from the rule registry (`packages/core/src/rules/`); `csmlint explain ID` prints the same.',
    'Regenerate with `UPDATE_DOCS=1 npx vitest run test/readme.test.ts`.',
  ];
  for (const rule of rules) {
    const { docs } = rule;
    const config = docs.exampleConfig?.targetType ? ` (with \`targetType: ${docs.exampleConfig.targetType}\` in the config)` : '';
    out.push('', `## ${rule.id} ${rule.name}`, '', docs.summary, '');
    out.push(`Default severity: ${rule.severity}. Fixable: ${rule.fixable ? 'yes (`--fix`)' : 'no'}.${rule.implemented === false ? ' Not implemented yet.' : ''}`);
    out.push('', `**Why.** ${docs.why}`);
    out.push(...docsExample(`Bad${config}`, docs.bad, docs.configExample?.bad), ...docsExample(`Good${config}`, docs.good, docs.configExample?.good));
    out.push('', `**Fix.** ${docs.fix}`);
  }
  return out.join('\n') + '\n';
}

function docsExample(title: string, pkg: Readonly<Record<string, string | undefined>>, configText: string | undefined): string[] {
  const files = Object.entries(pkg).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  if (configText !== undefined) files.push(['.csmlint.yaml', configText]);
  if (files.length === 0) return [];
  const out = ['', `**${title}**`];
  for (const [name, text] of files) out.push('', `\`${name}\``, '', `\`\`\`${FENCE_LANGUAGE[name] ?? ''}`, text.replace(/\n$/, ''), '```');
  return out;
}
