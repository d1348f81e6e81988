import { Kafka, logLevel } from 'kafkajs';

/**
 * One pass-through hop for the end-to-end bench's ceiling: consumes a topic
 * and produces every record unchanged to the next, with the stages' client
 * settings (idempotent producer, acks from all in-sync replicas, a commit
 * per batch) and no processing.
 *   node dist/bench/relay.js <brokers> <from-topic> <to-topic> <group>
 */
async function main(): Promise<void> {
  const [brokers, from, to, group] = process.argv.slice(2);
  if (!brokers || !from || !to || !group) throw new Error('usage: relay <brokers> <from> <to> <group>');
  const kafka = new Kafka({ clientId: 'eventwire-relay', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: group });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topic: from, fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
      await producer.send({ topic: to, acks: -1, messages: batch.messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers })) });
      resolveOffset(batch.lastOffset());
      await heartbeat();
    },
  });
  const stop = async (): Promise<void> => {
    await consumer.disconnect();
    await producer.disconnect();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`relay: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
