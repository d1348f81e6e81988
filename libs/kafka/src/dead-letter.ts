import { dlqTopic } from '@eventwire/contracts';
import type { BrokerMessage, OutboundMessage } from './message-broker';

export const DLQ_HEADERS = {
  stage: 'eventwire-dlq-stage',
  reason: 'eventwire-dlq-reason',
  errorClass: 'eventwire-dlq-error-class',
  errorCode: 'eventwire-dlq-error-code',
  errorMessage: 'eventwire-dlq-error-message',
  attempts: 'eventwire-dlq-attempts',
  topic: 'eventwire-dlq-original-topic',
  partition: 'eventwire-dlq-original-partition',
  offset: 'eventwire-dlq-original-offset',
  time: 'eventwire-dlq-time',
} as const;

const MAX_HEADER_CHARS = 2000;

/**
 * The original key, value and headers, sent to `<topic>.dlq` with the reason
 * in headers, so an operator can read why and replay the record unchanged.
 */
export function deadLetter(message: BrokerMessage, stage: string, error: unknown, attempts: number, reason?: string): OutboundMessage {
  const err = error instanceof Error ? error : new Error(String(error));
  const code = (err as { code?: unknown }).code;
  return {
    topic: dlqTopic(message.topic),
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      [DLQ_HEADERS.stage]: stage,
      [DLQ_HEADERS.reason]: reason ?? (typeof code === 'string' ? code : err.name),
      [DLQ_HEADERS.errorClass]: err.name,
      [DLQ_HEADERS.errorCode]: typeof code === 'string' ? code : '',
      [DLQ_HEADERS.errorMessage]: err.message.slice(0, MAX_HEADER_CHARS),
      [DLQ_HEADERS.attempts]: String(attempts),
      [DLQ_HEADERS.topic]: message.topic,
      [DLQ_HEADERS.partition]: String(message.partition),
      [DLQ_HEADERS.offset]: message.offset,
      [DLQ_HEADERS.time]: new Date().toISOString(),
    },
  };
}
