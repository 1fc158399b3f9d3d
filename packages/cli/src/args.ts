/** The command line: `csmlint [paths...]`, `csmlint explain RULE`, `csmlint rules`, `csmlint init|preview [dir]`. Only node:util here (fast `--version`). */
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';

export type Command = 'lint' | 'explain' | 'rules' | 'init' | 'preview' | 'help' | 'version';

export interface CliArgs {
  command: Command;
  /** Paths for `lint`; the rule for `explain`; the directory for `init` and `preview`. */
  positionals: string[];
  /** `--format` values as written (`NAME` or `NAME=FILE`), in order; empty: the default. */
  formats: string[];
  /** `-o FILE`: where the format without `=FILE` goes instead of stdout. */
  outputFile?: string;
  /** `--fix`: write the safe fixes. */
  fix: boolean;
  /** `--fix-dry-run`: print the fixes as a diff, write nothing. */
  fixDryRun: boolean;
  /** `--stdin --stdin-filename PATH`: the text on stdin stands for PATH. */
  stdinFilename?: string;
  quiet: boolean;
  maxWarnings?: number;
  /** `--rule ID=severity`, as written (checked against the registry later). */
  rules: string[];
  config?: string;
  noConfig: boolean;
  targetType?: string;
  /** `--run`: the execution check (imports and calls the package's code). */
  run: boolean;
  noColor: boolean;
  hints: boolean;
}

const OPTIONS = {
  format: { type: 'string', short: 'f', multiple: true },
  'output-file': { type: 'string', short: 'o' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'max-warnings': { type: 'string' },
  rule: { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  'target-type': { type: 'string' },
  run: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  hints: { type: 'boolean' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

const SUBCOMMANDS = new Set(['explain', 'rules', 'init', 'preview']);

/** Parses `argv` (without `node` and the script); throws UsageError with a one-line message. */
export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  const { values, positionals } = parsed;
  const first = positionals[0];
  const command: Command = values.help
    ? 'help'
    : values.version
      ? 'version'
      : first !== undefined && SUBCOMMANDS.has(first)
        ? (first as Command)
        : 'lint';
  const rest = SUBCOMMANDS.has(command) ? positionals.slice(1) : positionals;
  if (command === 'explain' && rest.length !== 1) throw new UsageError('`csmlint explain` takes one rule ID or name, e.g. `csmlint explain CSM401`');
  if (command === 'rules' && rest.length) throw new UsageError('`csmlint rules` takes no arguments (to lint a directory named `rules`, write `./rules`)');
  if ((command === 'init' || command === 'preview') && rest.length > 1) throw new UsageError(`\`csmlint ${command}\` takes one directory`);
  if (values.config !== undefined && values['no-config']) throw new UsageError('`--config` and `--no-config` cannot be used together');
  checkFixAndStdin(values, command, rest);
  return {
    command,
    positionals: rest,
    formats: values.format ?? [],
    outputFile: values['output-file'],
    fix: values.fix ?? false,
    fixDryRun: values['fix-dry-run'] ?? false,
    stdinFilename: values['stdin-filename'],
    quiet: values.quiet ?? false,
    maxWarnings: values['max-warnings'] === undefined ? undefined : parseMaxWarnings(values['max-warnings']),
    rules: values.rule ?? [],
    config: values.config,
    noConfig: values['no-config'] ?? false,
    targetType: values['target-type'],
    run: values.run ?? false,
    noColor: values['no-color'] ?? false,
    hints: values.hints ?? false,
  };
}

/** `--fix`, `--fix-dry-run` and `--stdin` go with linting, and with each other only in some ways. */
function checkFixAndStdin(values: { fix?: boolean; 'fix-dry-run'?: boolean; stdin?: boolean; 'stdin-filename'?: string }, command: Command, paths: string[]): void {
  if (values.fix && values['fix-dry-run']) throw new UsageError('`--fix` and `--fix-dry-run` cannot be used together');
  if (values.stdin && values['stdin-filename'] === undefined) {
    throw new UsageError('`--stdin` needs `--stdin-filename PATH`: the package file the text stands for');
  }
  if (values['stdin-filename'] !== undefined && !values.stdin) throw new UsageError('`--stdin-filename` goes with `--stdin`');
  if (command !== 'lint' && (values.fix || values['fix-dry-run'] || values.stdin)) {
    throw new UsageError(`\`--fix\`, \`--fix-dry-run\` and \`--stdin\` are for linting, not \`csmlint ${command}\``);
  }
  if (values.stdin && paths.length) throw new UsageError('`--stdin` lints the text on stdin: give no paths');
}

/** A whole number; `-1` (ESLint's "no limit") means no limit. */
function parseMaxWarnings(text: string): number | undefined {
  if (text === '-1') return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`\`--max-warnings\` takes a whole number, not \`${text}\``);
  return Number(text);
}

function describeParseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(?:-\w, )?(--?[^' ,]+)/.exec(message)?.[1] ?? ''; // "'-f, --format <value>'" names `--format`
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option \`${option}\` (see \`csmlint --help\`)`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.includes('does not take') ? `option \`${option}\` takes no value` : `option \`${option}\` needs a value`;
    default:
      return message.split('\n')[0] ?? message;
  }
}
