/**
 * Story clustering: the StoryClusterer that groups extracted events into stories, its
 * join model, and the builder of story records.
 */
export { DEFAULT_CLUSTERER_OPTIONS, StoryClusterer } from './story-clusterer';
export { JOIN_FEATURES } from './join-model';
export type { JoinFeature, JoinModel } from './join-model';
export { buildStoryRecord } from './story-record-builder';
