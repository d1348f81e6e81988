import { buildStoryRecord, StoryClusterer } from '@eventwire/clustering';
import { EventExtractedV1, TOPICS } from '@eventwire/contracts';
import { StageOutput } from '@eventwire/kafka';
import { Injectable } from '@nestjs/common';

/**
 * Clusters article events into stories and publishes the changed story. A
 * redelivered article (same id) changes nothing and publishes nothing.
 */
@Injectable()
export class AggregateService {
  private readonly clusterer = new StoryClusterer();

  aggregate(event: EventExtractedV1, now: Date = new Date()): StageOutput[] {
    const outcome = this.clusterer.add(event);
    if (outcome.kind === 'duplicate') return [];
    const story = this.clusterer.get(outcome.storyId)!;
    return [{ topic: TOPICS.eventsEnriched, key: story.storyId, value: buildStoryRecord(story, now) }];
  }
}
