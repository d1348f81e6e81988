import { dlqTopic, StoryEnrichedV1, TOPICS } from '@eventwire/contracts';
import { KafkaMessageBroker, parseBrokers, PrefixedMessageBroker } from '@eventwire/kafka';
import { AuditReport, auditPipeline, stageLags } from '@eventwire/stages';
import { Kafka } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, ServiceName, ServiceProcess, waitFor } from './support/service-process';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { TopicCollector } from './support/topic-collector';

const SEEDS = join(__dirname, '..', 'seeds');
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

/**
 * The four services as separate processes over the real broker: seeds posted
 * over HTTP become one story; a repeated article is counted once; bad records
 * on articles.raw.v1 land in the dead-letter topic with the reason.
 */
describe('pipeline over Kafka (four service processes)', () => {
  const brokers = process.env.KAFKA_BROKERS!;
  const prefix = `e2e-${randomBytes(4).toString('hex')}.`;
  const services: ServiceProcess[] = [];
  let baseUrl = '';
  let kafka: Kafka;
  let stories: TopicCollector;
  let rawDlq: TopicCollector;
  let database: TestDatabase;

  const post = (path: string, body: string, contentType = 'application/json'): Promise<Response> =>
    fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    database = await createTestDatabase();
    const env = {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: brokers,
      KAFKA_TOPIC_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      HTTP_PORT: String(port),
      INGEST_MAX_BODY_BYTES: String(64 * 1024),
    };
    const aggregatorPort = await freePort();
    for (const name of ['aggregator', 'extractor', 'translator', 'ingestor'] as ServiceName[]) {
      services.push(new ServiceProcess(name, name === 'aggregator' ? { ...env, HTTP_PORT: String(aggregatorPort) } : env));
    }
    await waitFor('the ingestor HTTP API', async () => ((await fetch(`${baseUrl}/healthz`)).ok ? true : undefined), 120_000);
    kafka = TopicCollector.kafka(brokers);
    stories = await new TopicCollector(kafka, prefix + TOPICS.eventsEnriched).start();
    rawDlq = await new TopicCollector(kafka, prefix + dlqTopic(TOPICS.articlesRaw)).start();
  });

  afterAll(async () => {
    await stories?.stop();
    await rawDlq?.stop();
    await Promise.all(services.map((s) => s.stop()));
    await database?.drop();
  });

  afterEach(() => {
    const dead = services.filter((s) => !s.running);
    if (dead.length > 0) process.stderr.write(dead.map((s) => s.logs()).join('\n'));
  });

  it('turns the five seed articles posted over HTTP into one story holding all five', async () => {
    const ids: string[] = [];
    for (const file of seedFiles) {
      const response = await post('/v1/articles', JSON.stringify({ body: readFileSync(join(SEEDS, file), 'utf8'), title: undefined }));
      expect(response.status).toBe(202);
      ids.push(((await response.json()) as { articleId: string }).articleId);
    }
    expect(new Set(ids).size).toBe(5);

    const story = await waitFor('a story with five articles', async () =>
      [...stories.latestByKey<StoryEnrichedV1>().values()].find((s) => s.numArticles === 5),
    );
    expect(stories.latestByKey<StoryEnrichedV1>().size).toBe(1);
    expect(story.articles.map((a) => a.articleId).sort()).toEqual([...ids].sort());
    expect(story.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['country:KAZ', 'country:RUS']));
    expect(story.version).toBeGreaterThanOrEqual(5);
    // No MT service is configured: the stub's gist names the story and each article in English, and says it is a gist.
    expect(story.titleEn).toMatch(/^\[gist\] .*Kazakhstan$/);
    for (const article of story.articles) expect(article.titleEn).toMatch(/^\[gist\] .*Kazakhstan$/);
    // The translator's default target is English: the translated titles say so, and the deprecated titleEn is the same text.
    expect(story.titleTranslation).toEqual({ language: 'en', text: story.titleEn });
    for (const article of story.articles) expect(article.titleTranslation).toEqual({ language: 'en', text: article.titleEn });
    expect(story.articles.map((a) => a.titleEn)).toEqual(expect.arrayContaining(['[gist] Sergei Shoigu · CSTO · Kazakhstan']));
  });

  it('counts an article sent twice once', async () => {
    const body = JSON.stringify({ body: readFileSync(join(SEEDS, seedFiles[0]!), 'utf8') });
    const first = (await (await post('/v1/articles', body)).json()) as { articleId: string };
    const second = (await (await post('/v1/articles', body)).json()) as { articleId: string };
    expect(second.articleId).toBe(first.articleId);

    // A marker article behind the duplicates: once its story appears, the duplicates have been through the aggregator.
    const marker = await post('/v1/articles', JSON.stringify({ body: 'Floods in Porto Alegre, Brazil, forced 20,000 people from their homes on Monday.\n\nBrazil\'s civil defence said rescue teams were working through the night.', language: 'en' }));
    const markerId = ((await marker.json()) as { articleId: string }).articleId;
    await waitFor('the marker story', async () =>
      [...stories.latestByKey<StoryEnrichedV1>().values()].some((s) => s.articles.some((a) => a.articleId === markerId)) ? true : undefined,
    );
    const seedStories = [...stories.latestByKey<StoryEnrichedV1>().values()].filter((s) =>
      s.articles.some((a) => a.articleId === first.articleId),
    );
    expect(seedStories).toHaveLength(1);
    expect(seedStories[0]!.numArticles).toBe(5);
    expect(seedStories[0]!.articles.filter((a) => a.articleId === first.articleId)).toHaveLength(1);
  });

  it('cleans a NUL and a lone surrogate at the door, over HTTP and on articles.raw.v1 alike: the articles reach their stories and the pipeline goes on', async () => {
    const ids: string[] = [];
    for (const raw of [
      '{"title":"Dammam\\u0000plant","body":"Officials in Dammam opened a desalination plant on Sunday, the water authority said."}',
      '{"title":"\\ud800Jeddah port","body":"The port of Jeddah handled a record number of containers in June, its operator said.","language":"en"}',
    ]) {
      const response = await post('/v1/articles', raw);
      expect(response.status).toBe(202);
      ids.push(((await response.json()) as { articleId: string }).articleId);
    }
    // The same two faults in records on the raw topic (other articles: the same text would be the same article).
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: prefix + TOPICS.articlesRaw,
      messages: [
        { key: 'nul', value: '{"title":"Khobar\\u0000bridge","body":"Engineers in Khobar finished the new bridge over the bay on Monday, the municipality said."}' },
        { key: 'surrogate', value: '{"title":"\\udc00Yanbu refinery","body":"The refinery in Yanbu raised its output in July, its operator said.","language":"en"}' },
      ],
    });
    await producer.disconnect();
    const held = await waitFor('stories holding all four articles', async () => {
      const all = [...stories.latestByKey<StoryEnrichedV1>().values()];
      const titles = ['Dammamplant', '\ufffdJeddah port', 'Khobarbridge', '\ufffdYanbu refinery'];
      const found = titles.map((t) => all.find((s) => s.articles.some((a) => a.title === t)));
      return found.every(Boolean) ? found : undefined;
    });
    expect(held.map((s) => s!.articles.find((a) => ids.includes(a.articleId))).filter(Boolean)).toHaveLength(2);
    expect(JSON.stringify(held)).not.toMatch(/\\u0000|\\ud800|\\udc00/);
  });

  it('answers bad HTTP input with 400 or 413 naming the problem', async () => {
    const missing = await post('/v1/articles', JSON.stringify({ title: 'no body' }));
    expect(missing.status).toBe(400);
    const missingBody = (await missing.json()) as { errors: Array<{ field: string }> };
    expect(missingBody.errors.map((e) => e.field)).toContain('body');

    const badDate = await post('/v1/articles', JSON.stringify({ body: 'text', publishedAt: 'yesterday' }));
    expect(badDate.status).toBe(400);
    expect(JSON.stringify(await badDate.json())).toContain('publishedAt');

    const tooLarge = await post('/v1/articles', JSON.stringify({ body: 'ا'.repeat(48 * 1024) }));
    expect(tooLarge.status).toBe(413);

    const batch = await post('/v1/articles/batch', `${JSON.stringify({ body: 'fine' })}\n{not json}\n`, 'application/x-ndjson');
    // Every line refused ('fine' is no article once page chrome is removed): 400, with each line's reason.
    expect(batch.status).toBe(400);
    expect(((await batch.json()) as { refused: Array<{ line: number; error: string }> }).refused).toEqual([
      expect.objectContaining({ line: 1, error: 'NO_CONTENT' }),
      expect.objectContaining({ line: 2, error: 'INVALID_JSON' }),
    ]);
  });

  it('dead-letters invalid records on articles.raw.v1 with the reason in headers', async () => {
    const producer = kafka.producer();
    await producer.connect();
    const chrome = 'رئيس التحرير\nفلان الفلاني\n\nموضوعات ذات صلة\n- عنوان أول\n- عنوان ثان\n- عنوان ثالث\n\nهذا الموقع يستخدم ملفات تعريف الارتباط';
    await producer.send({
      topic: prefix + TOPICS.articlesRaw,
      messages: [
        { key: 'bad-json', value: '{"body": "unterminated' },
        { key: 'no-body', value: JSON.stringify({ title: 'a title but no body' }) },
        { key: 'empty', value: null },
        { key: 'bad-utf8', value: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
        { key: 'only-chrome', value: JSON.stringify({ body: chrome }) },
      ],
    });
    await producer.disconnect();
    const byKey = await waitFor('five dead letters', async () => {
      const map = new Map(rawDlq.records.map((r) => [r.key, r]));
      return ['bad-json', 'no-body', 'empty', 'bad-utf8', 'only-chrome'].every((k) => map.has(k)) ? map : undefined;
    });
    expect(byKey.get('bad-json')!.headers['eventwire-dlq-reason']).toBe('INVALID_JSON');
    expect(byKey.get('no-body')!.headers['eventwire-dlq-reason']).toBe('ContractViolationError');
    expect(byKey.get('no-body')!.headers['eventwire-dlq-error-message']).toContain('body');
    expect(byKey.get('empty')!.headers['eventwire-dlq-reason']).toBe('EMPTY_RECORD');
    expect(byKey.get('bad-utf8')!.headers['eventwire-dlq-reason']).toBe('INVALID_UTF8');
    expect(byKey.get('only-chrome')!.headers['eventwire-dlq-reason']).toBe('NO_CONTENT');
    for (const record of byKey.values()) {
      expect(record.headers['eventwire-dlq-stage']).toBe('ingestor');
      expect(record.headers['eventwire-dlq-original-topic']).toBe(TOPICS.articlesRaw);
    }
    expect(byKey.get('no-body')!.value!.toString()).toBe(JSON.stringify({ title: 'a title but no body' }));
  });

  it('accounts for every article: each accepted one in exactly one story, the bad records dead-lettered, nothing in flight', async () => {
    const client = new KafkaMessageBroker({ brokers: parseBrokers(brokers), clientId: 'eventwire-pipeline-e2e' });
    const audited = new PrefixedMessageBroker(client, prefix);
    try {
      // One call before the parallel ones of stageLags (see ingest-http.e2e-spec.ts).
      await audited.endOffsets(TOPICS.articlesRaw);
      await waitFor('every stage to consume its input', async () => (Object.values(await stageLags(audited)).every((lag) => lag === 0) ? true : undefined), 120_000, 1000);
      const report = await waitFor(
        'a balanced audit',
        async () => {
          const r: AuditReport = await auditPipeline(audited);
          return r.balanced ? r : undefined;
        },
        60_000,
        2000,
      );
      expect(report.articles.inFlight).toBe(0);
      expect(report.articles.inSeveralStories).toBe(0);
      expect(report.articles.inStories).toBe(report.articles.accepted);
    } finally {
      await client.close();
    }
  });
});
