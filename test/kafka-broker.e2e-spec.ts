import { KafkaMessageBroker, NonRetriableError, parseBrokers } from '@eventwire/kafka';
import { Admin, ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
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
