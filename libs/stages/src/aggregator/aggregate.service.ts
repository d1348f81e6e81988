import { buildStoryRecord, DEFAULT_CLUSTERER_OPTIONS, StoryClusterer } from '@eventwire/clustering';
import { EventExtractedV1, StoryEnrichedV1, TOPICS } from '@eventwire/contracts';
import { encodeOutput, MESSAGE_BROKER, MessageBroker, StageOutput } from '@eventwire/kafka';
import { StoryChange, StoryStore } from '@eventwire/store';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Subject } from 'rxjs';
import { AGGREGATOR_OPTIONS, AggregatorOptions, STORY_STORE } from './aggregator.tokens';

/**
 * Clusters article events into stories, keeps them in the store, and
 * publishes the stories that changed. Exactly once in effect: an article
 * the store has already taken changes nothing and publishes nothing, and a
 * chunk's changes are written to the store in one transaction
 * ({@link commitChunk}) before the chunk's outputs are sent and its offsets
 * committed. When that write fails, the in-memory state is restored from
 * the store and the chunk is delivered again.
 *
 * Publishing is coalesced per story: a story published less than
 * `emitIntervalMs` ago waits, and a timer publishes its latest version when
 * the interval is up (the store remembers which versions subscribers have
 * seen, so a crash in between is made good at the next start).
 * Published records are at-least-once: a record may go out twice, never a
 * lower version after a higher one for the same story from one process.
 */
