import type { EventExtractedV1, StoryEnrichedV1 } from '@eventwire/contracts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticEvent } from '../../../test/support/synthetic-events';
import { openSqlClient } from './open-store';
import { StoryStore } from './story-store';

/** An article the store takes: its contents do not matter here, only its id. */
const article = (articleId: string): EventExtractedV1 => syntheticEvent(articleId, [], { eventType: 'MOBILIZE' });

function story(storyId: string, version: number, extra: Partial<StoryEnrichedV1> = {}): StoryEnrichedV1 {
  return {
    schemaVersion: 1,
    storyId,
    version,
    updatedAt: `2022-01-12T00:00:0${version}.000Z`,
    title: 'قوات حفظ سلام إلى كازاخستان',
    titleEn: null,
    dateRange: { start: '2022-01-06', end: '2022-01-11' },
    articles: [],
    numArticles: version,
    numSources: version,
    languages: ['ar'],
    entities: [
      { id: 'country:KAZ', type: 'country', name: 'Kazakhstan', countryCode: 'KAZ', articleCount: 1, articleIds: ['a1'] },
      { id: 'org:csto', type: 'organization', name: 'CSTO', articleCount: 1, articleIds: ['a1'] },
    ],
    quantities: [],
    eventTypes: ['MOBILIZE'],
    ...extra,
  };
}

