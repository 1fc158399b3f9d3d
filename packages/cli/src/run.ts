/** Runs a parsed command line; returns the exit code. Loaded lazily by main.ts so `--version` stays fast. */
import { stat } from 'node:fs/promises';
import { canonicalTargetType, CONFIG_SEVERITIES, isSeverityOrOff, TARGET_TYPES, type SeverityOrOff } from '@csmlint/core';
import type { CliArgs } from './args.js';
import { explainRule } from './commands/explain.js';
import { ruleNamed } from './commands/rule-lookup.js';
import { rulesTable } from './commands/rules.js';
import { UsageError } from './errors.js';
import { initPackage } from './commands/init.js';
import { previewDirectory, previewMetrics } from './commands/preview.js';
import { rulesMarkdown } from './commands/rules-markdown.js';
import { formatStylish } from './formatters/stylish.js';
import { HELP } from './help.js';
import type { BadPath } from './discover.js';
import { lintPaths, type LintRunOptions, type PackageToLint } from './lint.js';
import { lintMode } from './lint-modes.js';
import { resolveOutputs, writeOutputs } from './outputs.js';
import { countDiagnostics, type LintReport } from './report.js';
import { VERSION } from './version.js';

/** Exit codes (interfaces.md). */
export const EXIT = { ok: 0, findings: 1, failure: 2 } as const;

/** Runs `args`; writes to stdout/stderr; returns the exit code. Throws UsageError for bad usage. */
export async function run(args: CliArgs): Promise<number> {
  const color = useColor(args);
  switch (args.command) {
    case 'help':
      process.stdout.write(HELP);
      return EXIT.ok;
    case 'version':
      process.stdout.write(`csmlint ${VERSION}\n`);
      return EXIT.ok;
    case 'rules':
      process.stdout.write(rulesListing(args.formats, color));
      return EXIT.ok;
    case 'explain':
      process.stdout.write(explainRule(ruleNamed(args.positionals[0]!), color));
      return EXIT.ok;
    case 'init':
      process.stdout.write(await initPackage(args.positionals[0] ?? '.', process.cwd()));
      return EXIT.ok;
    case 'preview':
      return preview(args, color);
    case 'lint':
      return lint(args, color);
  }
}

async function lint(args: CliArgs, color: boolean): Promise<number> {
  const outputs = resolveOutputs(args.formats, args.outputFile);
  const options = await lintRunOptions(args);
  const cwd = options.cwd;
  const mode = await lintMode(args, cwd);
  const result = await lintPaths({ ...options, paths: args.positionals.length ? args.positionals : ['.'], ...mode.runOptions });
  if (result.badPaths.length) throw new UsageError(describeBadPath(result.badPaths[0]!));
  const diagnostics = args.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
  const report: LintReport = { cwd, diagnostics, packages: result.packages, packageDirs: result.packageDirs, files: result.files, sources: result.sources };
  const failures = [...result.failures, ...mode.finish()];
  failures.push(...(await writeOutputs(outputs, report, { color, showHints: args.hints, cwd, main: mode.main })));
  if (failures.length) return reportFailures(failures);
  const counts = countDiagnostics(diagnostics);
  if (counts.errors) return EXIT.findings;
  if (args.maxWarnings !== undefined && counts.warnings > args.maxWarnings) {
    process.stderr.write(`csmlint: too many warnings (${counts.warnings}; --max-warnings is ${args.maxWarnings})\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

/** `csmlint preview`: the stored metrics as JSON, or the errors (stylish, on stderr) and exit code 1. */
async function preview(args: CliArgs, color: boolean): Promise<number> {
  const options = await lintRunOptions(args);
  const dir = await previewDirectory(args.positionals[0] ?? '.', options.cwd);
  const linted: { pkg?: PackageToLint } = {};
  const result = await lintPaths({ ...options, paths: [], packages: [dir], rewrite: (pkg) => ((linted.pkg = pkg), pkg.files) });
  if (result.failures.length) return reportFailures(result.failures);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || !linted.pkg) {
    const report: LintReport = { cwd: options.cwd, diagnostics: errors, packages: result.packages, files: result.files, sources: result.sources };
    process.stderr.write(formatStylish(report, { color, showHints: false }));
    return EXIT.findings;
  }
  const { linter, files, options: lintOptions } = linted.pkg;
  process.stdout.write(JSON.stringify(previewMetrics(linter, files, lintOptions), null, 2) + '\n');
  return EXIT.ok;
}

/** What linting and preview share: config, `--rule`, `--target-type`, `--run`, checked. */
async function lintRunOptions(args: CliArgs): Promise<Omit<LintRunOptions, 'paths'>> {
  const rules = parseRuleOptions(args.rules);
  const targetType = args.targetType === undefined ? undefined : canonicalTargetType(args.targetType);
  if (args.targetType !== undefined && !targetType) {
    throw new UsageError(`unknown target type \`${args.targetType}\`; expected one of ${TARGET_TYPES.join(', ')}`);
  }
  if (args.config !== undefined) await assertFile(args.config);
  const threads = threadsSetting(process.env.CSMLINT_WORKERS);
  return { cwd: process.cwd(), configFile: args.config, noConfig: args.noConfig, rules, targetType, run: args.run, ...(threads ? { threads } : {}) };
}

