import { dlqTopic, TOPICS } from '@eventwire/contracts';
import { KafkaMessageBroker, parseBrokers, PrefixedMessageBroker } from '@eventwire/kafka';
import { AuditReport, auditPipeline, stageLags } from '@eventwire/stages';
import { randomBytes } from 'node:crypto';
import { rawArticles } from '../bench/article-corpus';
import { freePort, ServiceName, ServiceProcess, waitFor } from './support/service-process';
import { createTestDatabase, TestDatabase } from './support/test-database';

interface BatchAnswer {
  lines: number;
  accepted: Array<{ line: number; articleId: string }>;
  refused: Array<{ line: number; error: string; message: string; errors?: Array<{ field: string }> }>;
  failed: Array<{ line: number; error: string }>;
}

/** `{"a":{"a":…"x"…}}`, `depth` levels deep. */
const nested = (depth: number): string => `${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}`;

/**
 * What a careless or hostile HTTP client sends, against the four services
 * over the real broker and PostgreSQL with the default limits: a batch of
 * 3,000 real articles (13 MB of NDJSON) is taken whole, a batch with one oversized
 * line is answered line by line, bodies over the limit get 413 and bodies
 * nested 10,000 deep 400 naming the field, the stories API answers bad
 * query strings and paths with 400 or 404; and in the end every article
 * taken is in a story (the audit balances).
 */
