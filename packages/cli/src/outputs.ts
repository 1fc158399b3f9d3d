/**
 * Where reports go: `--format NAME` (stdout, or the file of `-o FILE`) and `--format NAME=FILE`,
 * repeatable, so one run can print for people and write SARIF for code scanning.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from './errors.js';
import { describeIoError } from './io-errors.js';
import { FORMATTERS, findFormatter, type FormatOptions, type Formatter } from './formatters/index.js';
import type { LintReport } from './report.js';

export interface OutputTarget {
  format: string;
  formatter: Formatter;
  /** The file to write; undefined for the run's main stream (stdout, unless the mode says otherwise). */
  file?: string;
}

const DEFAULT_FORMAT = 'stylish';

/**
 * The outputs of `--format` values (`NAME` or `NAME=FILE`) and `-o FILE`. At most one format goes to
 * the main stream (or to `-o`); when none is named, stylish does.
 */
export function resolveOutputs(formats: readonly string[], outputFile?: string): OutputTarget[] {
  const targets = formats.map(parseFormat);
  const main = targets.filter((t) => t.file === undefined);
  if (main.length > 1) {
    throw new UsageError(`only one \`--format\` can print to ${outputFile === undefined ? 'stdout' : `\`-o ${outputFile}\``}; write the others to files with \`--format NAME=FILE\``);
  }
  if (main.length === 0) targets.unshift({ format: DEFAULT_FORMAT, formatter: findFormatter(DEFAULT_FORMAT)! });
  if (outputFile !== undefined) {
    if (outputFile === '') throw new UsageError('`-o` needs a file name');
    const primary = targets.find((t) => t.file === undefined)!;
    primary.file = outputFile;
  }
  const files = targets.flatMap((t) => (t.file === undefined ? [] : [resolve(t.file)]));
  const twice = files.find((file, i) => files.indexOf(file) !== i);
  if (twice) throw new UsageError(`two outputs write to \`${twice}\``);
  return targets;
}

function parseFormat(value: string): OutputTarget {
  const cut = value.indexOf('=');
  const format = cut === -1 ? value : value.slice(0, cut);
  const file = cut === -1 ? undefined : value.slice(cut + 1);
  const formatter = findFormatter(format);
  if (!formatter) throw new UsageError(`unknown format \`${format}\`; expected one of ${Object.keys(FORMATTERS).join(', ')}`);
  if (file === '') throw new UsageError(`\`--format ${value}\` needs a file name after \`=\``);
  return { format, formatter, ...(file === undefined ? {} : { file }) };
}

/** Where the main output goes: stdout, stderr (`--stdin --fix` prints the fixed text on stdout), or nowhere (`--fix-dry-run` prints the diff). */
export type MainStream = 'stdout' | 'stderr' | 'none';

/**
 * Writes every output; files are written without colors (parent directories created). Returns one
 * line per file that could not be written.
 */
export async function writeOutputs(targets: readonly OutputTarget[], report: LintReport, options: FormatOptions & { cwd: string; main: MainStream }): Promise<string[]> {
  const failures: string[] = [];
  for (const target of targets) {
    if (target.file === undefined) {
      if (options.main === 'none') continue;
      const stream = options.main === 'stdout' ? process.stdout : process.stderr;
      stream.write(target.formatter(report, options));
      continue;
    }
    const path = resolve(options.cwd, target.file);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, target.formatter(report, { ...options, color: false }));
    } catch (error) {
      failures.push(`could not write the ${target.format} report to ${target.file}: ${describeIoError(error)}`);
    }
  }
  return failures;
}
