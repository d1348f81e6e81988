import type { EventExtractedV1, StoryEnrichedV1 } from '@eventwire/contracts';
import { EventExtractor } from '@eventwire/extraction';
import { ArticleIngester } from '@eventwire/ingestion';
import { InMemoryMessageBroker, StageOutput } from '@eventwire/kafka';
import { KnowledgeBase } from '@eventwire/kb';
import { openSqlClient, StoryStore } from '@eventwire/store';
import { Logger } from '@nestjs/common';
import { ArticleTranslator, KbTermMatcher, StubTranslationEngine } from '@eventwire/translation';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AggregateService } from './aggregate.service';

const records = (outputs: StageOutput[]): StoryEnrichedV1[] => outputs.flatMap((o) => (o.value ? [o.value as StoryEnrichedV1] : []));

/** The aggregator's chunk protocol over a real store, with the five seed articles through the real stages. */
describe(AggregateService.name, () => {
  jest.setTimeout(60_000);
  let events: EventExtractedV1[];
  let store: StoryStore;
  let service: AggregateService;

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
    service = new AggregateService(store, new InMemoryMessageBroker(), { emitIntervalMs: 0 });
    await service.onModuleInit();
  });

  afterEach(async () => {
    await service.onApplicationShutdown();
  });

  it('writes a chunk to the store only when the chunk is complete, and a redelivered article then changes nothing', async () => {
    const first = [];
    for (const event of events.slice(0, 3)) first.push(...(await service.aggregate(event)));
    expect(await store.storyOfArticle(events[0]!.articleId)).toBeNull();
    await service.commitChunk();
    const storyId = (await store.storyOfArticle(events[0]!.articleId))!;
    expect(storyId).not.toBeNull();
    expect(records(first).map((r) => r.numArticles)).toEqual([1, 2, 3]);

    // A chunk delivered again after its commit (its outputs not acknowledged): the story as it stands, no new version.
    const again = records(await service.aggregate(events[1]!));
    expect(again.map((r) => [r.storyId, r.version, r.numArticles])).toEqual([[storyId, records(first)[2]!.version, 3]]);
    await service.commitChunk();
    expect((await store.story(storyId))?.numArticles).toBe(3);
  });

  it('when the chunk cannot be written, forgets it, and takes it whole when it is delivered again', async () => {
    for (const event of events.slice(0, 2)) await service.aggregate(event);
    await service.commitChunk();
    const saveChunk = jest.spyOn(store, 'saveChunk').mockRejectedValueOnce(new Error('connection terminated'));
    for (const event of events.slice(2)) await service.aggregate(event);
    await expect(service.commitChunk()).rejects.toThrow('connection terminated');
    expect(await store.storyOfArticle(events[2]!.articleId)).toBeNull();

    // Delivered again: the three articles are new to the restored state and go in, once.
    const outputs = [];
    for (const event of events.slice(2)) outputs.push(...(await service.aggregate(event)));
    await service.commitChunk();
    expect(saveChunk).toHaveBeenCalledTimes(2);
    expect(records(outputs).map((r) => r.numArticles)).toEqual([3, 4, 5]);
    const storyIds = await Promise.all(events.map((e) => store.storyOfArticle(e.articleId)));
    expect(new Set(storyIds).size).toBe(1);
    expect((await store.story(storyIds[0]!))?.numArticles).toBe(5);
  });
});
