import { StoryEnrichedV1 } from '@eventwire/contracts';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { canRunOwnBroker, OwnBroker } from './support/own-broker';
import { freePort, ServiceName, ServiceProcess, waitFor } from './support/service-process';
import { createTestDatabase, TestDatabase } from './support/test-database';

const run = promisify(execFile);
const REPO = join(__dirname, '..');
const SEEDS = join(REPO, 'seeds');
const TOKEN = 'a-bearer-token-of-some-length-42';
const SASL = { KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'eventwire', KAFKA_SASL_PASSWORD: 'eventwire-secret' };

/**
 * The four services against a broker that only lets authenticated clients in
 * (SASL/PLAIN on its own listener), with the ingest API behind a bearer
 * token: the seeds become one story, `eventwire audit` over SASL balances,
 * and no log line carries the password, the token, or article text.
 */
(canRunOwnBroker ? describe : describe.skip)('security: SASL to the broker, a bearer token on the ingest API', () => {
  const broker = new OwnBroker();
  const services: ServiceProcess[] = [];
  let database: TestDatabase;
  let ingest = '';
  let stories = '';
  const prefix = 'secure.';

  beforeAll(async () => {
    await broker.start({ sasl: true });
    database = await createTestDatabase();
    const env = { ...SASL, KAFKA_BROKERS: broker.saslBrokers, KAFKA_TOPIC_PREFIX: prefix, DATABASE_URL: database.url, LOG_LEVEL: 'log' };
    const [ingestPort, storiesPort] = [await freePort(), await freePort()];
    ingest = `http://127.0.0.1:${ingestPort}`;
    stories = `http://127.0.0.1:${storiesPort}`;
    const own: Record<ServiceName, Record<string, string>> = {
      aggregator: { HTTP_PORT: String(storiesPort), STORY_EMIT_INTERVAL_MS: '200', INGEST_API_TOKEN: TOKEN },
      extractor: {},
      translator: {},
      ingestor: { HTTP_PORT: String(ingestPort), INGEST_API_TOKEN: TOKEN },
    };
    for (const name of ['aggregator', 'extractor', 'translator', 'ingestor'] as ServiceName[]) services.push(new ServiceProcess(name, { ...env, ...own[name] }));
    await waitFor('the ingestor', async () => ((await fetch(`${ingest}/healthz`)).ok ? true : undefined), 120_000);
  });

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    await database?.drop();
    await broker.stop();
  });

  it('refuses the ingest API without the token, and runs the seeds into one story over SASL with it', async () => {
    const body = JSON.stringify({ body: readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.endsWith('.txt'))!), 'utf8') });
    const post = (headers: Record<string, string>): Promise<Response> =>
      fetch(`${ingest}/v1/articles`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    expect((await post({})).status).toBe(401);
    expect((await post({ authorization: 'Bearer not-the-token-at-all-no' })).status).toBe(401);
    expect((await post({ authorization: 'Bearer short' })).status).toBe(401);
    // The token is checked before the body is read: a 2 MiB body without it is 401, not 413.
    const large = await fetch(`${ingest}/v1/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body: 'a'.repeat(2 * 1024 * 1024) }) });
    expect(large.status).toBe(401);
    expect(await large.json()).toMatchObject({ error: 'UNAUTHORIZED' });

    for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.txt'))) {
      const response = await fetch(`${ingest}/v1/articles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ body: readFileSync(join(SEEDS, file), 'utf8') }),
      });
      expect(response.status).toBe(202);
    }
    const story = await waitFor('a story of the five seeds', async () => {
      const list = (await (await fetch(`${stories}/v1/stories`)).json()) as { stories: StoryEnrichedV1[] };
      return list.stories.find((s) => s.numArticles === 5);
    });
    expect(story.numSources).toBe(1); // bodies with no outlet or url: one unknown source

    // The audit CLI, over SASL from the same variables the services read.
    const audit = await run(process.execPath, [join(REPO, 'bin', 'eventwire.js'), 'audit', '--brokers', broker.saslBrokers, '--prefix', prefix, '--wait', '30000'], {
      env: { ...process.env, ...SASL },
    });
    expect(audit.stdout).toContain('BALANCED');
    expect(audit.stdout).toMatch(/in stories:\s+5\b/);
    // The HTTP endpoint says the same, behind the same token.
    expect((await fetch(`${stories}/v1/audit`)).status).toBe(401);
    const report = (await (await fetch(`${stories}/v1/audit`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { balanced: boolean; articles: { inStories: number } };
    expect(report).toMatchObject({ balanced: true, articles: { inStories: 5 } });
  });

  it('logs neither secrets nor article text', () => {
    const logs = services.map((s) => s.logs()).join('\n');
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(SASL.KAFKA_SASL_PASSWORD);
    expect(logs).not.toContain(TOKEN);
    expect(logs).not.toContain('منظمة معاهدة الأمن الجماعي');
  });
});