describe(StoryStore.name, () => {
  let store: StoryStore;

  beforeEach(async () => {
    store = await StoryStore.open(openSqlClient('memory:'));
  });

  afterEach(async () => {
    await store.close();
  });

  it('takes an article once, with the stories it changed, in one transaction', async () => {
    expect(await store.save({ article: article('a1'), storyId: 's1', stories: [story('s1', 1)], merged: [] })).toBe(true);
    expect(await store.save({ article: article('a1'), storyId: 's1', stories: [story('s1', 2)], merged: [] })).toBe(false);
    expect(await store.storyOfArticle('a1')).toBe('s1');
    expect((await store.story('s1'))?.version).toBe(1);
    expect(await store.article('a1')).toMatchObject({ articleId: 'a1', storyId: 's1', event: { title: 'title a1' } });
  });

  it('keeps an article’s body for reading it back, and leaves it out of what a restart indexes again', async () => {
    const body = 'أرسلت روسيا نحو 2500 جندي إلى كازاخستان.';
    await store.save({ article: { ...article('a1'), body }, storyId: 's1', stories: [story('s1', 1)], merged: [] });
    expect((await store.article('a1'))?.event.body).toBe(body);
    const [recent] = await store.recentArticles(10);
    expect(recent).toMatchObject({ articleId: 'a1', event: { title: 'title a1' } });
    expect(recent!.event).not.toHaveProperty('body');
  });

  it('follows a merged story to the one it went into, and moves its articles', async () => {
    await store.save({ article: article('a1'), storyId: 's1', stories: [story('s1', 1)], merged: [] });
    await store.save({ article: article('a2'), storyId: 's2', stories: [story('s2', 1)], merged: [] });
    await store.save({ article: article('a3'), storyId: 's1', stories: [story('s1', 3, { mergedFrom: ['s2'] })], merged: [{ storyId: 's2', into: 's1' }] });
    expect((await store.story('s2'))?.storyId).toBe('s1');
    expect((await store.article('a2'))?.storyId).toBe('s1');
    expect((await store.stories()).total).toBe(1);
    expect((await store.recentArticles(10)).map((a) => [a.articleId, a.storyId])).toEqual([
      ['a1', 's1'],
      ['a2', 's1'],
      ['a3', 's1'],
    ]);
  });

  it('records a chunk of changes in one go as saving them one by one does, merges within the chunk included', async () => {
    const changes = [
      { article: article('a1'), storyId: 's1', stories: [story('s1', 1)], merged: [] },
      { article: article('a2'), storyId: 's2', stories: [story('s2', 1)], merged: [] },
      { article: article('a3'), storyId: 's1', stories: [story('s1', 2)], merged: [] },
      { article: article('a4'), storyId: 's3', stories: [story('s3', 1)], merged: [] },
      { article: article('a5'), storyId: 's2', stories: [story('s2', 3, { mergedFrom: ['s1'] })], merged: [{ storyId: 's1', into: 's2' }] },
      { article: article('a6'), storyId: 's3', stories: [story('s3', 4, { mergedFrom: ['s2'] })], merged: [{ storyId: 's2', into: 's3' }] },
      { article: article('a7'), storyId: 's4', stories: [story('s4', 1)], merged: [] },
    ];
    const dump = async (s: StoryStore) => ({
      articles: (await s.recentArticles(100)).map((a) => [a.articleId, a.storyId]),
      stories: await Promise.all(['s1', 's2', 's3', 's4'].map(async (id) => [id, (await s.story(id))?.storyId, (await s.story(id))?.version])),
      listed: (await s.stories()).stories.map((r) => [r.storyId, r.version]),
      unemitted: (await s.unemitted()).map((r) => [r.storyId, r.version]),
    });
    // One article taken before the chunk, in the story the chunk merges away.
    const earlier = { article: article('a0'), storyId: 's1', stories: [story('s1', 1)], merged: [] };
    await store.save(earlier);
    for (const change of changes) await store.save(change);
    const chunked = await StoryStore.open(openSqlClient('memory:'));
    try {
      await chunked.save(earlier);
      // The chunk's stories as it leaves them: those merged away are rows of the merges.
      expect(await chunked.saveChunk(changes, [story('s3', 4, { mergedFrom: ['s2'] }), story('s4', 1)])).toEqual([]);
      expect(await dump(chunked)).toEqual(await dump(store));
      expect((await dump(chunked)).articles).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'].map((id) => [id, id === 'a7' ? 's4' : 's3']));
      // A chunk that brings an article taken before changes nothing of it, and says so.
      expect(await chunked.saveChunk([{ article: article('a7'), storyId: 's9', merged: [] }], [story('s9', 1)])).toEqual(['a7']);
      expect(await chunked.story('s9')).toBeNull();
      expect((await chunked.article('a7'))?.storyId).toBe('s4');
      await chunked.markEmitted([
        { storyId: 's3', version: 1 },
        { storyId: 's3', version: 4 },
        { storyId: 's4', version: 1 },
      ]);
      expect((await chunked.unemitted()).map((r) => r.storyId)).toEqual([]);
    } finally {
      await chunked.close();
    }
  });

  it('moves the articles of a cut in the order of the chunk, between the merges before and after it', async () => {
    const changes = [
      { article: article('a1'), storyId: 's1', merged: [] },
      { article: article('a2'), storyId: 's1', merged: [] },
      { article: article('a3'), storyId: 's2', merged: [] },
      // a4 bridges s2 into s1, then s1 is cut: a2 and a3 report another event and go on as s5.
      { article: article('a4'), storyId: 's1', merged: [{ storyId: 's2', into: 's1' }], moved: [{ storyId: 's5', articleIds: ['a2', 'a3'] }] },
      // s5 is merged into a story that arrived later: its articles, moved ones included, follow it.
      { article: article('a5'), storyId: 's6', merged: [{ storyId: 's5', into: 's6' }] },
    ];
    const records = [story('s1', 3), story('s6', 2, { mergedFrom: ['s5'] })];
    const whereTheyAre = async (s: StoryStore) => (await s.recentArticles(10)).map((a) => [a.articleId, a.storyId]);
    expect(await store.saveChunk(changes, records)).toEqual([]);
    const expected = [
      ['a1', 's1'],
      ['a2', 's6'],
      ['a3', 's6'],
      ['a4', 's1'],
      ['a5', 's6'],
    ];
    expect(await whereTheyAre(store)).toEqual(expected);
    const oneByOne = await StoryStore.open(openSqlClient('memory:'));
    try {
      for (const change of changes) await oneByOne.saveChunk([change], []);
      expect(await whereTheyAre(oneByOne)).toEqual(expected);
    } finally {
      await oneByOne.close();
    }
  });

  it('filters stories by country, entity, event type, dates and text, with paging', async () => {
    await store.save({ article: article('a1'), storyId: 's1', stories: [story('s1', 1)], merged: [] });
    const other = story('s2', 1, {
      title: 'Floods in Jeddah',
      dateRange: { start: '2015-07-21', end: '2015-07-22' },
      entities: [
        { id: 'location:jeddah', type: 'location', name: 'Jeddah', countryCode: 'SAU', articleCount: 1, articleIds: ['a2'] },
        { id: 'location:srwj', type: 'location', name: 'سروج', articleCount: 1, articleIds: ['a2'], spellings: [{ id: 'location:swrwtsh', name: 'سوروتش' }] },
      ],
      eventTypes: [],
    });
    await store.save({ article: article('a2'), storyId: 's2', stories: [other], merged: [] });
    const ids = async (filter: Parameters<StoryStore['stories']>[0]) => (await store.stories(filter)).stories.map((s) => s.storyId);
    expect(await ids({ country: 'KAZ' })).toEqual(['s1']);
    expect(await ids({ country: 'SAU' })).toEqual(['s2']);
    expect(await ids({ entity: 'org:csto' })).toEqual(['s1']);
    // An unlisted name is found under any of its spellings' ids.
    expect(await ids({ entity: 'location:srwj' })).toEqual(['s2']);
    expect(await ids({ entity: 'location:swrwtsh' })).toEqual(['s2']);
    expect(await ids({ entity: 'location:swrwj' })).toEqual([]);
    expect(await ids({ eventType: 'MOBILIZE' })).toEqual(['s1']);
    expect(await ids({ from: '2022-01-01', to: '2022-01-31' })).toEqual(['s1']);
    expect(await ids({ to: '2016-01-01' })).toEqual(['s2']);
    expect(await ids({ text: 'jeddah' })).toEqual(['s2']);
    expect(await ids({ text: '100%_' })).toEqual([]);
    const page = await store.stories({ limit: 1, offset: 1 });
    expect(page.total).toBe(2);
    expect(page.stories).toHaveLength(1);
  });

  it('lists the stories whose latest version subscribers have not seen', async () => {
    await store.save({ article: article('a1'), storyId: 's1', stories: [story('s1', 1)], merged: [] });
    await store.save({ article: article('a2'), storyId: 's2', stories: [story('s2', 1)], merged: [] });
    await store.markEmitted([{ storyId: 's1', version: 1 }]);
    expect((await store.unemitted()).map((s) => s.storyId)).toEqual(['s2']);
  });

  it('keeps its state on disk across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eventwire-store-'));
    try {
      const first = await StoryStore.open(openSqlClient(`pglite://${dir}`));
      await first.save({ article: { ...article('a1'), body: 'نص المقال' }, storyId: 's1', stories: [story('s1', 1)], merged: [] });
      await first.close();
      const second = await StoryStore.open(openSqlClient(`pglite://${dir}`));
      expect(await second.storyOfArticle('a1')).toBe('s1');
      expect((await second.article('a1'))?.event.body).toBe('نص المقال');
      expect((await second.story('s1'))?.title).toBe('قوات حفظ سلام إلى كازاخستان');
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Two starts of an embedded PostgreSQL on disk: seconds each on a busy two-core machine.
  }, 60_000);
});
