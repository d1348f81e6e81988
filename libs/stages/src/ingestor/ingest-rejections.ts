import { REJECTIONS_TOPIC } from '@eventwire/contracts';
import { DLQ_HEADERS, MESSAGE_BROKER, MessageBroker, ORIGIN_HEADER, OutboundMessage, withDeadline } from '@eventwire/kafka';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ArticleRefusal, ndjsonLines } from './article-batch';
import { BrokerConnectionMonitor, sendTimeoutMs } from './broker-connection.monitor';
import { INGEST_OPTIONS, IngestStageOptions } from './ingest-stage.options';

/** How much of a refused text its rejection record keeps: enough to find the article, bounded whatever was sent. */
export const REJECTED_VALUE_BYTES = 64 * 1024;

/** Headers a rejection adds to the dead-letter ones: the HTTP status, the batch line, and the size of what was sent. */
export const REJECTION_HEADERS = {
  status: 'eventwire-http-status',
  line: 'eventwire-http-line',
  bytes: 'eventwire-http-bytes',
} as const;

const MAX_HEADER_CHARS = 2000;

/** An article refused over HTTP: what was sent (null when it was not read, as a body over the limit) and why. */
export interface Rejection {
  value: string | Buffer | null;
  /** The code the client was answered (`INVALID_ARTICLE`, `REQUEST_TOO_LARGE`), the audit's reason. */
  error: string;
  message: string;
  status: number;
  /** The line of an NDJSON batch. */
  line?: number;
  /** The size of what was sent when it was not read (Content-Length). */
  bytes?: number;
}

/** The record of one rejection on {@link REJECTIONS_TOPIC}, in the dead-letter headers' terms. */
export function rejectionRecord(rejection: Rejection, now: Date = new Date()): OutboundMessage {
  const value = rejection.value === null ? null : Buffer.isBuffer(rejection.value) ? rejection.value : Buffer.from(rejection.value);
  const headers: Record<string, string> = {
    [ORIGIN_HEADER]: 'http',
    [DLQ_HEADERS.stage]: 'ingestor',
    [DLQ_HEADERS.reason]: rejection.error,
    [DLQ_HEADERS.errorMessage]: rejection.message.slice(0, MAX_HEADER_CHARS),
    [DLQ_HEADERS.time]: now.toISOString(),
    [REJECTION_HEADERS.status]: String(rejection.status),
  };
  if (rejection.line !== undefined) headers[REJECTION_HEADERS.line] = String(rejection.line);
  const bytes = rejection.bytes ?? value?.length;
  if (bytes !== undefined) headers[REJECTION_HEADERS.bytes] = String(bytes);
  return { topic: REJECTIONS_TOPIC, key: null, value: value && value.length > REJECTED_VALUE_BYTES ? value.subarray(0, REJECTED_VALUE_BYTES) : value, headers };
}

/**
 * Keeps each article the HTTP API refuses on {@link REJECTIONS_TOPIC}. The
 * client's answer does not depend on it: a rejection the broker does not
 * acknowledge in time (or while it is known to be down) is logged and not
 * recorded, and the audit then counts one refusal fewer.
 */
@Injectable()
export class IngestRejections {
  private readonly logger = new Logger(IngestRejections.name);
  private readonly sendTimeoutMs: number;

  constructor(
    @Inject(INGEST_OPTIONS) options: IngestStageOptions,
    @Inject(MESSAGE_BROKER) private readonly broker: MessageBroker,
    private readonly connection: BrokerConnectionMonitor,
  ) {
    this.sendTimeoutMs = sendTimeoutMs(options);
  }

  /** The refused lines of a batch answered line by line, each with its text. */
  async recordLines(batch: string, refused: Array<ArticleRefusal & { line: number }>, status: number): Promise<void> {
    if (refused.length === 0) return;
    const texts = new Map(ndjsonLines(batch).map((l) => [l.line, l.text]));
    await this.record(refused.map((r) => ({ value: texts.get(r.line) ?? null, error: r.error, message: r.message, status, line: r.line })));
  }

  async record(rejections: Rejection[]): Promise<void> {
    if (rejections.length === 0) return;
    const reasons = [...new Set(rejections.map((r) => r.error))];
    if (this.connection.down()) {
      this.logger.warn({ msg: 'HTTP rejections not recorded: the broker is down', topic: REJECTIONS_TOPIC, count: rejections.length, reasons });
      return;
    }
    const now = new Date();
    try {
      await withDeadline(
        this.broker.send(rejections.map((r) => rejectionRecord(r, now))),
        this.sendTimeoutMs,
        'rejections send',
      );
    } catch (error) {
      this.logger.warn({ msg: 'HTTP rejections not recorded', topic: REJECTIONS_TOPIC, count: rejections.length, reasons, error: (error as Error).message });
    }
  }
}
