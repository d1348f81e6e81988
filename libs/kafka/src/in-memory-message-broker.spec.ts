import { Partitioners } from 'kafkajs';
import { InMemoryMessageBroker } from './in-memory-message-broker';
import type { BrokerMessage } from './message-broker';

const topic = { name: 'things.v1', partitions: 4, compacted: false };

describe(InMemoryMessageBroker.name, () => {
  it('puts a key on the partition kafkajs would choose, and keeps per-partition order', async () => {
    const broker = new InMemoryMessageBroker();
    await broker.ensureTopics([topic]);
    await broker.send(['a', 'b', 'c', 'a', 'a'].map((key, i) => ({ topic: topic.name, key, value: String(i) })));
    const partitioner = Partitioners.DefaultPartitioner();
    const expected = partitioner({
      topic: topic.name,
      partitionMetadata: [0, 1, 2, 3].map((id) => ({ partitionId: id, leader: 0 })) as never,
      message: { key: Buffer.from('a'), value: null },
    });
    const ofA = broker.read(topic.name).filter((m) => m.key === 'a');
    expect(new Set(ofA.map((m) => m.partition))).toEqual(new Set([expected]));
    expect(ofA.map((m) => m.value!.toString())).toEqual(['0', '3', '4']);
  });

  it('refuses topics that were never created, as a broker without auto-creation does', async () => {
    const broker = new InMemoryMessageBroker();
    await expect(broker.send([{ topic: 'nope', key: null, value: 'x' }])).rejects.toThrow(/Unknown topic nope/);
  });

  it('commits what the handler commits, and redelivers the rest', async () => {
    const broker = new InMemoryMessageBroker();
    await broker.ensureTopics([{ ...topic, partitions: 1 }]);
    const seen: string[] = [];
    let failures = 1;
    await broker.consume({
      groupId: 'g',
      topics: [topic.name],
      fromBeginning: true,
      eachBatch: async (messages: BrokerMessage[], control) => {
        seen.push(...messages.map((m) => m.value!.toString()));
        if (failures-- > 0) throw new Error('transient');
        await control.commit(messages[messages.length - 1]!.offset);
      },
    });
    await broker.send([{ topic: topic.name, key: 'k', value: 'one' }]);
    await broker.whenIdle();
    expect(seen).toEqual(['one', 'one']);
    expect(await broker.lag('g', [topic.name])).toBe(0);
  });

  it('lets a new group start at the end when it does not ask for the beginning', async () => {
    const broker = new InMemoryMessageBroker();
    await broker.ensureTopics([topic]);
    await broker.send([{ topic: topic.name, key: 'k', value: 'old' }]);
    const seen: string[] = [];
    await broker.consume({
      groupId: 'late',
      topics: [topic.name],
      fromBeginning: false,
      eachBatch: async (messages, control) => {
        seen.push(...messages.map((m) => m.value!.toString()));
        await control.commit(messages[messages.length - 1]!.offset);
      },
    });
    await broker.send([{ topic: topic.name, key: 'k', value: 'new' }]);
    await broker.whenIdle();
    expect(seen).toEqual(['new']);
  });
});
