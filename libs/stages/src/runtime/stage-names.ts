import { STAGE_INPUTS, StageName } from '@eventwire/contracts';
import type { MessageBroker } from '@eventwire/kafka';

export { STAGE_INPUTS, type StageName } from '@eventwire/contracts';

/** The consumer group of each stage: every instance of a stage shares it, so partitions are split between them. */
export function stageGroupId(stage: StageName): string {
  return `eventwire.${stage}`;
}

/** Records each stage's group has yet to commit on its input topic. */
export async function stageLags(broker: MessageBroker): Promise<Record<StageName, number>> {
  const stages = Object.keys(STAGE_INPUTS) as StageName[];
  const lags = await Promise.all(stages.map((stage) => broker.lag(stageGroupId(stage), [STAGE_INPUTS[stage]])));
  return Object.fromEntries(stages.map((stage, i) => [stage, lags[i]!])) as Record<StageName, number>;
}
