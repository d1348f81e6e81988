export * from './article-facts';
export * from './story-clusterer';
export * from './join-model';
export * from './story-events';
export * from './story-record-builder';
export * from './cluster-scores';
