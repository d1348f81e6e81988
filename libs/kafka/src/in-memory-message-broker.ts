import type { TopicSpec } from '@eventwire/contracts';
import { Partitioners } from 'kafkajs';
import type {
  BrokerMessage,
  BrokerSubscription,
  ConsumeOptions,
  MessageBroker,
  OutboundMessage,
} from './message-broker';

interface StoredMessage {
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, string>;
  timestamp: string;
}

interface MemoryTopic {
  spec: TopicSpec;
  partitions: StoredMessage[][];
}

interface MemoryGroup {
  committed: Map<string, number>;
  member: MemoryConsumer | null;
}

const MAX_BATCH = 200;
const RETRY_DELAY_MS = 50;

/**
 * A broker inside the process for the embedded mode: the same topic, key and
 * ordering semantics as Kafka (kafkajs' default murmur2 partitioner, ordered
 * partitions, offsets committed per group after a batch resolves), so stages
 * run the very code paths they run over Kafka. One member per group: the
 * embedded mode runs one instance of each stage.
 */
export class InMemoryMessageBroker implements MessageBroker {
  readonly kind = 'memory' as const;
  readonly address = 'memory';

  async ping(): Promise<void> {}
  private readonly topics = new Map<string, MemoryTopic>();
  private readonly groups = new Map<string, MemoryGroup>();
  private readonly partitioner = Partitioners.DefaultPartitioner();
  private idleWaiters: Array<() => void> = [];

  async ensureTopics(specs: TopicSpec[]): Promise<void> {
    for (const spec of specs) {
      if (this.topics.has(spec.name)) continue;
      this.topics.set(spec.name, { spec, partitions: Array.from({ length: spec.partitions }, () => []) });
    }
  }

  async send(messages: OutboundMessage[]): Promise<void> {
    const timestamp = String(Date.now());
    for (const message of messages) {
      const topic = this.topics.get(message.topic);
      if (!topic) throw new Error(`Unknown topic ${message.topic}: topics are created at start-up, never on first use`);
      const key = message.key === null ? null : Buffer.from(message.key);
      const partition = this.partitioner({
        topic: message.topic,
        partitionMetadata: topic.partitions.map((_, id) => ({ partitionId: id, leader: 0 })) as never,
        message: { key, value: null },
      });
      const value = message.value === null ? null : Buffer.isBuffer(message.value) ? message.value : Buffer.from(message.value);
      topic.partitions[partition]!.push({ key, value, headers: { ...(message.headers ?? {}) }, timestamp });
    }
    for (const group of this.groups.values()) group.member?.wake();
  }

  async consume(options: ConsumeOptions): Promise<BrokerSubscription> {
    for (const name of options.topics) {
      if (!this.topics.has(name)) throw new Error(`Unknown topic ${name}`);
    }
    const group = this.groups.get(options.groupId) ?? { committed: new Map<string, number>(), member: null };
    if (group.member) throw new Error(`Group ${options.groupId} already has a member: the in-memory broker runs one per group`);
    this.groups.set(options.groupId, group);
    if (!options.fromBeginning) {
      for (const name of options.topics) {
        this.topics.get(name)!.partitions.forEach((log, p) => {
          const key = `${name}:${p}`;
          if (!group.committed.has(key)) group.committed.set(key, log.length);
        });
      }
    }
    const consumer = new MemoryConsumer(this, options, group, () => this.notifyIfIdle());
    group.member = consumer;
    // One member per group: it is given every partition at once.
    options.onJoin?.(Object.fromEntries(options.topics.map((name) => [name, this.topics.get(name)!.partitions.map((_log, p) => p)])));
    consumer.wake();
    return {
      stop: async () => {
        await consumer.stop();
        group.member = null;
        this.notifyIfIdle();
      },
    };
  }

  async lag(groupId: string, topics: string[]): Promise<number> {
    const group = this.groups.get(groupId);
    let lag = 0;
    for (const name of topics) {
      this.topics.get(name)?.partitions.forEach((log, p) => {
        lag += log.length - (group?.committed.get(`${name}:${p}`) ?? 0);
      });
    }
    return lag;
  }

  async endOffsets(topic: string): Promise<Map<number, bigint>> {
    const out = new Map<number, bigint>();
    this.topics.get(topic)?.partitions.forEach((log, p) => out.set(p, BigInt(log.length)));
    return out;
  }

  /** Resolves once every consumer has committed everything there is to read. */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.notifyIfIdle();
    });
  }

  /** Every message of a topic in partition then offset order: the embedded mode's `--out` reads this. */
  async scan(topics: string[], visit: (message: BrokerMessage) => void): Promise<void> {
    for (const topic of topics) if (this.topics.has(topic)) for (const m of this.read(topic)) visit(m);
  }

  read(topic: string): BrokerMessage[] {
    const out: BrokerMessage[] = [];
    this.topics.get(topic)?.partitions.forEach((log, partition) =>
      log.forEach((m, offset) => out.push(toBrokerMessage(topic, partition, offset, m))),
    );
    return out;
  }

  async close(): Promise<void> {
    for (const group of this.groups.values()) await group.member?.stop();
  }

  /** @internal */
  pending(group: MemoryGroup, topics: string[]): { topic: string; partition: number; from: number; messages: StoredMessage[] } | null {
    for (const name of topics) {
      const topic = this.topics.get(name)!;
      for (let p = 0; p < topic.partitions.length; p++) {
        const from = group.committed.get(`${name}:${p}`) ?? 0;
        const log = topic.partitions[p]!;
        if (from < log.length) return { topic: name, partition: p, from, messages: log.slice(from, from + MAX_BATCH) };
      }
    }
    return null;
  }

  private notifyIfIdle(): void {
    if (this.idleWaiters.length === 0) return;
    for (const group of this.groups.values()) {
      if (group.member && !group.member.isIdle()) return;
    }
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((resolve) => resolve());
  }
}

function toBrokerMessage(topic: string, partition: number, offset: number, m: StoredMessage): BrokerMessage {
  return {
    topic,
    partition,
    offset: String(offset),
    key: m.key === null ? null : m.key.toString('utf8'),
    value: m.value,
    headers: { ...m.headers },
    timestamp: m.timestamp,
  };
}

class MemoryConsumer {
  private running = true;
  private busy = false;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly broker: InMemoryMessageBroker,
    private readonly options: ConsumeOptions,
    private readonly group: MemoryGroup,
    private readonly onIdle: () => void,
  ) {}

  isIdle(): boolean {
    return !this.busy && this.broker.pending(this.group, this.options.topics) === null;
  }

  wake(): void {
    if (!this.running || this.busy) return;
    this.busy = true;
    // Deliver on a later tick, as a network consumer would, so producers never re-enter their consumers.
    this.loop = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.drain());
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        if (!this.running) return;
        const next = this.broker.pending(this.group, this.options.topics);
        if (!next) return;
        const batch = next.messages.map((m, i) => toBrokerMessage(next.topic, next.partition, next.from + i, m));
        const key = `${next.topic}:${next.partition}`;
        try {
          await this.options.eachBatch(batch, {
            heartbeat: async () => undefined,
            isRunning: () => this.running,
            commit: async (offset) => void this.group.committed.set(key, Math.max(this.group.committed.get(key) ?? 0, Number(offset) + 1)),
          });
        } catch {
          // As with Kafka, an uncommitted batch is delivered again; the stage decides what is retried.
          await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
        }
      }
    } finally {
      this.busy = false;
      this.onIdle();
    }
  }
}
