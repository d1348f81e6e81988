import { ArticleIngestedV1, ArticleIngestedV1Dto } from './article-ingested.v1';
import { ArticleTranslatedV1, ArticleTranslatedV1Dto } from './article-translated.v1';
import { ContractClass } from './contract-validator';
import { EventExtractedV1, EventExtractedV1Dto } from './event-extracted.v1';
import { RawArticleV1, RawArticleV1Dto } from './raw-article.v1';
import { StoryEnrichedV1, StoryEnrichedV1Dto } from './story-enriched.v1';

/**
 * Raw articles (and their dead letters, which keep the original value) may be
 * large: a record the broker refuses could not be dead-lettered, only lost at
 * the producer. The ingestor's own limit (INGEST_MAX_BODY_BYTES) then rejects
 * an oversized body with a reason.
 */
export const RAW_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/**
 * A story record names every article of the story (about 1 KB each), so a
 * story that goes on for days outgrows the broker's default of 1 MB: story
 * records may be 16 MB, some 15,000 articles.
 */
export const STORY_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/**
 * The topics between the stages carry the article's body (the ingestor
 * takes bodies up to INGEST_MAX_BODY_BYTES, 1 MiB by default) with its
 * segments, its translation and what was extracted: a few times the body.
 * At the broker's default of 1 MB a long article that the ingestor took
 * would be refused at the next hop and retried there forever, so every hop
 * takes what the raw topic takes.
 */
export const STAGE_MAX_MESSAGE_BYTES = RAW_MAX_MESSAGE_BYTES;

/** One topic of the pipeline. Each has a dead-letter topic, `<name>.dlq`, with its partitions, never compacted. */
export interface TopicDeclaration<T extends object = object> {
  /** Public: one spelling everywhere (code, docs, scripts). A breaking change adds v2 beside v1. */
  readonly name: string;
  /** The class-validator class every record is checked against, at both edges; its type parameter is the payload's type. */
  readonly contract: ContractClass<T>;
  /** Partitions of the topic (and of its dead letters) when it is created, unless `partitionsEnv` says otherwise. */
  readonly partitions: number;
  /** The environment variable that overrides `partitions`. */
  readonly partitionsEnv: `TOPIC_PARTITIONS_${string}`;
  /** Only the latest record of each key is kept (a null value deletes the key). */
  readonly compacted: boolean;
  /** The topic's `max.message.bytes`. */
  readonly maxMessageBytes: number;
}

/** A stage: the topic its consumer group reads and the topics its handler writes. */
export interface StageDeclaration<K extends string = string> {
  readonly input: K;
  readonly outputs: readonly K[];
}

/** A contract class as the contract of payload type `T` (the interface it implements), checked to implement it. */
function typed<T extends object>(contract: ContractClass<T>): ContractClass<T> {
  return contract;
}

/**
 * The pipeline's topology, declared once: every topic with its contract and
 * layout, every stage with what it reads and writes. Topic lists, stage
 * inputs, the audit's hops, the CLI's lists, the partition settings (env keys
 * and defaults) and the payload type of each topic are derived from it.
 * Adding a topic or a stage is one entry here, plus its contract and handler.
 */
export const PIPELINE = {
  topics: {
    articlesRaw: {
      name: 'articles.raw.v1',
      contract: typed<RawArticleV1>(RawArticleV1Dto),
      partitions: 3,
      partitionsEnv: 'TOPIC_PARTITIONS_RAW',
      compacted: false,
      maxMessageBytes: RAW_MAX_MESSAGE_BYTES,
    },
    articlesIngested: {
      name: 'articles.ingested.v1',
      contract: typed<ArticleIngestedV1>(ArticleIngestedV1Dto),
      partitions: 3,
      partitionsEnv: 'TOPIC_PARTITIONS_INGESTED',
      compacted: false,
      maxMessageBytes: STAGE_MAX_MESSAGE_BYTES,
    },
    // The translator's output is the extractor's input: 6 partitions so up to 6 extractors share the work.
    articlesTranslated: {
      name: 'articles.translated.v1',
      contract: typed<ArticleTranslatedV1>(ArticleTranslatedV1Dto),
      partitions: 6,
      partitionsEnv: 'TOPIC_PARTITIONS_TRANSLATED',
      compacted: false,
      maxMessageBytes: STAGE_MAX_MESSAGE_BYTES,
    },
    // One partition: the aggregator is a single stateful consumer, and which story an article joins depends on the
    // order articles arrive in, which only one partition keeps.
    eventsExtracted: {
      name: 'events.extracted.v1',
      contract: typed<EventExtractedV1>(EventExtractedV1Dto),
      partitions: 1,
      partitionsEnv: 'TOPIC_PARTITIONS_EXTRACTED',
      compacted: false,
      maxMessageBytes: STAGE_MAX_MESSAGE_BYTES,
    },
    // The latest version of each story, keyed by story id; a tombstone removes a story merged into another.
    eventsEnriched: {
      name: 'events.enriched.v1',
      contract: typed<StoryEnrichedV1>(StoryEnrichedV1Dto),
      partitions: 3,
      partitionsEnv: 'TOPIC_PARTITIONS_ENRICHED',
      compacted: true,
      maxMessageBytes: STORY_MAX_MESSAGE_BYTES,
    },
  },
  /** In pipeline order: each stage's outputs are the next one's input. */
  stages: {
    ingestor: { input: 'articlesRaw', outputs: ['articlesIngested'] },
    translator: { input: 'articlesIngested', outputs: ['articlesTranslated'] },
    extractor: { input: 'articlesTranslated', outputs: ['eventsExtracted'] },
    aggregator: { input: 'eventsExtracted', outputs: ['eventsEnriched'] },
  },
  /**
   * Articles the ingestor refused over HTTP (400, 413, 422, and each refused
   * line of a batch), one record each: the text as sent (its first 64 KiB)
   * with the reason in the dead-letter headers. Kafka's way in dead-letters
   * what it refuses on `articles.raw.v1.dlq`; this is the HTTP way in's
   * counterpart, so that the audit accounts for every article offered, not
   * only those taken. No contract: like a dead letter, it keeps what came, and
   * it is laid out as the raw topic's dead letters are.
   */
  rejections: { name: 'articles.rejected.v1', deadLettersOf: 'articlesRaw' },
} as const satisfies {
  topics: Record<string, TopicDeclaration>;
  stages: Record<string, StageDeclaration<string>>;
  rejections: { name: string; deadLettersOf: string };
};

/** The pipeline's own name for a topic (`articlesRaw`), as in {@link PIPELINE}. */
export type TopicKey = keyof typeof PIPELINE.topics;

/** A stage of the pipeline. */
export type StageName = keyof typeof PIPELINE.stages;

/** The stages in pipeline order. */
export const STAGE_NAMES = Object.keys(PIPELINE.stages) as StageName[];

/** The topic keys in declaration order. */
export const TOPIC_KEYS = Object.keys(PIPELINE.topics) as TopicKey[];
