import { PIPELINE, TOPIC_KEYS } from '@eventwire/contracts';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { BooleanEnv } from './boolean-env.decorator';

type PartitionEnvKey = (typeof PIPELINE.topics)[keyof typeof PIPELINE.topics]['partitionsEnv'];

/**
 * `TOPIC_PARTITIONS_<TOPIC>` for each topic of the pipeline, its default the
 * topic's partitions there: the keys and their rules are made from
 * {@link PIPELINE}, so a new topic brings its setting with it.
 */
function topicPartitionSettings(): new () => Record<PartitionEnvKey, number> {
  class TopicPartitionSettings {
    constructor() {
      for (const key of TOPIC_KEYS) Object.assign(this, { [PIPELINE.topics[key].partitionsEnv]: PIPELINE.topics[key].partitions });
    }
  }
  for (const key of TOPIC_KEYS) {
    const env = PIPELINE.topics[key].partitionsEnv;
    // What `@IsInt() ... name: number` does on a declared property, including the type that converts the env's text.
    for (const decorate of [Type(() => Number), IsInt(), Min(1), Max(1000)]) decorate(TopicPartitionSettings.prototype, env);
  }
  return TopicPartitionSettings as new () => Record<PartitionEnvKey, number>;
}

/** Settings every service shares: how to reach Kafka and how topics are laid out. */
export class KafkaEnvConfig extends topicPartitionSettings() {
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
}

/** What every service reads: Kafka plus its log level. */
export class ServiceEnvConfig extends KafkaEnvConfig {
  @IsIn(['verbose', 'debug', 'log', 'warn', 'error', 'fatal']) LOG_LEVEL: 'verbose' | 'debug' | 'log' | 'warn' | 'error' | 'fatal' = 'log';
  /** A `throughput` line (records in, out, dead-lettered, rate) at most this often, when the stage did some work. */
  @IsInt() @Min(1000) @Max(3_600_000) LOG_THROUGHPUT_INTERVAL_MS: number = 30_000;
}
