import type { EventExtractedV1, StoryEnrichedV1 } from '@eventwire/contracts';
import { openSqlClient, StoryStore } from '@eventwire/store';
import { extractedSeeds } from '../../../test/support/seed-events';
import { twoEventFront } from '../../../test/support/synthetic-events';
import { AggregatorClock, AggregatorLog, StoryAggregator, StoryAggregatorOptions } from './story-aggregator';

/** A clock moved by hand: its timers run, in order, when it is moved past them. */
class ManualClock implements AggregatorClock {
  private at = 0;
  private timers: Array<{ due: number; run: () => Promise<void>; cancelled: boolean }> = [];

  now(): number {
    return this.at;
  }

  setTimeout(run: () => Promise<void>, delayMs: number): { cancel(): void } {
    const timer = { due: this.at + delayMs, run, cancelled: false };
    this.timers.push(timer);
    return { cancel: () => (timer.cancelled = true) };
  }

  /** Moves to `ms` later, running (and waiting for) each timer that falls due, those set by a timer too. */
  async advance(ms: number): Promise<void> {
    const to = this.at + ms;
    for (;;) {
      const next = this.timers.filter((t) => !t.cancelled && t.due <= to).sort((a, b) => a.due - b.due)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.at = Math.max(this.at, next.due);
      await next.run();
    }
    this.at = to;
  }
}

