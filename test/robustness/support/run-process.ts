/** Runs a child process with a time limit, sampling its resident memory, for the CLI and server stress tests. */
import { spawn, type SpawnOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ProcessOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
  timedOut: boolean;
  /** Highest resident set size seen while it ran (sampled every few ms), in MiB. */
  peakRssMiB: number;
}

export interface RunOptions extends Pick<SpawnOptions, 'cwd' | 'env' | 'uid' | 'gid'> {
  timeoutMs: number;
  input?: string | Uint8Array;
}

const RSS_SAMPLE_MS = 10;

/** Resident set size of a live process in MiB (0 once it is gone). */
export function rssMiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Runs `command`, kills it (SIGKILL) when it outlives `timeoutMs`, and reports what it did. */
export function runProcess(command: string, args: string[], options: RunOptions): Promise<ProcessOutcome> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, uid: options.uid, gid: options.gid, stdio: 'pipe' });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let peakRssMiB = 0;
    let timedOut = false;
    child.stdout!.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk));
    const sampler = setInterval(() => {
      if (child.pid) peakRssMiB = Math.max(peakRssMiB, rssMiB(child.pid));
    }, RSS_SAMPLE_MS);
    const killer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearInterval(sampler);
      clearTimeout(killer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearInterval(sampler);
      clearTimeout(killer);
      resolve({
        code, signal, timedOut, peakRssMiB,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        elapsedMs: performance.now() - started,
      });
    });
    child.stdin!.on('error', () => {});
    child.stdin!.end(options.input);
  });
}
