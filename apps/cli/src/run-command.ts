import { COMPACTED_TOPICS, TOPICS } from '@eventwire/contracts';
import { InMemoryMessageBroker, KafkaMessageBroker, MessageBroker, OutboundMessage, parseBrokers, PrefixedMessageBroker } from '@eventwire/kafka';
import { JsonLogger, launch, STAGES } from '@eventwire/stages';
import { randomBytes } from 'node:crypto';
import { latestPerKey, NdjsonWriter, toOutputLine } from './output-writer';
import { waitForDrain } from './pipeline-drain';
import { ProgressLine, ProgressStream } from './progress-line';
import { rawRecords } from './raw-records';
import { formatRunProgress, formatRunSummary, RunCounts, runCounts } from './run-progress';
import { readTopic } from './topic-reader';

export interface RunOptions {
  brokers?: string;
  prefix?: string;
  out?: string;
  topics: string;
  allVersions: boolean;
  timeout: number;
  logLevel: 'log' | 'warn' | 'error';
  /** Seconds between progress lines when stderr is not a terminal; 0: none there. */
  progressEvery: number;
  /** After the run, keep serving the page, the story API and the live stream on this port until stopped. */
  serve?: number;
  host: string;
}

/** Stories alive on the compacted stories topic: the latest record per key, a tombstone removing its key. */
async function countStories(broker: MessageBroker): Promise<number> {
  const live = new Set<string>();
  await broker.scan([TOPICS.eventsEnriched], (m) => {
    if (m.value === null) live.delete(m.key ?? '');
    else live.add(m.key ?? '');
  });
  return live.size;
}

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

/**
 * Runs the four stages in this process and feeds them the files: over an
 * in-memory broker (embedded) or, with --brokers, over Kafka under a run
 * prefix of its own. When the pipeline has drained, the chosen topics are
 * written as NDJSON; a compacted topic as its latest record per key.
 * Progress and the closing summary go to stderr, the records alone to
 * stdout. With --serve, the aggregator then keeps serving the page, the
 * story API and the live stream until SIGINT or SIGTERM.
 */
export async function runCommand(paths: string[], options: RunOptions, stderr: ProgressStream = process.stderr): Promise<void> {
  const started = Date.now();
  const memory = options.brokers ? null : new InMemoryMessageBroker();
  const kafka = options.brokers ? new KafkaMessageBroker({ brokers: parseBrokers(options.brokers), clientId: 'eventwire-cli' }) : null;
  const prefix = kafka ? (options.prefix ?? `run-${Date.now()}-${randomBytes(3).toString('hex')}.`) : '';
  const broker: MessageBroker = kafka ? (prefix ? new PrefixedMessageBroker(kafka, prefix) : kafka) : memory!;
  const logger = new JsonLogger('cli', options.logLevel);
  const pipeline = await launch(STAGES, { broker, logger, http: options.serve === undefined ? undefined : { port: options.serve, host: options.host } });
  const progress = new ProgressLine(async () => formatRunProgress(await runCounts(broker), Date.now() - started), {
    stream: stderr,
    everySeconds: options.progressEvery,
  });
  void progress.tick();
  let sent = 0;
  let summarised = false;
  // The summary whether the run drained or not (once: before --serve starts serving, else at the end): over Kafka
  // it names the prefix that `eventwire audit` needs to say where the articles are.
  const summarise = async (): Promise<void> => {
    if (summarised) return;
    summarised = true;
    let counts: RunCounts = { raw: sent, ingested: 0, translated: 0, extracted: 0, storyUpdates: 0, deadLetters: {} };
    let stories = 0;
    try {
      counts = await runCounts(broker);
      stories = await countStories(broker);
    } catch (error) {
      logger.warn({ msg: 'the run summary could not read the topics', error: (error as Error).message });
    }
    stderr.write(formatRunSummary({ counts, stories, elapsedMs: Date.now() - started, kafka: options.brokers ? { brokers: options.brokers, prefix } : undefined }));
  };
  try {
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
    progress.stop();

    const writer = new NdjsonWriter(options.out);
    for (const topic of options.topics.split(',').map((t) => t.trim()).filter(Boolean)) {
      const messages = memory ? memory.read(topic) : await readTopic(kafka!, prefix + topic);
      const shown = COMPACTED_TOPICS.has(topic) && !options.allVersions ? latestPerKey(messages) : messages;
      for (const m of shown) writer.write(toOutputLine(m, topic));
    }
    await writer.close();
    if (pipeline.url) {
      await summarise();
      // Stdout carries the NDJSON; where to look goes to stderr, whatever the log level.
      stderr.write(`eventwire: serving the page at ${pipeline.url} (the API under ${pipeline.url}v1/); Ctrl-C stops\n`);
      await stopSignal();
    }
  } finally {
    progress.stop();
    await summarise();
    await pipeline.close();
    await broker.close();
  }
}
