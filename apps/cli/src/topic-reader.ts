import { BrokerMessage, InMemoryMessageBroker, KafkaMessageBroker, toBrokerMessage } from '@eventwire/kafka';
import { randomUUID } from 'node:crypto';

/** Every record of `topic` up to its current end: from the broker's memory, or a throwaway Kafka consumer. */
export async function readTopic(broker: InMemoryMessageBroker | KafkaMessageBroker, topic: string): Promise<BrokerMessage[]> {
  if (broker instanceof InMemoryMessageBroker) return broker.read(topic);
  const ends = await broker.endOffsets(topic);
  const remaining = new Map([...ends].filter(([, end]) => end > 0n));
  if (remaining.size === 0) return [];
  const consumer = broker.rawConsumer(`eventwire-cli-read-${randomUUID()}`);
  const out: BrokerMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          out.push(toBrokerMessage(topic, partition, message));
          const end = remaining.get(partition);
          if (end !== undefined && BigInt(message.offset) + 1n >= end) remaining.delete(partition);
          if (remaining.size === 0) resolve();
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  return out.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}
