import { contractErrors, contractForTopic, ContractViolationError, dlqTopic, TopicSpec } from '@eventwire/contracts';
import {
  attemptsOf,
  BackoffOptions,
  BatchControl,
  BrokerMessage,
  BrokerSubscription,
  classifyFailure,
  deadLetter,
  DLQ_HEADERS,
  encodeOutput,
  MessageBroker,
  NonRetriableError,
  ORIGIN_HEADER,
  OutboundMessage,
  retryTransient,
  RetryOutcome,
  sleep,
  StageOutput,
} from '@eventwire/kafka';
import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import { StageContext } from './stage-context';
import { StageObserver } from './stage-observer';
import { PhaseTally, StagePhase } from './stage-phases';
import { StageReadiness } from './stage-readiness';

export interface StageServerOptions {
  /** Names the stage in logs and dead-letter headers. */
  stage: string;
  groupId: string;
  topics: TopicSpec[];
  fromBeginning?: boolean;
  /** Waits between attempts after a transient failure (0.5 s doubling to 30 s). */
  backoff?: BackoffOptions;
  /** How a wait is waited (tests pass a fake clock's); ends early when the signal aborts. */
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Told when a partition waits out a transient failure, for `/readyz`. */
  readiness?: StageReadiness;
  /** Records per commit within a batch (100): bounds the work redone after a crash and the wait on SIGTERM. */
  commitEvery?: number;
  /** Told of the work as it is done: metrics, the throughput log. */
  observers?: StageObserver[];
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

/** What a handler produced is larger than its topic takes: the broker would refuse it on every try. */
export class OutputTooLargeError extends NonRetriableError {}

/** The broker's `max.message.bytes` for a topic that sets none. */
const BROKER_DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;

/** Room for the record batch's own header and the headers the server adds after the size check. */
const RECORD_OVERHEAD_BYTES = 1024;

/** Waits heartbeat at least this often: a 30 s backoff must not cost the partition (session timeout 30 s). */
const PAUSE_SLICE_MS = 1000;

/** One batch in hand: its control, and the signal that ends its waits (shutdown, or the partition revoked). */
interface BatchRun {
  control: BatchControl;
  revoked: AbortController;
  signal: AbortSignal;
}

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
  /** Aborted by close(): retry loops stop waiting, so SIGTERM is prompt whatever the database does. */
  private stopping = new AbortController();
  private readonly readiness: StageReadiness;
  private readonly maxBytes: Map<string, number>;
  private readonly observers: StageObserver[];
  private readonly phases = new PhaseTally();

