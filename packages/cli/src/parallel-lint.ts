/**
 * Linting a large run's packages on several threads: the main thread and `threads - 1` workers
 * (lint-worker.ts) take small batches from one queue as they get free, so a core that other
 * processes keep busy slows one thread, not the run. Outcomes are stored by package index, so the
 * run's result is the serial loop's, in the same order. A worker that fails to start or dies gives
 * its batches back to the main thread.
 */
import { Worker } from 'node:worker_threads';
import type { Linter } from '@csmlint/core';
import { lintPackage, type PackageJob, type PackageOutcome } from './lint-package.js';
import { loadLinter } from './linter.js';

/** Packages handed out at once: small enough to balance the threads, large enough to keep messages few. */
const BATCH_SIZE = 8;
/** Batches a worker holds: it lints the next while the main thread, busy linting too, gets to its reply. */
const BATCHES_PER_WORKER = 2;

/** What a worker is started with. */
export interface WorkerSetup {
  cwd: string;
}

/** Main thread → worker: lint these packages. */
export interface BatchRequest {
  id: number;
  jobs: PackageJob[];
}

/** Worker → main thread: a batch's outcomes, in job order, or why it failed. */
export type BatchReply = { id: number; outcomes: PackageOutcome[] } | { id: number; error: string };

/** The outcomes of a parallel run, and who did the work. */
export interface ParallelLint {
  /** One per job, in job order. */
  outcomes: PackageOutcome[];
  /** How many of the packages the worker threads linted (the main thread linted the others). */
  lintedByWorkers: number;
}

/** Lints `jobs` on `threads` threads (the main one included). */
export async function lintInParallel(jobs: readonly PackageJob[], threads: number, cwd: string): Promise<ParallelLint> {
  const queue = new BatchQueue(jobs);
  const workers = Array.from({ length: threads - 1 }, () => new LintWorker(queue, cwd));
  try {
    const linter = await loadLinter();
    while (!queue.done) {
      const batch = queue.take();
      if (batch) await lintBatch(batch, linter, cwd, queue);
      else await queue.changed();
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }
  return { outcomes: queue.outcomes, lintedByWorkers: queue.lintedByWorkers };
}

async function lintBatch(batch: Batch, linter: Linter, cwd: string, queue: BatchQueue): Promise<void> {
  const outcomes: PackageOutcome[] = [];
  for (const job of batch.jobs) outcomes.push(await lintPackage(job, linter, cwd));
  queue.finish(batch, outcomes);
  await new Promise<void>((resolve) => setImmediate(resolve)); // let the workers' replies in
}

interface Batch {
  id: number;
  /** Index of its first job in the run. */
  start: number;
  jobs: PackageJob[];
}

/** The batches of one run: those not handed out yet, and the outcomes of the finished ones. */
class BatchQueue {
  readonly outcomes: PackageOutcome[];
  private byWorkers = 0;
  private readonly waiting: Batch[] = [];
  private unfinished: number;
  private wake: (() => void) | undefined;

  constructor(jobs: readonly PackageJob[]) {
    this.outcomes = new Array<PackageOutcome>(jobs.length);
    for (let start = 0; start < jobs.length; start += BATCH_SIZE) {
      this.waiting.push({ id: this.waiting.length, start, jobs: jobs.slice(start, start + BATCH_SIZE) });
    }
    this.unfinished = this.waiting.length;
  }

  get done(): boolean {
    return this.unfinished === 0;
  }

  take(): Batch | undefined {
    return this.waiting.shift();
  }

  get lintedByWorkers(): number {
    return this.byWorkers;
  }

  finish(batch: Batch, outcomes: PackageOutcome[], byWorker = false): void {
    outcomes.forEach((outcome, i) => (this.outcomes[batch.start + i] = outcome));
    if (byWorker) this.byWorkers += outcomes.length;
    this.unfinished--;
    this.notify();
  }

  /** Batches a failed worker held: someone else lints them. */
  giveBack(batches: Iterable<Batch>): void {
    this.waiting.unshift(...batches);
    this.notify();
  }

  /** Resolves when a batch finishes or comes back. */
  changed(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

/** One worker thread, fed from the queue until it is empty. */
class LintWorker {
  private readonly worker: Worker | undefined;
  private readonly inFlight = new Map<number, Batch>();
  private stopping: Promise<void> | undefined;

  constructor(
    private readonly queue: BatchQueue,
    cwd: string,
  ) {
    try {
      this.worker = new Worker(new URL('./lint-worker.js', import.meta.url), { workerData: { cwd } satisfies WorkerSetup });
    } catch {
      return; // no worker: the main thread lints everything
    }
    this.worker.on('message', (reply: BatchReply) => this.receive(reply));
    this.worker.on('error', () => this.fail());
    this.worker.on('exit', () => this.fail());
    this.feed();
  }

  /** Ends the thread (it holds no batch by then, or it failed). */
  stop(): Promise<void> {
    this.stopping ??= this.worker ? this.worker.terminate().then(() => undefined) : Promise.resolve();
    return this.stopping;
  }

  private feed(): void {
    while (!this.stopping && this.inFlight.size < BATCHES_PER_WORKER) {
      const batch = this.queue.take();
      if (!batch) break;
      this.inFlight.set(batch.id, batch);
      this.worker!.postMessage({ id: batch.id, jobs: batch.jobs } satisfies BatchRequest);
    }
    if (this.inFlight.size === 0) void this.stop();
  }

  private receive(reply: BatchReply): void {
    const batch = this.inFlight.get(reply.id);
    if (!batch) return;
    if ('error' in reply) return this.fail(); // the main thread lints the batch again (and reports the error if it recurs)
    this.inFlight.delete(reply.id);
    this.queue.finish(batch, reply.outcomes.map(asBuffers), true);
    this.feed();
  }

  /** The thread could not start, crashed or failed a batch: the main thread takes its batches back. */
  private fail(): void {
    void this.stop();
    this.queue.giveBack(this.inFlight.values());
    this.inFlight.clear();
  }
}

/** Contents come back from a worker as plain `Uint8Array`s; the serial path has `Buffer`s (same bytes, no copy). */
function asBuffers(outcome: PackageOutcome): PackageOutcome {
  const sources = outcome.sources.map(([path, content]): [string, typeof content] => [
    path,
    typeof content === 'string' ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength),
  ]);
  return { ...outcome, sources };
}
