import { DLQ_HEADERS, KafkaMessageBroker, parseBrokers } from '@eventwire/kafka';
import { StageServer } from '@eventwire/stages';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { waitFor } from './support/service-process';
import { TopicCollector } from './support/topic-collector';

/**
 * The StageServer on the real broker when what a stage produces is larger
 * than its topic takes (the broker answers MESSAGE_TOO_LARGE): the record
 * at fault is dead-lettered with that reason, the records around it go
 * through, and the partition is not retried forever.
 */
describe('StageServer on a real broker: an over-size output', () => {
  const brokers = parseBrokers(process.env.KAFKA_BROKERS!);
  const prefix = `e2e-rule-${randomBytes(4).toString('hex')}`;
  const input = `${prefix}.in`;
  const output = `${prefix}.out`;
  let admin: Admin;
  let broker: KafkaMessageBroker;
  let server: StageServer;
  const collectors: TopicCollector[] = [];

  beforeAll(async () => {
    admin = new Kafka({ clientId: 'e2e-rule', brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    broker = new KafkaMessageBroker({ brokers, clientId: 'e2e-rule' });
  });

  afterAll(async () => {
    await server?.close();
    for (const c of collectors) await c.stop();
    await broker.close();
    await admin.deleteTopics({ topics: [input, `${input}.dlq`, output] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('dead-letters the record whose output the broker refuses as MESSAGE_TOO_LARGE, and passes the others', async () => {
    // The output topic takes 64 KiB, while the stage believes the broker's default: only the broker can refuse it.
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: output, numPartitions: 1, configEntries: [{ name: 'max.message.bytes', value: String(64 * 1024) }] }] });
    const topics = [input, `${input}.dlq`, output].map((name) => ({ name, partitions: 1, compacted: false }));
    server = new StageServer(broker, { stage: 'e2e', groupId: `${prefix}.group`, topics });
    server.addHandler(input, async (payload: { n: number; size: number }) => [{ topic: output, key: String(payload.n), value: { n: payload.n, text: 'x'.repeat(payload.size) } }], true);
    await new Promise<void>((resolve, reject) => void server.listen((error) => (error ? reject(error) : resolve())));

    const kafka = TopicCollector.kafka(brokers.join(','));
    const outs = await new TopicCollector(kafka, output).start();
    const dead = await new TopicCollector(kafka, `${input}.dlq`).start();
    collectors.push(outs, dead);
    const sizes = [10, 200 * 1024, 10, 10];
    await broker.send(sizes.map((size, n) => ({ topic: input, key: String(n), value: JSON.stringify({ n, size }) })));

    await waitFor('the other records through', async () => (outs.records.length >= 3 ? true : undefined), 60_000);
    await waitFor('the dead letter', async () => (dead.records.length >= 1 ? true : undefined), 60_000);
    expect(outs.json<{ n: number }>().map((r) => r.n)).toEqual([0, 2, 3]);
    expect(dead.records).toHaveLength(1);
    expect(dead.records[0]!.headers[DLQ_HEADERS.reason]).toBe('MESSAGE_TOO_LARGE');
    expect(dead.records[0]!.headers[DLQ_HEADERS.offset]).toBe('1');
    expect(await broker.lag(`${prefix}.group`, [input])).toBe(0);
  });
});
