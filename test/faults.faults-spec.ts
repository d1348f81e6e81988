import type { AuditReport } from '@eventwire/stages';
import { rawArticles, RawRecord } from '../bench/article-corpus';
import { Client } from 'pg';
import { PipelineHarness } from './support/pipeline-harness';
import { ADMIN_DATABASE_URL } from './support/test-database';
import { canRunOwnBroker, OwnBroker } from './support/own-broker';
import { freePort, waitFor } from './support/service-process';
import { rssMiB, subscribeToStories } from './support/sse-subscriber';

const ARTICLES = Number(process.env.EVENTWIRE_FAULT_ARTICLES ?? 5000);
const { records: articles, origin } = rawArticles(ARTICLES);

/** Every valid article in exactly one story, every invalid record in a dead-letter topic with its reason, nothing pending. */
function expectBalanced(report: AuditReport, valid: number): void {
  const summary = JSON.stringify({ entered: report.entered, rejected: report.rejected, articles: report.articles, stages: report.stages });
  expect({ balanced: report.balanced, summary }).toEqual({ balanced: true, summary });
  expect(report.entered.raw).toBeGreaterThanOrEqual(valid);
  // Articles the corpus holds twice (the same text under two URLs) are one article: accepted + repeats = valid records.
  expect(report.articles.accepted + report.articles.duplicates).toBe(valid);
  expect(report.articles.inStories).toBe(report.articles.accepted);
  expect(report.articles.inSeveralStories).toBe(0);
  expect(report.articles.inFlight).toBe(0);
  for (const stage of report.stages) expect(stage.pending).toBe(0);
}

/**
 * What production does to the pipeline, over the real broker and PostgreSQL,
 * each with ARTICLES (5,000) real articles (SaudiNewsNet when the shared dev
 * data is next to the repo, else generated from the seeds) through the four
 * services as separate processes; after each, `auditPipeline` must balance.
 */
