import { KafkaMessageBroker, parseBrokers, toBrokerMessage } from '@eventwire/kafka';
import { randomUUID } from 'node:crypto';
import { NdjsonWriter, toOutputLine } from './output-writer';

export interface TailOptions {
  brokers: string;
  prefix?: string;
  fromBeginning: boolean;
  group?: string;
}

/** Subscribes to a topic and prints each record as an NDJSON line until interrupted. */
export async function tailCommand(topic: string, options: TailOptions): Promise<void> {
  const kafka = new KafkaMessageBroker({ brokers: parseBrokers(options.brokers), clientId: 'eventwire-tail' });
  const consumer = kafka.rawConsumer(options.group ?? `eventwire-tail-${randomUUID()}`);
  const writer = new NdjsonWriter(undefined);
  const prefix = options.prefix ?? '';
  await consumer.connect();
  await consumer.subscribe({ topic: prefix + topic, fromBeginning: options.fromBeginning });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      writer.write(toOutputLine(toBrokerMessage(topic, partition, message), topic));
    },
  });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await kafka.close();
}
