import { ServiceEnvConfig } from '@eventwire/config';
import { IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';

export class IngestorConfig extends ServiceEnvConfig {
  @IsInt() @Min(1) @Max(65535) HTTP_PORT: number = 8080;
  /** Largest accepted article body; larger ones get 413 over HTTP and a dead letter on Kafka. */
  @IsInt() @Min(1024) INGEST_MAX_BODY_BYTES: number = 1024 * 1024;
  /** Largest NDJSON batch request. */
  @IsInt() @Min(1024) INGEST_MAX_BATCH_BYTES: number = 16 * 1024 * 1024;
  /** When set, POST /v1/articles* require `Authorization: Bearer <token>`. */
  @IsOptional() @IsString() @MinLength(16) INGEST_API_TOKEN?: string;
}
