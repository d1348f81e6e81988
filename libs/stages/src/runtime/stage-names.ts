import { TOPICS } from '@eventwire/contracts';
import type { MessageBroker } from '@eventwire/kafka';

export type StageName = 'ingestor' | 'translator' | 'extractor' | 'aggregator';

/** The consumer group of each stage: every instance of a stage shares it, so partitions are split between them. */
export function stageGroupId(stage: StageName): string {
  return `eventwire.${stage}`;
}

/** The topic each stage consumes. */
export const STAGE_INPUTS: Readonly<Record<StageName, string>> = {
  ingestor: TOPICS.articlesRaw,
  translator: TOPICS.articlesIngested,
  extractor: TOPICS.articlesTranslated,
  aggregator: TOPICS.eventsExtracted,
};

/** Records each stage's group has yet to commit on its input topic. */
export async function stageLags(broker: MessageBroker): Promise<Record<StageName, number>> {
  const stages = Object.keys(STAGE_INPUTS) as StageName[];
  const lags = await Promise.all(stages.map((stage) => broker.lag(stageGroupId(stage), [STAGE_INPUTS[stage]])));
  return Object.fromEntries(stages.map((stage, i) => [stage, lags[i]!])) as Record<StageName, number>;
}
