import { dlqTopic, STAGE_INPUTS, STAGE_NAMES, TOPICS } from '@eventwire/contracts';
import type { MessageBroker } from '@eventwire/kafka';
import { formatDuration, formatRate } from './progress-line';

/** Each stage's input, in pipeline order: their dead letters are the run's. */
const STAGE_TOPICS = STAGE_NAMES.map((stage) => STAGE_INPUTS[stage]);

/** Records on each topic of a run so far (end offsets: a redelivered record counts twice, a compacted one every version). */
export interface RunCounts {
  raw: number;
  ingested: number;
  translated: number;
  extracted: number;
  storyUpdates: number;
  /** Dead letters of every stage, by dead-letter topic. */
  deadLetters: Record<string, number>;
}

async function records(broker: MessageBroker, topic: string): Promise<number> {
  let n = 0n;
  for (const end of (await broker.endOffsets(topic)).values()) n += end;
  return Number(n);
}

/** What each stage has written so far, from the topics' end offsets: cheap enough to sample every half second. */
export async function runCounts(broker: MessageBroker): Promise<RunCounts> {
  const [raw, ingested, translated, extracted, storyUpdates, ...dead] = await Promise.all([
    ...[TOPICS.articlesRaw, TOPICS.articlesIngested, TOPICS.articlesTranslated, TOPICS.eventsExtracted, TOPICS.eventsEnriched].map((t) => records(broker, t)),
    ...STAGE_TOPICS.map((t) => records(broker, dlqTopic(t))),
  ]);
  const deadLetters: Record<string, number> = {};
  STAGE_TOPICS.forEach((t, i) => {
    if (dead[i]! > 0) deadLetters[dlqTopic(t)] = dead[i]!;
  });
  return { raw: raw!, ingested: ingested!, translated: translated!, extracted: extracted!, storyUpdates: storyUpdates!, deadLetters };
}

const total = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);
const n = (x: number): string => x.toLocaleString('en-US');

/** The progress line: articles through each stage, story updates, dead letters, and the extractor's pace (the end of the line). */
export function formatRunProgress(c: RunCounts, elapsedMs: number): string {
  return (
    `run ${formatDuration(elapsedMs)}: ${n(c.raw)} in → ${n(c.ingested)} ingested → ${n(c.translated)} translated → ${n(c.extracted)} extracted` +
    ` → ${n(c.storyUpdates)} story updates; ${n(total(c.deadLetters))} dead letters; ${formatRate(c.extracted, elapsedMs)}`
  );
}

export interface RunSummary {
  counts: RunCounts;
  /** Distinct stories (the latest record per key on the compacted stories topic). */
  stories: number;
  elapsedMs: number;
  /** Set over Kafka: the topic prefix the run used, with the brokers, for `eventwire audit`. */
  kafka?: { brokers: string; prefix: string };
}

/** What a run did, printed whatever happened to the progress line; over Kafka with the audit command for its topics. */
export function formatRunSummary(s: RunSummary): string {
  const c = s.counts;
  const lines = [
    `eventwire run: ${n(c.raw)} articles in, ${n(c.ingested)} ingested, ${n(c.translated)} translated, ${n(c.extracted)} extracted, ` +
      `${n(s.stories)} ${s.stories === 1 ? 'story' : 'stories'} in ${formatDuration(s.elapsedMs)} (${formatRate(c.raw, s.elapsedMs)})`,
    `dead letters: ${total(c.deadLetters) === 0 ? 'none' : Object.entries(c.deadLetters).map(([topic, k]) => `${topic} ${n(k)}`).join(', ')}`,
  ];
  if (s.kafka) {
    const prefix = s.kafka.prefix ? ` --prefix ${s.kafka.prefix}` : '';
    lines.push(`topic prefix: ${s.kafka.prefix || '(none)'}`, `audit it with: eventwire audit --brokers ${s.kafka.brokers}${prefix}`);
  }
  return `${lines.join('\n')}\n`;
}
