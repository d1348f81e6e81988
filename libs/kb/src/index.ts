/**
 * The knowledge base (countries, organisations, places, people) and the gazetteer that
 * finds its entities in Arabic and English text; also the GeoNames loader and the ministry
 * recogniser.
 */
export { MEDIA_SECTOR } from './kb-entity';
export type { KbEntity, KbEntityType } from './kb-entity';
export { KnowledgeBase } from './knowledge-base';
export type { StopPhrase } from './knowledge-base';
export { GazetteerMatcher } from './gazetteer-matcher';
export type { GazetteerMatch } from './gazetteer-matcher';
export { aliasKey, aliasKeys } from './alias-keys';
export { foldChar } from './match-tokenizer';
export { GeonamesLoader } from './loaders/geonames-loader';
export { MinistryRecognizer } from './ministry-recognizer';
