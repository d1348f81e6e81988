import { contractErrors, contractForTopic, ContractViolationError, TopicName, TopicPayloads } from '@eventwire/contracts';
import { NonRetriableError } from './broker-errors';
import type { OutboundMessage } from './message-broker';

/**
 * Set on every record a stage produces: the input record it came from
 * (`<topic>/<partition>/<offset>`, topic without the deployment prefix), or
 * `http` for articles the ingestor took over HTTP. The audit follows it to
 * account for every input exactly once and to count redeliveries.
 */
export const ORIGIN_HEADER = 'eventwire-origin';

/**
 * What a stage's handler returns: records for the next topics, as objects, checked and encoded by {@link encodeOutput}. The value is
 * typed by the topic (`StageOutput<typeof TOPICS.eventsExtracted>`; without a topic, any topic's record), so a payload sent to
 * the wrong topic does not compile.
 */
export type StageOutput<K extends TopicName = TopicName> = {
  [T in K]: {
    topic: T;
    key: string | null;
    /** null: a tombstone, which deletes the key from a compacted topic. */
    value: TopicPayloads[T] | null;
    headers?: Record<string, string>;
  };
}[K];

/** What a handler produced broke the contract of its topic: a bug in the stage, never sent downstream. */
export class OutputContractError extends NonRetriableError {}

/**
 * Checks a handler's output against its topic's contract and encodes it; shared by every path that produces. The
 * check runs whatever the type says: the stage server hands it what a handler returned, untyped at run time.
 */
export function encodeOutput(out: StageOutput): OutboundMessage {
  if (out.value === null) {
    if (out.key === null) throw new OutputContractError('OUTPUT_CONTRACT', `a tombstone for ${out.topic} needs a key`);
    return { topic: out.topic, key: out.key, value: null, headers: out.headers };
  }
  const contract = contractForTopic(out.topic);
  if (contract) {
    const errors = contractErrors(contract, out.value);
    if (errors.length > 0) {
      throw new OutputContractError('OUTPUT_CONTRACT', new ContractViolationError(contract.name, errors).message);
    }
  }
  return { topic: out.topic, key: out.key, value: JSON.stringify(out.value), headers: out.headers };
}
