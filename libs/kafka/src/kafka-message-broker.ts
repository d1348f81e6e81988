import type { TopicSpec } from '@eventwire/contracts';
import { Admin, ConfigResourceTypes, ConfigSource, Consumer, IHeaders, Kafka, KafkaJSError, KafkaMessage, logLevel, Partitioners, Producer } from 'kafkajs';
import type {
  BrokerMessage,
  BrokerSubscription,
  ConsumeOptions,
  MessageBroker,
  OutboundMessage,
} from './message-broker';
import { KAFKAJS_LEVELS, KafkaBrokerLogger, relayKafkaLog } from './kafka-log-relay';
import { KafkaConnectionOptions, toKafkaConfig } from './kafka-options';
import { ScanStalledError } from './scan-stalled-error';
import { randomUUID } from 'node:crypto';

/** kafkajs error types that make its consumer rejoin the group (kafkajs `isRebalancing`, and a member the group forgot). */
const GROUP_MEMBERSHIP_ERRORS = new Set(['REBALANCE_IN_PROGRESS', 'NOT_COORDINATOR_FOR_GROUP', 'ILLEGAL_GENERATION', 'UNKNOWN_MEMBER_ID']);

/** kafkajs headers (buffers, arrays) as plain strings: the form every stage and tool reads. */
export function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value.map(String).join(',') : value.toString();
  }
  return out;
}

/** A kafkajs record as stages and tools read it. */
export function toBrokerMessage(topic: string, partition: number, message: KafkaMessage): BrokerMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key === null ? null : message.key.toString('utf8'),
    value: message.value,
    headers: decodeHeaders(message.headers),
    timestamp: message.timestamp,
  };
}

/** How long a scan waits for a record while partitions are left to read (see {@link ScanStalledError}). */
export const DEFAULT_SCAN_STALL_MS = 60_000;

/** One producer and its connection in progress. */
interface ProducerSlot {
  producer: Producer | null;
  ready: Promise<Producer> | null;
}

/** Errors a partition gives while its leader is being elected or moved: they pass on their own. */
const LEADERSHIP_ERRORS = new Set(['NOT_LEADER_FOR_PARTITION', 'NOT_LEADER_OR_FOLLOWER', 'LEADER_NOT_AVAILABLE']);
/** Tries of {@link KafkaMessageBroker.endOffsets} on a leadership error, 100 ms more apart each time (4.5 s in all). */
const END_OFFSETS_ATTEMPTS = 10;

/**
 * Kafka through kafkajs: acks from all in-sync replicas, offsets committed per
 * processed batch. Records go through an idempotent producer, except those
 * for topics declared compacted (see {@link send}).
 */
export class KafkaMessageBroker implements MessageBroker {
  readonly kind = 'kafka' as const;
  private readonly kafka: Kafka;
  private readonly producers: Record<'idempotent' | 'plain', ProducerSlot> = {
    idempotent: { producer: null, ready: null },
    plain: { producer: null, ready: null },
  };
  /** Topics declared compacted to {@link ensureTopics}. */
  private readonly compacted = new Set<string>();
  private readonly consumers = new Set<Consumer>();
  private admin: Admin | null = null;
  private adminReady: Promise<Admin> | null = null;
  /** The readiness probe's own admin client: never retried, so a check answers as soon as the connection does. */
  private probe: Promise<Admin> | null = null;

  constructor(
    private readonly options: KafkaConnectionOptions,
    private readonly logger?: KafkaBrokerLogger,
  ) {
    // kafkajs' own lines go through the service's logger (without one, as in the CLI, kafkajs says nothing).
    this.kafka = new Kafka({
      ...toKafkaConfig(options),
      logLevel: logger ? KAFKAJS_LEVELS[options.kafkaLogLevel ?? 'warn'] : logLevel.NOTHING,
      logCreator: () => (entry) => relayKafkaLog(entry, this.logger),
    });
  }

  get address(): string {
    return this.options.brokers.join(',');
  }

