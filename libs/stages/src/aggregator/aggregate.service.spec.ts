import type { EventExtractedV1, StoryEnrichedV1 } from '@eventwire/contracts';
import { EventExtractor } from '@eventwire/extraction';
import { ArticleIngester } from '@eventwire/ingestion';
import { TOPICS } from '@eventwire/contracts';
import { InMemoryMessageBroker } from '@eventwire/kafka';
import { KnowledgeBase } from '@eventwire/kb';
import { openSqlClient, StoryStore } from '@eventwire/store';
import { Logger } from '@nestjs/common';
import { ArticleTranslator, KbTermMatcher, StubTranslationEngine } from '@eventwire/translation';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AggregateService } from './aggregate.service';


/**
 * The aggregator's chunk protocol through its Nest service, over a real store and the in-memory broker (records encoded
 * on the enriched topic), with the five seed articles through the real stages. The state machine alone, with a clock
 * moved by hand, is in StoryAggregator's spec (libs/clustering).
 */
describe(AggregateService.name, () => {
  jest.setTimeout(60_000);
  let events: EventExtractedV1[];
  let store: StoryStore;
  let service: AggregateService;
  let broker: InMemoryMessageBroker;
  /** The story records published so far: [storyId, version, numArticles] (a tombstone as [storyId, null, 0]). */
  const published = (): Array<[string, number | null, number]> =>
    broker.read(TOPICS.eventsEnriched).map((m) => {
      const record = m.value ? (JSON.parse(m.value.toString()) as StoryEnrichedV1) : null;
      return [String(m.key), record?.version ?? null, record?.numArticles ?? 0];
    });

  beforeAll(async () => {
    Logger.overrideLogger(false);
    const seeds = join(__dirname, '..', '..', '..', '..', 'seeds');
    const kb = KnowledgeBase.bundled();
    const ingester = new ArticleIngester({ maxBodyBytes: 8 * 1024 * 1024 });
    const translator = new ArticleTranslator(new StubTranslationEngine(new KbTermMatcher(kb)), 'en');
    const extractor = new EventExtractor(kb);
    events = [];
    for (const file of readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort()) {
      events.push(extractor.extract(await translator.translate(ingester.ingest({ body: readFileSync(join(seeds, file), 'utf8'), file, format: 'txt' }))));
    }
  });

  beforeEach(async () => {
    store = await StoryStore.open(openSqlClient('memory:'));
    broker = new InMemoryMessageBroker();
    await broker.ensureTopics([{ name: TOPICS.eventsEnriched, partitions: 1, compacted: true }]);
    service = new AggregateService(store, broker, { emitIntervalMs: 0 });
    await service.onModuleInit();
  });

  afterEach(async () => {
    await service.onApplicationShutdown();
  });

  it('stores a chunk when it is complete, then publishes the latest version of each story it changed', async () => {
    for (const event of events.slice(0, 3)) expect(await service.aggregate(event)).toBeUndefined();
    expect(await store.storyOfArticle(events[0]!.articleId)).toBeNull();
    expect(published()).toEqual([]);
    await service.commitChunk();
    const storyId = (await store.storyOfArticle(events[0]!.articleId))!;
    expect(storyId).not.toBeNull();
    expect(published()).toEqual([[storyId, 3, 3]]);

    // An article delivered again (its chunk stored, the offsets not committed): its story again as it stands.
    await service.aggregate(events[1]!);
    await service.commitChunk();
    expect(published()).toEqual([
      [storyId, 3, 3],
      [storyId, 3, 3],
    ]);
    // The next article makes the next version.
    await service.aggregate(events[3]!);
    await service.commitChunk();
    expect(published().at(-1)).toEqual([storyId, 4, 4]);
    expect((await store.story(storyId))?.numArticles).toBe(4);
  });

  it('when the chunk cannot be written, forgets it and publishes nothing of it, and takes it whole when it is delivered again', async () => {
    for (const event of events.slice(0, 2)) await service.aggregate(event);
    await service.commitChunk();
    const saveChunk = jest.spyOn(store, 'saveChunk').mockRejectedValueOnce(new Error('connection terminated'));
    for (const event of events.slice(2)) await service.aggregate(event);
    await expect(service.commitChunk()).rejects.toThrow('connection terminated');
    expect(await store.storyOfArticle(events[2]!.articleId)).toBeNull();
    expect(published().map(([, , n]) => n)).toEqual([2]);

    // Delivered again: the three articles are new to the restored state and go in, once.
    for (const event of events.slice(2)) await service.aggregate(event);
    await service.commitChunk();
    expect(saveChunk).toHaveBeenCalledTimes(2);
    const storyIds = await Promise.all(events.map((e) => store.storyOfArticle(e.articleId)));
    expect(new Set(storyIds).size).toBe(1);
    expect(published()).toEqual([
      [storyIds[0], 2, 2],
      [storyIds[0], 5, 5],
    ]);
  });

  it('while the store is away, the redelivered chunk waits for it (nothing taken on half-restored state), then goes in once', async () => {
    for (const event of events.slice(0, 2)) await service.aggregate(event);
    await service.commitChunk();
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    jest.spyOn(store, 'saveChunk').mockRejectedValueOnce(refused);
    for (const event of events.slice(2)) await service.aggregate(event);
    await expect(service.commitChunk()).rejects.toBe(refused);

    // Delivered again while the database is still down: the restore it needs first fails, each time, with the store's error.
    const recent = jest.spyOn(store, 'recentArticles').mockRejectedValueOnce(refused).mockRejectedValueOnce(refused);
    await expect(service.aggregate(events[2]!)).rejects.toBe(refused);
    await expect(service.aggregate(events[2]!)).rejects.toBe(refused);
    // Back: restored once, then the chunk goes in whole.
    for (const event of events.slice(2)) await service.aggregate(event);
    await service.commitChunk();
    expect(recent).toHaveBeenCalledTimes(3);
    const storyIds = await Promise.all(events.map((e) => store.storyOfArticle(e.articleId)));
    expect(new Set(storyIds).size).toBe(1);
    expect(published().map(([, , n]) => n)).toEqual([2, 5]);
  });

  it('after a restart, takes the articles that come before or during the start\'s restore on the restored state, restoring once', async () => {
    for (const event of events.slice(0, 2)) await service.aggregate(event);
    await service.commitChunk();
    const storyId = (await store.storyOfArticle(events[0]!.articleId))!;
    const recent = jest.spyOn(store, 'recentArticles');

    // The service's consumer starts before the init hooks: the first chunk may come before the restore or during it.
    const restarted = new AggregateService(store, broker, { emitIntervalMs: 0 });
    const first = restarted.aggregate(events[2]!);
    const init = restarted.onModuleInit();
    await first;
    await restarted.aggregate(events[3]!);
    await init;
    await restarted.commitChunk();
    expect(recent).toHaveBeenCalledTimes(1);
    expect(await Promise.all(events.slice(0, 4).map((e) => store.storyOfArticle(e.articleId)))).toEqual([storyId, storyId, storyId, storyId]);
    expect(published().at(-1)).toEqual([storyId, 4, 4]);
  });

  it('holds a story back for its interval, and never publishes a version older than one already out, across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eventwire-aggregate-'));
    const open = async (): Promise<AggregateService> => {
      const s = new AggregateService(await StoryStore.open(openSqlClient(`pglite://${dir}`)), broker, { emitIntervalMs: 1000 });
      await s.onModuleInit();
      return s;
    };
    try {
      let aggregator = await open();
      await aggregator.aggregate(events[0]!);
      await aggregator.commitChunk();
      await aggregator.aggregate(events[1]!);
      await aggregator.commitChunk(); // Within the interval: waits.
      await aggregator.aggregate(events[2]!);
      await aggregator.commitChunk();
      const storyId = published()[0]![0];
      expect(published()).toEqual([[storyId, 1, 1]]);
      await new Promise((resolve) => setTimeout(resolve, 1400));
      expect(published()).toEqual([
        [storyId, 1, 1],
        [storyId, 3, 3],
      ]);
      // Version 4 waits for its interval, and the process stops with the broker gone: stored, not published.
      await aggregator.aggregate(events[3]!);
      await aggregator.commitChunk();
      jest.spyOn(broker, 'send').mockRejectedValueOnce(new Error('broker gone'));
      await aggregator.onApplicationShutdown();
      expect(published()).toHaveLength(2);

      // Restarted: version 4 goes out from the store unless version 5 of the next chunk supersedes it first; whatever
      // the timing, versions only rise, and the last out is the latest.
      aggregator = await open();
      await aggregator.aggregate(events[4]!);
      await aggregator.commitChunk();
      await new Promise((resolve) => setTimeout(resolve, 1400));
      await aggregator.onApplicationShutdown();
      const versions = published().map(([, version]) => version!);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
      expect(published().at(-1)).toEqual([storyId, 5, 5]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
