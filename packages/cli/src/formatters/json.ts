/** `--format json`: the versioned machine contract of interfaces.md. */
import { toJsonReport } from '../json-diagnostic.js';
import type { LintReport } from '../report.js';

/** The report as one JSON document (hints included). */
export function formatJson(report: LintReport): string {
  return JSON.stringify(toJsonReport(report), null, 2) + '\n';
}
