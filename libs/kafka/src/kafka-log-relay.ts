import { LogEntry, logLevel } from 'kafkajs';
import type { KafkaConnectionOptions } from './kafka-options';

export interface KafkaBrokerLogger {
  warn(message: string, context: Record<string, unknown>): void;
  error(message: string, context: Record<string, unknown>): void;
  /** kafkajs' own info lines; kafkajs gives them only at `kafkaLogLevel: 'info'` or `'debug'`. */
  log?(message: string, context: Record<string, unknown>): void;
  debug?(message: string, context: Record<string, unknown>): void;
}

export const KAFKAJS_LEVELS: Record<NonNullable<KafkaConnectionOptions['kafkaLogLevel']>, logLevel> = {
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.INFO,
  debug: logLevel.DEBUG,
};

/** One kafkajs log line as the service's: its message, and its context with the kafkajs namespace (`Connection`, `Runner`...). */
export function relayKafkaLog({ namespace, level, log }: LogEntry, logger: KafkaBrokerLogger | undefined): void {
  if (!logger) return;
  const { message, timestamp: _timestamp, logger: _logger, ...context } = log as LogEntry['log'] & { logger?: unknown };
  const fields = { kafkajs: namespace, ...context };
  // An error response to one request ("Response ListOffsets...": not the leader, a rebalance) is retried by kafkajs,
  // and what it cannot get past is logged again where it gives up: a warning here, not an error.
  const retriedResponse = namespace === 'Connection' && message.startsWith('Response ');
  if (level === logLevel.ERROR && !retriedResponse) logger.error(message, fields);
  else if (level === logLevel.ERROR || level === logLevel.WARN) logger.warn(message, fields);
  else if (level === logLevel.INFO) logger.log?.(message, fields);
  else logger.debug?.(message, fields);
}
