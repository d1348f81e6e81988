import { KafkaMessageBroker, MessageBroker, OutboundMessage, parseBrokers } from '@eventwire/kafka';
import { PrefixedMessageBroker } from '@eventwire/stages';
import { SingleBar } from 'cli-progress';
import { rawRecords } from './raw-records';

export interface IngestOptions {
  url?: string;
  brokers?: string;
  prefix?: string;
  token?: string;
  concurrency: number;
}

interface Tally {
  accepted: number;
  rejected: number;
}

async function postAll(url: string, records: OutboundMessage[], options: IngestOptions, bar: SingleBar, tally: Tally): Promise<void> {
  const endpoint = new URL('/v1/articles', url).toString();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < records.length) {
      const record = records[next++]!;
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
        body: typeof record.value === 'string' ? record.value : (record.value?.toString() ?? ''),
      });
      if (response.status === 202) tally.accepted++;
      else {
        tally.rejected++;
        process.stderr.write(`\n${record.key}: ${response.status} ${await response.text()}\n`);
      }
      bar.increment();
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
}

/** Feeds files to a running deployment, over its HTTP API or straight onto `articles.raw.v1`. */
export async function ingestCommand(paths: string[], options: IngestOptions): Promise<void> {
  if (!options.url === !options.brokers) throw new Error('give exactly one of --url or --brokers');
  const records: OutboundMessage[] = [];
  for await (const record of rawRecords(paths)) records.push(record);
  const bar = new SingleBar({ stream: process.stderr, format: 'ingest [{bar}] {value}/{total} articles' });
  bar.start(records.length, 0);
  const tally: Tally = { accepted: 0, rejected: 0 };
  try {
    if (options.url) {
      await postAll(options.url, records, options, bar, tally);
    } else {
      const kafka = new KafkaMessageBroker({ brokers: parseBrokers(options.brokers!), clientId: 'eventwire-cli' });
      const broker: MessageBroker = options.prefix ? new PrefixedMessageBroker(kafka, options.prefix) : kafka;
      try {
        for (let i = 0; i < records.length; i += 500) {
          const chunk = records.slice(i, i + 500);
          await broker.send(chunk);
          tally.accepted += chunk.length;
          bar.increment(chunk.length);
        }
      } finally {
        await broker.close();
      }
    }
  } finally {
    bar.stop();
  }
  process.stderr.write(`${JSON.stringify({ msg: 'ingest finished', ...tally })}\n`);
  if (tally.rejected > 0) process.exitCode = 2;
}