@Injectable()
export class AggregateService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AggregateService.name);
  // Stories that leave the window live in the store: memory is bounded by the window.
  private clusterer = new StoryClusterer({ keepRetired: false });
  private readonly lastEmit = new Map<string, number>();
  private readonly pending = new Map<string, StoryEnrichedV1>();
  /** The open chunk: its changes for the store, the records waiting on their interval, the latest record of each story. */
  private readonly unsaved: StoryChange[] = [];
  private readonly chunkPending = new Map<string, { record: StoryEnrichedV1; wait: number }>();
  private readonly chunkRecords = new Map<string, StoryEnrichedV1>();
  private readonly chunkSent: StoryEnrichedV1[] = [];
  /** Published with a batch's outputs, to be marked seen in the store at the next flush. */
  private readonly sent: StoryEnrichedV1[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  /** Every story update as it is published (`record` null: the story was merged into another), for live subscribers. */
  readonly updates$ = new Subject<{ storyId: string; record: StoryEnrichedV1 | null }>();

  constructor(
    @Inject(STORY_STORE) private readonly store: StoryStore,
    @Inject(MESSAGE_BROKER) private readonly broker: MessageBroker,
    @Inject(AGGREGATOR_OPTIONS) private readonly options: AggregatorOptions,
  ) {}

  /** Indexes the newest articles of the store again, so a restarted aggregator goes on with the same stories. */
  async onModuleInit(): Promise<void> {
    await this.restore();
  }

  private async restore(): Promise<void> {
    this.clusterer = new StoryClusterer({ keepRetired: false });
    this.lastEmit.clear();
    this.pending.clear();
    this.unsaved.length = 0;
    this.chunkPending.clear();
    this.chunkRecords.clear();
    this.chunkSent.length = 0;
    const recent = await this.store.recentArticles(DEFAULT_CLUSTERER_OPTIONS.windowArticles);
    for (const { event, storyId } of recent) this.clusterer.restore(event, storyId);
    for (const storyId of new Set(recent.map((a) => a.storyId))) {
      const record = await this.store.story(storyId);
      if (record) this.clusterer.adopt(storyId, record.version, record.mergedFrom ?? []);
    }
    const unemitted = await this.store.unemitted();
    for (const record of unemitted) this.pending.set(record.storyId, record);
    if (unemitted.length > 0) this.schedule(0);
    this.logger.log({ msg: 'aggregator state restored', store: this.store.kind, articles: recent.length, unpublished: unemitted.length });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flushing;
    // The open chunk's changes are not committed: its records are delivered again to whoever takes the partition.
    this.unsaved.length = 0;
    this.chunkPending.clear();
    this.chunkSent.length = 0;
    await this.flush();
    this.updates$.complete();
    await this.store.close();
  }

  async aggregate(event: EventExtractedV1, now: Date = new Date()): Promise<StageOutput[]> {
    // Seen before (redelivered after a crash, or replayed): nothing changes, and the story is published again as it
    // stands, in case the crash came before it went out. The store knows every article; the clusterer only the window.
    const known = this.clusterer.storyOf(event.articleId) ?? (await this.store.storyOfArticle(event.articleId));
    if (known != null) {
      const current = this.chunkRecords.get(known) ?? (await this.store.story(known));
      if (!current) return [];
      // The stories merged into it are tombstoned again too: the crash may have come before those went out.
      const merged = (current.mergedFrom ?? []).filter((id) => id !== current.storyId);
      return [
        ...merged.map((id) => ({ topic: TOPICS.eventsEnriched, key: id, value: null })),
        { topic: TOPICS.eventsEnriched, key: current.storyId, value: current },
      ];
    }
    const outcome = this.clusterer.add(event);
    if (outcome.kind === 'duplicate') return []; // Not reached (checked above); narrows the type.
    const story = this.clusterer.get(outcome.storyId)!;
    const record = buildStoryRecord(story, now);
    this.unsaved.push({
      article: event,
      storyId: outcome.storyId,
      stories: [record],
      merged: outcome.merged.map((id) => ({ storyId: id, into: outcome.storyId })),
    });
    this.chunkRecords.set(record.storyId, record);
    const outputs: StageOutput[] = outcome.merged.map((id) => ({ topic: TOPICS.eventsEnriched, key: id, value: null }));
    for (const id of outcome.merged) {
      this.pending.delete(id);
      this.chunkPending.delete(id);
      this.chunkRecords.delete(id);
      this.updates$.next({ storyId: id, record: null });
    }
    const last = this.lastEmit.get(record.storyId);
    const wait = last === undefined ? 0 : last + this.options.emitIntervalMs - now.getTime();
    if (wait <= 0) {
      this.pending.delete(record.storyId);
      this.chunkPending.delete(record.storyId);
      this.lastEmit.set(record.storyId, now.getTime());
      outputs.push({ topic: TOPICS.eventsEnriched, key: record.storyId, value: record });
      this.updates$.next({ storyId: record.storyId, record });
      // Published with this batch, after the store has it. Marked seen at the next flush: if the process dies before the
      // batch is out, the input is redelivered and the story published again (above).
      this.chunkSent.push(record);
    } else {
      // Waits for its interval once the chunk is in the store: a timer never publishes what the store may lose.
      this.chunkPending.set(record.storyId, { record, wait });
    }
    return outputs;
  }

  /**
   * Writes the chunk's changes to the store in one transaction; the chunk's
   * outputs go out after it. If the write fails, the clusterer and the maps
   * are rebuilt from the store (which has none of the chunk), and the error
   * makes the chunk be delivered again.
   */
  async commitChunk(): Promise<void> {
    if (this.unsaved.length > 0) {
      try {
        const takenBefore = await this.store.saveChunk(this.unsaved);
        if (takenBefore.length > 0) this.logger.warn({ msg: 'articles taken before by another aggregator', articles: takenBefore.length });
      } catch (error) {
        this.logger.error({ msg: 'chunk not saved: state restored from the store, chunk to be delivered again', error: String(error) });
        await this.restore();
        throw error;
      }
    }
    for (const [storyId, { record, wait }] of this.chunkPending) {
      this.pending.set(storyId, record);
      this.schedule(wait);
    }
    this.sent.push(...this.chunkSent.splice(0));
    if (this.sent.length > 0) this.schedule(this.options.emitIntervalMs);
    this.unsaved.length = 0;
    this.chunkPending.clear();
    this.chunkRecords.clear();
  }

  private schedule(delayMs: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flushing = this.flush().catch((error: unknown) => {
        this.logger.error({ msg: 'story flush failed, retrying', error: error instanceof Error ? error.message : String(error) });
        this.schedule(this.options.emitIntervalMs);
      });
    }, Math.max(0, delayMs));
    this.timer.unref();
  }

  /** Publishes the stories whose interval is up, and notes in the store what subscribers have seen. */
  private async flush(): Promise<void> {
    const now = Date.now();
    const due = [...this.pending.values()].filter((r) => (this.lastEmit.get(r.storyId) ?? 0) + this.options.emitIntervalMs <= now);
    if (due.length > 0) {
      await this.broker.send(due.map((value) => encodeOutput({ topic: TOPICS.eventsEnriched, key: value.storyId, value })));
      for (const record of due) {
        // While the send was out, the story may have been published from a batch and changed again: keep that change.
        if (this.pending.get(record.storyId) === record) this.pending.delete(record.storyId);
        this.lastEmit.set(record.storyId, now);
        this.updates$.next({ storyId: record.storyId, record });
      }
    }
    await this.store.markAllEmitted([...this.sent.splice(0), ...due]);
    // A story published an interval ago or more may be published again at once: forget it, so the map holds only the recent.
    for (const [storyId, at] of this.lastEmit) if (at + this.options.emitIntervalMs <= now && !this.pending.has(storyId)) this.lastEmit.delete(storyId);
    if (this.pending.size > 0) this.schedule(this.options.emitIntervalMs);
  }
}
