import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { BooleanEnv } from './boolean-env.decorator';

/** Settings every service shares: how to reach Kafka and how topics are laid out. */
export class KafkaEnvConfig {
  /** Comma-separated host:port list. */
  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be host:port[,host:port...]' })
  KAFKA_BROKERS: string = '127.0.0.1:9092';

  @IsString() KAFKA_CLIENT_ID: string = 'eventwire';

  /** Prepended to every topic and group id: isolates tenants, tests and experiments on one cluster. */
  @Matches(/^[A-Za-z0-9._-]*$/) KAFKA_TOPIC_PREFIX: string = '';

  @BooleanEnv() @IsBoolean() KAFKA_SSL: boolean = false;

  @IsOptional() @IsIn(['plain', 'scram-sha-256', 'scram-sha-512']) KAFKA_SASL_MECHANISM?: 'plain' | 'scram-sha-256' | 'scram-sha-512';
  @IsOptional() @IsString() KAFKA_SASL_USERNAME?: string;
  @IsOptional() @IsString() KAFKA_SASL_PASSWORD?: string;

  /** How long a consumer group waits for a silent member (a killed process) before handing its partitions on. */
  @IsInt() @Min(6000) @Max(300_000) KAFKA_SESSION_TIMEOUT_MS: number = 30_000;

  @IsInt() @Min(1) @Max(1000) TOPIC_PARTITIONS_RAW: number = 3;
  @IsInt() @Min(1) @Max(1000) TOPIC_PARTITIONS_INGESTED: number = 3;
  @IsInt() @Min(1) @Max(1000) TOPIC_PARTITIONS_TRANSLATED: number = 6;
  @IsInt() @Min(1) @Max(1000) TOPIC_PARTITIONS_EXTRACTED: number = 1;
  @IsInt() @Min(1) @Max(1000) TOPIC_PARTITIONS_ENRICHED: number = 3;
}

/** What every service reads: Kafka plus its log level. */
export class ServiceEnvConfig extends KafkaEnvConfig {
  @IsIn(['verbose', 'debug', 'log', 'warn', 'error', 'fatal']) LOG_LEVEL: 'verbose' | 'debug' | 'log' | 'warn' | 'error' | 'fatal' = 'log';
  /** A `throughput` line (records in, out, dead-lettered, rate) at most this often, when the stage did some work. */
  @IsInt() @Min(1000) @Max(3_600_000) LOG_THROUGHPUT_INTERVAL_MS: number = 30_000;
}
