import { StoryClusterer } from '@eventwire/clustering';
import { EventExtractedV1, StoryEnrichedV1, TOPICS } from '@eventwire/contracts';
import { EventExtractor } from '@eventwire/extraction';
import { ArticleIngester } from '@eventwire/ingestion';
import { KnowledgeBase } from '@eventwire/kb';
import { ArticleTranslator, KbTermMatcher, StubTranslationEngine } from '@eventwire/translation';
import { Kafka, Producer } from 'kafkajs';
import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, ServiceProcess, waitFor } from './support/service-process';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { TopicCollector } from './support/topic-collector';

const SEEDS = join(__dirname, '..', 'seeds');

/** Seed articles, and variants of them under other outlets and dates, through the real stages: a stream with several stories. */
async function extractedStream(): Promise<EventExtractedV1[]> {
  const kb = KnowledgeBase.bundled();
  const ingester = new ArticleIngester({ maxBodyBytes: 8 * 1024 * 1024 });
  const translator = new ArticleTranslator(new StubTranslationEngine(new KbTermMatcher(kb)), 'en');
  const extractor = new EventExtractor(kb);
  const out: EventExtractedV1[] = [];
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
  for (const [copy, year] of [['', 2022], ['b', 2023], ['c', 2024]] as const) {
    for (const file of files) {
      const body = readFileSync(join(SEEDS, file), 'utf8');
      const ingested = ingester.ingest({ body, file: `${copy}${file}`, outlet: `outlet-${copy}${file.slice(0, 3)}`, format: 'txt' });
      const event = extractor.extract(await translator.translate(ingested));
      // Each copy is a story of its own year: the same text, a year apart, is not the same story.
      const shift = (d: string | null): string | null => (d === null ? null : `${year}${d.slice(4)}`);
      // Published in its year too: stories are matched within a window of publication times.
      const publishedAt = `${year}-01-11T08:0${file.slice(2, 3)}:00.000Z`;
      out.push({ ...event, articleId: `${event.articleId}${copy}`, publishedAt, eventDate: { ...event.eventDate, date: shift(event.eventDate.date) } });
    }
  }
  return out;
}

