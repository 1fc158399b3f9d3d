/** Turns what the harness reported into diagnostics on the user's code (CSM500–CSM503, CSM006). */
import { resolve } from 'node:path';
import {
  CODE_FILE_NAME, CONVENTION, FILE_START, configuredSeverity, findRule, formatMessage,
  type Diagnostic, type Range, type RelatedLocation, type SeverityOrOff, type SourceFile, type TargetType,
} from '@csmlint/core';
import type { DumpFrame, HarnessOutcome } from './harness.js';
import type { PlannedMetric } from './plan.js';
import type { HarnessError, HarnessResult, ValueKind } from './protocol.js';

const MAX_ERROR_TEXT = 200;

/** One finding before wording: the rule, the message id and its data, where it goes. */
export interface RunReport {
  ruleId: 'CSM006' | 'CSM500' | 'CSM501' | 'CSM502' | 'CSM503';
  messageId: string;
  data: Record<string, string>;
  file: string;
  range: Range;
  severity?: Diagnostic['severity'];
  related?: RelatedLocation[];
}

/** What the mapping needs to know about the run besides the harness's outcome. */
export interface RunSetting {
  pkgDir: string;
  codeFile: SourceFile;
  python: string;
  targetType: TargetType;
  timeoutSeconds: number;
}

/** Words reports with their rules' messages at the configured severity; rules turned `off` are dropped. */
export function toDiagnostics(reports: RunReport[], rules: Record<string, SeverityOrOff> | undefined): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const r of reports) {
    const rule = findRule(r.ruleId)!;
    const configured = r.ruleId === 'CSM006' ? undefined : configuredSeverity(rule, rules);
    if (configured === 'off') continue;
    diagnostics.push({
      file: r.file,
      ruleId: rule.id,
      ruleName: rule.name,
      severity: configured ?? r.severity ?? rule.severity,
      message: formatMessage(rule.messages[r.messageId] ?? r.messageId, r.data),
      range: r.range,
      ...(r.related?.length ? { related: r.related } : {}),
      data: r.data,
    });
  }
  return diagnostics;
}

/** The findings of one harness run over `metrics`. */
export function mapOutcome(outcome: HarnessOutcome, metrics: PlannedMetric[], setting: RunSetting): RunReport[] {
  const { codeFile } = setting;
  const atCode = (range: Range | undefined) => ({ file: codeFile.path, range: range ?? FILE_START });
  if (outcome.spawnError) {
    return [{ ruleId: 'CSM006', messageId: 'pythonNotFound', data: { python: setting.python }, ...atCode(undefined) }];
  }
  const hungAt = userDumpLine(outcome, setting);
  if (!outcome.hello && !outcome.timedOut) {
    const detail = lastLine(outcome.stderr) || exitReason(outcome);
    return [{ ruleId: 'CSM006', messageId: 'pythonFailed', data: { python: setting.python, detail }, ...atCode(undefined) }];
  }
  if (!outcome.importEvent) {
    if (outcome.timedOut) {
      return [{ ruleId: 'CSM503', messageId: 'importTimeout', data: { seconds: String(setting.timeoutSeconds) }, ...atCode(hungAt) }];
    }
    return [{ ruleId: 'CSM500', messageId: 'crashed', data: { reason: exitReason(outcome) }, ...atCode(hungAt) }];
  }
  if (!outcome.importEvent.ok) return [importFailure(outcome.importEvent.error, setting)];
  const reports: RunReport[] = [];
  for (const metric of metrics) {
    const result = outcome.results.get(metric.id);
    const report = result ? resultReport(result, metric, setting) : unfinishedReport(outcome, metric, metrics, hungAt, setting);
    if (report) reports.push(report);
  }
  return reports;
}

function importFailure(error: HarnessError, setting: RunSetting): RunReport {
  const { codeFile } = setting;
  const range = userFrameRange(error, codeFile) ?? FILE_START;
  const base = { ruleId: 'CSM500' as const, file: codeFile.path, range };
  if (error.type === 'ModuleNotFoundError' && error.module) {
    return { ...base, messageId: 'missingModule', data: { module: error.module, python: setting.python } };
  }
  if (error.syntax?.user) return { ...base, messageId: 'syntax', data: { error: errorText(error) } };
  return { ...base, messageId: 'raised', data: { error: errorText(error) } };
}

