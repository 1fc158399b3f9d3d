/**
 * Output formats. Each is a pure function from the run's report to text; the CLI decides where the
 * text goes (stdout today; `--format NAME=FILE` and `-o FILE` route it to files the same way).
 */
import type { LintReport } from '../report.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export interface FormatOptions {
  /** ANSI colors (only for a TTY, never with `--no-color` or `NO_COLOR`). */
  color: boolean;
  /** Print hint-severity findings (stylish hides them unless asked; machine formats always carry them). */
  showHints: boolean;
}

export type Formatter = (report: LintReport, options: FormatOptions) => string;

/** Every format `--format` accepts, by name. */
export const FORMATTERS: Readonly<Record<string, Formatter>> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
  github: formatGithub,
};

/** The formatter called `name`, or undefined. */
export function findFormatter(name: string): Formatter | undefined {
  return Object.hasOwn(FORMATTERS, name) ? FORMATTERS[name] : undefined;
}
