export interface ReadinessReport {
  ready: boolean;
  /** Why not, per partition waiting on a transient failure: `{ "events.extracted.v1/0": { reason, since } }`. */
  waiting: Record<string, { reason: string; since: string }>;
}

/**
 * Whether a stage is getting work done: not while any of its partitions is
 * waiting out a transient failure (database down, a table missing, the broker
 * away). Set by the StageServer, read by a `/readyz` endpoint, so an operator
 * or an orchestrator sees the stall without reading logs.
 */
export class StageReadiness {
  private readonly waiting = new Map<string, { reason: string; since: number }>();

  /** `where` (a topic/partition) is retrying after a transient failure since `since`. */
  retrying(where: string, reason: string, since: number): void {
    this.waiting.set(where, { reason, since });
  }

  /** `where` got through, or stopped retrying (stopped, partition handed over). */
  clear(where: string): void {
    this.waiting.delete(where);
  }

  /** Why `where` waits and since when, or undefined when it does not. */
  waitingOn(where: string): { reason: string; since: number } | undefined {
    return this.waiting.get(where);
  }

  get ready(): boolean {
    return this.waiting.size === 0;
  }

  report(): ReadinessReport {
    const waiting: ReadinessReport['waiting'] = {};
    for (const [where, { reason, since }] of this.waiting) waiting[where] = { reason, since: new Date(since).toISOString() };
    return { ready: this.ready, waiting };
  }
}
