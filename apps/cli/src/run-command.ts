import { dlqTopic, TOPICS } from '@eventwire/contracts';
import { InMemoryMessageBroker, KafkaMessageBroker, MessageBroker, OutboundMessage, parseBrokers } from '@eventwire/kafka';
import { JsonLogger, PrefixedMessageBroker, startPipeline } from '@eventwire/stages';
import { randomBytes } from 'node:crypto';
import { latestPerKey, NdjsonWriter, toOutputLine } from './output-writer';
import { waitForDrain } from './pipeline-drain';
import { rawRecords } from './raw-records';
import { readTopic } from './topic-reader';

export interface RunOptions {
  brokers?: string;
  prefix?: string;
  out?: string;
  topics: string;
  allVersions: boolean;
  timeout: number;
  logLevel: 'log' | 'warn' | 'error';
  /** After the run, keep serving the page, the story API and the live stream on this port until stopped. */
  serve?: number;
  host: string;
}

const COMPACTED = new Set<string>([TOPICS.eventsEnriched]);

/**
 * Runs the four stages in this process and feeds them the files: over an
 * in-memory broker (embedded) or, with --brokers, over Kafka under a run
 * prefix of its own. When the pipeline has drained, the chosen topics are
 * written as NDJSON; a compacted topic as its latest record per key. With
 * --serve, the aggregator then keeps serving the page, the story API and the
 * live stream until SIGINT or SIGTERM.
 */
/** Resolves on the first SIGINT or SIGTERM. */
function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function runCommand(paths: string[], options: RunOptions): Promise<void> {
  const memory = options.brokers ? null : new InMemoryMessageBroker();
  const kafka = options.brokers ? new KafkaMessageBroker({ brokers: parseBrokers(options.brokers), clientId: 'eventwire-cli' }) : null;
  const prefix = kafka ? (options.prefix ?? `run-${Date.now()}-${randomBytes(3).toString('hex')}.`) : '';
  const broker: MessageBroker = kafka ? (prefix ? new PrefixedMessageBroker(kafka, prefix) : kafka) : memory!;
  const logger = new JsonLogger('cli', options.logLevel);
  const pipeline = await startPipeline(broker, { logger }, options.serve === undefined ? undefined : { port: options.serve, host: options.host });
  try {
    let sent = 0;
    let chunk: OutboundMessage[] = [];
    for await (const record of rawRecords(paths)) {
      chunk.push(record);
      if (chunk.length >= 500) {
        await broker.send(chunk);
        sent += chunk.length;
        chunk = [];
      }
    }
    await broker.send(chunk);
    sent += chunk.length;
    if (memory) await memory.whenIdle();
    else await waitForDrain(broker, options.timeout);

    const writer = new NdjsonWriter(options.out);
    const summary: Record<string, number> = { articlesIn: sent };
    for (const topic of options.topics.split(',').map((t) => t.trim()).filter(Boolean)) {
      const messages = memory ? memory.read(topic) : await readTopic(kafka!, prefix + topic);
      const shown = COMPACTED.has(topic) && !options.allVersions ? latestPerKey(messages) : messages;
      for (const m of shown) writer.write(toOutputLine(m, topic));
      summary[topic] = shown.length;
    }
    await writer.close();
    for (const topic of [TOPICS.articlesRaw, TOPICS.articlesIngested, TOPICS.articlesTranslated, TOPICS.eventsExtracted]) {
      const dead = memory ? memory.read(dlqTopic(topic)).length : (await readTopic(kafka!, prefix + dlqTopic(topic))).length;
      if (dead > 0) summary[dlqTopic(topic)] = dead;
    }
    logger.log({ msg: 'run finished', mode: memory ? 'embedded' : 'kafka', prefix: prefix || undefined, ...summary });
    if (pipeline.url) {
      // Stdout carries the NDJSON; where to look goes to stderr, whatever the log level.
      process.stderr.write(`eventwire: serving the page at ${pipeline.url} (the API under ${pipeline.url}v1/); Ctrl-C stops\n`);
      await stopSignal();
    }
  } finally {
    await pipeline.close();
    await broker.close();
  }
}
