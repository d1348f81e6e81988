import { ArticleTranslatedV1, EventExtractedV1, StoryEnrichedV1, TOPICS } from '@eventwire/contracts';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeLibreTranslate } from './support/fake-libretranslate';
import { freePort, ServiceName, ServiceProcess, waitFor } from './support/service-process';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { TopicCollector } from './support/topic-collector';

const SEEDS = join(__dirname, '..', 'seeds');
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

/** The four services as processes on their own topics, the translator pointed at `mtUrl` with `translator` settings added. */
class Pipeline {
  readonly services: ServiceProcess[] = [];
  baseUrl = '';
  database!: TestDatabase;

  async start(brokers: string, prefix: string, mtUrl: string, translator: Record<string, string>): Promise<void> {
    const port = await freePort();
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.database = await createTestDatabase();
    const env = { DATABASE_URL: this.database.url, KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix, LOG_LEVEL: 'warn' };
    const own: Record<ServiceName, Record<string, string>> = {
      aggregator: { HTTP_PORT: String(await freePort()) },
      extractor: {},
      translator: { LIBRETRANSLATE_URL: mtUrl, TRANSLATION_TIMEOUT_MS: '2000', ...translator },
      ingestor: { HTTP_PORT: String(port) },
    };
    for (const name of ['aggregator', 'extractor', 'translator', 'ingestor'] as ServiceName[]) this.services.push(new ServiceProcess(name, { ...env, ...own[name] }));
    await waitFor('the ingestor HTTP API', async () => ((await fetch(`${this.baseUrl}/healthz`)).ok ? true : undefined), 120_000);
  }

