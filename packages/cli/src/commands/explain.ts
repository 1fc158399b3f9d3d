/** `csmlint explain RULE`: the rule's documentation, from the rule's own `docs`. */
import pc from 'picocolors';
import { ruleDocsUrl, type ExamplePackage, type Rule } from '@csmlint/core';

/** The text `csmlint explain` prints for `rule`. */
export function explainRule(rule: Rule, color: boolean): string {
  const c = pc.createColors(color);
  const { docs } = rule;
  const out = [
    `${c.bold(rule.id)}  ${c.bold(rule.name)}`,
    docs.summary,
    '',
    `Default severity: ${rule.severity}    Fixable: ${rule.fixable ? 'yes (--fix)' : 'no'}`,
  ];
  if (rule.implemented === false) out.push('Not implemented yet: listed in the catalog, checked in a later version.');
  out.push(`Docs: ${ruleDocsUrl(rule.id, rule.name)}`, '', c.bold('Why'), indent(docs.why));
  const config = docs.exampleConfig?.targetType ? ` (with \`targetType: ${docs.exampleConfig.targetType}\` in the config)` : '';
  out.push(...example(`Bad${config}`, docs.bad, docs.configExample?.bad, c));
  out.push(...example(`Good${config}`, docs.good, docs.configExample?.good, c));
  out.push('', c.bold('Fix'), indent(docs.fix));
  return out.join('\n') + '\n';
}

function example(title: string, pkg: ExamplePackage, configText: string | undefined, c: ReturnType<typeof pc.createColors>): string[] {
  const files: Array<[string, string]> = Object.entries(pkg).filter((e): e is [string, string] => typeof e[1] === 'string');
  if (configText !== undefined) files.push(['.csmlint.yaml', configText]);
  if (files.length === 0) return [];
  const out = ['', c.bold(title)];
  for (const [name, text] of files) {
    out.push(`  ${c.underline(name)}`);
    for (const line of text.replace(/\n$/, '').split('\n')) out.push(`  ${c.dim('│')} ${line}`);
  }
  return out;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `  ${line}` : line))
    .join('\n');
}