  constructor(
    private readonly broker: MessageBroker,
    private readonly options: StageServerOptions,
  ) {
    super();
    this.readiness = options.readiness ?? new StageReadiness();
    this.observers = options.observers ?? [];
    this.maxBytes = new Map(options.topics.map((t) => [t.name, t.maxMessageBytes ?? BROKER_DEFAULT_MAX_MESSAGE_BYTES]));
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    this.stopping = new AbortController();
    // ensureTopics goes through kafkajs' retries (about a minute) before it fails: one request, not retried, says now.
    void this.broker.ping().catch((error: unknown) =>
      this.logger.error({ msg: 'cannot reach the broker: start-up waits for it', stage: this.options.stage, brokers: this.broker.address, error: describe(error) }),
    );
    try {
      await this.broker.ensureTopics(this.options.topics);
      const topics = [...this.messageHandlers.keys()].filter((pattern) => pattern !== CHUNK_COMPLETE);
      if (topics.length > 0) {
        // Not ready until the group has taken this member in, nor while it is out of the group after a crash.
        const group = `group ${this.options.groupId}`;
        this.readiness.retrying(group, 'JOINING_GROUP', Date.now());
        this.subscription = await this.broker.consume({
          groupId: this.options.groupId,
          topics,
          fromBeginning: this.options.fromBeginning ?? true,
          eachBatch: (messages, control) => this.processBatch(messages, control),
          onJoin: (assignment) => {
            this.readiness.clear(group);
            this.logger.log({ msg: 'partitions assigned', stage: this.options.stage, groupId: this.options.groupId, assignment });
          },
          onLeave: (reason) => this.readiness.retrying(group, reason, Date.now()),
        });
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    this.stopping.abort();
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
   * rebalance) it stops between chunks, or in the middle of a wait: what is
   * done is committed, the rest goes to the partition's next owner.
   *
   * Failures follow one rule ({@link classifyFailure}): a record refused for
   * good is dead-lettered with the reason and the partition goes on; a
   * transient failure (database or broker away) is retried with capped
   * backoff for as long as it lasts, the stage reporting itself not ready
   * meanwhile, and nothing is dead-lettered for it.
   */
  async processBatch(messages: BrokerMessage[], control: BatchControl): Promise<void> {
    const revoked = new AbortController();
    const run: BatchRun = { control, revoked, signal: AbortSignal.any([this.stopping.signal, revoked.signal]) };
    const chunkSize = this.options.commitEvery ?? 100;
    if (messages.length > 0) for (const o of this.observers) o.batch(messages[0]!.topic, messages.length);
    for (let start = 0; start < messages.length; start += chunkSize) {
      if (this.stopped(run)) return;
      if (!(await this.processChunk(messages.slice(start, start + chunkSize), run))) return;
    }
  }

  private stopped(run: BatchRun): boolean {
    if (!run.control.isRunning()) run.revoked.abort();
    return run.signal.aborted;
  }

  /**
   * Handles, completes, sends and commits one chunk, the whole of it again
   * after a transient failure. When the chunk as a whole is refused for good
   * (its completion, a stage's store, refused a record; the broker refused a
   * record as too large) its records are taken one at a time, so that only
   * the one at fault is dead-lettered. False when stopped before committing.
   */
  private async processChunk(chunk: BrokerMessage[], run: BatchRun): Promise<boolean> {
    const last = chunk[chunk.length - 1]!;
    try {
      const outcome = await this.retrying(last, run, async () => {
        const outputs = await this.handleChunk(chunk, run);
        if (outputs === null) return false;
        await this.sendAndCommit(outputs, last, run);
        this.committed(chunk, outputs, run.control);
        return true;
      });
      return !outcome.stopped && outcome.value;
    } catch (error) {
      // A group error seen by heartbeat() while waiting: the batch ends and is delivered again.
      if (classifyFailure(error).kind !== 'permanent') throw error;
      if (chunk.length > 1) {
        this.logger.warn({ msg: 'chunk refused: its records are taken one at a time', ...where(last), records: chunk.length, error: describe(error) });
        for (const message of chunk) {
          if (this.stopped(run) || !(await this.processChunk([message], run))) return false;
        }
        return true;
      }
      this.logDeadLetter(last, error);
      const dead = deadLetter(last, this.options.stage, error, attemptsOf(error), classifyFailure(error).reason);
      const outcome = await this.retrying(last, run, async () => {
        await this.sendAndCommit([dead], last, run);
        this.committed(chunk, [dead], run.control);
      });
      return !outcome.stopped;
    } finally {
      const seconds = this.phases.take(last.topic);
      if (seconds) for (const o of this.observers) o.phases(last.topic, seconds);
    }
  }

  /** Sends a chunk's outputs and, once the broker has acknowledged them, commits past `last`: each timed as its phase. */
  private async sendAndCommit(outputs: OutboundMessage[], last: BrokerMessage, run: BatchRun): Promise<void> {
    let since = process.hrtime.bigint();
    try {
      await this.broker.send(outputs);
    } finally {
      since = this.phases.add(last.topic, 'produce', since);
    }
    try {
      await run.control.commit(last.offset);
    } finally {
      this.phases.add(last.topic, 'commit', since);
    }
  }

  /** Each record's outputs (or its dead letter), then the chunk's completion; null when stopped. */
  private async handleChunk(chunk: BrokerMessage[], run: BatchRun): Promise<OutboundMessage[] | null> {
    const outputs: OutboundMessage[] = [];
    for (const message of chunk) {
      const origin = `${message.topic}/${message.partition}/${message.offset}`;
      const deadLetters = dlqTopic(message.topic);
      const produced = await this.processRecord(message, run);
      if (produced === null) return null;
      for (const out of produced) {
        // A dead letter keeps the input's own headers and names its origin in the dead-letter headers.
        outputs.push(out.topic === deadLetters ? out : { ...out, headers: { ...out.headers, [ORIGIN_HEADER]: origin } });
      }
      await run.control.heartbeat();
    }
    const complete = this.getHandlerByPattern(CHUNK_COMPLETE);
    if (complete) {
      const last = chunk[chunk.length - 1]!;
      const since = process.hrtime.bigint();
      try {
        const result: unknown = await complete(chunk.length, new StageContext([last]));
        if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
      } finally {
        this.phases.add(last.topic, 'complete', since);
      }
    }
    return outputs;
  }

  /** One record's outputs, retried through transient failures; its dead letter when it is refused for good; null when stopped. */
  private async processRecord(message: BrokerMessage, run: BatchRun): Promise<OutboundMessage[] | null> {
    try {
      const outcome = await this.retrying(message, run, () => this.timed(message));
      return outcome.stopped ? null : outcome.value;
    } catch (error) {
      const verdict = classifyFailure(error);
      if (verdict.kind !== 'permanent') throw error;
      this.logDeadLetter(message, error);
      return [deadLetter(message, this.options.stage, error, attemptsOf(error), verdict.reason)];
    }
  }

  /** {@link retryTransient} for a partition: readiness says it waits, the waits heartbeat and end on shutdown or revocation. */
  private async retrying<T>(message: BrokerMessage, run: BatchRun, attempt: () => Promise<T>): Promise<RetryOutcome<T>> {
    const partition = `${message.topic}/${message.partition}`;
    try {
      return await retryTransient(attempt, {
        backoff: this.options.backoff,
        signal: run.signal,
        wait: (ms) => this.pause(ms, run),
        onTransient: ({ error, class: verdict, failures, delayMs, since }) => {
          this.readiness.retrying(partition, verdict.reason, since);
          for (const o of this.observers) o.retried(message.topic, verdict.reason);
          this.logger.warn({ msg: 'transient failure: retrying', ...where(message), reason: verdict.reason, failures, retryInMs: delayMs, error: describe(error) });
        },
        onRecovered: ({ failures, outageMs }) => this.logger.log({ msg: 'recovered from a transient failure', ...where(message), failures, outageMs }),
      });
    } finally {
      this.readiness.clear(partition);
    }
  }

  /** Waits `ms` in slices, heartbeating so the group keeps the partition, until shutdown or revocation. */
  private async pause(ms: number, run: BatchRun): Promise<void> {
    const wait = this.options.wait ?? sleep;
    for (let left = ms; left > 0 && !this.stopped(run); left -= PAUSE_SLICE_MS) {
      await wait(Math.min(left, PAUSE_SLICE_MS), run.signal);
      await run.control.heartbeat();
    }
  }

  /** Tells the observers of a chunk done: its records, what they produced and dead-lettered, and the partition's lag. */
  private committed(chunk: BrokerMessage[], outputs: OutboundMessage[], control: BatchControl): void {
    if (this.observers.length === 0) return;
    const last = chunk[chunk.length - 1]!;
    const deadLetters = dlqTopic(last.topic);
    const produced = new Map<string, number[]>();
    const dead: string[] = [];
    for (const out of outputs) {
      if (out.topic === deadLetters) dead.push(out.headers?.[DLQ_HEADERS.reason] ?? 'UNKNOWN');
      else if (produced.has(out.topic)) produced.get(out.topic)!.push(recordBytes(out));
      else produced.set(out.topic, [recordBytes(out)]);
    }
    const consumedBytes = chunk.map(recordBytes);
    const lag = control.highWatermark === undefined ? undefined : Math.max(0, Number(BigInt(control.highWatermark) - BigInt(last.offset) - 1n));
    for (const o of this.observers) {
      o.consumed(last.topic, chunk.length);
      o.recordBytes(last.topic, 'consumed', consumedBytes);
      for (const [topic, sizes] of produced) {
        o.produced(topic, sizes.length);
        o.recordBytes(topic, 'produced', sizes);
      }
      for (const reason of dead) o.deadLettered(last.topic, reason);
      if (lag !== undefined) o.lag(last.topic, last.partition, lag);
    }
  }

  /** {@link processOne}, its time told to the observers whether it succeeds or throws. */
  private async timed(message: BrokerMessage): Promise<OutboundMessage[]> {
    if (this.observers.length === 0) return this.processOne(message);
    const started = process.hrtime.bigint();
    try {
      return await this.processOne(message);
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      for (const o of this.observers) o.handled(message.topic, seconds);
    }
  }

  private logDeadLetter(message: BrokerMessage, error: unknown): void {
    this.logger.warn({ msg: 'record dead-lettered', stage: this.options.stage, ...where(message), reason: classifyFailure(error).reason, error: describe(error) });
  }

  /** Decodes, checks, handles and encodes one record, the time of each phase summed in {@link phases} (a phase that throws too). */
  private async processOne(message: BrokerMessage): Promise<OutboundMessage[]> {
    let phase: StagePhase = 'decode';
    let since = process.hrtime.bigint();
    const next = (to: StagePhase): void => {
      since = this.phases.add(message.topic, phase, since);
      phase = to;
    };
    try {
      const payload = decode(message);
      next('contract');
      const contract = contractForTopic(message.topic);
      if (contract) {
        const errors = contractErrors(contract, payload);
        if (errors.length > 0) throw new ContractViolationError(contract.name, errors);
      }
      next('handler');
      const handler = this.getHandlerByPattern(message.topic);
      if (!handler) throw new NonRetriableError('NO_HANDLER', `no handler for topic ${message.topic}`);
      const result: unknown = await handler(payload, new StageContext([message]));
      const produced = isObservable(result) ? await lastValueFrom(result, { defaultValue: [] }) : result;
      next('encode');
      return ((produced ?? []) as StageOutput[]).map((out) => this.checkSize(encodeOutput(out)));
    } finally {
      this.phases.add(message.topic, phase, since);
    }
  }

  private checkSize(out: OutboundMessage): OutboundMessage {
    const limit = this.maxBytes.get(out.topic);
    const bytes = recordBytes(out);
    if (limit !== undefined && bytes + RECORD_OVERHEAD_BYTES > limit) {
      throw new OutputTooLargeError('OUTPUT_TOO_LARGE', `the record for ${out.topic} is ${bytes} bytes; the topic takes ${limit} with the batch's overhead`);
    }
    return out;
  }
}

/** A record's key, value and header bytes, as the broker's size limit counts them (bar the batch's overhead). */
export function recordBytes(out: Pick<OutboundMessage, 'key' | 'value' | 'headers'>): number {
  const size = (v: Buffer | string | null | undefined): number => (v == null ? 0 : typeof v === 'string' ? Buffer.byteLength(v) : v.length);
  let bytes = size(out.key) + size(out.value);
  for (const [name, value] of Object.entries(out.headers ?? {})) bytes += size(name) + size(value);
  return bytes;
}

const where = (m: BrokerMessage): { topic: string; partition: number; offset: string } => ({ topic: m.topic, partition: m.partition, offset: m.offset });

const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

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
