import { ServiceEnvConfig } from '@eventwire/config';
import { STAGE_MAX_MESSAGE_BYTES } from '@eventwire/contracts';
import { DEFAULT_MAX_BATCH_BYTES, DEFAULT_MAX_BODY_BYTES } from '@eventwire/stages';
import { IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';

export class IngestorConfig extends ServiceEnvConfig {
  @IsInt() @Min(1) @Max(65535) HTTP_PORT: number = 8080;
  /**
   * Largest accepted article body; larger ones get 413 over HTTP and a dead letter on Kafka. At most a quarter of
   * the stage topics' record limit: each hop carries the body with its segments, translation and facts.
   */
  @IsInt() @Min(1024) @Max(STAGE_MAX_MESSAGE_BYTES / 4) INGEST_MAX_BODY_BYTES: number = DEFAULT_MAX_BODY_BYTES;
  /** Largest NDJSON batch request. */
  @IsInt() @Min(1024) INGEST_MAX_BATCH_BYTES: number = DEFAULT_MAX_BATCH_BYTES;
  /**
   * How long a POST waits for the broker to acknowledge its send: past it, 503 BROKER_UNAVAILABLE (kafkajs alone would
   * retry for over a minute while the broker is down).
   */
  @IsInt() @Min(100) @Max(120_000) INGEST_SEND_TIMEOUT_MS: number = 5000;
  /** When set, POST /v1/articles* require `Authorization: Bearer <token>`. */
  @IsOptional() @IsString() @MinLength(16) INGEST_API_TOKEN?: string;
}
