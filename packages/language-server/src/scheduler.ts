/**
 * Per-package check scheduling: a burst of edits to one package becomes one check after a quiet
 * period, and a newer request cancels an older one that has not published yet. Background checks
 * (the workspace scan, files changed on disk) run one at a time, yielding to editor traffic between
 * them, so a scan of a large workspace never holds back the diagnostics of the file being typed.
 */

/** Tells a running check whether a newer request for its package superseded it. */
export interface CheckToken {
  readonly cancelled: boolean;
}

export type CheckRunner = (key: string, token: CheckToken) => Promise<void>;

export class CheckScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generations = new Map<string, number>();
  /** Background checks waiting, in order (a Set keeps insertion order and drops duplicates). */
  private readonly background = new Set<string>();
  private pumping = false;
  private disposed = false;

  constructor(private readonly runner: CheckRunner, private readonly onError: (key: string, error: unknown) => void) {}

  /** Runs a check of `key` after `delayMs` of quiet; any earlier pending or running check of `key` is cancelled. */
  schedule(key: string, delayMs: number): void {
    if (this.disposed) return;
    this.background.delete(key);
    const generation = this.bump(key);
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      void this.start(key, generation);
    }, Math.max(0, delayMs));
    this.timers.set(key, timer);
  }

  /** Queues a background check of `key`, unless one is queued already or a foreground check is pending. */
  enqueue(key: string): void {
    if (this.disposed || this.timers.has(key)) return;
    this.background.add(key);
    if (this.pumping) return;
    this.pumping = true;
    setImmediate(() => void this.pump());
  }

  /** Cancels everything (shutdown): pending checks never start, running ones never publish. */
  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.background.clear();
  }

  /** Runs one background check, then gives the event loop a turn before the next. */
  private async pump(): Promise<void> {
    const [key] = this.background;
    if (key === undefined || this.disposed) {
      this.pumping = false;
      return;
    }
    this.background.delete(key);
    await this.start(key, this.bump(key));
    setImmediate(() => void this.pump());
  }

  private bump(key: string): number {
    const next = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, next);
    return next;
  }

  private start(key: string, generation: number): Promise<void> {
    const isCurrent = (): boolean => !this.disposed && this.generations.get(key) === generation;
    const token: CheckToken = { get cancelled() { return !isCurrent(); } };
    return this.runner(key, token).catch((error: unknown) => this.onError(key, error));
  }
}
