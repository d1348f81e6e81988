import { PIPELINE, StageName, STAGE_NAMES, TOPIC_KEYS, TopicKey } from './pipeline';

type TopicNames = { readonly [K in TopicKey]: (typeof PIPELINE.topics)[K]['name'] };

/** Topic names by the pipeline's key for them, from {@link PIPELINE}. */
export const TOPICS = Object.fromEntries(TOPIC_KEYS.map((key) => [key, PIPELINE.topics[key].name])) as TopicNames;

/** A topic that has a contract. */
export type TopicName = TopicNames[TopicKey];

export const DLQ_SUFFIX = '.dlq';

export function dlqTopic(topic: string): string {
  return `${topic}${DLQ_SUFFIX}`;
}

/** Articles the ingestor refused over HTTP: see `PIPELINE.rejections`. */
export const REJECTIONS_TOPIC = PIPELINE.rejections.name;

/** The topic each stage consumes. */
export const STAGE_INPUTS = Object.fromEntries(STAGE_NAMES.map((stage) => [stage, TOPICS[PIPELINE.stages[stage].input]])) as Readonly<Record<StageName, TopicName>>;

/** The compacted topics: read as their latest record per key. */
export const COMPACTED_TOPICS: ReadonlySet<string> = new Set(TOPIC_KEYS.filter((key) => PIPELINE.topics[key].compacted).map((key) => TOPICS[key]));

export interface TopicSpec {
  name: string;
  partitions: number;
  compacted: boolean;
  /** The topic's `max.message.bytes` when records may be larger than the broker's default (1 MB). */
  maxMessageBytes?: number;
}

/** Partitions of each topic, by the pipeline's key for it. */
export type TopicPartitionCounts = Record<TopicKey, number>;

/** The partitions each topic is created with when its `TOPIC_PARTITIONS_*` variable is not set. */
export const DEFAULT_PARTITIONS = Object.fromEntries(TOPIC_KEYS.map((key) => [key, PIPELINE.topics[key].partitions])) as Readonly<TopicPartitionCounts>;

/** Every topic the pipeline uses, each with its dead-letter topic (same partitions, never compacted), and the HTTP rejections (as raw's dead letters). */
export function pipelineTopics(counts: TopicPartitionCounts = DEFAULT_PARTITIONS): TopicSpec[] {
  const main: TopicSpec[] = TOPIC_KEYS.map((key) => {
    const { name, compacted, maxMessageBytes } = PIPELINE.topics[key];
    return { name, partitions: counts[key], compacted, maxMessageBytes };
  });
  const rejectedLike = PIPELINE.topics[PIPELINE.rejections.deadLettersOf];
  return [
    ...main,
    ...main.map((t) => ({ name: dlqTopic(t.name), partitions: t.partitions, compacted: false, maxMessageBytes: t.maxMessageBytes })),
    { name: REJECTIONS_TOPIC, partitions: counts[PIPELINE.rejections.deadLettersOf], compacted: false, maxMessageBytes: rejectedLike.maxMessageBytes },
  ];
}