const SILENT: AggregatorLog = { log: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The aggregator's state machine without Nest or a broker: the five seed
 * articles (one story) through the real ingest, translate and extract steps,
 * an in-memory store, a publisher that records what it is given, and a clock
 * moved by hand.
 */
describe(StoryAggregator.name, () => {
  jest.setTimeout(60_000);
  let events: EventExtractedV1[];
  let store: StoryStore;
  let clock: ManualClock;
  /** What was published, batch by batch: [storyId, version, numArticles] (a tombstone as [storyId, null, 0]). */
  let batches: Array<Array<[string, number | null, number]>>;
  const published = (): Array<[string, number | null, number]> => batches.flat();
  const aggregatorOf = (options: Partial<StoryAggregatorOptions> = {}): StoryAggregator =>
    new StoryAggregator({
      store,
      emitIntervalMs: 0,
      log: SILENT,
      clock,
      publish: async (tombstones, records) => {
        batches.push([...tombstones.map((id): [string, null, number] => [id, null, 0]), ...records.map((r): [string, number, number] => [r.storyId, r.version, r.numArticles])]);
      },
      ...options,
    });

  beforeAll(async () => {
    events = await extractedSeeds();
    expect(events).toHaveLength(5);
  });

  beforeEach(async () => {
    store = await StoryStore.open(openSqlClient('memory:'));
    clock = new ManualClock();
    batches = [];
  });

  afterEach(async () => {
    await store.close();
  });

  it('stores a chunk of seed articles as one story when the chunk ends, and publishes that story once per chunk', async () => {
    const stored = jest.fn();
    const aggregator = aggregatorOf({ onChunkStored: stored });
    for (const event of events.slice(0, 3)) await aggregator.aggregate(event);
    expect(await store.storyOfArticle(events[0]!.articleId)).toBeNull();
    expect(batches).toEqual([]);

    await aggregator.commitChunk();
    const storyId = (await store.storyOfArticle(events[0]!.articleId))!;
    expect(await Promise.all(events.slice(0, 3).map((e) => store.storyOfArticle(e.articleId)))).toEqual([storyId, storyId, storyId]);
    expect(batches).toEqual([[[storyId, 3, 3]]]);
    expect(stored).toHaveBeenCalledWith({ created: 1, joined: 2, merged: 0, split: 0 }, 1);

    for (const event of events.slice(3)) await aggregator.aggregate(event);
    await aggregator.commitChunk();
    expect(batches).toEqual([[[storyId, 3, 3]], [[storyId, 5, 5]]]);
    expect(await store.unemitted()).toEqual([]);
  });

  it('publishes a story at most once per interval: the versions made within it wait, and the latest goes out when it is up', async () => {
    const aggregator = aggregatorOf({ emitIntervalMs: 1000 });
    await aggregator.restoreIfStale();
    await aggregator.aggregate(events[0]!);
    await aggregator.commitChunk();
    const storyId = published()[0]![0];
    await clock.advance(100);
    await aggregator.aggregate(events[1]!);
    await aggregator.commitChunk();
    await clock.advance(100);
    await aggregator.aggregate(events[2]!);
    await aggregator.commitChunk();
    await clock.advance(799);
    expect(published()).toEqual([[storyId, 1, 1]]);
    // Stored, not yet seen by subscribers: a crash now would publish it at the next start.
    expect((await store.unemitted()).map((r) => r.version)).toEqual([3]);

    await clock.advance(1);
    expect(published()).toEqual([
      [storyId, 1, 1],
      [storyId, 3, 3],
    ]);
    expect(await store.unemitted()).toEqual([]);
  });

  it('publishes one batch at a time, so a story\'s versions reach the publisher in the order they were made', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    const versions: number[] = [];
    const aggregator = aggregatorOf({
      emitIntervalMs: 1000,
      // A broker slow to acknowledge: a send begun before the one before it is acknowledged would overlap it.
      publish: async (_tombstones, records) => {
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 20));
        versions.push(...records.map((r) => r.version));
        inFlight -= 1;
      },
    });
    await aggregator.aggregate(events[0]!);
    await aggregator.commitChunk();
    await clock.advance(500);
    await aggregator.aggregate(events[1]!);
    await aggregator.commitChunk(); // Waits for the timer.
    // The timer's version 2 is being sent when the next chunk's version 3, due at the same moment, is committed.
    const flushed = clock.advance(500);
    await aggregator.aggregate(events[2]!);
    await aggregator.commitChunk();
    await flushed;
    expect(versions).toEqual([1, 2, 3]);
    expect(mostInFlight).toBe(1);
  });

  it('when a chunk cannot be stored, publishes nothing of it and restores its state from the store before the chunk comes again', async () => {
    const aggregator = aggregatorOf();
    for (const event of events.slice(0, 2)) await aggregator.aggregate(event);
    await aggregator.commitChunk();
    const saveChunk = jest.spyOn(store, 'saveChunk').mockRejectedValueOnce(new Error('connection terminated'));
    for (const event of events.slice(2)) await aggregator.aggregate(event);
    await expect(aggregator.commitChunk()).rejects.toThrow('connection terminated');
    expect(await store.storyOfArticle(events[2]!.articleId)).toBeNull();
    expect(published().map(([, version]) => version)).toEqual([2]);

    // Delivered again: the state is rebuilt from the store first, where the three articles are new, and they go in once.
    const recent = jest.spyOn(store, 'recentArticles');
    for (const event of events.slice(2)) await aggregator.aggregate(event);
    expect(recent).toHaveBeenCalledTimes(1);
    await aggregator.commitChunk();
    expect(saveChunk).toHaveBeenCalledTimes(2);
    const storyIds = await Promise.all(events.map((e) => store.storyOfArticle(e.articleId)));
    expect(new Set(storyIds).size).toBe(1);
    expect(published()).toEqual([
      [storyIds[0], 2, 2],
      [storyIds[0], 5, 5],
    ]);
  });

  it('takes the articles that come during the start\'s restore on the restored state, restoring once', async () => {
    const first = aggregatorOf();
    for (const event of events.slice(0, 2)) await first.aggregate(event);
    await first.commitChunk();
    const storyId = (await store.storyOfArticle(events[0]!.articleId))!;
    const recent = jest.spyOn(store, 'recentArticles');

    const restarted = aggregatorOf();
    const taken = restarted.aggregate(events[2]!);
    const start = restarted.restoreIfStale();
    await taken;
    await restarted.aggregate(events[3]!);
    await start;
    await restarted.commitChunk();
    expect(recent).toHaveBeenCalledTimes(1);
    expect(await Promise.all(events.slice(0, 4).map((e) => store.storyOfArticle(e.articleId)))).toEqual([storyId, storyId, storyId, storyId]);
    expect(published().at(-1)).toEqual([storyId, 4, 4]);
  });

  it('changes nothing for a redelivered article, in the same process or after a restart, and publishes its story again as it stands', async () => {
    const aggregator = aggregatorOf();
    for (const event of events.slice(0, 3)) await aggregator.aggregate(event);
    await aggregator.commitChunk();
    const storyId = (await store.storyOfArticle(events[0]!.articleId))!;
    const before = await store.story(storyId);
    const saveChunk = jest.spyOn(store, 'saveChunk');

    await aggregator.aggregate(events[1]!);
    await aggregator.commitChunk();
    // The clusterer forgot nothing either: the restarted one finds the article in the store.
    const restarted = aggregatorOf();
    await restarted.aggregate(events[0]!);
    await restarted.commitChunk();

    expect(saveChunk).not.toHaveBeenCalled();
    expect(await store.story(storyId)).toEqual(before);
    expect(published()).toEqual([
      [storyId, 3, 3],
      [storyId, 3, 3],
      [storyId, 3, 3],
    ]);
  });

  it('at stop, publishes the stories waiting for their interval at once', async () => {
    const aggregator = aggregatorOf({ emitIntervalMs: 1000 });
    await aggregator.aggregate(events[0]!);
    await aggregator.commitChunk();
    await aggregator.aggregate(events[1]!);
    await aggregator.commitChunk();
    expect(published().map(([, version]) => version)).toEqual([1]);
    await aggregator.stop();
    expect(published().map(([, version]) => version)).toEqual([1, 2]);
    expect(await store.unemitted()).toEqual([]);
  });

  it('stores and publishes a cut: the articles that moved are in the new story, the old one goes out without them, and the parts stay apart after a restart', async () => {
    const records: StoryEnrichedV1[] = [];
    const stored = jest.fn();
    const options: Partial<StoryAggregatorOptions> = {
      clusterer: { splitCut: 0.2 },
      onChunkStored: stored,
      publish: async (_tombstones, published) => void records.push(...published),
    };
    const aggregator = aggregatorOf(options);
    const { other, airport, truce } = twoEventFront();
    // Chunks of ten: a cut's moves land in the store in the same transaction as the articles they move.
    const stream = [...other, ...airport, ...truce];
    for (let i = 0; i < stream.length; i += 10) {
      for (const event of stream.slice(i, i + 10)) await aggregator.aggregate(event);
      await aggregator.commitChunk();
    }

    const truceStory = (await store.storyOfArticle('truce0'))!;
    expect(truceStory).not.toBe('story-air0');
    expect(new Set(await Promise.all(truce.map((e) => store.storyOfArticle(e.articleId))))).toEqual(new Set([truceStory]));
    expect(new Set(await Promise.all(airport.map((e) => store.storyOfArticle(e.articleId))))).toEqual(new Set(['story-air0']));
    expect(stored.mock.calls.reduce((n, [decisions]) => n + (decisions as { split: number }).split, 0)).toBe(1);
    // The latest record of each part holds its own event only, and the new one says where it came from.
    const latest = (id: string): StoryEnrichedV1 => records.filter((r) => r.storyId === id).at(-1)!;
    expect(new Set(latest('story-air0').articles.map((a) => a.articleId))).toEqual(new Set(airport.map((e) => e.articleId)));
    expect(latest('story-air0').splitFrom).toBeNull();
    expect(latest(truceStory)).toMatchObject({ numArticles: 16, splitFrom: 'story-air0' });
    expect(await store.story(truceStory)).toEqual(latest(truceStory));
    expect(await store.unemitted()).toEqual([]);

    // A restarted aggregator restores the parts from the store: the truce's next report joins the truce, not the airport.
    const restarted = aggregatorOf(options);
    const next = { ...truce[0]!, articleId: 'truce16', publishedAt: '2015-07-25T09:00:00.000Z' };
    await restarted.aggregate(next);
    await restarted.commitChunk();
    expect(await store.storyOfArticle('truce16')).toBe(truceStory);
    expect(latest('story-air0').numArticles).toBe(16);
  });
});
