import { REJECTIONS_TOPIC, TOPICS } from '@eventwire/contracts';
import { DLQ_HEADERS, InMemoryMessageBroker, ORIGIN_HEADER } from '@eventwire/kafka';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, STAGES } from '../runtime/stage-launcher';
import { auditPipeline } from './pipeline-audit';

const SEEDS = join(__dirname, '..', '..', '..', '..', 'seeds');
const seeds = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .map((file) => ({ topic: TOPICS.articlesRaw, key: file, value: JSON.stringify({ body: readFileSync(join(SEEDS, file), 'utf8'), file }) }));
const poison = [
  { topic: TOPICS.articlesRaw, key: 'bad-json', value: '{"body":' },
  { topic: TOPICS.articlesRaw, key: 'empty', value: null },
  { topic: TOPICS.articlesRaw, key: 'chrome', value: JSON.stringify({ body: 'جميع الحقوق محفوظة\n\nاشترك في النشرة البريدية' }) },
];

describe(auditPipeline.name, () => {
  jest.setTimeout(30_000);

  it('balances the seeds, a repeated seed and poison records: stories, duplicates and rejections by reason', async () => {
    const broker = new InMemoryMessageBroker();
    const pipeline = await launch(STAGES, { broker });
    try {
      await broker.send([...seeds, ...poison, seeds[0]!]);
      await broker.whenIdle();
      const report = await auditPipeline(broker);
      expect(report.entered).toEqual({ raw: 9, http: 0 });
      expect(report.rejected).toEqual({ INVALID_JSON: 1, EMPTY_RECORD: 1, NO_CONTENT: 1 });
      expect(report.rejectedOverHttp).toEqual({});
      expect(report.articles).toEqual({ accepted: 5, duplicates: 1, inStories: 5, deadLettered: {}, inFlight: 0, inSeveralStories: 0, examples: [] });
      expect(report.stages.map((s) => [s.stage, s.records, s.processed, s.pending])).toEqual([
        ['ingestor', 9, 6, 0],
        ['translator', 6, 6, 0],
        ['extractor', 6, 6, 0],
      ]);
      expect(report.balanced).toBe(true);
    } finally {
      await pipeline.close();
    }
  });

  it('reports articles not yet through the pipeline as in flight, not balanced, and limits itself to a time range', async () => {
    const broker = new InMemoryMessageBroker();
    const pipeline = await launch(STAGES, { broker });
    await broker.send(seeds.slice(0, 2));
    await broker.whenIdle();
    await pipeline.close();
    const before = new Date(Date.now() + 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    // The stages are down: these wait on articles.raw.v1, and one more waits after ingestion.
    await broker.send(seeds.slice(2, 4));
    await broker.send([{ topic: TOPICS.articlesIngested, key: 'x', value: '{}', headers: { [ORIGIN_HEADER]: 'http' } }]);

    const all = await auditPipeline(broker);
    expect(all.balanced).toBe(false);
    expect(all.stages[0]).toMatchObject({ records: 4, processed: 2, pending: 2 });
    expect(all.articles).toMatchObject({ accepted: 3, inStories: 2, inFlight: 1 });

    const early = await auditPipeline(broker, { to: before });
    expect(early.entered).toEqual({ raw: 2, http: 0 });
    expect(early.balanced).toBe(true);
  });

  it('counts the articles refused over HTTP by reason, in its time range, without unbalancing', async () => {
    const broker = new InMemoryMessageBroker();
    const pipeline = await launch(STAGES, { broker });
    const rejection = (reason: string) => ({ topic: REJECTIONS_TOPIC, key: null, value: '{}', headers: { [DLQ_HEADERS.reason]: reason } });
    try {
      await broker.send([rejection('INVALID_JSON'), rejection('INVALID_ARTICLE'), rejection('INVALID_JSON')]);
      const before = new Date(Date.now() + 1);
      await new Promise((resolve) => setTimeout(resolve, 5));
      await broker.send([rejection('REQUEST_TOO_LARGE')]);
      const all = await auditPipeline(broker);
      expect(all.rejectedOverHttp).toEqual({ INVALID_JSON: 2, INVALID_ARTICLE: 1, REQUEST_TOO_LARGE: 1 });
      expect(all.balanced).toBe(true);
      expect((await auditPipeline(broker, { to: before })).rejectedOverHttp).toEqual({ INVALID_JSON: 2, INVALID_ARTICLE: 1 });
    } finally {
      await pipeline.close();
    }
  });
});
