import { KafkaEnvConfig, ServiceEnvConfig } from '@eventwire/config';
import { PIPELINE, TOPIC_KEYS, TopicPartitionCounts } from '@eventwire/contracts';
import { KafkaMessageBroker, MessageBroker, parseBrokers, PrefixedMessageBroker } from '@eventwire/kafka';
import { Logger } from '@nestjs/common';

/** Each topic's partitions as the service's environment sets them (`TOPIC_PARTITIONS_*`). */
export function partitionCounts(config: KafkaEnvConfig): TopicPartitionCounts {
  return Object.fromEntries(TOPIC_KEYS.map((key) => [key, config[PIPELINE.topics[key].partitionsEnv]])) as TopicPartitionCounts;
}

/** kafkajs' warnings and errors at every level; its info and debug lines (every request) only when the service's are asked for. */
export function kafkaLogLevel(level: ServiceEnvConfig['LOG_LEVEL']): 'error' | 'warn' | 'debug' {
  switch (level) {
    case 'verbose':
    case 'debug':
      return 'debug';
    case 'log':
    case 'warn':
      return 'warn';
    case 'error':
    case 'fatal':
      return 'error';
  }
}

/** The Kafka broker a service talks to, from its validated environment. */
export function kafkaBrokerFromConfig(config: ServiceEnvConfig, clientSuffix: string): MessageBroker {
  const logger = new Logger('Kafka');
  const sasl =
    config.KAFKA_SASL_MECHANISM && config.KAFKA_SASL_USERNAME && config.KAFKA_SASL_PASSWORD
      ? { mechanism: config.KAFKA_SASL_MECHANISM, username: config.KAFKA_SASL_USERNAME, password: config.KAFKA_SASL_PASSWORD }
      : undefined;
  const kafka = new KafkaMessageBroker(
    {
      brokers: parseBrokers(config.KAFKA_BROKERS),
      clientId: `${config.KAFKA_CLIENT_ID}-${clientSuffix}`,
      ssl: config.KAFKA_SSL,
      sasl,
      sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
      kafkaLogLevel: kafkaLogLevel(config.LOG_LEVEL),
    },
    {
      warn: (msg, ctx) => logger.warn({ msg, ...ctx }),
      error: (msg, ctx) => logger.error({ msg, ...ctx }),
      log: (msg, ctx) => logger.log({ msg, ...ctx }),
      debug: (msg, ctx) => logger.debug({ msg, ...ctx }),
    },
  );
  return config.KAFKA_TOPIC_PREFIX ? new PrefixedMessageBroker(kafka, config.KAFKA_TOPIC_PREFIX) : kafka;
}