describe(`faults, ${ARTICLES} articles each (${origin})`, () => {
  jest.setTimeout(900_000);
  const brokers = process.env.KAFKA_BROKERS!;
  let harness: PipelineHarness | undefined;

  afterEach(async () => {
    const failed = expect.getState().currentTestName;
    if (harness && harness.services.some((s) => !s.running && s.child.exitCode !== null && s.child.exitCode !== 0)) {
      process.stderr.write(`${failed}\n${harness.logs()}`);
    }
    await harness?.stop();
    harness = undefined;
  });

  it('scales extractors 1 → 3 → 1 mid-stream; those stopped with SIGTERM drain and commit, so no record is processed twice', async () => {
    harness = await new PipelineHarness(brokers).start(1);
    const third = Math.floor(articles.length / 3);
    await harness.produce(articles.slice(0, third));
    await harness.waitUntilCommitted('extractor', Math.floor(third / 2));
    harness.spawn('extractor');
    harness.spawn('extractor');
    await waitForMembers(harness, 3);
    await harness.produce(articles.slice(third, 2 * third));
    await harness.waitUntilCommitted('extractor', third + Math.floor(third / 2));
    const leaving = harness.running('extractor').slice(1);
    await Promise.all(leaving.map((s) => s.stop('SIGTERM')));
    // Nest closes the app on SIGTERM (the consumer finishes its chunk and commits), then re-raises the signal; a
    // process that hung would have been SIGKILLed by stop() after its grace period.
    expect(leaving.map((s) => s.child.exitCode ?? s.child.signalCode)).toEqual(['SIGTERM', 'SIGTERM']);
    await waitForMembers(harness, 1);
    await harness.produce(articles.slice(2 * third));

    const report = await harness.drained();
    expectBalanced(report, articles.length);
    expect(report.stages.find((s) => s.stage === 'extractor')!.redelivered).toBe(0);
  });

  it('loses and doubles nothing when an extractor is killed with SIGKILL mid-batch', async () => {
    harness = await new PipelineHarness(brokers).start(2);
    await waitForMembers(harness, 2);
    await harness.produce(articles);
    await harness.waitUntilCommitted('extractor', Math.floor(articles.length / 4));
    const [victim] = harness.running('extractor');
    await victim!.stop('SIGKILL');

    const report = await harness.drained();
    expectBalanced(report, articles.length);
  });

  it('loses and doubles nothing when the aggregator is killed and restarted', async () => {
    harness = await new PipelineHarness(brokers).start(1);
    await harness.produce(articles);
    await harness.waitUntilCommitted('aggregator', Math.floor(articles.length / 4));
    await harness.running('aggregator')[0]!.stop('SIGKILL');
    harness.spawn('aggregator');

    const report = await harness.drained();
    expectBalanced(report, articles.length);
  });

  it('stores every article once when the aggregator\'s database connections are cut again and again mid-stream', async () => {
    harness = await new PipelineHarness(brokers).start(1);
    await harness.produce(articles);
    const name = new URL(harness.databaseUrl).pathname.slice(1);
    for (let cut = 1; cut <= 4; cut++) {
      await harness.waitUntilCommitted('aggregator', Math.floor((articles.length * cut) / 6));
      await sql(ADMIN_DATABASE_URL, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
    }
    expect(harness.running('aggregator')).toHaveLength(1);

    const report = await harness.drained();
    expectBalanced(report, articles.length);
  });

  it('dead-letters no valid article while the articles table is dropped, says not ready, and stores them all once it is restored', async () => {
    harness = await new PipelineHarness(brokers).start(1);
    await harness.produce(articles);
    await harness.waitUntilCommitted('aggregator', Math.floor(articles.length / 4));
    // DROP TABLE, with a copy taken in the same transaction (an operator's backup: its rows, keys and indexes), then the copy restored.
    await sql(
      harness.databaseUrl,
      'BEGIN; CREATE TABLE articles_backup (LIKE articles INCLUDING ALL); INSERT INTO articles_backup SELECT * FROM articles; ' +
        // The copy's seq column draws on the same sequence: it goes with the copy, not with the table dropped.
        "ALTER SEQUENCE articles_seq_seq OWNED BY articles_backup.seq; DROP TABLE articles; COMMIT",
    );
    const away = Date.now();
    await waitFor('/readyz to say 503', async () => ((await fetch(`${harness!.aggregatorUrl}/readyz`)).status === 503 ? true : undefined), 60_000);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 10_000 - (Date.now() - away))));
    await sql(harness.databaseUrl, 'ALTER TABLE articles_backup RENAME TO articles');
    const back = Date.now();
    await waitFor('/readyz to say 200', async () => ((await fetch(`${harness!.aggregatorUrl}/readyz`)).status === 200 ? true : undefined), 60_000);
    const recoveredMs = Date.now() - back;
    process.stdout.write(`articles table dropped for ${back - away} ms: ready again ${recoveredMs} ms after it was restored\n`);
    // The longest backoff is 30 s: the next attempt after the restore comes within it.
    expect(recoveredMs).toBeLessThan(31_000);

    const report = await harness.drained();
    expectBalanced(report, articles.length);
  });

  (canRunOwnBroker ? it : it.skip)('rides out a broker stopped and restarted mid-stream (a broker of its own, from scripts/kafka.sh)', async () => {
    const broker = await new OwnBroker().start();
    try {
      harness = await new PipelineHarness(broker.brokers).start(1);
      await harness.produce(articles);
      await harness.waitUntilCommitted('extractor', Math.floor(articles.length / 4));
      await broker.script('stop');
      await new Promise((resolve) => setTimeout(resolve, 5000));
      await broker.script('start');

      const report = await harness.drained();
      expectBalanced(report, articles.length);
      await harness.stop();
      harness = undefined;
    } finally {
      await broker.stop();
    }
  });

  it('dead-letters poison records with their reasons while the valid articles flow', async () => {
    harness = await new PipelineHarness(brokers).start(1);
    const chrome = 'جميع الحقوق محفوظة\n\nاشترك في النشرة البريدية\n\nتابعونا على فيسبوك وتويتر';
    const poison: Array<{ key: string; value: string | Buffer | null }> = [
      { key: 'poison-json', value: '{"body": "unterminated' },
      { key: 'poison-schema', value: JSON.stringify({ body: 42, title: ['not', 'a', 'string'] }) },
      { key: 'poison-5mb', value: JSON.stringify({ body: 'ا'.repeat(5 * 1024 * 1024 / 2) }) },
      { key: 'poison-utf8', value: Buffer.from([0x7b, 0x22, 0x62, 0x6f, 0x64, 0x79, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]) },
      { key: 'poison-empty', value: null },
      { key: 'poison-chrome', value: JSON.stringify({ body: chrome }) },
    ];
    // Spread through the stream.
    const step = Math.floor(articles.length / poison.length);
    const stream: Array<RawRecord | (typeof poison)[number]> = [];
    articles.forEach((a, i) => {
      stream.push(a);
      if (i % step === step - 1 && poison[(i - step + 1) / step]) stream.push(poison[(i - step + 1) / step]!);
    });
    expect(stream.length).toBe(articles.length + poison.length);
    await harness.produce(stream, 100);

    const report = await harness.drained();
    expectBalanced(report, articles.length);
    expect(report.rejected).toEqual({
      INVALID_JSON: 1,
      ContractViolationError: 1,
      BODY_TOO_LARGE: 1,
      INVALID_UTF8: 1,
      EMPTY_RECORD: 1,
      NO_CONTENT: 1,
    });
  });
});

