import type { TopicSpec } from '@eventwire/contracts';

/** A record as a consumer receives it; `value` is the raw bytes, decoded by the stage. */
export interface BrokerMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  timestamp: string;
}

export interface OutboundMessage {
  topic: string;
  key: string | null;
  value: Buffer | string | null;
  headers?: Record<string, string>;
}

export interface BatchControl {
  /** Keeps group membership alive while a long batch is processed. */
  heartbeat(): Promise<void>;
  isRunning(): boolean;
}

export interface ConsumeOptions {
  groupId: string;
  topics: string[];
  fromBeginning: boolean;
  /**
   * Handles one batch from one partition, in offset order. When it resolves,
   * every offset of the batch is committed; when it rejects, nothing is and the
   * batch is delivered again (at-least-once; stages make redelivery harmless).
   */
  eachBatch(messages: BrokerMessage[], control: BatchControl): Promise<void>;
}

export interface BrokerSubscription {
  stop(): Promise<void>;
}

/**
 * The port every stage talks to: Kafka in deployments, an in-memory broker
 * in the embedded single-process mode. Both keep Kafka's semantics for
 * topics, keys (same partitioner), per-partition order and group offsets.
 */
export interface MessageBroker {
  readonly kind: 'kafka' | 'memory';
  ensureTopics(specs: TopicSpec[]): Promise<void>;
  send(messages: OutboundMessage[]): Promise<void>;
  consume(options: ConsumeOptions): Promise<BrokerSubscription>;
  /** Messages in `topics` not yet committed by `groupId` (0 when caught up). */
  lag(groupId: string, topics: string[]): Promise<number>;
  /** Last offset + 1 of every partition of `topic`. */
  endOffsets(topic: string): Promise<Map<number, bigint>>;
  close(): Promise<void>;
}

export const MESSAGE_BROKER = Symbol('MESSAGE_BROKER');
