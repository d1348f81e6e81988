/**
 * Results of an expensive computation (a scan of every topic) kept for
 * `ttlMs` per key, with one computation at a time: callers that ask while a
 * key is being computed share that computation, and a different key waits
 * its turn, so any number of concurrent callers cost at most one scan's
 * memory. A failed computation is not kept.
 */
export class SharedResultCache<T> {
  private readonly done = new Map<string, { startedAt: number; value: T }>();
  private readonly running = new Map<string, Promise<T>>();
  /** The computation in progress, or the last one: the next one starts after it. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 32,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const kept = this.done.get(key);
    if (kept && this.now() - kept.startedAt < this.ttlMs) return Promise.resolve(kept.value);
    const shared = this.running.get(key);
    if (shared) return shared;
    const run = this.turn.then(async () => {
      const startedAt = this.now();
      const value = await compute();
      this.keep(key, startedAt, value);
      return value;
    });
    const settled = run.finally(() => this.running.delete(key));
    this.turn = settled.catch(() => undefined);
    this.running.set(key, settled);
    return settled;
  }

  private keep(key: string, startedAt: number, value: T): void {
    if (this.ttlMs <= 0) return;
    this.done.delete(key);
    this.done.set(key, { startedAt, value });
    const now = this.now();
    for (const [k, entry] of this.done) if (now - entry.startedAt >= this.ttlMs) this.done.delete(k);
    while (this.done.size > this.maxEntries) this.done.delete(this.done.keys().next().value!);
  }
}
