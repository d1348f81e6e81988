import type { EventExtractedV1, StoryEnrichedV1 } from '@eventwire/contracts';
import { ClustererOptions, DEFAULT_CLUSTERER_OPTIONS, StoryClusterer } from './story-clusterer';
import { buildStoryRecord } from './story-record-builder';

/**
 * One article taken: it went into `storyId`, these stories were merged into
 * others, then (a story cut after it, see `splitMinArticles`) these articles
 * moved into the stories cut off.
 */
export interface ArticleChange {
  article: EventExtractedV1;
  storyId: string;
  merged: { storyId: string; into: string }[];
  moved?: { storyId: string; articleIds: string[] }[];
}

/**
 * What the aggregator needs of its store, and all it may do with it
 * (`StoryStore` in @eventwire/store is one). Declared here, on the side that
 * uses it, so this lib stays plain TypeScript that knows no database.
 */
export interface AggregatorStore {
  /** Which store it is, for the logs. */
  readonly kind: string;
  /** The newest `limit` articles, oldest first, with their stories. */
  recentArticles(limit: number): Promise<ReadonlyArray<{ event: EventExtractedV1; storyId: string }>>;
  story(storyId: string): Promise<StoryEnrichedV1 | null>;
  /** The story an article was put in, or null for an article not taken yet. */
  storyOfArticle(articleId: string): Promise<string | null>;
  /** Stories changed since they were last published. */
  unemitted(): Promise<StoryEnrichedV1[]>;
  /** Writes a chunk in one transaction, or nothing of it; returns the ids of its articles taken before. */
  saveChunk(changes: readonly ArticleChange[], stories: readonly StoryEnrichedV1[]): Promise<string[]>;
  /** Notes that subscribers have seen these versions. */
  markEmitted(seen: ReadonlyArray<{ storyId: string; version: number }>): Promise<void>;
}

/**
 * Sends story records (and tombstones of stories merged away, by id) and
 * resolves once the broker has acknowledged them. Called one batch at a
 * time, in the order the versions were made.
 */
export type StoryPublisher = (tombstones: readonly string[], records: readonly StoryEnrichedV1[]) => Promise<void>;

/** A timer the aggregator can cancel. */
export interface AggregatorTimer {
  cancel(): void;
}

/** Time and timers: the system's in a service, a hand-driven one in a test. */
export interface AggregatorClock {
  now(): number;
  /** Runs `run` once after `delayMs`. `run` never rejects; a clock may await it. */
  setTimeout(run: () => Promise<void>, delayMs: number): AggregatorTimer;
}

/** Where the aggregator says what it did: a fixed message and its context in one object. */
export interface AggregatorLog {
  log(fields: Record<string, unknown>): void;
  warn(fields: Record<string, unknown>): void;
  error(fields: Record<string, unknown>): void;
}

/** A stored chunk's clustering decisions: articles that opened or joined a story, stories merged away, and stories cut off others. */
export interface ChunkDecisions {
  created: number;
  joined: number;
  merged: number;
  split: number;
}

export interface StoryAggregatorOptions {
  store: AggregatorStore;
  publish: StoryPublisher;
  /** A story is published at most once per this many milliseconds; changes in between wait and go out together. */
  emitIntervalMs: number;
  log: AggregatorLog;
  /** Called once a chunk is stored, with its decisions and the stories in the window after it (for metrics). */
  onChunkStored?: (decisions: ChunkDecisions, liveStories: number) => void;
  clock?: AggregatorClock;
  /** The clusterer's options over the aggregator's ({@link AGGREGATOR_CLUSTERER_OPTIONS}): for a test that needs another cut. */
  clusterer?: Partial<ClustererOptions>;
}

/**
 * The aggregator's clusterer: stories that leave the window live in the
 * store, so memory is bounded by the window; stories of 30 articles or more
 * are cut again as they grow (see `splitMinArticles`).
 */
export const AGGREGATOR_CLUSTERER_OPTIONS: Partial<ClustererOptions> = { keepRetired: false, splitMinArticles: 30 };

