/** The JSON-lines protocol between the Node side and harness/csmlint_run.py (documented in the harness's docstring). */
import type { TargetType } from '@csmlint/core';

/** One metric function to call; `id` ties the harness's events back to it. */
export interface HarnessMetric {
  id: number;
  function: string;
  useWeights: boolean;
}

/** What the harness reads on stdin. `lists` forces plain lists even when numpy is importable. */
export interface HarnessRequest {
  targetType: TargetType;
  metrics: HarnessMetric[];
  lists: boolean;
}

/** A traceback frame, outermost first; `user` = inside the package's custom_metrics.py. */
export interface HarnessFrame {
  file: string;
  line: number;
  function: string;
  user: boolean;
}

/** An exception the harness caught, with its traceback. */
export interface HarnessError {
  type: string;
  message: string;
  /** The missing module, for ModuleNotFoundError. */
  module?: string;
  frames: HarnessFrame[];
  /** For a SyntaxError: where Python's compiler stopped. */
  syntax?: { line: number; column: number; endColumn: number; user: boolean };
}

/** What a returned value is, as a metric value: only `finite` is fine. */
export type ValueKind = 'finite' | 'nan' | 'infinite' | 'bool' | 'not-real';

/** How one metric call went. */
export type HarnessResult =
  | { id: number; status: 'ok'; value: string; type: string; kind: ValueKind }
  | { id: number; status: 'missing' }
  | { id: number; status: 'signature'; stage: 'core' | 'labels'; message: string }
  | { id: number; status: 'error'; error: HarnessError };

/** One line of the harness's stdout. */
export type HarnessEvent =
  | { event: 'hello'; python: string; numpy: string | null; codeFile: string }
  | { event: 'import'; ok: true }
  | { event: 'import'; ok: false; error: HarnessError }
  | { event: 'call'; id: number }
  | ({ event: 'result' } & HarnessResult)
  | { event: 'done' };

const EVENTS = new Set(['hello', 'import', 'call', 'result', 'done']);

/** Parses one protocol line; undefined for anything that is not a harness event. */
export function parseEvent(line: string): HarnessEvent | undefined {
  try {
    const value = JSON.parse(line) as { event?: unknown } | null;
    return value && typeof value === 'object' && EVENTS.has(value.event as string) ? (value as HarnessEvent) : undefined;
  } catch {
    return undefined;
  }
}

/** `File "/pkg/custom_metrics.py", line 12 in slow`: a frame of a faulthandler stack dump. */
const DUMP_FRAME = /^\s*File "(.*)", line (\d+) in (.*)$/;

/** The frames of a faulthandler dump (timeout or fatal signal), most recent first, as written. */
export function parseStackDump(text: string): Array<{ file: string; line: number; function: string }> {
  const frames: Array<{ file: string; line: number; function: string }> = [];
  for (const line of text.split(/\r?\n/)) {
    const match = DUMP_FRAME.exec(line);
    if (match) frames.push({ file: match[1]!, line: Number(match[2]), function: match[3]! });
  }
  return frames;
}
