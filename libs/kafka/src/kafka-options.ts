import type { KafkaConfig, SASLOptions } from 'kafkajs';

export type SaslMechanism = 'plain' | 'scram-sha-256' | 'scram-sha-512';

/** Connection settings of a stage; secrets are taken as given and never logged. */
export interface KafkaConnectionOptions {
  brokers: string[];
  clientId: string;
  ssl?: boolean;
  sasl?: { mechanism: SaslMechanism; username: string; password: string };
  /** How long the group waits for a silent consumer (a killed process) before its partitions go to others. */
  sessionTimeoutMs?: number;
  /** The least of kafkajs' own log lines passed to the service's logger (`warn`). */
  kafkaLogLevel?: 'error' | 'warn' | 'info' | 'debug';
  /** How long `scan` waits for a record while partitions are left to read before it fails (60 s). */
  scanStallMs?: number;
}

export function toKafkaConfig(options: KafkaConnectionOptions): KafkaConfig {
  const config: KafkaConfig = {
    clientId: options.clientId,
    brokers: options.brokers,
    ssl: options.ssl ?? false,
    connectionTimeout: 10_000,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 300, retries: 10, maxRetryTime: 10_000 },
  };
  if (options.sasl) config.sasl = options.sasl as SASLOptions;
  return config;
}

export function parseBrokers(value: string): string[] {
  return value
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}
