/**
 * Runs harness/csmlint_run.py in its own process group with a deadline, and collects what it
 * reported. Whatever happens (timeout, crash, grandchildren left behind), the whole group is
 * killed before the promise settles.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseEvent, parseStackDump, type HarnessEvent, type HarnessRequest, type HarnessResult } from './protocol.js';

/** The harness script, shipped in the package's `harness/` folder (two levels above src/run and dist/run). */
export const HARNESS_PATH = fileURLToPath(new URL('../../harness/csmlint_run.py', import.meta.url));

/** After asking Python for a stack dump on timeout, how long it may take to reach custom_metrics.py before the group is killed. */
const DUMP_GRACE_MS = 1000;
/** After the interpreter exits, how long grandchildren holding its pipes may delay the result. */
const CLOSE_GRACE_MS = 500;
const MAX_STDERR = 64 * 1024;

/** One harness process to start. */
export interface HarnessRun {
  python: string;
  /** The package directory: the harness's working directory. */
  cwd: string;
  request: HarnessRequest;
  timeoutMs: number;
  /** Aborting kills the process group at once (the language server cancels a check made stale by an edit). */
  signal?: AbortSignal;
}

/** The harness's first line: its Python, its numpy, and the path its frames carry for custom_metrics.py. */
export type HelloEvent = Extract<HarnessEvent, { event: 'hello' }>;
/** Whether custom_metrics.py imported. */
export type ImportEvent = Extract<HarnessEvent, { event: 'import' }>;
/** A frame of a faulthandler stack dump. */
export type DumpFrame = ReturnType<typeof parseStackDump>[number];

/** What one harness process reported before it ended. */
export interface HarnessOutcome {
  /** Set when the interpreter could not be started at all (ENOENT, EACCES, ...). */
  spawnError?: NodeJS.ErrnoException;
  hello?: HelloEvent;
  importEvent?: ImportEvent;
  results: Map<number, HarnessResult>;
  /** The metric whose `call` has no result: it was running when the process ended. */
  running?: number;
  done: boolean;
  timedOut: boolean;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** The faulthandler stack dump written on timeout or on a fatal signal, most recent frame first. */
  dump: DumpFrame[];
  /** The end of the harness's stderr (the user's prints land there too). */
  stderr: string;
}

const liveGroups = new Set<number>();
let exitHookInstalled = false;

/** Starts the harness and resolves once it has ended and its process group is gone. Never rejects. */
export function runHarness(run: HarnessRun): Promise<HarnessOutcome> {
  installExitHook();
  return new Promise((resolve) => {
    const outcome: HarnessOutcome = { results: new Map(), done: false, timedOut: false, exitCode: null, signal: null, dump: [], stderr: '' };
    const child = spawn(run.python, ['-B', HARNESS_PATH], {
      cwd: run.cwd,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8' },
    });
    const pid = child.pid;
    if (pid !== undefined) liveGroups.add(pid);
    let stdoutBuffer = '';
    /** stderr written after the timeout's SIGUSR1: the stack dump, when Python could write it. */
    let afterSignal: string | undefined;
    let settled = false;
    const timers: NodeJS.Timeout[] = [];

    const finish = (): void => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      if (pid !== undefined) killGroup(pid);
      child.stdout?.destroy();
      child.stderr?.destroy();
      if (stdoutBuffer) handleLine(stdoutBuffer);
      outcome.dump = parseStackDump(afterSignal ?? lastFatalError(outcome.stderr));
      resolve(outcome);
    };

    const handleLine = (line: string): void => {
      const event = parseEvent(line);
      if (event) record(outcome, event);
    };

    child.on('error', (error: NodeJS.ErrnoException) => {
      if (pid !== undefined && !error.syscall?.startsWith('spawn')) return;
      outcome.spawnError = error;
      finish();
    });
    child.stdin.on('error', () => {}); // the interpreter may exit before reading its request
    child.stdin.end(JSON.stringify(run.request));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const lines = (stdoutBuffer + chunk).split('\n');
      stdoutBuffer = lines.pop() ?? '';
      lines.forEach(handleLine);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      outcome.stderr = (outcome.stderr + chunk).slice(-MAX_STDERR);
      if (afterSignal === undefined) return;
      afterSignal = (afterSignal + chunk).slice(0, MAX_STDERR);
      if (pid !== undefined && dumpReached(afterSignal, outcome.hello?.codeFile)) killGroup(pid);
    });
    child.on('exit', (code, signal) => {
      outcome.exitCode = code;
      outcome.signal = signal;
      if (pid !== undefined) killGroup(pid);
      timers.push(setTimeout(finish, CLOSE_GRACE_MS));
    });
    child.on('close', finish);
    run.signal?.addEventListener('abort', () => pid !== undefined && killGroup(pid), { once: true });

    timers.push(
      setTimeout(() => {
        outcome.timedOut = true;
        afterSignal = '';
        if (pid !== undefined && process.platform !== 'win32') signalProcess(pid, 'SIGUSR1');
        timers.push(setTimeout(() => pid !== undefined && killGroup(pid), DUMP_GRACE_MS));
      }, run.timeoutMs),
    );
  });
}

function record(outcome: HarnessOutcome, event: HarnessEvent): void {
  switch (event.event) {
    case 'hello':
      outcome.hello = event;
      return;
    case 'import':
      outcome.importEvent = event;
      return;
    case 'call':
      outcome.running = event.id;
      return;
    case 'result': {
      const { event: _event, ...result } = event;
      outcome.results.set(result.id, result as HarnessResult);
      if (outcome.running === result.id) outcome.running = undefined;
      return;
    }
    case 'done':
      outcome.done = true;
      return;
  }
}

/** True once the dump's complete lines include a frame of custom_metrics.py: all the check needs from it. */
function dumpReached(dump: string, codeFile: string | undefined): boolean {
  if (codeFile === undefined) return false;
  return parseStackDump(dump.slice(0, dump.lastIndexOf('\n') + 1)).some((frame) => frame.file === codeFile);
}

/** The stack dump Python writes on a fatal signal (segfault, abort), if any. */
function lastFatalError(stderr: string): string {
  const fatal = stderr.lastIndexOf('Fatal Python error');
  return fatal === -1 ? '' : stderr.slice(fatal);
}

/** Kills the process group led by `pid` (the harness and everything it started). */
function killGroup(pid: number): void {
  liveGroups.delete(pid);
  if (process.platform === 'win32') signalProcess(pid, 'SIGKILL');
  else signalProcess(-pid, 'SIGKILL');
}

function signalProcess(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone (ESRCH): nothing left to stop
  }
}

/** A harness must not outlive csmlint, even when csmlint exits early (the harness also watches its parent). */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const pid of liveGroups) killGroup(pid);
  });
}