/** Stories as sets of article ids: what must come out the same however the stream was interrupted. */
function membership(stories: Iterable<StoryEnrichedV1>): string[][] {
  return [...stories].map((s) => s.articles.map((a) => a.articleId).sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/**
 * The aggregator as a service over the real broker and a real PostgreSQL:
 * killed with SIGKILL mid-stream and started again, then fed the whole
 * stream a second time, it ends with the stories a single uninterrupted
 * pass makes, every article counted once.
 */
describe('aggregator over Kafka and PostgreSQL (restart, replay, query API and live stream)', () => {
  const brokers = process.env.KAFKA_BROKERS!;
  const prefix = `agg-${randomBytes(4).toString('hex')}.`;
  let database: TestDatabase;
  let kafka: Kafka;
  let producer: Producer;
  let stories: TopicCollector;
  let aggregator: ServiceProcess | null = null;
  let events: EventExtractedV1[];
  let port = 0;
  const api = async <T>(path: string): Promise<{ status: number; body: T }> => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    return { status: response.status, body: (await response.json()) as T };
  };

  const env = (): Record<string, string> => ({
    HTTP_PORT: String(port),
    KAFKA_BROKERS: brokers,
    KAFKA_TOPIC_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    STORY_EMIT_INTERVAL_MS: '200',
  });
  const send = (batch: EventExtractedV1[]) =>
    producer.send({ topic: prefix + TOPICS.eventsExtracted, messages: batch.map((e) => ({ key: e.articleId, value: JSON.stringify(e) })) });
  const storedArticles = async (): Promise<number> => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const rows = await client.query<{ n: string }>('SELECT count(*) AS n FROM articles');
      return Number(rows.rows[0]!.n);
    } catch {
      return 0; // Not migrated yet.
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    events = await extractedStream();
    port = await freePort();
    database = await createTestDatabase();
    kafka = TopicCollector.kafka(brokers);
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
  });

  afterAll(async () => {
    await aggregator?.stop();
    await stories?.stop();
    await producer?.disconnect();
    await database?.drop();
  });

  afterEach(() => {
    if (aggregator && !aggregator.running) process.stderr.write(aggregator.logs());
  });

  it('survives a SIGKILL mid-stream and a full replay with the stories of one clean pass', async () => {
    const reference = new StoryClusterer();
    for (const e of events) reference.add(e);
    const expected = membership([...reference.stories()].map((s) => ({ articles: s.articles.map((a) => ({ articleId: a.articleId })) }) as StoryEnrichedV1));
    expect(expected.length).toBeGreaterThanOrEqual(3);

    aggregator = new ServiceProcess('aggregator', env());
    const admin = kafka.admin();
    await admin.connect();
    await waitFor('the aggregator to create its topics', async () =>
      (await admin.listTopics()).includes(prefix + TOPICS.eventsEnriched) ? true : undefined,
    );
    await admin.disconnect();
    stories = await new TopicCollector(kafka, prefix + TOPICS.eventsEnriched).start();

    const half = Math.ceil(events.length / 2);
    await send(events.slice(0, half));
    await waitFor('the first half in the store', async () => ((await storedArticles()) >= half - 2 ? true : undefined), 120_000);
    await aggregator.stop('SIGKILL');

    aggregator = new ServiceProcess('aggregator', env());
    await waitFor('the story API', async () => ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok ? true : undefined), 60_000);
    // Subscribed before the rest of the stream: every story it changes must come down the line.
    const live = new AbortController();
    const sse = await fetch(`http://127.0.0.1:${port}/v1/stories/stream`, { signal: live.signal });
    expect(sse.headers.get('content-type')).toContain('text/event-stream');
    let streamed = '';
    const reading = (async () => {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of sse.body as unknown as AsyncIterable<Uint8Array>) streamed += decoder.decode(chunk, { stream: true });
      } catch {
        // Aborted at the end of the test.
      }
    })();
    await send(events.slice(half));
    await send(events); // The whole stream again: every article a second time.
    await waitFor('every article in the store', async () => ((await storedArticles()) === events.length ? true : undefined), 120_000);
    const final = await waitFor(
      'the published stories to hold every article once',
      async () => {
        const latest = [...stories.latestByKey<StoryEnrichedV1>().values()];
        const counted = latest.reduce((n, s) => n + s.numArticles, 0);
        return counted === events.length ? latest : undefined;
      },
      60_000,
    );
    expect(membership(final)).toEqual(expected);
    const ids = final.flatMap((s) => s.articles.map((a) => a.articleId));
    expect(new Set(ids).size).toBe(events.length);
    expect(await storedArticles()).toBe(events.length);
    for (const story of final) expect(story.version).toBeGreaterThanOrEqual(story.numArticles);

    // The live stream carried the stories the second half changed, as `story` events with their records.
    await waitFor('story events on the live stream', async () => (/event: story/.test(streamed) ? true : undefined), 30_000);
    live.abort();
    await reading;
    const streamedIds = [...streamed.matchAll(/^data: (.+)$/gm)].map((m) => (JSON.parse(m[1]!) as { storyId: string }).storyId);
    expect(streamedIds.length).toBeGreaterThan(0);
    for (const id of streamedIds) expect(final.some((s) => s.storyId === id || (s.mergedFrom ?? []).includes(id))).toBe(true);

    // The query API over the same store.
    const all = await api<{ stories: StoryEnrichedV1[]; total: number }>('/v1/stories?limit=200');
    expect(all.status).toBe(200);
    expect(membership(all.body.stories)).toEqual(expected);
    // Dates: the 2023 story, and stories with no date at all (nothing places them outside the range); not 2022 or 2024.
    const kaz = await api<{ stories: StoryEnrichedV1[]; total: number }>('/v1/stories?country=KAZ&from=2023-01-01&to=2023-12-31');
    const years = kaz.body.stories.map((s) => s.dateRange.start?.slice(0, 4) ?? 'undated');
    expect(years).toContain('2023');
    expect(years.every((y) => y === '2023' || y === 'undated')).toBe(true);
    expect(kaz.body.total).toBe(final.filter((s) => s.dateRange.start === null || s.dateRange.start.startsWith('2023')).length);
    expect((await api<{ total: number }>('/v1/stories?entity=org:csto')).body.total).toBe(expected.length);
    expect((await api<{ total: number }>('/v1/stories?country=kazakhstan')).status).toBe(400);
    const one = await api<StoryEnrichedV1>(`/v1/stories/${final[0]!.storyId}`);
    expect(one.body.articles.length).toBe(final[0]!.numArticles);
    expect(one.body.events!.length).toBeGreaterThanOrEqual(1);
    const article = await api<{ storyId: string; article: EventExtractedV1 }>(`/v1/articles/${events[0]!.articleId}`);
    expect(article.body.article.articleId).toBe(events[0]!.articleId);
    // The text its spans point into comes with the article, and only there: story records stay small.
    expect(article.body.article.body).toBe(events[0]!.body);
    const mention = article.body.article.entities[0]!.mentions[0]!;
    expect(article.body.article.body!.slice(mention.start, mention.end)).toBe(mention.text);
    expect(JSON.stringify(all.body.stories)).not.toContain('"body"');
    expect(final.find((s) => s.storyId === article.body.storyId)!.articles.map((a) => a.articleId)).toContain(events[0]!.articleId);
    expect((await api('/v1/stories/no-such-story')).status).toBe(404);
    const openapi = await api<{ paths: Record<string, unknown> }>('/v1/openapi.json');
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(['/v1/stories', '/v1/stories/{id}', '/v1/articles/{id}', '/v1/stories/stream']));
    expect((await api<{ title?: string }>('/v1/schemas/events.enriched.v1.schema.json')).status).toBe(200);
  });
});
