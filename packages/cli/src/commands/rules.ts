/** `csmlint rules`: the rule table. */
import pc from 'picocolors';
import { RULES } from '@csmlint/core';

/** One row per rule: ID, name, default severity, fixable; unimplemented rules say so. */
export function rulesTable(color: boolean): string {
  const c = pc.createColors(color);
  const header = ['ID', 'NAME', 'SEVERITY', 'FIXABLE'];
  const rows = RULES.map((r) => [r.id, r.name, r.severity, r.fixable ? 'yes' : 'no', r.implemented === false ? 'not implemented yet' : '']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i < widths.length ? cell.padEnd(widths[i]!) : cell))
      .join('  ')
      .trimEnd();
  return [c.bold(line(header)), ...rows.map((row) => (row[4] ? c.dim(line(row)) : line(row)))].join('\n') + '\n';
}
