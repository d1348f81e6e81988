import { contractErrors, contractForTopic, ContractViolationError, dlqTopic, TopicSpec } from '@eventwire/contracts';
import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import { isRetriable, NonRetriableError } from './broker-errors';
import { deadLetter } from './dead-letter';
import type { BatchControl, BrokerMessage, BrokerSubscription, MessageBroker, OutboundMessage } from './message-broker';
import { StageContext } from './stage-context';

export interface StageServerOptions {
  /** Names the stage in logs and dead-letter headers. */
  stage: string;
  groupId: string;
  topics: TopicSpec[];
  fromBeginning?: boolean;
  /** Attempts for a retriable failure before the record is dead-lettered. */
  maxAttempts?: number;
  retryBaseMs?: number;
  /** Records per commit within a batch (100): bounds the work redone after a crash and the wait on SIGTERM. */
  commitEvery?: number;
}

/**
 * Set on every record a stage produces: the input record it came from
 * (`<topic>/<partition>/<offset>`, topic without the deployment prefix), or
 * `http` for articles the ingestor took over HTTP. The audit follows it to
 * account for every input exactly once and to count redeliveries.
 */
export const ORIGIN_HEADER = 'eventwire-origin';

/** What a handler returns: records for the next topics, as objects; the server checks and encodes them. */
export interface StageOutput {
  topic: string;
  key: string | null;
  /** null: a tombstone, which deletes the key from a compacted topic. */
  value: object | null;
  headers?: Record<string, string>;
}

export const EVENTWIRE_TRANSPORT = Symbol('eventwire');

/**
 * The pattern of a stage's chunk handler (`@EventPattern(CHUNK_COMPLETE)`),
 * called after each chunk's records are handled and before their outputs are
 * sent and their offsets committed: a stage that keeps state writes the
 * chunk's changes there at once, rather than record by record. When it throws,
 * nothing of the chunk is sent or committed, and the chunk is delivered again.
 */
export const CHUNK_COMPLETE = 'eventwire.chunk-complete';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The record's bytes are not a JSON value in valid UTF-8. */
export class UndecodableRecordError extends NonRetriableError {}

/** What a handler produced broke the contract of its topic: a bug in the stage, never sent downstream. */
export class OutputContractError extends NonRetriableError {}

/**
 * The Nest transport every stage runs on, over Kafka or the in-memory broker
 * alike: it decodes each record, checks it against its topic's contract, calls
 * the `@EventPattern(topic)` handler, checks what the handler returns against
 * the output topics' contracts, produces it, and only then lets the offset be
 * committed. A record that cannot be processed goes to `<topic>.dlq` with the
 * reason, and the partition keeps flowing.
 */
export class StageServer extends Server implements CustomTransportStrategy {
  override readonly transportId = EVENTWIRE_TRANSPORT;
  protected override readonly logger = new Logger(StageServer.name);
  private subscription: BrokerSubscription | null = null;

  constructor(
    private readonly broker: MessageBroker,
    private readonly options: StageServerOptions,
  ) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      await this.broker.ensureTopics(this.options.topics);
      const topics = [...this.messageHandlers.keys()].filter((pattern) => pattern !== CHUNK_COMPLETE);
      if (topics.length > 0) {
        this.subscription = await this.broker.consume({
          groupId: this.options.groupId,
          topics,
          fromBeginning: this.options.fromBeginning ?? true,
          eachBatch: (messages, control) => this.processBatch(messages, control),
        });
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = null;
  }

  on(): never {
    throw new Error('StageServer does not emit transport events');
  }

  unwrap<T>(): T {
    return this.broker as T;
  }

