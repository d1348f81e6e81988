export const STORY_STORE = Symbol('STORY_STORE');
export const AGGREGATOR_OPTIONS = Symbol('AGGREGATOR_OPTIONS');

export interface AggregatorOptions {
  /** A story is published at most once per this many milliseconds; changes in between wait and go out together. */
  emitIntervalMs: number;
}

export const AGGREGATOR_HTTP_OPTIONS = Symbol('AGGREGATOR_HTTP_OPTIONS');

/** The story API's limits. */
export interface AggregatorHttpOptions {
  /** Live stream subscribers at a time; one more gets 503. */
  sseMaxClients: number;
  /** Bytes of events that may wait for a subscriber that is not reading before it is dropped. */
  sseClientBufferBytes: number;
  /** How long an audit report is served again before the topics are read anew. */
  auditCacheMs: number;
}
