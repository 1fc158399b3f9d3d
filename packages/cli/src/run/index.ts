/**
 * The execution check (`--run`, config `run: true`): imports the package's custom_metrics.py with the
 * user's Python and calls every declared metric on synthetic data for the target type. It runs the
 * user's code, so it is off by default and never runs on keystrokes.
 */
import { resolve } from 'node:path';
import {
  DEFAULT_TARGET_TYPE, FILE_START, canonicalTargetType, compareDiagnostics, findSuppressions, suppresses,
  type Diagnostic, type Linter, type LintOptions, type PackageContext, type PackageFileInput, type SeverityOrOff,
} from '@csmlint/core';
import { mapOutcome, toDiagnostics, type RunReport, type RunSetting } from './findings.js';
import { runHarness, type HarnessOutcome } from './harness.js';
import { canImport, planMetrics, type PlannedMetric } from './plan.js';

export { HARNESS_PATH } from './harness.js';

/** `runTimeout` when the config does not set it, in seconds. */
export const DEFAULT_RUN_TIMEOUT_SECONDS = 10;
/** The interpreter when the config does not name one. */
export const DEFAULT_PYTHON = 'python3';

/** The config keys the execution check reads. */
export interface RunConfig {
  /** Config `python`: a command on the PATH, or a path (a relative one is relative to `configDir`). */
  python?: string;
  /** The directory of the config file that set `python`; default: the current directory. */
  configDir?: string;
  /** Config `runTimeout`, in seconds, for the whole check of one package. */
  runTimeout?: number;
  /** `targetType` from the config or `--target-type`; used when the package context has none. */
  targetType?: string;
  /** Configured severities (ID or name → severity or `off`). */
  rules?: Record<string, SeverityOrOff>;
  /** Call with plain lists even when numpy is importable (`CSMLINT_RUN_LISTS=1` does the same). */
  lists?: boolean;
  /** Cancels the check: the Python process group is killed and no findings are returned. */
  signal?: AbortSignal;
}

/**
 * Runs the execution check on the package in `pkgDir` (`context` is its linted package context) and
 * returns CSM500–CSM503 findings, or one CSM006 when the interpreter cannot run (exit code 2).
 */
export async function runExecutionCheck(pkgDir: string, context: PackageContext, config: RunConfig = {}): Promise<Diagnostic[]> {
  const codeFile = context.codeFile;
  if (!codeFile || !canImport(context) || config.signal?.aborted) return [];
  const explicitTarget = context.targetType ?? canonicalTargetType(config.targetType);
  const python = config.python ?? DEFAULT_PYTHON;
  const setting: RunSetting = {
    pkgDir,
    codeFile,
    python,
    targetType: explicitTarget ?? DEFAULT_TARGET_TYPE,
    timeoutSeconds: config.runTimeout ?? DEFAULT_RUN_TIMEOUT_SECONDS,
  };
  const command = interpreterCommand(python, config.configDir);
  const reports: RunReport[] = [];
  let calledAny = false;
  let pending = planMetrics(context);
  for (;;) {
    const metrics = pending.map(({ id, function: fn, useWeights }) => ({ id, function: fn, useWeights }));
    const outcome = await runHarness({
      python: command,
      cwd: pkgDir,
      request: { targetType: setting.targetType, metrics, lists: config.lists ?? false },
      timeoutMs: setting.timeoutSeconds * 1000,
      signal: config.signal,
    });
    if (config.signal?.aborted) return [];
    reports.push(...mapOutcome(outcome, pending, setting));
    calledAny ||= outcome.results.size > 0 || outcome.running !== undefined;
    const rest = metricsToRetry(outcome, pending);
    if (rest.length === 0) break;
    pending = rest;
  }
  if (!explicitTarget && calledAny) {
    reports.push({
      ruleId: 'CSM501', messageId: 'defaultTargetType', severity: 'info', data: { targetType: DEFAULT_TARGET_TYPE },
      file: context.metadataFile?.path ?? codeFile.path, range: FILE_START,
    });
  }
  return applySuppressions(context, toDiagnostics(unique(reports), config.rules)).sort(compareDiagnostics);
}

/** A bare name is looked up on the PATH; a path is made absolute, since the harness runs in the package directory. */
function interpreterCommand(python: string, configDir = process.cwd()): string {
  const isPath = python.includes('/') || (process.platform === 'win32' && python.includes('\\'));
  return isPath ? resolve(configDir, python) : python;
}

/**
 * The CLI's door: runs the check on a package whose files were just read and linted with `options`
 * (the context is rebuilt here, so `linter.lint` stays the single static pass).
 */
export async function runExecutionCheckOnFiles(
  linter: Linter, pkgDir: string, files: PackageFileInput[], options: LintOptions, config: RunConfig,
): Promise<Diagnostic[]> {
  const context = linter.buildContext(files, options);
  try {
    return await runExecutionCheck(pkgDir, context, { ...config, targetType: options.targetType ?? config.targetType, rules: options.rules });
  } finally {
    context.python?.tree.delete();
  }
}

/** After a metric crashed the interpreter, the metrics it had not reached yet get a fresh process. */
function metricsToRetry(outcome: HarnessOutcome, pending: PlannedMetric[]): PlannedMetric[] {
  const crashedInCall = outcome.importEvent?.ok === true && outcome.running !== undefined && !outcome.timedOut && !outcome.done;
  if (!crashedInCall) return [];
  return pending.filter((m) => m.id !== outcome.running && !outcome.results.has(m.id));
}

/** A rerun after a crash imports the module again: an import finding is kept once. */
function unique(reports: RunReport[]): RunReport[] {
  const seen = new Set<string>();
  return reports.filter((r) => {
    const key = JSON.stringify([r.ruleId, r.messageId, r.file, r.range, r.data]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `# csmlint-disable-…` comments cover execution findings like any other. */
function applySuppressions(context: PackageContext, diagnostics: Diagnostic[]): Diagnostic[] {
  const suppressions = context.files.filter((f) => !f.unreadable).flatMap(findSuppressions);
  return diagnostics.filter((d) => d.ruleId === 'CSM006' || !suppressions.some((s) => suppresses(s, d)));
}
