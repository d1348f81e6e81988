import { TOPICS } from '@eventwire/contracts';
import { Admin, Kafka, Producer } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { freePort, ServiceProcess, waitFor } from './support/service-process';
import { rssMiB } from './support/sse-subscriber';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { TopicCollector } from './support/topic-collector';

const TOKEN = 'an-audit-token-of-some-length-77';

interface Report {
  entered: { raw: number };
  balanced: boolean;
}

/**
 * `GET /v1/audit` on the aggregator: behind the ingest API's token when one
 * is set, served from a report kept for AUDIT_CACHE_MS and shared by
 * concurrent callers, and leaving no consumer group of its scans behind.
 */
describe('aggregator audit API: token, cached scan, no scan groups left', () => {
  const brokers = process.env.KAFKA_BROKERS!;
  const prefix = `audit-${randomBytes(4).toString('hex')}.`;
  let database: TestDatabase;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  let aggregator: ServiceProcess | null = null;
  let port = 0;
  const scanGroups = async (): Promise<string[]> => (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith('eventwire-scan-'));
  const audit = (authorization?: string): Promise<Response> =>
    fetch(`http://127.0.0.1:${port}/v1/audit`, { headers: authorization ? { authorization } : {} });

  beforeAll(async () => {
    port = await freePort();
    database = await createTestDatabase();
    kafka = TopicCollector.kafka(brokers);
    admin = kafka.admin();
    await admin.connect();
    producer = kafka.producer();
    await producer.connect();
  });

  afterAll(async () => {
    await aggregator?.stop();
    await producer?.disconnect();
    await admin?.disconnect();
    await database?.drop();
  });

  afterEach(() => {
    if (aggregator && !aggregator.running) process.stderr.write(aggregator.logs());
  });

  it('refuses callers without the token, shares one scan among concurrent callers, keeps it for its interval and deletes its group', async () => {
    aggregator = new ServiceProcess('aggregator', {
      HTTP_PORT: String(port),
      KAFKA_BROKERS: brokers,
      KAFKA_TOPIC_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.url,
      INGEST_API_TOKEN: TOKEN,
      AUDIT_CACHE_MS: '3000',
    });
    await waitFor('the story API', async () => ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok ? true : undefined), 60_000);
    const groupsBefore = new Set(await scanGroups());
    const raw = (n: number) => producer.send({ topic: prefix + TOPICS.articlesRaw, messages: Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: JSON.stringify({ body: `article ${i}` }) })) });
    await raw(2);

    expect((await audit()).status).toBe(401);
    expect((await audit('Bearer not-the-token-at-all-no-no-no')).status).toBe(401);
    // The story API itself stays open.
    expect((await fetch(`http://127.0.0.1:${port}/v1/stories`)).status).toBe(200);

    const concurrent = await Promise.all(Array.from({ length: 10 }, () => audit(`Bearer ${TOKEN}`)));
    expect(concurrent.every((r) => r.status === 200)).toBe(true);
    const reports = (await Promise.all(concurrent.map((r) => r.json()))) as Report[];
    expect(reports[0]!.entered.raw).toBe(2);
    for (const report of reports) expect(report).toEqual(reports[0]);

    // A record that enters now is not in the kept report, and is in the next scan once the interval is up.
    await raw(1);
    const kept = (await (await audit(`Bearer ${TOKEN}`)).json()) as Report;
    expect(kept.entered.raw).toBe(2);
    await waitFor('a fresh report', async () => (((await (await audit(`Bearer ${TOKEN}`)).json()) as Report).entered.raw === 3 ? true : undefined), 30_000);

    // Twenty callers at once once the kept report is stale: one scan between them (each used to scan for itself, 240 MB for 20).
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    const pid = aggregator.child.pid!;
    const before = rssMiB(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 50);
    const twenty = (await Promise.all(Array.from({ length: 20 }, async () => (await audit(`Bearer ${TOKEN}`)).json()))) as Report[];
    clearInterval(sampler);
    peak = Math.max(peak, rssMiB(pid));
    process.stdout.write(`audit: 20 concurrent calls, aggregator rss ${before.toFixed(0)} MiB before, ${peak.toFixed(0)} MiB peak\n`);
    for (const report of twenty) expect(report).toEqual(twenty[0]);
    expect(twenty[0]!.entered.raw).toBe(3);
    expect(peak - before).toBeLessThan(60);

    // Every scan's throwaway group is gone.
    expect((await scanGroups()).filter((g) => !groupsBefore.has(g))).toEqual([]);
  });
});
