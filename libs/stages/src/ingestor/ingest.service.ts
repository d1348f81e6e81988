import { ArticleIngestedV1, contractErrors, pipelineTopics, RawArticleV1, RawArticleV1Dto, TOPICS } from '@eventwire/contracts';
import { ArticleIngester, ArticleRejectedError } from '@eventwire/ingestion';
import {
  BrokerTimeoutError,
  classifyFailure,
  encodeOutput,
  MESSAGE_BROKER,
  MessageBroker,
  NonRetriableError,
  ORIGIN_HEADER,
  OutboundMessage,
  RetriableError,
  StageOutput,
  withDeadline,
} from '@eventwire/kafka';
import { Inject, Injectable } from '@nestjs/common';
import { AcceptedArticle, ArticleRefusal, BatchResult, chunksBySize, ndjsonLines } from './article-batch';
import { BrokerConnectionMonitor, sendTimeoutMs } from './broker-connection.monitor';
import { INGEST_OPTIONS, IngestStageOptions, maxArticleRequestBytes } from './ingest-stage.options';
import { sendRefusal } from './send-refusal';

/** The article cannot enter the pipeline (only page chrome, too large): its code says which. */
export class ArticleRejectedStageError extends NonRetriableError {}

/** Bytes a record adds to a produce request beyond its key, value and headers (record framing, varints), rounded up. */
const RECORD_OVERHEAD_BYTES = 128;

function recordBytes(message: OutboundMessage): number {
  let bytes = RECORD_OVERHEAD_BYTES + Buffer.byteLength(message.key ?? '') + (message.value === null ? 0 : Buffer.byteLength(message.value));
  for (const [name, value] of Object.entries(message.headers ?? {})) bytes += Buffer.byteLength(name) + Buffer.byteLength(value);
  return bytes;
}

/**
 * Sends past their deadline that kafkajs may still be retrying, each holding
 * its records (up to a quarter of the topic's limit) until it gives up, a
 * minute or more later: past this many, a request is answered at once
 * instead of adding to them.
 */
export const MAX_LINGERING_SENDS = 32;

/** An article ready to produce, or why it was refused. */
type Prepared = { record: OutboundMessage; article: AcceptedArticle } | { refusal: ArticleRefusal };

@Injectable()
export class IngestService {
  private readonly ingester: ArticleIngester;
  private readonly maxLineBytes: number;
  /** `articles.ingested.v1`'s record limit, from the one place topics are declared. */
  private readonly maxRecordBytes: number;
  private readonly chunkBytes: number;
  private readonly sendTimeoutMs: number;
  /** Timed-out sends not yet settled (see {@link MAX_LINGERING_SENDS}). */
  private lingering = 0;

  constructor(
    @Inject(INGEST_OPTIONS) options: IngestStageOptions,
    @Inject(MESSAGE_BROKER) private readonly broker: MessageBroker,
    private readonly connection: BrokerConnectionMonitor,
  ) {
    this.sendTimeoutMs = sendTimeoutMs(options);
    this.ingester = new ArticleIngester({ maxBodyBytes: options.maxBodyBytes });
    this.maxLineBytes = maxArticleRequestBytes(options.maxBodyBytes);
    this.maxRecordBytes = pipelineTopics().find((t) => t.name === TOPICS.articlesIngested)!.maxMessageBytes ?? 1_000_000;
    this.chunkBytes = options.batchChunkBytes ?? Math.floor(this.maxRecordBytes / 4);
  }

  /** The ingested record for one raw article, ready for `articles.ingested.v1`. */
  ingest(raw: RawArticleV1): StageOutput<typeof TOPICS.articlesIngested> & { value: ArticleIngestedV1 } {
    try {
      const article = this.ingester.ingest(raw);
      return { topic: TOPICS.articlesIngested, key: article.articleId, value: article };
    } catch (error) {
      if (error instanceof ArticleRejectedError) throw new ArticleRejectedStageError(error.code, error.message, { cause: error });
      throw error;
    }
  }

  /** One article from the HTTP API: taken once the broker acknowledged it, refused with the reason, or failed when the broker did not confirm it. */
  async ingestOne(value: unknown): Promise<{ accepted: AcceptedArticle } | { refusal: ArticleRefusal } | { failure: ArticleRefusal }> {
    const prepared = this.prepare(value);
    if ('refusal' in prepared) return prepared;
    try {
      await this.send([prepared.record]);
    } catch (error) {
      return { failure: sendRefusal(error, 'article', this.broker.address, this.connection.down()) };
    }
    return { accepted: prepared.article };
  }