describe('ingest and stories over HTTP: limits, batches and bad input', () => {
  const brokers = process.env.KAFKA_BROKERS!;
  const prefix = `http-${randomBytes(4).toString('hex')}.`;
  const services: ServiceProcess[] = [];
  let database: TestDatabase;
  let ingest = '';
  let stories = '';
  let audited: PrefixedMessageBroker;
  let client: KafkaMessageBroker;
  /** Distinct article ids the ingestor said it took. */
  const taken = new Set<string>();

  const post = (path: string, body: string | Buffer, contentType = 'application/json'): Promise<Response> =>
    fetch(`${ingest}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });

  beforeAll(async () => {
    database = await createTestDatabase();
    const [ingestPort, storiesPort] = [await freePort(), await freePort()];
    ingest = `http://127.0.0.1:${ingestPort}`;
    stories = `http://127.0.0.1:${storiesPort}`;
    const env = { DATABASE_URL: database.url, KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix, LOG_LEVEL: 'warn', STORY_EMIT_INTERVAL_MS: '200' };
    const own: Record<ServiceName, Record<string, string>> = {
      aggregator: { HTTP_PORT: String(storiesPort) },
      extractor: {},
      translator: {},
      ingestor: { HTTP_PORT: String(ingestPort) },
    };
    for (const name of ['aggregator', 'extractor', 'translator', 'ingestor'] as ServiceName[]) services.push(new ServiceProcess(name, { ...env, ...own[name] }));
    await waitFor('the ingestor', async () => ((await fetch(`${ingest}/healthz`)).ok ? true : undefined), 120_000);
    await waitFor('the stories API', async () => ((await fetch(`${stories}/healthz`)).ok ? true : undefined), 120_000);
    client = new KafkaMessageBroker({ brokers: parseBrokers(brokers), clientId: 'eventwire-http-e2e' });
    audited = new PrefixedMessageBroker(client, prefix);
    // One call before the parallel ones of stageLags: KafkaMessageBroker here connects an admin client per concurrent
    // first caller and closes only one, and the sockets left open would keep jest from exiting.
    await audited.endOffsets(TOPICS.articlesRaw);
  });

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    await client?.close();
    await database?.drop();
  });

  afterEach(() => {
    const dead = services.filter((s) => !s.running);
    if (dead.length > 0) process.stderr.write(dead.map((s) => s.logs()).join('\n'));
  });

  it('warns at start-up that the ingest API is open without a token', () => {
    expect(services.find((s) => s.name === 'ingestor')!.logs()).toContain('INGEST_API_TOKEN is not set');
  });

  it('takes a batch of 3,000 real articles (13 MB) whole, in sends under the topic limit', async () => {
    const { records } = rawArticles(3000);
    const ndjson = records.map((r) => r.value).join('\n');
    expect(Buffer.byteLength(ndjson)).toBeGreaterThan(3_000_000);
    const response = await post('/v1/articles/batch', ndjson, 'application/x-ndjson');
    const answer = (await response.json()) as BatchAnswer;
    // Some dump pages are nothing but chrome: refused NO_CONTENT, and said so; none failed.
    expect(answer.failed).toEqual([]);
    expect(answer.refused.every((r) => r.error === 'NO_CONTENT')).toBe(true);
    expect(response.status).toBe(answer.refused.length === 0 ? 202 : 207);
    expect(answer.lines).toBe(3000);
    expect(answer.accepted.length + answer.refused.length).toBe(3000);
    expect(answer.accepted.length).toBeGreaterThan(2900);
    for (const a of answer.accepted) taken.add(a.articleId);
    process.stdout.write(`3,000-line batch: ${Buffer.byteLength(ndjson)} bytes, HTTP ${response.status}, ${answer.accepted.length} taken, ${answer.refused.length} refused\n`);
  });

  it('refuses the one oversized line of a batch with its reason and reports exactly the others as taken', async () => {
    const good = Array.from({ length: 6 }, (_, i) =>
      JSON.stringify({ body: `Rescue teams in the port city of Yanbu pulled ${i + 12} fishermen from the Red Sea after a storm overturned their boats on Tuesday, the coast guard said.`, language: 'en', outlet: `outlet-${i}` }),
    );
    const oversized = JSON.stringify({ body: 'ا'.repeat(600 * 1024), outlet: 'outlet-big' }); // 1.2 MB of text: over INGEST_MAX_BODY_BYTES (1 MiB)
    const lines = [good[0], good[1], good[2], oversized, good[3], good[4], good[5]];
    const response = await post('/v1/articles/batch', lines.join('\n'), 'application/x-ndjson');
    expect(response.status).toBe(207);
    const answer = (await response.json()) as BatchAnswer;
    expect(answer.refused).toEqual([expect.objectContaining({ line: 4, error: 'BODY_TOO_LARGE' })]);
    expect(answer.failed).toEqual([]);
    expect(answer.accepted.map((a) => a.line)).toEqual([1, 2, 3, 5, 6, 7]);
    for (const a of answer.accepted) taken.add(a.articleId);
  });

  it('answers a body over the limit with 413 as JSON, one nested 10,000 deep with 400 naming the field, and bytes that are not UTF-8 with 400', async () => {
    const tooLarge = await post('/v1/articles', JSON.stringify({ body: 'a'.repeat(2 * 1024 * 1024) }));
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ statusCode: 413, error: 'REQUEST_TOO_LARGE', limit: 1024 * 1024 + 64 * 1024 });

    const bodyTooLarge = await post('/v1/articles', JSON.stringify({ body: 'ا'.repeat(540 * 1024) }));
    expect(bodyTooLarge.status).toBe(413);
    expect(await bodyTooLarge.json()).toMatchObject({ error: 'BODY_TOO_LARGE' });

    for (const field of ['title', 'body']) {
      const deep = await post('/v1/articles', `{"body":"Officials in Dammam opened a desalination plant on Sunday.","${field}":${nested(10_000)}}`);
      expect(deep.status).toBe(400);
      const answer = (await deep.json()) as { error: string; errors: Array<{ field: string; problems: string[] }> };
      expect(answer.error).toBe('INVALID_ARTICLE');
      expect(answer.errors).toEqual([{ field, problems: [`${field} nests objects or arrays deeper than 32 levels`] }]);
    }
    // Bytes that are not UTF-8 (0xff in the title): refused as the raw topic dead-letters them, not read as U+FFFD.
    const bytes = Buffer.concat([Buffer.from('{"title":"Dammam '), Buffer.from([0xff]), Buffer.from(' plant","body":"Officials in Dammam opened a desalination plant on Sunday."}')]);
    for (const [path, type] of [['/v1/articles', 'application/json'], ['/v1/articles/batch', 'application/x-ndjson']] as const) {
      const invalid = await post(path, bytes, type);
      expect(invalid.status).toBe(400);
      expect(await invalid.json()).toMatchObject({ statusCode: 400, error: 'INVALID_UTF8' });
    }
    const logs = services.find((s) => s.name === 'ingestor')!.logs();
    expect(logs).not.toMatch(/"level":"error"/);
  });

  it('answers bad query strings and ids on the stories API with 400 naming the field, and names that are no schema with 404', async () => {
    const get = async (path: string): Promise<{ status: number; text: string }> => {
      const response = await fetch(`${stories}${path}`);
      return { status: response.status, text: await response.text() };
    };
    const cases: Array<[string, RegExp]> = [
      ['/v1/stories?from=2022-13-45', /from must be a calendar date/],
      ['/v1/stories?to=2022-02-30', /to must be a calendar date/],
      ['/v1/stories?q=a%00b', /q must be plain text/],
      ['/v1/stories?entity=org%00csto', /entity must be plain text/],
      ['/v1/stories?eventType=PROTEST%00', /eventType must be plain text/],
      ['/v1/stories?q=a&q=b', /q must be a string/],
      ['/v1/stories?eventType=PROTEST&eventType=ASSAULT', /eventType must be a string/],
      ['/v1/stories/story%00x', /story id must be/],
      ['/v1/articles/a%00', /article id must be/],
    ];
    for (const [path, message] of cases) {
      const answer = await get(path);
      expect({ path, status: answer.status }).toEqual({ path, status: 400 });
      expect(answer.text).toMatch(message);
    }
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'no-such-topic']) {
      expect({ name, status: (await get(`/v1/schemas/${name}.schema.json`)).status }).toEqual({ name, status: 404 });
    }
    expect((await get('/v1/schemas/events.enriched.v1.schema.json')).status).toBe(200);
    expect(services.find((s) => s.name === 'aggregator')!.logs()).not.toMatch(/"level":"error"/);
  });

  it('carries a 700 KB Arabic article through every stage into a story, and dead-letters a 1.04 MB raw record without stopping its partition', async () => {
    // Real article bodies end to end until the body is 700 KB (the topics between the stages take 16 MiB records).
    const { records } = rawArticles(2000);
    const bodyOf = (bytes: number): string => {
      const parts: string[] = [];
      let size = 0;
      for (const r of records) {
        if (size >= bytes) break;
        const body = (JSON.parse(r.value) as { body: string }).body;
        parts.push(body);
        size += Buffer.byteLength(body) + 2;
      }
      return parts.join('\n\n');
    };
    const big = bodyOf(700 * 1024);
    expect(Buffer.byteLength(big)).toBeGreaterThan(700 * 1024);
    const response = await post('/v1/articles', JSON.stringify({ title: `ملف موسع ${prefix}`, body: big }));
    expect(response.status).toBe(202);
    const { articleId } = (await response.json()) as { articleId: string };
    taken.add(articleId);
    const inStory = await waitFor('the 700 KB article in a story', async () => {
      const r = await fetch(`${stories}/v1/articles/${encodeURIComponent(articleId)}`);
      return r.ok ? ((await r.json()) as { storyId: string }) : undefined;
    }, 180_000, 1000);
    expect(inStory.storyId).toBeTruthy();

    // Over INGEST_MAX_BODY_BYTES on the raw topic: a dead letter with its reason, and the record behind it (same key,
    // same partition) still goes through.
    const huge = JSON.stringify({ title: 'oversized', body: Buffer.from(bodyOf(1.1 * 1024 * 1024)).subarray(0, 1.04 * 1024 * 1024).toString() });
    expect(Buffer.byteLength(huge)).toBeGreaterThan(1.04 * 1024 * 1024);
    const marker = `yanbu-${randomBytes(3).toString('hex')}`;
    const after = JSON.stringify({ title: `Yanbu desalination ${marker}`, body: 'Officials in Yanbu opened a desalination plant on Sunday that will supply water to 300,000 people, the water authority said.', language: 'en' });
    const key = `raw-oversized-${marker}`;
    await audited.send([
      { topic: TOPICS.articlesRaw, key, value: huge },
      { topic: TOPICS.articlesRaw, key, value: after },
    ]);
    const dead = await waitFor('the dead letter of the 1.04 MB record', async () => {
      const found: Array<Record<string, string>> = [];
      await audited.scan([dlqTopic(TOPICS.articlesRaw)], (m) => {
        if (m.key === key) found.push(m.headers);
      });
      return found.length > 0 ? found : undefined;
    }, 120_000, 1000);
    expect(dead).toHaveLength(1);
    expect(dead[0]!['eventwire-dlq-reason']).toBe('BODY_TOO_LARGE');
    const followed = await waitFor('the record behind it in a story', async () => {
      const r = await fetch(`${stories}/v1/stories?q=${marker}`);
      const list = r.ok ? ((await r.json()) as { stories?: Array<{ articles: Array<{ articleId: string; title: string | null }> }> }) : undefined;
      const article = list?.stories?.flatMap((st) => st.articles).find((a) => a.title?.includes(marker));
      return article;
    }, 120_000, 1000);
    taken.add(followed.articleId);
  }, 400_000);

  it('accounts for every article taken: each in exactly one story, nothing in flight', async () => {
    await waitFor('every stage to consume its input', async () => (Object.values(await stageLags(audited)).every((lag) => lag === 0) ? true : undefined), 600_000, 1000);
    const report = await waitFor(
      'a balanced audit',
      async () => {
        const r: AuditReport = await auditPipeline(audited);
        return r.balanced ? r : undefined;
      },
      120_000,
      2000,
    );
    expect(report.articles.accepted).toBe(taken.size);
    expect(report.articles.inStories).toBe(taken.size);
    expect(report.articles.inFlight).toBe(0);
    expect(report.articles.inSeveralStories).toBe(0);
  }, 900_000);
});
