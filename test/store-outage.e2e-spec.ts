import { dlqTopic, EventExtractedV1, StoryEnrichedV1, TOPICS } from '@eventwire/contracts';
import { Admin, Kafka, Producer } from 'kafkajs';
import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { seedEventStream } from './support/extracted-stream';
import { freePort, ServiceProcess, waitFor } from './support/service-process';
import { ADMIN_DATABASE_URL, createTestDatabase, TestDatabase } from './support/test-database';
import { TopicCollector } from './support/topic-collector';

const YEARS = 30; // 150 articles, 30 stories of five

async function sql<T = Record<string, unknown>>(url: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * The aggregator as a service on the real broker and PostgreSQL while the
 * database goes away under it: its connections cut (what a restart or a
 * failover does), its articles table taken away and given back (an
 * operator's mistake). No valid article is dead-lettered, every one is
 * stored once and counted once in the published stories, `/readyz` says 503
 * while the store is away, and SIGTERM ends the process promptly even then.
 */
describe('aggregator while the database goes away and comes back', () => {
  const brokers = process.env.KAFKA_BROKERS!;
  let events: EventExtractedV1[];
  let kafka: Kafka;
  let producer: Producer;
  let admin: Admin;
  const cleanup: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    events = await seedEventStream(YEARS);
    kafka = TopicCollector.kafka(brokers);
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    admin = kafka.admin();
    await admin.connect();
  });

  afterAll(async () => {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
    await admin?.disconnect();
    await producer?.disconnect();
  });

  /** A fresh prefix, database and aggregator; its topic of stories collected from the start. */
  async function setUp(): Promise<{
    prefix: string;
    database: TestDatabase;
    port: number;
    start: () => ServiceProcess;
    aggregator: () => ServiceProcess;
    stories: TopicCollector;
    send: (batch: EventExtractedV1[]) => Promise<unknown>;
    stored: () => Promise<number>;
    deadLettered: () => Promise<number>;
    readyz: () => Promise<number>;
  }> {
    const prefix = `outage-${randomBytes(4).toString('hex')}.`;
    const database = await createTestDatabase();
    cleanup.push(() => database.drop());
    const port = await freePort();
    const env = {
      HTTP_PORT: String(port),
      KAFKA_BROKERS: brokers,
      KAFKA_TOPIC_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.url,
      STORY_EMIT_INTERVAL_MS: '200',
    };
    let current: ServiceProcess | null = null;
    const start = (): ServiceProcess => {
      const service = new ServiceProcess('aggregator', env);
      cleanup.push(async () => {
        if (service.running) process.stderr.write(service.logs().slice(-4000));
        await service.stop('SIGKILL');
      });
      current = service;
      return service;
    };
    start();
    await waitFor('the aggregator to create its topics', async () => ((await admin.listTopics()).includes(prefix + TOPICS.eventsEnriched) ? true : undefined), 120_000);
    const stories = await new TopicCollector(kafka, prefix + TOPICS.eventsEnriched).start();
    cleanup.push(() => stories.stop());
    return {
      prefix,
      database,
      port,
      start,
      aggregator: () => current!,
      stories,
      send: (batch) => producer.send({ topic: prefix + TOPICS.eventsExtracted, messages: batch.map((e) => ({ key: e.articleId, value: JSON.stringify(e) })) }),
      stored: async () => {
        const [row] = await sql<{ n: string }>(database.url, 'SELECT count(*) AS n FROM articles').catch(() => [{ n: '-1' }]);
        return Number(row!.n);
      },
      deadLettered: async () => (await admin.fetchTopicOffsets(prefix + dlqTopic(TOPICS.eventsExtracted))).reduce((n, p) => n + Number(p.high), 0),
      readyz: async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).status,
    };
  }

  /** Every article stored once, none dead-lettered, and the published stories count each article once. */
  async function expectAccounted(run: Awaited<ReturnType<typeof setUp>>, articles: EventExtractedV1[]): Promise<void> {
    await waitFor('every article in the store', async () => ((await run.stored()) === articles.length ? true : undefined), 120_000);
    const ids = await sql<{ article_id: string }>(run.database.url, 'SELECT article_id FROM articles');
    expect(new Set(ids.map((r) => r.article_id))).toEqual(new Set(articles.map((e) => e.articleId)));
    expect(await run.deadLettered()).toBe(0);
    const final = await waitFor(
      'the published stories to hold every article once',
      async () => {
        const latest = [...run.stories.latestByKey<StoryEnrichedV1>().values()];
        return latest.reduce((n, s) => n + s.numArticles, 0) === articles.length ? latest : undefined;
      },
      60_000,
    );
    const inStories = final.flatMap((s) => s.articles.map((a) => a.articleId));
    expect(inStories.length).toBe(articles.length);
    expect(new Set(inStories)).toEqual(new Set(articles.map((e) => e.articleId)));
  }

  it('an article the database refuses for its content (a NUL in jsonb, SQLSTATE 22P05) is dead-lettered with the reason; the rest of its chunk is stored', async () => {
    const run = await setUp();
    const batch = events.slice(0, 10);
    const poisoned = { ...batch[4]!, title: `Dammam\u0000plant` };
    await run.send([...batch.slice(0, 4), poisoned, ...batch.slice(5)]);
    const good = batch.filter((_, i) => i !== 4);
    await waitFor('the dead letter', async () => ((await run.deadLettered()) === 1 ? true : undefined), 60_000);
    await waitFor('the others in the store', async () => ((await run.stored()) === good.length ? true : undefined), 60_000);
    const dead = await new TopicCollector(kafka, run.prefix + dlqTopic(TOPICS.eventsExtracted)).start();
    cleanup.push(() => dead.stop());
    await waitFor('the dead letter read', async () => (dead.records.length === 1 ? true : undefined), 30_000);
    expect(dead.records[0]!.headers['eventwire-dlq-reason']).toBe('SQLSTATE_22P05');
    expect(dead.records[0]!.key).toBe(poisoned.articleId);
    const ids = await sql<{ article_id: string }>(run.database.url, 'SELECT article_id FROM articles');
    expect(new Set(ids.map((r) => r.article_id))).toEqual(new Set(good.map((e) => e.articleId)));
    expect(await run.readyz()).toBe(200);
  });

  it('connections terminated again and again mid-stream: every article stored once, none dead-lettered', async () => {
    const run = await setUp();
    const name = new URL(run.database.url).pathname.slice(1);
    let terminated = 0;
    for (let i = 0; i < events.length; i += 10) {
      await run.send(events.slice(i, i + 10));
      await new Promise((resolve) => setTimeout(resolve, 150));
      if (i % 30 === 20) {
        const rows = await sql(ADMIN_DATABASE_URL, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
        terminated += rows.length;
      }
    }
    expect(terminated).toBeGreaterThan(0);
    await expectAccounted(run, events);
    expect(await run.readyz()).toBe(200);
  });

  it('the articles table taken away mid-stream and given back: not ready meanwhile, nothing dead-lettered, all stored after; SIGTERM prompt during an outage', async () => {
    const run = await setUp();
    const half = events.length / 2;
    await run.send(events.slice(0, half));
    await waitFor('the first half in the store', async () => ((await run.stored()) === half ? true : undefined), 120_000);
    expect(await run.readyz()).toBe(200);

    // The table away (SQLSTATE 42P01 on every statement that names it), with articles still coming.
    await sql(run.database.url, 'ALTER TABLE articles RENAME TO articles_away');
    const outageStart = Date.now();
    await run.send(events.slice(half));
    await waitFor('/readyz to say 503', async () => ((await run.readyz()) === 503 ? true : undefined), 30_000);
    const report = (await (await fetch(`http://127.0.0.1:${run.port}/readyz`)).json()) as { waiting: Record<string, { reason: string }> };
    expect(Object.values(report.waiting).map((w) => w.reason)).toContain('SQLSTATE_42P01');
    // Longer than the 3 s after which the old rule dead-lettered good articles.
    while (Date.now() - outageStart < 8000) {
      expect(await run.deadLettered()).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }

    await sql(run.database.url, 'ALTER TABLE articles_away RENAME TO articles');
    const back = Date.now();
    await waitFor('every article in the store', async () => ((await run.stored()) === events.length ? true : undefined), 120_000);
    const recovered = Date.now() - back;
    await waitFor('/readyz to say 200', async () => ((await run.readyz()) === 200 ? true : undefined), 30_000);
    process.stdout.write(`store outage of ${back - outageStart} ms: all articles stored ${recovered} ms after the table came back\n`);
    expect(recovered).toBeLessThan(20_000);
    await expectAccounted(run, events);

    // SIGTERM while the table is away and an article waits for it: the process exits promptly, the article goes in at the next start.
    const late = (await seedEventStream(YEARS + 1)).slice(events.length);
    await sql(run.database.url, 'ALTER TABLE articles RENAME TO articles_away');
    await run.send(late);
    await waitFor('/readyz to say 503', async () => ((await run.readyz()) === 503 ? true : undefined), 30_000);
    const stopping = Date.now();
    await run.aggregator().stop('SIGTERM', 30_000);
    const exitMs = Date.now() - stopping;
    process.stdout.write(`SIGTERM during the outage: exited in ${exitMs} ms\n`);
    expect(exitMs).toBeLessThan(10_000);
    // Nest closed the app (the consumer's wait ended by the shutdown) and re-raised the signal: not a crash, not a SIGKILL.
    expect(run.aggregator().child.signalCode ?? run.aggregator().child.exitCode).toBe('SIGTERM');
    expect(run.aggregator().logs()).not.toMatch(/"level":"(error|fatal)".*(shutdown|Unhandled)/);
    expect(await run.deadLettered()).toBe(0);
    await sql(run.database.url, 'ALTER TABLE articles_away RENAME TO articles');
    run.start();
    await expectAccounted(run, [...events, ...late]);
  });
});
