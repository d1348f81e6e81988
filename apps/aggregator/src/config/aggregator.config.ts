import { ServiceEnvConfig } from '@eventwire/config';
import { IsInt, Matches, Max, Min } from 'class-validator';

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
  @IsInt() @Min(0) STORY_EMIT_INTERVAL_MS: number = 1000;
}