/** `CSMLINT_WORKERS=N`: lint with N threads (1: none besides the main one); unset or empty: csmlint chooses. */
function threadsSetting(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^[1-9]\d{0,2}$/.test(value)) throw new UsageError(`\`CSMLINT_WORKERS\` must be a whole number from 1 to 999 (1: one thread), not \`${value}\``);
  return Number(value);
}

/** Prints why the run could not do its whole job; exit code 2. */
function reportFailures(failures: string[]): number {
  const [first] = failures;
  const more = failures.length - 1;
  process.stderr.write(`csmlint: ${more ? `${failures.length} problems stopped the check; the first: ` : ''}${first}\n`);
  return EXIT.failure;
}

/** `csmlint rules`: the table, or (`--format markdown`) the README's rule list. */
function rulesListing(formats: string[], color: boolean): string {
  if (formats.length === 0) return rulesTable(color);
  if (formats.length === 1 && formats[0] === 'markdown') return rulesMarkdown();
  throw new UsageError('`csmlint rules` prints a table, or markdown with `--format markdown`');
}

/** `--rule ID=severity` options, keyed by rule ID. */
function parseRuleOptions(options: string[]): Record<string, SeverityOrOff> {
  const rules: Record<string, SeverityOrOff> = {};
  for (const option of options) {
    const cut = option.lastIndexOf('=');
    if (cut <= 0) throw new UsageError(`\`--rule ${option}\` must look like \`--rule CSM401=warning\``);
    const severity = option.slice(cut + 1);
    const rule = ruleNamed(option.slice(0, cut));
    if (!isSeverityOrOff(severity)) {
      throw new UsageError(`\`--rule ${option}\`: unknown severity \`${severity}\`; expected one of ${CONFIG_SEVERITIES.join(', ')}`);
    }
    rules[rule.id] = severity;
  }
  return rules;
}

async function assertFile(path: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new UsageError(`config file \`${path}\` not found`);
  if (!info.isFile()) throw new UsageError(`config file \`${path}\` is not a file`);
}

function describeBadPath(bad: BadPath): string {
  return bad.reason === 'not-found'
    ? `no such file or directory: \`${bad.path}\``
    : `\`${bad.path}\` is not a package file (metadata.yaml, metadata.yml or custom_metrics.py) nor a directory`;
}

/** Colors only on a terminal, and never with `--no-color` or `NO_COLOR`; `FORCE_COLOR` turns them on elsewhere. */
function useColor(args: CliArgs): boolean {
  const env = process.env;
  if (args.noColor || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return process.stdout.isTTY === true;
}