  /**
   * Public for tests: the whole per-batch contract in one place. The batch is
   * worked through in chunks; each chunk's outputs are sent and acknowledged,
   * then its offsets committed. When the consumer is stopping (SIGTERM, a
   * rebalance) it stops between chunks: what is done is committed, the rest
   * goes to the partition's next owner.
   */
  async processBatch(messages: BrokerMessage[], control: BatchControl): Promise<void> {
    const chunkSize = this.options.commitEvery ?? 100;
    for (let start = 0; start < messages.length; start += chunkSize) {
      if (!control.isRunning()) return;
      const chunk = messages.slice(start, start + chunkSize);
      const outputs: OutboundMessage[] = [];
      for (const message of chunk) {
        const origin = `${message.topic}/${message.partition}/${message.offset}`;
        const deadLetters = dlqTopic(message.topic);
        for (const out of await this.processWithRetry(message, control)) {
          // A dead letter keeps the input's own headers and names its origin in the dead-letter headers.
          outputs.push(out.topic === deadLetters ? out : { ...out, headers: { ...out.headers, [ORIGIN_HEADER]: origin } });
        }
        await control.heartbeat();
      }
      const complete = this.getHandlerByPattern(CHUNK_COMPLETE);
      if (complete) {
        const result: unknown = await complete(chunk.length, new StageContext([chunk[chunk.length - 1]!]));
        if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
      }
      await this.broker.send(outputs);
      await control.commit(chunk[chunk.length - 1]!.offset);
    }
  }

  private async processWithRetry(message: BrokerMessage, control: BatchControl): Promise<OutboundMessage[]> {
    const maxAttempts = this.options.maxAttempts ?? 5;
    const base = this.options.retryBaseMs ?? 200;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.processOne(message);
      } catch (error) {
        if (!isRetriable(error) || attempt >= maxAttempts) {
          this.logger.warn({
            msg: 'record dead-lettered',
            stage: this.options.stage,
            topic: message.topic,
            partition: message.partition,
            offset: message.offset,
            error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
            attempts: attempt,
          });
          return [deadLetter(message, this.options.stage, error, attempt)];
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(base * 2 ** (attempt - 1), 10_000)));
        await control.heartbeat();
      }
    }
  }

  private async processOne(message: BrokerMessage): Promise<OutboundMessage[]> {
    const payload = decode(message);
    const contract = contractForTopic(message.topic);
    if (contract) {
      const errors = contractErrors(contract, payload);
      if (errors.length > 0) throw new ContractViolationError(contract.name, errors);
    }
    const handler = this.getHandlerByPattern(message.topic);
    if (!handler) throw new NonRetriableError('NO_HANDLER', `no handler for topic ${message.topic}`);
    const result: unknown = await handler(payload, new StageContext([message]));
    const produced = isObservable(result) ? await lastValueFrom(result, { defaultValue: [] }) : result;
    return ((produced ?? []) as StageOutput[]).map(encodeOutput);
  }
}

function decode(message: BrokerMessage): unknown {
  if (message.value === null || message.value.length === 0) {
    throw new UndecodableRecordError('EMPTY_RECORD', 'record has no value');
  }
  let text: string;
  try {
    text = utf8.decode(message.value);
  } catch (cause) {
    throw new UndecodableRecordError('INVALID_UTF8', 'record value is not valid UTF-8', { cause });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new UndecodableRecordError('INVALID_JSON', `record value is not JSON: ${(cause as Error).message}`, { cause });
  }
}

/** Checks a handler's output against its topic's contract and encodes it; shared by every path that produces. */
export function encodeOutput(out: StageOutput): OutboundMessage {
  if (out.value === null) {
    if (out.key === null) throw new OutputContractError('OUTPUT_CONTRACT', `a tombstone for ${out.topic} needs a key`);
    return { topic: out.topic, key: out.key, value: null, headers: out.headers };
  }
  const contract = contractForTopic(out.topic);
  if (contract) {
    const errors = contractErrors(contract, out.value);
    if (errors.length > 0) {
      throw new OutputContractError('OUTPUT_CONTRACT', new ContractViolationError(contract.name, errors).message);
    }
  }
  return { topic: out.topic, key: out.key, value: JSON.stringify(out.value), headers: out.headers };
}
