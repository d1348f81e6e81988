import { ServiceEnvConfig } from '@eventwire/config';
import { DEFAULT_AUDIT_CACHE_MS, DEFAULT_SSE_CLIENT_BUFFER_BYTES, DEFAULT_SSE_MAX_CLIENTS, DEFAULT_STORY_EMIT_INTERVAL_MS } from '@eventwire/stages';
import { IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

export class AggregatorConfig extends ServiceEnvConfig {
  /**
   * Where stories are kept: `postgres://user@host:5432/db` in production,
   * `pglite://<dir>` for the embedded PostgreSQL (the default, on disk in
   * ./data/aggregator), `memory:` for state that ends with the process.
   */
  @Matches(/^(postgres(ql)?:\/\/.+|pglite:.+|memory:)$/) DATABASE_URL: string = 'pglite://./data/aggregator';
  /** Port of the story API (queries, Server-Sent Events). */
  @IsInt() @Min(0) @Max(65535) HTTP_PORT: number = 8081;
  /** A story is published at most once per this many milliseconds under load. */
  @IsInt() @Min(0) STORY_EMIT_INTERVAL_MS: number = DEFAULT_STORY_EMIT_INTERVAL_MS;
  /** Live stream subscribers at a time; one more gets 503. */
  @IsInt() @Min(1) @Max(100_000) SSE_MAX_CLIENTS: number = DEFAULT_SSE_MAX_CLIENTS;
  /** Bytes of story events that may wait for a subscriber whose connection is backed up before it is dropped. */
  @IsInt() @Min(64 * 1024) SSE_CLIENT_BUFFER_BYTES: number = DEFAULT_SSE_CLIENT_BUFFER_BYTES;
  /** An audit report (GET /v1/audit) is served again for this long before the topics are read anew. */
  @IsInt() @Min(0) AUDIT_CACHE_MS: number = DEFAULT_AUDIT_CACHE_MS;
  /** The ingest API's token: when set, GET /v1/audit requires `Authorization: Bearer <token>` too. */
  @IsOptional() @IsString() @MinLength(16) INGEST_API_TOKEN?: string;
}
