import { PhaseSeconds } from './stage-phases';

/**
 * What a {@link StageServer} tells of its work as it goes, for metrics and the
 * throughput log. Topics are the contract's names (no deployment prefix).
 * Every method is called on the hot path: it must be cheap and never throw.
 */
export interface StageObserver {
  /** A batch of `records` from `topic` was handed to the stage. */
  batch(topic: string, records: number): void;
  /** One handler call on a record of `topic` took `seconds` (its outputs checked and encoded; failed calls too). */
  handled(topic: string, seconds: number): void;
  /** `records` of `topic` are done: their outputs acknowledged by the broker and their offsets committed. */
  consumed(topic: string, records: number): void;
  /** `records` were produced to `topic`, a stage's output (dead letters are not counted here). */
  produced(topic: string, records: number): void;
  /** A record of `topic` was dead-lettered for `reason` (its DLQ reason header). */
  deadLettered(topic: string, reason: string): void;
  /** A partition of `topic` met a transient failure and will try again. */
  retried(topic: string, reason: string): void;
  /** Records of `topic`/`partition` behind its last committed offset, as of the end of the broker's last fetch. */
  lag(topic: string, partition: number, records: number): void;
  /** Seconds spent in each phase on records of `topic` since last told (told once a chunk, failed attempts included). */
  phases(topic: string, seconds: Readonly<PhaseSeconds>): void;
  /** The size of each record of a done chunk: consumed from `topic`, or produced to it (key, value and headers; dead letters apart). */
  recordBytes(topic: string, direction: 'consumed' | 'produced', bytes: readonly number[]): void;
}
