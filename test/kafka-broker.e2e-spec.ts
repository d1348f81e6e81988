import { KafkaMessageBroker, NonRetriableError, parseBrokers } from '@eventwire/kafka';
import { Admin, ConfigResourceTypes, Kafka, logLevel, Producer } from 'kafkajs';
import { randomBytes } from 'node:crypto';

/** KafkaMessageBroker against the real broker: topics made by an earlier version get what the specs now ask for. */
describe('KafkaMessageBroker.ensureTopics on a real broker', () => {
  const brokers = parseBrokers(process.env.KAFKA_BROKERS!);
  const topic = `e2e-topics-${randomBytes(4).toString('hex')}.events.enriched.v1`;
  let admin: Admin;
  let broker: KafkaMessageBroker;
  const warnings: string[] = [];

  const configs = async (): Promise<Record<string, string>> => {
    const { resources } = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }] });
    return Object.fromEntries(resources[0]!.configEntries.map((e) => [e.configName, e.configValue]));
  };

  beforeAll(async () => {
    admin = new Kafka({ clientId: 'e2e-topics', brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    broker = new KafkaMessageBroker({ brokers, clientId: 'e2e-topics' }, { warn: (message) => warnings.push(message), error: () => undefined });
  });

  afterAll(async () => {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
    await broker.close();
  });

  it('raises max.message.bytes of a topic made with less, keeps its other settings, and never lowers it', async () => {
    // As an earlier version made it: compacted, the broker's default of 1 MB a record.
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }, { name: 'min.compaction.lag.ms', value: '60000' }] }] });
    expect(Number((await configs())['max.message.bytes'])).toBeLessThan(2 * 1024 * 1024);

    await broker.ensureTopics([{ name: topic, partitions: 1, compacted: true, maxMessageBytes: 16 * 1024 * 1024 }]);
    const after = await configs();
    expect(after['max.message.bytes']).toBe(String(16 * 1024 * 1024));
    expect(after['cleanup.policy']).toBe('compact');
    expect(after['min.compaction.lag.ms']).toBe('60000');
    expect(warnings).toEqual(['raised max.message.bytes of existing topics']);

    // A record of 2 MB, which the topic refused before, now goes in.
    await broker.send([{ topic, key: 'big', value: 'x'.repeat(2 * 1024 * 1024) }]);

    await broker.ensureTopics([{ name: topic, partitions: 1, compacted: true, maxMessageBytes: 1024 * 1024 }]);
    expect((await configs())['max.message.bytes']).toBe(String(16 * 1024 * 1024));
    expect(warnings).toHaveLength(1);
  });

  it('delivers a batch again after it failed with an error kafkajs would not retry, rather than stopping the consumer', async () => {
    const name = `${topic}.redelivery`;
    await broker.ensureTopics([{ name, partitions: 1, compacted: false }]);
    await broker.send([1, 2, 3].map((n) => ({ topic: name, key: String(n), value: String(n) })));
    const seen: string[] = [];
    let failures = 0;
    const subscription = await broker.consume({
      groupId: `${name}.group`,
      topics: [name],
      fromBeginning: true,
      eachBatch: async (messages, control) => {
        if (failures++ === 0) throw new NonRetriableError('STORE_DOWN', 'the chunk could not be stored');
        seen.push(...messages.map((m) => m.value!.toString()));
        await control.commit(messages[messages.length - 1]!.offset);
      },
    });
    try {
      const deadline = Date.now() + 60_000;
      while (seen.length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(seen).toEqual(['1', '2', '3']);
      expect(failures).toBe(2);
      expect(warnings).toContain('batch failed: its uncommitted records are delivered again');
    } finally {
      await subscription.stop();
      await admin.deleteTopics({ topics: [name] }).catch(() => undefined);
    }
  });
});

/**
 * A compacted topic whose writer was restarted (the aggregator after a crash
 * or a deploy), once the log cleaner has run over it, read to its end with
 * `scan` (the audit) as kafkajs consumers read it.
 */
