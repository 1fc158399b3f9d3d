/**
 * `--format stylish` (the default, for humans): findings grouped by file as
 * `line:col  severity  message  RULE`, each with a code frame, then a summary line.
 */
import pc from 'picocolors';
import { decodeSource, toOneBased, type Diagnostic, type Severity } from '@csmlint/core';
import { displayPath } from '../json-diagnostic.js';
import { countDiagnostics, type LintReport } from '../report.js';
import { codeFrame } from './code-frame.js';
import type { FormatOptions } from './index.js';

const FRAME_INDENT = '    ';

/** The report as text for a terminal. */
export function formatStylish(report: LintReport, options: FormatOptions): string {
  const colors = pc.createColors(options.color);
  const paint: Record<Severity, (text: string) => string> = {
    error: colors.red,
    warning: colors.yellow,
    info: colors.blue,
    hint: colors.dim,
  };
  const shown = options.showHints ? report.diagnostics : report.diagnostics.filter((d) => d.severity !== 'hint');
  const hiddenHints = report.diagnostics.length - shown.length;
  const out: string[] = [];
  for (const [file, diagnostics] of groupByFile(shown)) {
    out.push(colors.underline(displayPath(file, report.cwd)));
    const positions = diagnostics.map((d) => {
      const { line, column } = toOneBased(d.range.start);
      return `${line}:${column}`;
    });
    const positionWidth = positions.reduce((width, p) => Math.max(width, p.length), 0);
    const severityWidth = diagnostics.reduce((width, d) => Math.max(width, d.severity.length), 0);
    const source = report.sources.get(file);
    const lines = source === undefined ? undefined : decodeSource(file, source, Number.POSITIVE_INFINITY);
    diagnostics.forEach((d, i) => {
      const severity = paint[d.severity](d.severity.padEnd(severityWidth));
      out.push(`  ${positions[i]!.padEnd(positionWidth)}  ${severity}  ${d.message}  ${colors.dim(d.ruleId)}`);
      if (lines && !lines.unreadable) {
        for (const frameLine of codeFrame(lines.lines, d.range, paint[d.severity], colors)) out.push(FRAME_INDENT + frameLine);
      }
    });
    out.push('');
  }
  out.push(...summary(shown, report.packages, hiddenHints, colors));
  return out.join('\n') + '\n';
}

function summary(shown: Diagnostic[], packages: number, hiddenHints: number, colors: ReturnType<typeof pc.createColors>): string[] {
  const counts = countDiagnostics(shown);
  const hintNote = hiddenHints ? [colors.dim(`  ${plural(hiddenHints, 'hint')} not shown (--hints shows them)`)] : [];
  if (packages === 0 && shown.length === 0) {
    return ['No metric packages found (a package is a directory with metadata.yaml and/or custom_metrics.py).'];
  }
  if (shown.length === 0) {
    return [colors.green(`✔ ${plural(packages, 'package')} checked, no problems`), ...hintNote];
  }
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning')];
  if (counts.infos) parts.push(plural(counts.infos, 'info'));
  if (counts.hints) parts.push(plural(counts.hints, 'hint'));
  const line = `✖ ${plural(shown.length, 'problem')} (${parts.join(', ')})`;
  const paint = counts.errors ? colors.red : counts.warnings ? colors.yellow : colors.blue;
  const lines = [colors.bold(paint(line))];
  if (counts.fixable) lines.push(colors.bold(paint(`  ${counts.fixable} fixable with --fix`)));
  return [...lines, ...hintNote];
}

function groupByFile(diagnostics: Diagnostic[]): Map<string, Diagnostic[]> {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const group = groups.get(d.file);
    if (group) group.push(d);
    else groups.set(d.file, [d]);
  }
  return groups;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