describe(`faults: the live stream under load, ${ARTICLES} articles (${origin})`, () => {
  jest.setTimeout(900_000);
  const brokers = process.env.KAFKA_BROKERS!;
  let harness: PipelineHarness | undefined;

  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
  });

  it('serves 200 subscribers and drops 50 that never read while the articles flow, memory bounded', async () => {
    const port = await freePort();
    harness = await new PipelineHarness(brokers).start(1, { HTTP_PORT: String(port), SSE_MAX_CLIENTS: '250' });
    await waitFor('the story API', async () => ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok ? true : undefined), 60_000);
    const aggregator = harness.running('aggregator')[0]!;
    const rssBefore = rssMiB(aggregator.child.pid!);
    const readers = await Promise.all(Array.from({ length: 200 }, () => subscribeToStories(port, true)));
    const stalled = await Promise.all(Array.from({ length: 50 }, () => subscribeToStories(port, false)));
    expect([...readers, ...stalled].every((s) => s.status() === 200)).toBe(true);
    expect((await fetch(`http://127.0.0.1:${port}/v1/stories/stream`)).status).toBe(503);
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(aggregator.child.pid!))), 250);
    try {
      await harness.produce(articles);
      const report = await harness.drained();
      expectBalanced(report, articles.length);
    } finally {
      clearInterval(sampler);
    }
    const drops = (): number => (aggregator.logs().match(/subscriber dropped: not reading/g) ?? []).length;
    await waitFor('the stalled subscribers dropped', async () => (drops() >= 50 ? true : undefined), 60_000);
    const rssAfter = rssMiB(aggregator.child.pid!);
    process.stdout.write(
      `live stream fault: 200 readers, 50 stalled, ${articles.length} articles; aggregator rss ${rssBefore.toFixed(0)} MiB before, ${peak.toFixed(0)} MiB peak, ` +
        `${rssAfter.toFixed(0)} MiB after; ${drops()} dropped; readers got ${(Math.min(...readers.map((r) => r.bytes())) / 2 ** 20).toFixed(1)} MiB or more each\n`,
    );
    expect(drops()).toBe(50);
    expect(readers.every((r) => !r.closed())).toBe(true);
    // Before the bounds, 200 subscribers took the aggregator from 162 to 816 MB and 50 stalled ones grew it without end.
    expect(peak).toBeLessThan(800);
    for (const subscriber of [...readers, ...stalled]) subscriber.socket.destroy();
  });
});

async function waitForMembers(harness: PipelineHarness, n: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while ((await harness.members('extractor')) !== n) {
    if (Date.now() > deadline) throw new Error(`the extractor group never had ${n} members`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function sql(url: string, text: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