  async post(body: object): Promise<string> {
    const response = await fetch(`${this.baseUrl}/v1/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.status).toBe(202);
    return ((await response.json()) as { articleId: string }).articleId;
  }

  async stop(): Promise<void> {
    await Promise.all(this.services.map((s) => s.stop()));
    await this.database?.drop();
  }

  /** The logs of any service that died, for the test that saw it. */
  reportDead(): void {
    const dead = this.services.filter((s) => !s.running);
    if (dead.length > 0) process.stderr.write(dead.map((s) => s.logs()).join('\n'));
  }
}

/**
 * The four services as processes with the translator pointed at a
 * LibreTranslate-compatible service over real HTTP (a small fake of the
 * protocol that answers `EN(<text>)`): the engine's output becomes the English
 * titles of articles and stories; when the service fails, articles still flow,
 * rendered by the stub and marked with the fallback.
 */
describe('translator with the HTTP engine (four service processes)', () => {
  const brokers = process.env.KAFKA_BROKERS!;
  const prefix = `e2e-mt-${randomBytes(4).toString('hex')}.`;
  const pipeline = new Pipeline();
  const fake = new FakeLibreTranslate();
  let translated: TopicCollector;
  let stories: TopicCollector;

  const post = (body: object): Promise<string> => pipeline.post(body);
  const translationOf = (articleId: string) => async () =>
    translated.json<ArticleTranslatedV1>().find((a) => a.articleId === articleId);

  beforeAll(async () => {
    await pipeline.start(brokers, prefix, await fake.start(), {});
    const kafka = TopicCollector.kafka(brokers);
    translated = await new TopicCollector(kafka, prefix + TOPICS.articlesTranslated).start();
    stories = await new TopicCollector(kafka, prefix + TOPICS.eventsEnriched).start();
  });

  afterAll(async () => {
    await translated?.stop();
    await stories?.stop();
    await pipeline.stop();
    await fake.stop();
  });

  afterEach(() => pipeline.reportDead());

  it("puts the service's translations on articles.translated.v1 and its title translations on articles and the story", async () => {
    const ids: string[] = [];
    for (const file of seedFiles) ids.push(await post({ body: readFileSync(join(SEEDS, file), 'utf8') }));

    const records = await Promise.all(ids.map((id) => waitFor(`the translation of ${id}`, translationOf(id))));
    for (const record of records) {
      expect(record.translation).toMatchObject({ engine: 'libretranslate', target: 'en', title: `EN(${record.title})` });
      expect(record.translation.fallback).toBeUndefined();
      // Each paragraph is the service's translation, or itself where it is already English.
      const paragraphs = record.segments.filter((s) => s.kind === 'paragraph');
      expect(record.translation.segments).toEqual(
        paragraphs.map((s) => (s.language === 'en' ? record.body.slice(s.start, s.end) : `EN(${record.body.slice(s.start, s.end)})`)),
      );
    }
    // Arabic went to the service in batches, from Arabic into English.
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(fake.requests.every((r) => r.source === 'ar' && r.target === 'en')).toBe(true);

    const story = await waitFor('a story with five articles', async () =>
      [...stories.latestByKey<StoryEnrichedV1>().values()].find((s) => s.numArticles === 5),
    );
    expect(story.titleEn).toBe(`EN(${story.title})`);
    expect(story.titleTranslation).toEqual({ language: 'en', text: `EN(${story.title})` });
    for (const article of story.articles) {
      expect(article.titleEn).toBe(`EN(${article.title})`);
      expect(article.titleTranslation).toEqual({ language: 'en', text: `EN(${article.title})` });
    }
  });

  it('falls back to the stub when the service fails, marking the record, and the article flows on', async () => {
    fake.behaviour = () => 'fail-500';
    const id = await post({
      title: 'وزير الخارجية الروسي سيرغي لافروف يزور القاهرة',
      body: 'وزير الخارجية الروسي سيرغي لافروف يزور القاهرة\n\nوصل وزير الخارجية الروسي سيرغي لافروف إلى القاهرة اليوم في زيارة رسمية لمصر.',
    });
    const record = await waitFor('the fallback translation', translationOf(id));
    expect(record.translation.engine).toBe('stub');
    expect(record.translation.fallback).toEqual({ from: 'libretranslate', reason: expect.stringContaining('HTTP 500') });
    expect(record.translation.title).toMatch(/^\[gist\] .*Sergei Lavrov.*Cairo/);

    const story = await waitFor('the story of the fallback article', async () =>
      [...stories.latestByKey<StoryEnrichedV1>().values()].find((s) => s.articles.some((a) => a.articleId === id)),
    );
    expect(story.articles.find((a) => a.articleId === id)!.titleEn).toBe(record.translation.title);
    expect(story.articles.find((a) => a.articleId === id)!.titleTranslation).toEqual({ language: 'en', text: record.translation.title });
  });
});

/**
 * The same services with the translator set to French: the translated titles
 * on the extracted events and the story say French, and the English titles
 * (`titleEn`, deprecated) stay empty rather than hold French.
 */
describe('translator into French with the HTTP engine (four service processes)', () => {
  const brokers = process.env.KAFKA_BROKERS!;
  const prefix = `e2e-mt-fr-${randomBytes(4).toString('hex')}.`;
  const pipeline = new Pipeline();
  const fake = new FakeLibreTranslate();
  let extracted: TopicCollector;
  let stories: TopicCollector;

  beforeAll(async () => {
    await pipeline.start(brokers, prefix, await fake.start(), { TRANSLATION_TARGET: 'fr' });
    const kafka = TopicCollector.kafka(brokers);
    extracted = await new TopicCollector(kafka, prefix + TOPICS.eventsExtracted).start();
    stories = await new TopicCollector(kafka, prefix + TOPICS.eventsEnriched).start();
  });

  afterAll(async () => {
    await extracted?.stop();
    await stories?.stop();
    await pipeline.stop();
    await fake.stop();
  });

  afterEach(() => pipeline.reportDead());

  it('names French as the language of the translated titles and leaves titleEn null', async () => {
    const ids: string[] = [];
    for (const file of seedFiles.slice(0, 2)) ids.push(await pipeline.post({ body: readFileSync(join(SEEDS, file), 'utf8') }));

    const events = await waitFor('the two extracted events', async () => {
      const found = extracted.json<EventExtractedV1>().filter((e) => ids.includes(e.articleId));
      return found.length === ids.length ? found : undefined;
    });
    expect(fake.requests.every((r) => r.target === 'fr')).toBe(true);
    for (const event of events) {
      expect(event.titleTranslation).toEqual({ language: 'fr', text: `FR(${event.title})` });
      expect(event.titleEn).toBeNull();
    }

    const story = await waitFor('a story with both articles', async () =>
      [...stories.latestByKey<StoryEnrichedV1>().values()].find((s) => ids.every((id) => s.articles.some((a) => a.articleId === id))),
    );
    expect(story.titleTranslation).toEqual({ language: 'fr', text: `FR(${story.title})` });
    expect(story.titleEn).toBeNull();
    for (const article of story.articles) {
      expect(article.titleTranslation).toEqual({ language: 'fr', text: `FR(${article.title})` });
      expect(article.titleEn).toBeNull();
    }
  });
});
