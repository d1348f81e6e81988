export const STORY_STORE = Symbol('STORY_STORE');
export const AGGREGATOR_OPTIONS = Symbol('AGGREGATOR_OPTIONS');
export const STAGE_READINESS = Symbol('STAGE_READINESS');

export interface AggregatorOptions {
  /** A story is published at most once per this many milliseconds; changes in between wait and go out together. */
  emitIntervalMs: number;
}
