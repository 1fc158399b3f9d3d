/**
 * `--format github`: GitHub Actions workflow commands, which GitHub shows as annotations on the
 * pull request's diff: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`.
 * Warnings are `::warning`; info (and hints, with `--hints`) are `::notice`.
 */
import type { Severity } from '@csmlint/core';
import { displayPath, toJsonRange } from '../json-diagnostic.js';
import type { LintReport } from '../report.js';
import type { FormatOptions } from './index.js';

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** One workflow command per finding. */
export function formatGithub(report: LintReport, options: FormatOptions): string {
  const shown = options.showHints ? report.diagnostics : report.diagnostics.filter((d) => d.severity !== 'hint');
  return shown
    .map((d) => {
      const { start, end } = toJsonRange(d.range);
      const properties = [
        `file=${escapeProperty(displayPath(d.file, report.cwd))}`,
        `line=${start.line}`,
        `col=${start.column}`,
        `endLine=${end.line}`,
        `endColumn=${end.column}`,
        `title=${escapeProperty(`${d.ruleId} ${d.ruleName}`)}`,
      ];
      return `::${COMMANDS[d.severity]} ${properties.join(',')}::${escapeData(d.message)}\n`;
    })
    .join('');
}

/** The message part of a workflow command (GitHub's `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a workflow command (GitHub's `escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