describe('KafkaMessageBroker on a compacted topic the cleaner has run over', () => {
  const brokers = parseBrokers(process.env.KAFKA_BROKERS!);
  const base = `e2e-compacted-${randomBytes(4).toString('hex')}`;
  const kafka = new Kafka({ clientId: 'e2e-compacted', brokers, logLevel: logLevel.NOTHING });
  let admin: Admin;
  let reader: KafkaMessageBroker;

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
    reader = new KafkaMessageBroker({ brokers, clientId: 'e2e-compacted-reader', scanStallMs: 10_000 });
  });

  afterAll(async () => {
    await admin.deleteTopics({ topics: [`${base}.plain`, `${base}.idempotent`] }).catch(() => undefined);
    await admin.disconnect();
    await reader.close();
  });

  /** A compacted topic whose every record is a segment of its own, cleaned as soon as the cleaner looks. */
  const createTopic = async (topic: string): Promise<void> => {
    const configEntries = [
      { name: 'cleanup.policy', value: 'compact' },
      { name: 'segment.bytes', value: '1024' },
      { name: 'min.cleanable.dirty.ratio', value: '0.01' },
      { name: 'min.compaction.lag.ms', value: '0' },
    ];
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1, configEntries }] });
  };

  /** Versions 1–3 of one story from a first writer, then, after it is gone, versions 4–7 from a second. */
  const writeAcrossRestart = async (send: (writer: number, version: number) => Promise<void>): Promise<void> => {
    for (let version = 1; version <= 7; version++) await send(version <= 3 ? 1 : 2, version);
  };
  const story = (version: number): string => JSON.stringify({ storyId: 'story-1', version, padding: 'x'.repeat(600) });

  /** Scans until the cleaner has removed superseded versions (fewer than the seven written); what the last scan read. */
  const scanUntilCleaned = async (topic: string): Promise<number[]> => {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const versions: number[] = [];
      await reader.scan([topic], (m) => versions.push((JSON.parse(m.value!.toString()) as { version: number }).version));
      if (versions.length < 7) return versions;
      if (Date.now() > deadline) throw new Error(`the cleaner never ran over ${topic}`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  };

  it('reads to the end a topic our writers wrote across a restart: records for a compacted topic are sent without idempotence', async () => {
    const topic = `${base}.plain`;
    await createTopic(topic);
    const writers = new Map<number, KafkaMessageBroker>();
    await writeAcrossRestart(async (writer, version) => {
      if (!writers.has(writer)) {
        for (const [, other] of writers) await other.close();
        const broker = new KafkaMessageBroker({ brokers, clientId: `e2e-compacted-writer-${writer}` });
        await broker.ensureTopics([{ name: topic, partitions: 1, compacted: true }]);
        writers.set(writer, broker);
      }
      await writers.get(writer)!.send([{ topic, key: 'story-1', value: story(version) }]);
    });
    await writers.get(2)!.close();

    expect((await scanUntilCleaned(topic)).at(-1)).toBe(7);
  });

  it('fails a scan kafkajs cannot move on (an idempotent writer restarted: its last batch kept, empty) with SCAN_STALLED, rather than waiting for ever', async () => {
    const topic = `${base}.idempotent`;
    await createTopic(topic);
    const producers = new Map<number, Producer>();
    await writeAcrossRestart(async (writer, version) => {
      if (!producers.has(writer)) {
        for (const [, other] of producers) await other.disconnect();
        const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
        await producer.connect();
        producers.set(writer, producer);
      }
      await producers.get(writer)!.send({ topic, acks: -1, messages: [{ key: 'story-1', value: story(version) }] });
    });
    await producers.get(2)!.disconnect();

    await expect(scanUntilCleaned(topic)).rejects.toMatchObject({ code: 'SCAN_STALLED', left: { [`${topic}/0`]: { end: '7' } } });
  });
});