  async ping(): Promise<void> {
    this.probe ??= (async () => {
      // Its own client, so that connecting is not retried either (kafkajs retries a cluster's connect with the client's settings).
      const admin = new Kafka({ ...toKafkaConfig(this.options), retry: { retries: 0 }, logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      return admin;
    })();
    const probe = this.probe;
    try {
      await (await probe).describeCluster();
    } catch (error) {
      // A fresh client next time: one that lost its broker may hold a dead connection or stale metadata.
      if (this.probe === probe) this.probe = null;
      await probe.then((admin) => admin.disconnect()).catch(() => undefined);
      throw error;
    }
  }

  /** One admin client, however many callers ask at once (each would otherwise connect one and leave it open). */
  private getAdmin(): Promise<Admin> {
    this.adminReady ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
      return admin;
    })().catch((error: unknown) => {
      this.adminReady = null;
      throw error;
    });
    return this.adminReady;
  }

  async ensureTopics(specs: TopicSpec[]): Promise<void> {
    for (const spec of specs) if (spec.compacted) this.compacted.add(spec.name);
    const admin = await this.getAdmin();
    const existing = new Set(await admin.listTopics());
    await this.raiseMessageLimits(admin, specs.filter((s) => existing.has(s.name) && s.maxMessageBytes));
    const missing = specs.filter((s) => !existing.has(s.name));
    if (missing.length === 0) return;
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((s) => ({
          topic: s.name,
          numPartitions: s.partitions,
          replicationFactor: -1,
          configEntries: [
            ...(s.compacted ? [{ name: 'cleanup.policy', value: 'compact' }] : []),
            ...(s.maxMessageBytes ? [{ name: 'max.message.bytes', value: String(s.maxMessageBytes) }] : []),
          ],
        })),
      });
    } catch (error) {
      // Another stage may have created them between our list and create: only a real absence is an error.
      const now = new Set(await admin.listTopics());
      if (missing.some((s) => !now.has(s.name))) throw error;
    }
  }

  /**
   * Raises `max.message.bytes` of topics made before their spec asked for
   * more (never lowers it). AlterConfigs, the request kafkajs has, replaces a
   * topic's whole set of its own configs, so the others (cleanup.policy...)
   * are sent back as they are.
   */
  private async raiseMessageLimits(admin: Admin, specs: TopicSpec[]): Promise<void> {
    if (specs.length === 0) return;
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: specs.map((s) => ({ type: ConfigResourceTypes.TOPIC, name: s.name })),
    });
    const raise = resources.flatMap((resource) => {
      const wanted = specs.find((s) => s.name === resource.resourceName)?.maxMessageBytes ?? 0;
      const current = Number(resource.configEntries.find((e) => e.configName === 'max.message.bytes')?.configValue ?? 0);
      if (resource.errorCode !== 0 || current >= wanted) return [];
      const own = resource.configEntries
        .filter((e) => e.configSource === ConfigSource.TOPIC_CONFIG && e.configName !== 'max.message.bytes')
        .map((e) => ({ name: e.configName, value: e.configValue }));
      return [{ type: ConfigResourceTypes.TOPIC, name: resource.resourceName, configEntries: [...own, { name: 'max.message.bytes', value: String(wanted) }] }];
    });
    if (raise.length === 0) return;
    await admin.alterConfigs({ validateOnly: false, resources: raise });
    this.logger?.warn('raised max.message.bytes of existing topics', { topics: raise.map((r) => r.name) });
  }

  private getProducer(kind: keyof KafkaMessageBroker['producers']): Promise<Producer> {
    const slot = this.producers[kind];
    if (!slot.ready) {
      // The default partitioner named, as kafkajs warns on every producer otherwise (the same murmur2 as Java's; see InMemoryMessageBroker).
      const producer = this.kafka.producer({
        idempotent: kind === 'idempotent',
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      const ready = producer.connect().then(() => {
        slot.producer = producer;
        return producer;
      });
      slot.ready = ready;
      ready.catch(() => {
        if (slot.ready === ready) slot.ready = null;
      });
    }
    return slot.ready;
  }

  /**
   * Records for a compacted topic go through a producer that is not
   * idempotent. When the cleaner removes every record of an idempotent
   * producer's last batch, it keeps the batch, empty, for the producer's
   * sequence state; a producer that has gone away (a restarted aggregator)
   * leaves its last batch behind in an old segment that way, and a kafkajs
   * consumer that fetches it gets no record and asks for the same offset
   * again, for ever (kafkajs 2.2.4: a batch without records never moves the
   * fetch position). The cleaner drops an empty batch without a producer id.
   * One send at a time keeps the order; a retry may write a record twice,
   * which a compacted topic's readers take as the same version again.
   */
  async send(messages: OutboundMessage[]): Promise<void> {
    const plain = messages.filter((m) => this.compacted.has(m.topic));
    const idempotent = messages.filter((m) => !this.compacted.has(m.topic));
    if (idempotent.length > 0) await this.sendWith('idempotent', idempotent);
    if (plain.length > 0) await this.sendWith('plain', plain);
  }

  private async sendWith(kind: keyof KafkaMessageBroker['producers'], messages: OutboundMessage[]): Promise<void> {
    const slot = this.producers[kind];
    const producer = await this.getProducer(kind);
    const byTopic = new Map<string, OutboundMessage[]>();
    for (const m of messages) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m]);
    try {
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, list]) => ({
          topic,
          messages: list.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
        })),
      });
    } catch (error) {
      // An idempotent producer that failed for good (its sequence lost across a broker restart, say) stays failed:
      // the next send gets a new producer, and a new producer id.
      if ((error as { retriable?: unknown }).retriable === false && slot.producer === producer) {
        slot.ready = null;
        slot.producer = null;
        await producer.disconnect().catch(() => undefined);
      }
      throw error;
    }
  }

  async consume(options: ConsumeOptions): Promise<BrokerSubscription> {
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: 3_000,
      // Stopping waits for the fetch in flight: an idle partition's long poll holds it for up to this long (kafkajs: 5 s).
      maxWaitTimeInMs: 1_000,
      allowAutoTopicCreation: false,
      retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 5_000 },
    });
    this.consumers.add(consumer);
    // Before run(): its first join happens inside it.
    consumer.on(consumer.events.GROUP_JOIN, (event) => options.onJoin?.(event.payload.memberAssignment));
    consumer.on(consumer.events.CRASH, (event) => {
      this.logger?.error('kafka consumer crashed', { groupId: options.groupId, error: String(event.payload.error), restart: event.payload.restart });
      options.onLeave?.(event.payload.error instanceof Error ? event.payload.error.name : 'CONSUMER_CRASHED');
    });
    await consumer.connect();
    await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning });
    await consumer.run({
      autoCommit: true,
      autoCommitThreshold: 1,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, commitOffsetsIfNecessary, heartbeat, isRunning, isStale }) => {
        if (batch.messages.length === 0) return;
        const messages = batch.messages.map((m) => toBrokerMessage(batch.topic, batch.partition, m));
        try {
          await options.eachBatch(messages, {
            heartbeat,
            isRunning: () => isRunning() && !isStale(),
            highWatermark: batch.highWatermark,
            // Called once a record's outputs are acknowledged by the broker: only then is the input committed.
            commit: async (offset) => {
              resolveOffset(offset);
              await commitOffsetsIfNecessary();
            },
          });
        } catch (error) {
          // The batch's uncommitted records are to be delivered again, whatever failed. kafkajs retries a batch only
          // after a retriable error: after any other it stops the consumer for good, and the stage would sit idle.
          this.logger?.warn('batch failed: its uncommitted records are delivered again', {
            groupId: options.groupId,
            topic: batch.topic,
            partition: batch.partition,
            error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
          });
          // A rebalance (or a lost membership) seen by heartbeat() goes back to kafkajs as it is: it rejoins the group on
          // these by their type only, and wrapped they would be retried in place while the group waits for this member.
          if (error instanceof KafkaJSError && (error.retriable || GROUP_MEMBERSHIP_ERRORS.has((error as { type?: string }).type ?? ''))) throw error;
          throw new KafkaJSError(error instanceof Error ? error.message : String(error), { retriable: true });
        }
      },
    });
    return {
      stop: async () => {
        await consumer.disconnect();
        this.consumers.delete(consumer);
      },
    };
  }

  async lag(groupId: string, topics: string[]): Promise<number> {
    const admin = await this.getAdmin();
    let lag = 0n;
    const committed = await admin.fetchOffsets({ groupId, topics });
    for (const { topic, partitions } of committed) {
      const ends = await this.endOffsets(topic);
      for (const { partition, offset } of partitions) {
        const end = ends.get(partition) ?? 0n;
        const done = BigInt(offset) < 0n ? 0n : BigInt(offset);
        lag += end - done;
      }
    }
    return Number(lag);
  }

  async endOffsets(topic: string): Promise<Map<number, bigint>> {
    const admin = await this.getAdmin();
    // kafkajs retries fetchTopicOffsets on an unknown topic only; just after a topic is created the partition's leader
    // may not be known yet (NOT_LEADER_FOR_PARTITION, LEADER_NOT_AVAILABLE), which it gives up on at once. Those are
    // waited out here, with the metadata refreshed before each new try.
    for (let attempt = 1; ; attempt++) {
      try {
        const offsets = await admin.fetchTopicOffsets(topic);
        return new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
      } catch (error) {
        const type = (error as { type?: string }).type ?? '';
        if (!LEADERSHIP_ERRORS.has(type) || attempt >= END_OFFSETS_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
        await admin.fetchTopicMetadata({ topics: [topic] }).catch(() => undefined);
      }
    }
  }

  async scan(topics: string[], visit: (message: BrokerMessage) => void): Promise<void> {
    const existing = new Set(await (await this.getAdmin()).listTopics());
    const remaining = new Map<string, { next: bigint; end: bigint }>();
    for (const topic of topics.filter((t) => existing.has(t))) {
      for (const [partition, end] of await this.endOffsets(topic)) if (end > 0n) remaining.set(`${topic}/${partition}`, { next: 0n, end });
    }
    if (remaining.size === 0) return;
    const subscribed = [...new Set([...remaining.keys()].map((k) => k.slice(0, k.lastIndexOf('/'))))];
    // A throwaway group that commits nothing, deleted afterwards: a fresh group's first join may meet a
    // coordinator not yet available, which kafkajs retries.
    const groupId = `eventwire-scan-${randomUUID()}`;
    const consumer = this.rawConsumer(groupId);
    const stallMs = this.options.scanStallMs ?? DEFAULT_SCAN_STALL_MS;
    let progressAt = Date.now();
    let watchdog: NodeJS.Timeout | undefined;
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: subscribed, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        consumer.on(consumer.events.CRASH, (event) => {
          if (!event.payload.restart) reject(event.payload.error);
        });
        progressAt = Date.now();
        watchdog = setInterval(() => {
          if (Date.now() - progressAt < stallMs) return;
          const left = Object.fromEntries([...remaining].map(([where, { next, end }]) => [where, { next: String(next), end: String(end) }]));
          reject(new ScanStalledError(stallMs, left));
        }, Math.min(1000, stallMs));
        consumer
          .run({
            autoCommit: false,
            eachBatch: async ({ batch }) => {
              const key = `${batch.topic}/${batch.partition}`;
              const partition = remaining.get(key);
              if (partition === undefined) return;
              progressAt = Date.now();
              for (const message of batch.messages) {
                if (BigInt(message.offset) >= partition.end) break;
                visit(toBrokerMessage(batch.topic, batch.partition, message));
              }
              partition.next = BigInt(batch.lastOffset()) + 1n;
              if (partition.next >= partition.end) remaining.delete(key);
              if (remaining.size === 0) resolve();
            },
          })
          .catch(reject);
      });
    } finally {
      clearInterval(watchdog);
      await consumer.disconnect();
      this.consumers.delete(consumer);
      await this.deleteGroup(groupId);
    }
  }

  /** Deletes a consumer group its members have left; one the broker does not know (it kept nothing) is already gone. */
  private async deleteGroup(groupId: string): Promise<void> {
    try {
      await (await this.getAdmin()).deleteGroups([groupId]);
    } catch (error) {
      const codes = (error as { groups?: Array<{ error?: { type?: string } }> }).groups?.map((g) => g.error?.type) ?? [];
      if (codes.length > 0 && codes.every((c) => c === 'GROUP_ID_NOT_FOUND')) return;
      this.logger?.warn('consumer group not deleted', { groupId, error });
    }
  }

  /** A consumer for tools (tail, tests) that want raw messages outside a stage. */
  rawConsumer(groupId: string): Consumer {
    const consumer = this.kafka.consumer({ groupId, allowAutoTopicCreation: false });
    this.consumers.add(consumer);
    return consumer;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.consumers].map((c) => c.disconnect()));
    this.consumers.clear();
    for (const slot of Object.values(this.producers)) {
      if (slot.producer) await slot.producer.disconnect();
      slot.producer = null;
      slot.ready = null;
    }
    if (this.admin) await this.admin.disconnect();
    if (this.probe) await this.probe.then((admin) => admin.disconnect()).catch(() => undefined);
    this.probe = null;
    this.admin = null;
    this.adminReady = null;
  }
}
