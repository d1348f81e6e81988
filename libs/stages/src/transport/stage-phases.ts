/**
 * The phases of a stage's work on its records, in the order a record meets them:
 * per record, `decode` (UTF-8 and JSON), `contract` (the input checked against its
 * topic's contract), `handler` (the call until its result settles: an async
 * handler's awaited time counts, e.g. a remote translation), `encode` (outputs
 * encoded and size-checked); per chunk, `complete` (the chunk-complete handler:
 * a stage's store write), `produce` (send until the broker acknowledges) and
 * `commit` (the offset commit until done).
 */
export const STAGE_PHASES = ['decode', 'contract', 'handler', 'encode', 'complete', 'produce', 'commit'] as const;

export type StagePhase = (typeof STAGE_PHASES)[number];

/** Seconds spent in each phase. */
export type PhaseSeconds = Record<StagePhase, number>;

/**
 * Nanoseconds spent in each phase on one topic's records, summed until taken:
 * the observers are told once a chunk rather than once a phase of every record,
 * which keeps the cost of measuring to the clock reads.
 */
export class PhaseTally {
  private readonly nanos = new Map<string, PhaseSeconds>();

  /** Adds the time since `since` (process.hrtime.bigint) to `phase`, and returns now, the next phase's start. */
  add(topic: string, phase: StagePhase, since: bigint): bigint {
    const now = process.hrtime.bigint();
    const tally = this.nanos.get(topic) ?? this.fresh(topic);
    tally[phase] += Number(now - since);
    return now;
  }

  /** The seconds summed for `topic` since last taken, and a fresh start; undefined when nothing was summed. */
  take(topic: string): PhaseSeconds | undefined {
    const tally = this.nanos.get(topic);
    if (!tally) return undefined;
    this.nanos.delete(topic);
    const seconds = { ...tally };
    for (const phase of STAGE_PHASES) seconds[phase] = tally[phase] / 1e9;
    return seconds;
  }

  private fresh(topic: string): PhaseSeconds {
    const tally = Object.fromEntries(STAGE_PHASES.map((p) => [p, 0])) as PhaseSeconds;
    this.nanos.set(topic, tally);
    return tally;
  }
}
