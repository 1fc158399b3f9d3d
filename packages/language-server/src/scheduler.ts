/**
 * Per-package check scheduling: a burst of edits to one package becomes one check after a quiet
 * period, and a newer request cancels an older one that has not published yet.
 */

/** Tells a running check whether a newer request for its package superseded it. */
export interface CheckToken {
  readonly cancelled: boolean;
}

export type CheckRunner = (key: string, token: CheckToken) => Promise<void>;

export class CheckScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generations = new Map<string, number>();
  private readonly running = new Set<Promise<void>>();
  private disposed = false;

  constructor(private readonly runner: CheckRunner, private readonly onError: (key: string, error: unknown) => void) {}

  /** Runs a check of `key` after `delayMs` of quiet; any earlier pending or running check of `key` is cancelled. */
  schedule(key: string, delayMs: number): void {
    if (this.disposed) return;
    const generation = this.bump(key);
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.start(key, generation);
    }, Math.max(0, delayMs));
    this.timers.set(key, timer);
  }

  /** Cancels any pending or running check of `key`. */
  cancel(key: string): void {
    this.bump(key);
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing);
    this.timers.delete(key);
  }

  /** Keys with a check waiting for its debounce. */
  get pendingCount(): number {
    return this.timers.size;
  }

  /** Resolves when no check is pending or running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.timers.size > 0 || this.running.size > 0) {
      await Promise.race([...this.running, new Promise((r) => setTimeout(r, 5))]);
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const key of this.generations.keys()) this.bump(key);
  }

  private bump(key: string): number {
    const next = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, next);
    return next;
  }

  private start(key: string, generation: number): void {
    const isCurrent = (): boolean => !this.disposed && this.generations.get(key) === generation;
    const token: CheckToken = { get cancelled() { return !isCurrent(); } };
    const run = this.runner(key, token)
      .catch((error: unknown) => this.onError(key, error))
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }
}
