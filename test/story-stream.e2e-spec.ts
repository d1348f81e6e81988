import { EventExtractedV1, TOPICS } from '@eventwire/contracts';
import { Producer } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { extractedSeeds, seedCopy } from './support/seed-events';
import { freePort, ServiceProcess, waitFor } from './support/service-process';
import { rssMiB, subscribeToStories as subscribe } from './support/sse-subscriber';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { TopicCollector } from './support/topic-collector';

/** Sizes of the load; `npm test` runs the small one, the README's figures come from SSE_LOAD_READERS=200 SSE_LOAD_STALLED=50 SSE_LOAD_SECONDS=20. */
const READERS = Number(process.env.SSE_LOAD_READERS ?? 20);
const STALLED = Number(process.env.SSE_LOAD_STALLED ?? 10);
const SECONDS = Number(process.env.SSE_LOAD_SECONDS ?? 6);
const MAX_CLIENTS = READERS + STALLED;

/**
 * The aggregator's live stream under load, on the real broker and
 * PostgreSQL: subscribers past SSE_MAX_CLIENTS get 503, subscribers that
 * never read are dropped once their bounded buffer is full while the
 * others keep getting every update, and the process's memory stays bounded.
 */
describe('aggregator live stream: subscriber cap, bounded buffers, stalled subscribers dropped', () => {
  const brokers = process.env.KAFKA_BROKERS!;
  const prefix = `sse-${randomBytes(4).toString('hex')}.`;
  let database: TestDatabase;
  let producer: Producer;
  let aggregator: ServiceProcess | null = null;
  let seeds: EventExtractedV1[];
  let port = 0;

  beforeAll(async () => {
    seeds = await extractedSeeds();
    port = await freePort();
    database = await createTestDatabase();
    producer = TopicCollector.kafka(brokers).producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
  });

  afterAll(async () => {
    await aggregator?.stop();
    await producer?.disconnect();
    await database?.drop();
  });

  afterEach(() => {
    if (aggregator && !aggregator.running) process.stderr.write(aggregator.logs());
  });

  it(`holds ${READERS} readers and ${STALLED} stalled subscribers for ${SECONDS} s with memory bounded`, async () => {
    aggregator = new ServiceProcess('aggregator', {
      HTTP_PORT: String(port),
      KAFKA_BROKERS: brokers,
      KAFKA_TOPIC_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.url,
      STORY_EMIT_INTERVAL_MS: '500',
      SSE_MAX_CLIENTS: String(MAX_CLIENTS),
      SSE_CLIENT_BUFFER_BYTES: String(256 * 1024),
    });
    await waitFor('the story API', async () => ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok ? true : undefined), 60_000);
    const pid = aggregator.child.pid!;
    const rssBefore = rssMiB(pid);

    const readers = await Promise.all(Array.from({ length: READERS }, () => subscribe(port, true)));
    const stalled = await Promise.all(Array.from({ length: STALLED }, () => subscribe(port, false)));
    expect([...readers, ...stalled].every((c) => c.status() === 200)).toBe(true);
    // One more than the cap.
    const refused = await fetch(`http://127.0.0.1:${port}/v1/stories/stream`);
    expect(refused.status).toBe(503);

    // Articles all along: ten stories that grow, each published at most twice a second.
    let peak = rssBefore;
    let copy = 0;
    const deadline = Date.now() + SECONDS * 1000;
    while (Date.now() < deadline) {
      const batch = Array.from({ length: 10 }, () => seedCopy(seeds, copy++, 10)).flat();
      await producer.send({ topic: prefix + TOPICS.eventsExtracted, messages: batch.map((e) => ({ key: e.articleId, value: JSON.stringify(e) })) });
      peak = Math.max(peak, rssMiB(pid));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const logs = (): string => aggregator!.logs();
    await waitFor('every stalled subscriber dropped', async () => ((logs().match(/subscriber dropped: not reading/g) ?? []).length >= STALLED ? true : undefined), 60_000);
    const rssAfter = rssMiB(pid);
    process.stdout.write(
      `SSE load: ${READERS} readers, ${STALLED} stalled, ${SECONDS} s, ${copy * seeds.length} articles; aggregator rss ${rssBefore.toFixed(0)} MiB before, ` +
        `${peak.toFixed(0)} MiB peak, ${rssAfter.toFixed(0)} MiB after; each reader got ${(Math.min(...readers.map((r) => r.bytes())) / 2 ** 20).toFixed(1)} MiB or more\n`,
    );

    // Readers were never dropped, and got the stories; stalled ones were.
    if (readers.some((r) => r.closed())) process.stderr.write(logs());
    expect(readers.every((r) => !r.closed())).toBe(true);
    expect(Math.min(...readers.map((r) => r.bytes()))).toBeGreaterThan(256 * 1024);
    // Bounded: the cap times the buffer and the socket's own, beside what the aggregator holds anyway.
    expect(rssAfter - rssBefore).toBeLessThan(400);

    // The dropped subscribers' places are free again.
    const again = await subscribe(port, true);
    expect(again.status()).toBe(200);

    // SIGTERM with subscribers connected: their streams are ended and the process exits without being killed.
    const started = Date.now();
    await aggregator.stop('SIGTERM', 15_000);
    expect(aggregator.child.signalCode).not.toBe('SIGKILL');
    expect(Date.now() - started).toBeLessThan(15_000);
    aggregator = null;
    for (const client of [...readers, ...stalled, again]) client.socket.destroy();
  });
});
