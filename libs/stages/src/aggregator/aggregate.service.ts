import { StoryAggregator } from '@eventwire/clustering';
import { EventExtractedV1, StoryEnrichedV1, TOPICS } from '@eventwire/contracts';
import { encodeOutput, MESSAGE_BROKER, MessageBroker } from '@eventwire/kafka';
import { StoryStore } from '@eventwire/store';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit, Optional } from '@nestjs/common';
import { Subject } from 'rxjs';
import { StageMetrics } from '../runtime/stage-metrics';
import { recordBytes } from '../transport/stage-server';
import { AGGREGATOR_OPTIONS, AggregatorOptions, STORY_STORE } from './aggregator.tokens';

/**
 * The aggregator stage's state in Nest: a {@link StoryAggregator} (the
 * chunks, the coalescing, the publishing queue and the restore, with their
 * guarantees, live there) over the story store, publishing story records on
 * the enriched topic keyed by storyId. This adapter adds the lifecycle (the
 * state restored at start, waiting stories published and the store closed at
 * shutdown), the metrics, and `updates$` for the live stream.
 */
@Injectable()
export class AggregateService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AggregateService.name);
  private readonly aggregator: StoryAggregator;
  /** Every story update as it is published (`record` null: the story was merged into another), for live subscribers. */
  readonly updates$ = new Subject<{ storyId: string; record: StoryEnrichedV1 | null }>();

  constructor(
    @Inject(STORY_STORE) private readonly store: StoryStore,
    @Inject(MESSAGE_BROKER) private readonly broker: MessageBroker,
    @Inject(AGGREGATOR_OPTIONS) options: AggregatorOptions,
    /** A service's `/metrics` (none in the embedded run). */
    @Optional() private readonly metrics?: StageMetrics,
  ) {
    this.aggregator = new StoryAggregator({
      store,
      emitIntervalMs: options.emitIntervalMs,
      log: this.logger,
      publish: (tombstones, records) => this.publish(tombstones, records),
      onChunkStored: (decisions, live) => this.metrics?.stories(decisions, live),
    });
  }

  /** Indexes the newest articles of the store again, so a restarted aggregator goes on with the same stories. */
  async onModuleInit(): Promise<void> {
    await this.aggregator.restoreIfStale();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.aggregator.stop();
    this.updates$.complete();
    await this.store.close();
  }

  /** Takes one article into the open chunk; its stories are stored and published by {@link commitChunk}. */
  aggregate(event: EventExtractedV1): Promise<void> {
    return this.aggregator.aggregate(event);
  }

  /** Ends the open chunk: stored in one transaction, then its stories published (see {@link StoryAggregator.commitChunk}). */
  commitChunk(): Promise<void> {
    return this.aggregator.commitChunk();
  }

  /** The aggregator's publisher: the records on the topic, then counted and told to live subscribers once acknowledged. */
  private async publish(tombstones: readonly string[], records: readonly StoryEnrichedV1[]): Promise<void> {
    const encoded = records.map((value) => encodeOutput({ topic: TOPICS.eventsEnriched, key: value.storyId, value }));
    await this.broker.send([...tombstones.map((id) => encodeOutput({ topic: TOPICS.eventsEnriched, key: id, value: null })), ...encoded]);
    this.metrics?.storyRecords(records.length, tombstones.length);
    // Published on the aggregator's own clock, not as a stage's outputs: their sizes are told here.
    this.metrics?.recordBytes(TOPICS.eventsEnriched, 'produced', encoded.map(recordBytes));
    for (const id of tombstones) this.updates$.next({ storyId: id, record: null });
    for (const record of records) this.updates$.next({ storyId: record.storyId, record });
  }
}