/** The process's clock. Its timers are unref'd: a story waiting for its interval does not keep the process alive (stop publishes it). */
export const SYSTEM_CLOCK: AggregatorClock = {
  now: () => Date.now(),
  setTimeout: (run, delayMs) => {
    const timer = setTimeout(() => void run(), delayMs);
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};

/**
 * Clusters article events into stories, keeps them in the store, and
 * publishes the stories that changed. Exactly once in effect: an article the
 * store has already taken changes nothing, and a chunk's changes are written
 * to the store in one transaction ({@link commitChunk}), then its stories
 * published, before the chunk's offsets are committed. When the write fails,
 * the chunk is delivered again and the in-memory state is restored from the
 * store before its first article is taken again (the store may be away for a
 * while: the stage server retries until it is back).
 *
 * Every story record goes out through one queue, a send at a time, so a
 * story's versions reach the topic in the order they were made (never a
 * lower version after a higher one). Publishing is coalesced per story: a
 * chunk publishes the latest version of each story it changed, and a story
 * published less than `emitIntervalMs` ago waits; a timer publishes its
 * latest version when the interval is up. The store remembers which versions
 * subscribers have seen, so what a crash kept from going out is published at
 * the next start. Published records are at-least-once.
 *
 * Plain TypeScript beside the clusterer it drives: the store, the broker and
 * the timers come in through the narrow ports above, so the whole state
 * machine runs in a unit test; the aggregator's Nest service only wires it.
 */
export class StoryAggregator {
  private clusterer: StoryClusterer;
  private readonly lastEmit = new Map<string, number>();
  /** Stored stories waiting for their interval. */
  private readonly pending = new Map<string, StoryEnrichedV1>();
  /** The open chunk: its changes for the store, and the stories to publish once they are stored. */
  private readonly unsaved: ArticleChange[] = [];
  /** Stories the open chunk changed: their records are built once, when the chunk ends (a big story's is large). */
  private readonly chunkChanged = new Set<string>();
  private readonly chunkTombstones = new Set<string>();
  /** Already stored, published again (a redelivered article's story, in case a crash kept it from going out). */
  private readonly chunkRepublish = new Map<string, StoryEnrichedV1>();
  /** The open chunk's clustering decisions, counted once the chunk is stored (a failed chunk's are made again). */
  private chunkDecisions: ChunkDecisions = { created: 0, joined: 0, merged: 0, split: 0 };
  private timer: AggregatorTimer | null = null;
  /**
   * The clusterer does not hold the store's state (not restored yet, or a chunk's write failed, leaving it with
   * articles the store does not have): it is rebuilt from the store before the next article is taken.
   */
  private stale = true;
  /** The restore under way: the start's and the first article's wait for the same one (see {@link restoreIfStale}). */
  private restoring: Promise<void> | null = null;
  /** The publishing queue: each send starts when the one before it is acknowledged. */
  private publishing: Promise<unknown> = Promise.resolve();
  private readonly store: AggregatorStore;
  private readonly clock: AggregatorClock;

  constructor(private readonly options: StoryAggregatorOptions) {
    this.store = options.store;
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.clusterer = this.newClusterer();
  }

  private newClusterer(): StoryClusterer {
    return new StoryClusterer({ ...AGGREGATOR_CLUSTERER_OPTIONS, ...this.options.clusterer });
  }

  /**
   * Rebuilds the state from the store unless it holds it already. One
   * restore at a time, and none over a restored state. In the service the
   * consumer starts before the module's init hooks run (a hybrid Nest app
   * starts its microservices first), so the first chunk may come while the
   * start's restore is under way: a second restore beside it rebuilt the
   * clusterer under the first, and one begun after the chunk's first
   * articles were taken dropped them from the chunk, whose offsets were then
   * committed without them.
   */
  restoreIfStale(): Promise<void> {
    if (!this.stale) return Promise.resolve();
    this.restoring ??= this.restore().finally(() => (this.restoring = null));
    return this.restoring;
  }

  /** Indexes the newest articles of the store again, so a restarted aggregator goes on with the same stories. */
  private async restore(): Promise<void> {
    this.clusterer = this.newClusterer();
    this.lastEmit.clear();
    this.pending.clear();
    this.clearChunk();
    const recent = await this.store.recentArticles(DEFAULT_CLUSTERER_OPTIONS.windowArticles);
    for (const { event, storyId } of recent) this.clusterer.restore(event, storyId);
    for (const storyId of new Set(recent.map((a) => a.storyId))) {
      const record = await this.store.story(storyId);
      if (record) this.clusterer.adopt(storyId, record.version, record.mergedFrom ?? [], record.splitFrom ?? null);
    }
    const unemitted = await this.store.unemitted();
    for (const record of unemitted) this.pending.set(record.storyId, record);
    if (unemitted.length > 0) this.schedule(0);
    this.stale = false;
    this.options.log.log({ msg: 'aggregator state restored', store: this.store.kind, articles: recent.length, unpublished: unemitted.length });
  }

  private clearChunk(): void {
    this.unsaved.length = 0;
    this.chunkChanged.clear();
    this.chunkTombstones.clear();
    this.chunkRepublish.clear();
    this.chunkDecisions = { created: 0, joined: 0, merged: 0, split: 0 };
  }

  /** Stops the timer, drops the open chunk and publishes every waiting story; a failure to publish is logged, not thrown. */
  async stop(): Promise<void> {
    this.timer?.cancel();
    this.timer = null;
    // The open chunk is not committed: its records are delivered again to whoever takes the partition.
    this.clearChunk();
    await this.enqueue(() => this.flush(true)).catch((error: unknown) => {
      this.options.log.error({ msg: 'stories not published at shutdown: published at the next start', error: String(error) });
    });
  }

  /** Takes one article into the open chunk; its stories are stored and published by {@link commitChunk}. */
  async aggregate(event: EventExtractedV1): Promise<void> {
    // Before the first article, after a failed write, and again after each failed attempt at it while the store is away.
    if (this.stale) await this.restoreIfStale();
    // Seen before (redelivered after a crash, or replayed): nothing changes, and the story is published again as it
    // stands, in case the crash came before it went out. The store knows every article; the clusterer only the window.
    const known = this.clusterer.storyOf(event.articleId) ?? (await this.store.storyOfArticle(event.articleId));
    if (known != null) {
      if (this.chunkChanged.has(known)) return; // Changed in this chunk: published with it.
      const current = await this.store.story(known);
      if (current) {
        this.chunkRepublish.set(current.storyId, current);
        // The stories merged into it are tombstoned again too: the crash may have come before those went out.
        for (const id of current.mergedFrom ?? []) if (id !== current.storyId) this.chunkTombstones.add(id);
      }
      return;
    }
    const outcome = this.clusterer.add(event);
    if (outcome.kind === 'duplicate') return; // Not reached (checked above); narrows the type.
    const split = outcome.split ?? [];
    // Merges come before the cut: they went into the story the cut was made from.
    const into = split.length > 0 ? split[0]!.from : outcome.storyId;
    this.unsaved.push({
      article: event,
      storyId: outcome.storyId,
      merged: outcome.merged.map((id) => ({ storyId: id, into })),
      ...(split.length > 0 ? { moved: split.map((part) => ({ storyId: part.storyId, articleIds: part.articleIds })) } : {}),
    });
    for (const id of outcome.merged) {
      this.chunkChanged.delete(id);
      this.chunkRepublish.delete(id);
      this.chunkTombstones.add(id);
    }
    // A cut story goes out in a new version without the members that moved, beside the stories cut off it.
    for (const id of [outcome.storyId, ...split.flatMap((part) => [part.from, part.storyId])]) {
      this.chunkChanged.add(id);
      this.chunkRepublish.delete(id);
    }
    this.chunkDecisions[outcome.kind] += 1;
    this.chunkDecisions.merged += outcome.merged.length;
    this.chunkDecisions.split += split.length;
  }

  /**
   * Ends the open chunk: writes its changes to the store in one transaction,
   * then publishes what it changed (stories merged away as tombstones, each
   * changed story's latest version unless it waits for its interval, and the
   * stories of redelivered articles). If the write fails, the error makes
   * the chunk be delivered again, and the clusterer and the maps are rebuilt
   * from the store (which has none of the chunk) before it is.
   */
  async commitChunk(): Promise<void> {
    const now = this.clock.now();
    // Each changed story's record as the chunk leaves it.
    const changed = [...this.chunkChanged].flatMap((id) => {
      const story = this.clusterer.get(id);
      return story ? [buildStoryRecord(story, new Date(now))] : [];
    });
    if (this.unsaved.length > 0) {
      try {
        const takenBefore = await this.store.saveChunk(this.unsaved, changed);
        if (takenBefore.length > 0) this.options.log.warn({ msg: 'articles taken before by another aggregator', articles: takenBefore.length });
        this.options.onChunkStored?.(this.chunkDecisions, this.clusterer.size);
      } catch (error) {
        this.options.log.error({ msg: 'chunk not saved: to be delivered again, on state restored from the store', error: String(error) });
        this.clearChunk();
        this.stale = true;
        throw error;
      }
    }
    const tombstones = [...this.chunkTombstones];
    // A story this chunk changed goes out in its new version, not as it was stored before.
    const republish = [...this.chunkRepublish.values()].filter((r) => !this.chunkChanged.has(r.storyId) && !this.chunkTombstones.has(r.storyId));
    this.clearChunk();
    for (const id of tombstones) {
      this.pending.delete(id);
      this.lastEmit.delete(id);
    }
    const publishNow: StoryEnrichedV1[] = [...republish];
    for (const record of changed) {
      const last = this.lastEmit.get(record.storyId);
      if (last === undefined || last + this.options.emitIntervalMs <= now) publishNow.push(record);
      else {
        this.pending.set(record.storyId, record);
        this.schedule(last + this.options.emitIntervalMs - now);
      }
    }
    if (tombstones.length === 0 && publishNow.length === 0) return;
    await this.enqueue(() => this.publish(tombstones, publishNow, now));
  }

  /** Runs `step` after every publishing step before it has finished. */
  private enqueue(step: () => Promise<void>): Promise<void> {
    const run = this.publishing.catch(() => undefined).then(step);
    this.publishing = run;
    return run;
  }

  /** Sends tombstones and records, then notes in the store that subscribers have seen them. Only ever run from the queue. */
  private async publish(tombstones: string[], records: StoryEnrichedV1[], now: number): Promise<void> {
    // A story published here is not published again from the waiting list with an older version.
    for (const record of records) {
      const waiting = this.pending.get(record.storyId);
      if (waiting && waiting.version <= record.version) this.pending.delete(record.storyId);
    }
    await this.options.publish(tombstones, records);
    for (const record of records) this.lastEmit.set(record.storyId, now);
    await this.store.markEmitted(records);
  }

  private schedule(delayMs: number): void {
    if (this.timer) return;
    this.timer = this.clock.setTimeout(async () => {
      this.timer = null;
      await this.enqueue(() => this.flush()).catch((error: unknown) => {
        this.options.log.error({ msg: 'story flush failed, retrying', error: error instanceof Error ? error.message : String(error) });
        this.schedule(this.options.emitIntervalMs);
      });
    }, Math.max(0, delayMs));
  }

  /** Publishes the waiting stories whose interval is up (all of them at shutdown). Only ever run from the queue. */
  private async flush(all = false): Promise<void> {
    const now = this.clock.now();
    const due = [...this.pending.values()].filter((r) => all || (this.lastEmit.get(r.storyId) ?? 0) + this.options.emitIntervalMs <= now);
    if (due.length > 0) await this.publish([], due, now);
    // A story published an interval ago or more may be published again at once: forget it, so the map holds only the recent.
    for (const [storyId, at] of this.lastEmit) if (at + this.options.emitIntervalMs <= now && !this.pending.has(storyId)) this.lastEmit.delete(storyId);
    if (this.pending.size > 0) this.schedule(this.options.emitIntervalMs);
  }
}
