/**
 * Story clustering: the StoryClusterer that groups extracted events into stories, the
 * similarity it decides with (the learned join model by default, or another), and the
 * builder of story records.
 */
export { DEFAULT_CLUSTERER_OPTIONS, StoryClusterer } from './story-clusterer';
export { JoinModelSimilarity } from './story-similarity';
export type { Link, Side, StorySimilarity } from './story-similarity';
export type { Walk, Weights } from './candidate-index';
export { JOIN_FEATURES } from './join-model';
export type { JoinFeature, JoinModel } from './join-model';
export { buildStoryRecord } from './story-record-builder';
