/**
 * How many threads lint a run: enough packages per thread to pay for a worker's start, and no more
 * threads than CPUs that other processes leave idle.
 */
import { availableParallelism, cpus } from 'node:os';

/**
 * Packages per thread: a worker costs ≈ 0.3–0.5 s of CPU (≈ 0.13 s to start and load the engine and
 * the grammar, then the same code is compiled and warmed up again), so it pays from a few hundred
 * packages on. Measured with the bench corpus on 2 shared vCPUs, 2 threads against 1 (fastest of 8
 * CLI runs): 400 packages 1.15 s vs 1.11 s, 500 1.48 s vs 1.31 s, 600 1.40 s vs 1.47 s, 1,000 1.87 s vs 2.04 s.
 */
export const PACKAGES_PER_THREAD = 300;
/** More threads than this gain little (discovery, config lookup and output stay on the main thread). */
const MAX_THREADS = 8;

/** What decides how many threads lint a run. */
export interface ThreadChoice {
  /** `CSMLINT_WORKERS`: this many threads, whatever the run's size. */
  requested?: number;
  /** How many CPUs other processes left idle lately (see `idleCpusSince`); default: all but one. */
  idleCpus?: number;
}

/**
 * How many threads lint `packages` packages: `requested` when given, else one per
 * `PACKAGES_PER_THREAD` packages, up to one per CPU that is idle besides the main thread's (on a
 * machine whose other cores are busy, a worker only adds its start-up cost). Never more than packages.
 */
export function lintThreadCount(packages: number, choice: ThreadChoice = {}): number {
  if (choice.requested !== undefined) return Math.max(1, Math.min(choice.requested, packages));
  const cpuCount = availableParallelism();
  const free = 1 + Math.round(choice.idleCpus ?? cpuCount - 1);
  return Math.max(1, Math.min(Math.floor(packages / PACKAGES_PER_THREAD), cpuCount, free, MAX_THREADS));
}

/** The CPUs' cumulative times (ms), to tell later how idle they were in between. */
export interface CpuSample {
  count: number;
  idle: number;
  total: number;
}

/** Reads the CPUs' times now (≈ 50 µs). */
export function sampleCpus(): CpuSample {
  const all = cpus();
  let idle = 0;
  let total = 0;
  for (const { times } of all) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.irq + times.idle;
  }
  return { count: all.length, idle, total };
}

/** How many CPUs were idle since `since`, on average (this process's own work counts as busy); undefined if too little time passed to tell. */
export function idleCpusSince(since: CpuSample): number | undefined {
  const now = sampleCpus();
  const elapsed = now.total - since.total;
  if (elapsed <= 0) return undefined;
  return ((now.idle - since.idle) / elapsed) * now.count;
}
