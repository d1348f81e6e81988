/**
 * Story clustering: the StoryClusterer that groups extracted events into stories, the
 * similarity it decides with (the learned join model by default, or another), the builder
 * of story records, and the StoryAggregator that drives the clusterer chunk by chunk over a
 * store and a publisher (the aggregator stage's state).
 */
export { DEFAULT_CLUSTERER_OPTIONS, StoryClusterer } from './story-clusterer';
export type { ClustererOptions, ClusterOutcome } from './story-clusterer';
export { splitMember, splitStory } from './story-split';
export type { SplitMember, SplitOptions } from './story-split';
export { JoinModelSimilarity } from './story-similarity';
export type { Link, Side, StorySimilarity } from './story-similarity';
export type { Walk, Weights } from './candidate-index';
export { JOIN_FEATURES } from './join-model';
export type { JoinFeature, JoinModel } from './join-model';
export { buildStoryRecord } from './story-record-builder';
export { AGGREGATOR_CLUSTERER_OPTIONS, StoryAggregator, SYSTEM_CLOCK } from './story-aggregator';
export type {
  AggregatorClock,
  AggregatorLog,
  AggregatorStore,
  AggregatorTimer,
  ArticleChange,
  ChunkDecisions,
  StoryAggregatorOptions,
  StoryPublisher,
} from './story-aggregator';
