import { ArticleIngestedV1, ArticleIngestedV1Dto } from './article-ingested.v1';
import { ArticleTranslatedV1, ArticleTranslatedV1Dto } from './article-translated.v1';
import { ContractClass } from './contract-validator';
import { EventExtractedV1, EventExtractedV1Dto } from './event-extracted.v1';
import { RawArticleV1, RawArticleV1Dto } from './raw-article.v1';
import { StoryEnrichedV1, StoryEnrichedV1Dto } from './story-enriched.v1';
import { TOPICS } from './topics';

/** The payload type of each topic: producers and consumers share it. */
export interface TopicPayloads {
  [TOPICS.articlesRaw]: RawArticleV1;
  [TOPICS.articlesIngested]: ArticleIngestedV1;
  [TOPICS.articlesTranslated]: ArticleTranslatedV1;
  [TOPICS.eventsExtracted]: EventExtractedV1;
  [TOPICS.eventsEnriched]: StoryEnrichedV1;
}

export const TOPIC_CONTRACTS: { [K in keyof TopicPayloads]: ContractClass } = {
  [TOPICS.articlesRaw]: RawArticleV1Dto,
  [TOPICS.articlesIngested]: ArticleIngestedV1Dto,
  [TOPICS.articlesTranslated]: ArticleTranslatedV1Dto,
  [TOPICS.eventsExtracted]: EventExtractedV1Dto,
  [TOPICS.eventsEnriched]: StoryEnrichedV1Dto,
};

export function contractForTopic(topic: string): ContractClass | undefined {
  return (TOPIC_CONTRACTS as Record<string, ContractClass>)[topic];
}
