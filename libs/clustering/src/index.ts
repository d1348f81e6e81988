export * from './story-clusterer';
export * from './story-record-builder';
