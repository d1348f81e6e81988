import { KafkaMessageBroker, MessageBroker, OutboundMessage, parseBrokers, PrefixedMessageBroker } from '@eventwire/kafka';
import { BatchLine, BatchSender, BatchTally } from './batch-sender';
import { formatDuration, formatRate, ProgressLine, ProgressStream, remainingMs } from './progress-line';
import { articleFiles, readRecords } from './raw-records';

export interface IngestOptions {
  url?: string;
  brokers?: string;
  prefix?: string;
  token?: string;
  /** Batches in flight at once over HTTP. */
  concurrency: number;
  /** Articles per batch request (or per send onto the raw topic). */
  batch: number;
  /** Seconds between progress lines when stderr is not a terminal; 0: none there. */
  progressEvery: number;
}

/** A batch request stays well under the ingestor's INGEST_MAX_BATCH_BYTES (16 MiB by default) whatever --batch says. */
export const MAX_BATCH_REQUEST_BYTES = 4 * 1024 * 1024;

/** Refused lines printed one by one before only the counts go on. */
const PROBLEMS_SHOWN = 20;

const n = (x: number): string => x.toLocaleString('en-US');
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/** The progress line: how far into the files, what the ingestor made of it, the pace and the time left. */
export function formatIngestProgress(t: BatchTally, bytesRead: number, totalBytes: number, elapsedMs: number): string {
  const share = totalBytes > 0 ? Math.floor((100 * bytesRead) / totalBytes) : 100;
  const left = remainingMs(bytesRead, totalBytes, elapsedMs);
  return (
    `ingest ${share}% (${mb(bytesRead)} of ${mb(totalBytes)}): ${n(t.sent)} sent, ${n(t.accepted)} accepted, ${n(t.refused)} refused, ${n(t.failed)} failed; ` +
    `${formatRate(t.sent, elapsedMs)}, ${left === undefined ? 'time left unknown' : `${formatDuration(left)} left`}`
  );
}

/** What an ingest did, printed at its end whatever happened. */
export function formatIngestSummary(t: BatchTally, elapsedMs: number): string {
  const reasons = Object.entries(t.reasons)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, count]) => `${reason} ${n(count)}`)
    .join(', ');
  return (
    `eventwire ingest: ${n(t.sent)} articles sent, ${n(t.accepted)} accepted, ${n(t.refused)} refused, ${n(t.failed)} failed` +
    ` in ${formatDuration(elapsedMs)} (${formatRate(t.sent, elapsedMs)})${reasons ? `; ${reasons}` : ''}\n`
  );
}

/**
 * Feeds files to a running deployment, over its HTTP API in NDJSON batches
 * (`POST /v1/articles/batch`) or straight onto `articles.raw.v1`. The files
 * are read as they are sent, at most `concurrency` batches ahead of the
 * answers, so a dump of any size goes through in bounded memory.
 */
export async function ingestCommand(paths: string[], options: IngestOptions, stderr: ProgressStream = process.stderr): Promise<void> {
  if (!options.url === !options.brokers) throw new Error('give exactly one of --url or --brokers');
  const started = Date.now();
  const { files, bytes: totalBytes } = await articleFiles(paths);
  let shown = 0;
  const sender = new BatchSender({
    url: options.url ?? 'http://unused',
    token: options.token,
    onProblem: (origin, error, message) => {
      if (++shown <= PROBLEMS_SHOWN) stderr.write(`${origin}: ${error}: ${message}\n`);
      else if (shown === PROBLEMS_SHOWN + 1) stderr.write(`(further refused or failed lines are only counted)\n`);
    },
  });
  const tally = sender.tally;
  let bytesRead = 0;
  const progress = new ProgressLine(() => formatIngestProgress(tally, bytesRead, totalBytes, Date.now() - started), {
    stream: stderr,
    everySeconds: options.progressEvery,
  });
  void progress.tick();
  try {
    if (options.url) await overHttp(files, options, sender, (b) => (bytesRead = b));
    else await ontoKafka(files, options, tally, (b) => (bytesRead = b));
  } finally {
    progress.stop();
    stderr.write(formatIngestSummary(tally, Date.now() - started));
  }
  if (tally.refused > 0 || tally.failed > 0) process.exitCode = 2;
}

async function overHttp(files: string[], options: IngestOptions, sender: BatchSender, read: (bytes: number) => void): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  let fatal: unknown;
  const dispatch = async (batch: BatchLine[]): Promise<void> => {
    const sending = sender.send(batch).catch((error: unknown) => void (fatal ??= error));
    inFlight.add(sending);
    void sending.finally(() => inFlight.delete(sending));
    // Backpressure: the file is read no further than `concurrency` batches ahead of the ingestor's answers.
    while (inFlight.size >= options.concurrency) await Promise.race(inFlight);
    if (fatal) throw fatal;
  };
  let batch: BatchLine[] = [];
  let batchBytes = 0;
  for await (const { record, bytesRead } of readRecords(files)) {
    const text = typeof record.value === 'string' ? record.value : (record.value?.toString('utf8') ?? '');
    if (batch.length > 0 && (batch.length >= options.batch || batchBytes + Buffer.byteLength(text) > MAX_BATCH_REQUEST_BYTES)) {
      await dispatch(batch);
      batch = [];
      batchBytes = 0;
    }
    batch.push({ origin: record.key ?? '', text });
    batchBytes += Buffer.byteLength(text) + 1;
    read(bytesRead);
  }
  if (batch.length > 0) await dispatch(batch);
  await Promise.all(inFlight);
  if (fatal) throw fatal;
}

async function ontoKafka(files: string[], options: IngestOptions, tally: BatchTally, read: (bytes: number) => void): Promise<void> {
  const kafka = new KafkaMessageBroker({ brokers: parseBrokers(options.brokers!), clientId: 'eventwire-cli' });
  const broker: MessageBroker = options.prefix ? new PrefixedMessageBroker(kafka, options.prefix) : kafka;
  try {
    let chunk: OutboundMessage[] = [];
    const flush = async (): Promise<void> => {
      tally.sent += chunk.length;
      await broker.send(chunk);
      tally.accepted += chunk.length;
      chunk = [];
    };
    for await (const { record, bytesRead } of readRecords(files)) {
      chunk.push(record);
      read(bytesRead);
      if (chunk.length >= options.batch) await flush();
    }
    if (chunk.length > 0) await flush();
  } finally {
    await broker.close();
  }
}
