export interface IngestStageOptions {
  /** Largest article body accepted, in UTF-8 bytes. */
  maxBodyBytes: number;
  /** When set, the HTTP API requires `Authorization: Bearer <token>`. */
  apiToken?: string;
}

export const INGEST_OPTIONS = Symbol('INGEST_OPTIONS');
