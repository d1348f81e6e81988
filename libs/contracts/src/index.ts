/**
 * The pipeline's wire contracts: the topology (stages, topics, keys), the versioned record
 * types with their class-validator DTOs, the validator, and the JSON schemas and fast-check
 * arbitraries derived from them.
 */
export { PIPELINE, STAGE_MAX_MESSAGE_BYTES, STAGE_NAMES, TOPIC_KEYS } from './pipeline';
export type { StageName } from './pipeline';
export { COMPACTED_TOPICS, DEFAULT_PARTITIONS, DLQ_SUFFIX, dlqTopic, pipelineTopics, REJECTIONS_TOPIC, STAGE_INPUTS, TOPICS } from './topics';
export type { TopicName, TopicPartitionCounts, TopicSpec } from './topics';
export { RawArticleV1Dto } from './raw-article.v1';
export type { ArticleFormat, RawArticleV1 } from './raw-article.v1';
export type { ArticleIngestedV1, TextSegment } from './article-ingested.v1';
export type { ArticleTranslatedV1, GlossaryHit } from './article-translated.v1';
export { EventExtractedV1Dto, MENTION_FORMS, PLOVER_EVENT_TYPES } from './event-extracted.v1';
export type {
  ArticleTerm,
  CodedActor,
  EntityMention,
  EntityType,
  EventCoding,
  EventExtractedV1,
  EventLocation,
  ExtractedEntity,
  ExtractedQuantity,
  ExtractedQuote,
  Mention,
  MentionForm,
  PloverEventType,
  QuadClass,
  TitleTranslation,
} from './event-extracted.v1';
export { StoryEnrichedV1Dto } from './story-enriched.v1';
export type { EntitySpelling, QuantityClaim, StoryActor, StoryEnrichedV1, StoryEntity, StoryEvent, StoryEventLocation, StoryQuantity } from './story-enriched.v1';
export { classValidatorErrors, contractErrors, ContractViolationError } from './contract-validator';
export type { FieldError } from './contract-validator';
export { contractForTopic } from './topic-contracts';
export type { TopicPayloads } from './topic-contracts';
export { contractComponentSchemas, topicJsonSchemas } from './json-schemas';
export { compileFastCheck, UnsupportedContractError } from './contract-fast-check';