function resultReport(result: HarnessResult, metric: PlannedMetric, setting: RunSetting): RunReport | undefined {
  const { codeFile, targetType } = setting;
  const related = [declaredHere(metric)];
  const onDef = { file: codeFile.path, range: metric.defRange, related };
  const fn = metric.function;
  switch (result.status) {
    case 'missing':
      return undefined; // CSM401 reports it statically
    case 'ok':
      if (result.kind === 'finite') return undefined;
      if (result.type === 'NoneType' && !metric.returnsValue) return undefined; // CSM416 owns a def that never returns a value
      return { ruleId: 'CSM502', messageId: VALUE_MESSAGES[result.kind], data: { function: fn, value: result.value, type: result.type, targetType }, ...onDef };
    case 'signature':
      if (result.stage === 'core' && metric.signatureCheckedStatically) return undefined; // CSM410–CSM412 own it
      return {
        ruleId: 'CSM501', messageId: 'signature', ...onDef,
        data: { function: fn, call: callText(metric, targetType), error: result.message, signature: CONVENTION.signature(fn, metric.useWeights).replace(/:$/, '') },
      };
    case 'error':
      return {
        ruleId: 'CSM501', messageId: 'raised', file: codeFile.path, related,
        range: userFrameRange(result.error, codeFile) ?? metric.defRange,
        data: { function: fn, call: callText(metric, targetType), targetType, error: errorText(result.error) },
      };
  }
}

const VALUE_MESSAGES: Record<Exclude<ValueKind, 'finite'>, string> = {
  nan: 'nan', infinite: 'infinite', bool: 'bool', 'not-real': 'notReal',
};

/** A metric without a result: it was running when time ran out or the process died, or it was never called. */
function unfinishedReport(
  outcome: HarnessOutcome, metric: PlannedMetric, metrics: PlannedMetric[], hungAt: Range | undefined, setting: RunSetting,
): RunReport | undefined {
  const { codeFile, targetType } = setting;
  const seconds = String(setting.timeoutSeconds);
  const fn = metric.function;
  const related = [declaredHere(metric)];
  if (outcome.running === metric.id) {
    if (outcome.timedOut) {
      if (hungAt) related.push({ file: codeFile.path, range: hungAt, message: `\`${fn}\` was running this line when it was stopped` });
      return { ruleId: 'CSM503', messageId: 'timeout', file: codeFile.path, range: metric.defRange, related, data: { function: fn, seconds, targetType } };
    }
    return {
      ruleId: 'CSM501', messageId: 'crashed', file: codeFile.path, range: hungAt ?? metric.defRange, related,
      data: { function: fn, call: callText(metric, targetType), targetType, reason: exitReason(outcome) },
    };
  }
  if (!outcome.timedOut) return undefined; // after a crash the caller runs the rest again
  const running = metrics.find((m) => m.id === outcome.running)?.function ?? '?';
  return { ruleId: 'CSM503', messageId: 'notRun', file: codeFile.path, range: metric.defRange, related, data: { function: fn, seconds, running } };
}

function declaredHere(metric: PlannedMetric): RelatedLocation {
  return { ...metric.declared, message: `\`${metric.function}\` is declared here` };
}

/** How the harness called the metric, for messages. */
export function callText(metric: PlannedMetric, targetType: TargetType): string {
  const extra = [metric.useWeights ? 'sample_weight=w' : '', targetType === 'Multiclass' ? 'labels=labels' : ''].filter(Boolean);
  return `${metric.function}(${['y_true', 'y_pred', ...extra].join(', ')})`;
}

function errorText(error: HarnessError): string {
  const text = `${error.type}: ${error.message}`.replace(/\s+/g, ' ').trim();
  return text.length <= MAX_ERROR_TEXT ? text : `${text.slice(0, MAX_ERROR_TEXT - 1)}…`;
}

/** The line of the deepest traceback frame inside custom_metrics.py (or a SyntaxError's line there). */
function userFrameRange(error: HarnessError, codeFile: SourceFile): Range | undefined {
  const frame = error.frames.filter((f) => f.user).at(-1);
  if (frame) return lineRange(codeFile, frame.line);
  return error.syntax?.user ? lineRange(codeFile, error.syntax.line) : undefined;
}

/** The innermost line of custom_metrics.py in the stack dump (timeout or fatal signal). */
function userDumpLine(outcome: HarnessOutcome, setting: RunSetting): Range | undefined {
  const codePaths = new Set([resolve(setting.pkgDir, CODE_FILE_NAME), outcome.hello?.codeFile]);
  const frame: DumpFrame | undefined = outcome.dump.find((f) => codePaths.has(f.file));
  return frame ? lineRange(setting.codeFile, frame.line) : undefined;
}

/** A 1-based line's text without its indentation and trailing blanks; undefined when the file has no such line. */
function lineRange(file: SourceFile, oneBasedLine: number): Range | undefined {
  const line = oneBasedLine - 1;
  if (line < 0 || line >= file.lines.lineCount) return undefined;
  const text = file.lines.lineText(line);
  const start = file.lines.lineStart(line);
  const indent = text.length - text.trimStart().length;
  return file.lines.rangeOf(start + indent, start + Math.max(indent, text.trimEnd().length));
}

function exitReason(outcome: HarnessOutcome): string {
  if (outcome.signal) return `killed by ${outcome.signal}`;
  return `exit code ${outcome.exitCode ?? 'unknown'}`;
}

function lastLine(text: string): string {
  return text.trim().split(/\r?\n/).at(-1)?.trim() ?? '';
}
