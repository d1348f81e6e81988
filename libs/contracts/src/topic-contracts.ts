import { ContractClass } from './contract-validator';
import { PIPELINE, TOPIC_KEYS, TopicKey } from './pipeline';

type PayloadOf<C> = C extends ContractClass<infer T> ? T : never;

/** The payload type of each topic, from its contract in {@link PIPELINE}: producers and consumers share it. */
export type TopicPayloads = { [K in TopicKey as (typeof PIPELINE.topics)[K]['name']]: PayloadOf<(typeof PIPELINE.topics)[K]['contract']> };

export const TOPIC_CONTRACTS = Object.fromEntries(TOPIC_KEYS.map((key) => [PIPELINE.topics[key].name, PIPELINE.topics[key].contract])) as {
  readonly [K in keyof TopicPayloads]: ContractClass<TopicPayloads[K]>;
};

export function contractForTopic(topic: string): ContractClass | undefined {
  return (TOPIC_CONTRACTS as Record<string, ContractClass>)[topic];
}
