/** Topic names: one spelling everywhere (code, docs, scripts). A breaking change adds v2 beside v1. */
export const TOPICS = {
  articlesRaw: 'articles.raw.v1',
  articlesIngested: 'articles.ingested.v1',
  articlesTranslated: 'articles.translated.v1',
  eventsExtracted: 'events.extracted.v1',
  eventsEnriched: 'events.enriched.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

export const DLQ_SUFFIX = '.dlq';

export function dlqTopic(topic: string): string {
  return `${topic}${DLQ_SUFFIX}`;
}

/**
 * Articles the ingestor refused over HTTP (400, 413, 422, and each refused
 * line of a batch), one record each: the text as sent (its first 64 KiB)
 * with the reason in the dead-letter headers. Kafka's way in dead-letters
 * what it refuses on `articles.raw.v1.dlq`; this is the HTTP way in's
 * counterpart, so that the audit accounts for every article offered, not
 * only those taken. No contract: like a dead letter, it keeps what came.
 */
export const REJECTIONS_TOPIC = 'articles.rejected.v1';

export interface TopicSpec {
  name: string;
  partitions: number;
  compacted: boolean;
  /** The topic's `max.message.bytes` when records may be larger than the broker's default (1 MB). */
  maxMessageBytes?: number;
}

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

export interface TopicPartitionCounts {
  raw: number;
  ingested: number;
  translated: number;
  extracted: number;
  enriched: number;
}

/** The translator's output is the extractor's input: 6 partitions so up to 6 extractors share the work. */
// events.extracted.v1 has one partition: the aggregator is a single stateful consumer, and which story an article joins
// depends on the order articles arrive in, which only one partition keeps.
export const DEFAULT_PARTITIONS: TopicPartitionCounts = { raw: 3, ingested: 3, translated: 6, extracted: 1, enriched: 3 };

/** Every topic the pipeline uses, each with its dead-letter topic (same partitions, never compacted), and the HTTP rejections (as raw's dead letters). */
export function pipelineTopics(counts: TopicPartitionCounts = DEFAULT_PARTITIONS): TopicSpec[] {
  const main: TopicSpec[] = [
    { name: TOPICS.articlesRaw, partitions: counts.raw, compacted: false, maxMessageBytes: RAW_MAX_MESSAGE_BYTES },
    { name: TOPICS.articlesIngested, partitions: counts.ingested, compacted: false, maxMessageBytes: STAGE_MAX_MESSAGE_BYTES },
    { name: TOPICS.articlesTranslated, partitions: counts.translated, compacted: false, maxMessageBytes: STAGE_MAX_MESSAGE_BYTES },
    { name: TOPICS.eventsExtracted, partitions: counts.extracted, compacted: false, maxMessageBytes: STAGE_MAX_MESSAGE_BYTES },
    { name: TOPICS.eventsEnriched, partitions: counts.enriched, compacted: true, maxMessageBytes: STORY_MAX_MESSAGE_BYTES },
  ];
  return [
    ...main,
    ...main.map((t) => ({ name: dlqTopic(t.name), partitions: t.partitions, compacted: false, maxMessageBytes: t.maxMessageBytes })),
    { name: REJECTIONS_TOPIC, partitions: counts.raw, compacted: false, maxMessageBytes: RAW_MAX_MESSAGE_BYTES },
  ];
}
