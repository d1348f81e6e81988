export interface IngestStageOptions {
  /** Largest article body accepted, in UTF-8 bytes. */
  maxBodyBytes: number;
  /** When set, the HTTP API requires `Authorization: Bearer <token>`. */
  apiToken?: string;
  /** Most bytes of records one send of a batch carries; by default a quarter of `articles.ingested.v1`'s record limit. */
  batchChunkBytes?: number;
  /** How long an HTTP request waits for the broker to acknowledge a send before it is answered 503 (5000 by default). */
  sendTimeoutMs?: number;
  /** How often the broker connection is checked for readiness while the HTTP API is on; unset or 0, only sends tell. */
  checkIntervalMs?: number;
}

export const INGEST_OPTIONS = Symbol('INGEST_OPTIONS');

/** What a request for one article may carry besides its body: title, url, outlet and the JSON around them. */
export const ARTICLE_REQUEST_OVERHEAD_BYTES = 64 * 1024;

/** The largest request (or NDJSON line) holding one article: read no further, and never parsed, past this. */
export function maxArticleRequestBytes(maxBodyBytes: number): number {
  return maxBodyBytes + ARTICLE_REQUEST_OVERHEAD_BYTES;
}
