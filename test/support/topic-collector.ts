import { Consumer, Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';

export interface CollectedRecord {
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

/** Subscribes to a topic from its beginning and keeps every record it sees, for tests to poll. */
export class TopicCollector {
  readonly records: CollectedRecord[] = [];
  private consumer: Consumer | null = null;

  constructor(
    private readonly kafka: Kafka,
    readonly topic: string,
  ) {}

  static kafka(brokers: string): Kafka {
    return new Kafka({ clientId: 'eventwire-test', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  }

  async start(): Promise<this> {
    const consumer = this.kafka.consumer({ groupId: `test-collector-${randomUUID()}` });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) headers[k] = v.toString();
        this.records.push({ partition, offset: message.offset, key: message.key?.toString() ?? null, value: message.value, headers });
      },
    });
    return this;
  }

  json<T>(): T[] {
    return this.records.map((r) => JSON.parse(r.value!.toString()) as T);
  }

  /** The latest value per key, as a compacted topic's reader ends up with: a tombstone (null value) deletes the key. */
  latestByKey<T>(): Map<string, T> {
    const out = new Map<string, T>();
    for (const r of this.records) {
      if (r.value === null) out.delete(r.key ?? '');
      else out.set(r.key ?? '', JSON.parse(r.value.toString()) as T);
    }
    return out;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