  /**
   * An NDJSON batch, line by line: each line is checked alone (a bad line
   * is refused with its reason and the others go on), and the good ones are
   * produced in order, in sends of at most `chunkBytes`, each under the
   * topic's record limit (kafkajs sends a partition's share of one send as
   * one record batch, which the broker takes whole or refuses). A send that
   * fails stops the batch: its lines and the rest are reported failed, the
   * lines before it taken.
   */
  async ingestBatch(text: string): Promise<BatchResult> {
    const result: BatchResult = { lines: 0, accepted: [], refused: [], failed: [] };
    const ready: Array<{ line: number; record: OutboundMessage; article: AcceptedArticle }> = [];
    for (const { line, text: json } of ndjsonLines(text)) {
      result.lines++;
      const prepared = this.prepareLine(json);
      if ('refusal' in prepared) result.refused.push({ line, ...prepared.refusal });
      else ready.push({ line, ...prepared });
    }
    const chunks = chunksBySize(ready, (r) => recordBytes(r.record), this.chunkBytes);
    for (let i = 0; i < chunks.length; i++) {
      try {
        await this.send(chunks[i]!.map((r) => r.record));
        result.accepted.push(...chunks[i]!.map((r) => ({ line: r.line, ...r.article })));
      } catch (error) {
        const failure = sendRefusal(error, 'line', this.broker.address, this.connection.down());
        for (const r of chunks.slice(i).flat()) result.failed.push({ line: r.line, ...failure });
        break;
      }
    }
    return result;
  }

  /**
   * A send an HTTP client waits on: answered within `sendTimeoutMs` whatever
   * the broker does, its outcome kept for readiness. A send that timed out
   * is not accepted, though kafkajs may still deliver it.
   */
  private async send(records: OutboundMessage[]): Promise<void> {
    if (this.lingering >= MAX_LINGERING_SENDS) {
      throw new RetriableError('BROKER_BACKLOG', `${this.lingering} earlier sends that timed out still wait on the broker`);
    }
    const sending = this.broker.send(records);
    try {
      await withDeadline(sending, this.sendTimeoutMs, 'send');
    } catch (error) {
      if (error instanceof BrokerTimeoutError) {
        this.lingering++;
        void sending.catch(() => undefined).finally(() => this.lingering--);
      }
      if (classifyFailure(error).kind === 'transient') this.connection.unreachable(error);
      throw error;
    }
    this.connection.reachable();
  }

  private prepareLine(json: string): Prepared {
    const bytes = Buffer.byteLength(json);
    if (bytes > this.maxLineBytes) {
      return { refusal: { error: 'BODY_TOO_LARGE', message: `the line is ${bytes} bytes; a line takes at most ${this.maxLineBytes}, as POST /v1/articles does` } };
    }
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (error) {
      return { refusal: { error: 'INVALID_JSON', message: (error as Error).message } };
    }
    return this.prepare(value);
  }

  /** A raw article checked against its contract, ingested, encoded and measured against the topic's record limit. */
  private prepare(value: unknown): Prepared {
    const errors = contractErrors(RawArticleV1Dto, value);
    if (errors.length > 0) return { refusal: { error: 'INVALID_ARTICLE', message: 'the article breaks the contract', errors } };
    let output: StageOutput<typeof TOPICS.articlesIngested> & { value: ArticleIngestedV1 };
    try {
      output = this.ingest(value as RawArticleV1);
    } catch (error) {
      if (error instanceof ArticleRejectedStageError) return { refusal: { error: error.code, message: error.message } };
      throw error;
    }
    const record = encodeOutput({ ...output, headers: { [ORIGIN_HEADER]: 'http' } });
    const bytes = recordBytes(record);
    if (bytes > this.maxRecordBytes) {
      return { refusal: { error: 'RECORD_TOO_LARGE', message: `the ingested record would be ${bytes} bytes; ${TOPICS.articlesIngested} takes at most ${this.maxRecordBytes}` } };
    }
    const { articleId, title, language } = output.value;
    return { record, article: { articleId, title, language } };
  }
}
