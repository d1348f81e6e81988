import { ServiceEnvConfig } from '@eventwire/config';
import { IsInt, Matches, Min } from 'class-validator';

export class AggregatorConfig extends ServiceEnvConfig {
  /**
   * Where stories are kept: `postgres://user@host:5432/db` in production,
   * `pglite://<dir>` for the embedded PostgreSQL (the default, on disk in
   * ./data/aggregator), `memory:` for state that ends with the process.
   */
  @Matches(/^(postgres(ql)?:\/\/.+|pglite:.+|memory:)$/) DATABASE_URL: string = 'pglite://./data/aggregator';
  /** A story is published at most once per this many milliseconds under load. */
  @IsInt() @Min(0) STORY_EMIT_INTERVAL_MS: number = 1000;
}
