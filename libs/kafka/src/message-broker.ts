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
  /** False once the consumer is stopping or has lost the partition: finish what is in hand, commit it, and return. */
  isRunning(): boolean;
  /** Every record of the batch up to and including `offset` is done (its outputs acknowledged): commit past it. */
  commit(offset: string): Promise<void>;
  /** The partition's end offset when the batch was fetched, when the broker tells it: what the consumer's lag is measured to. */
  highWatermark?: string;
}

export interface ConsumeOptions {
  groupId: string;
  topics: string[];
  fromBeginning: boolean;
  /**
   * Handles one batch from one partition, in offset order, committing as it
   * goes with `control.commit`. Records it did not commit (it returned early
   * because the consumer is stopping, or it rejected) are delivered again,
   * to this consumer or the partition's next owner (at-least-once; stages
   * make redelivery harmless).
   */
  eachBatch(messages: BrokerMessage[], control: BatchControl): Promise<void>;
  /** Told each time the consumer has joined its group, with the partitions it was given (`{ topic: [partitions] }`). */
  onJoin?(assignment: Record<string, number[]>): void;
  /** Told when the consumer is out of its group until it joins again: it crashed (`reason`) and restarts, or it gave up. */
  onLeave?(reason: string): void;
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
  /** Where it is, for messages an operator reads: the bootstrap servers (`127.0.0.1:9092`), or `memory`. */
  readonly address: string;
  /**
   * One cheap round trip to the cluster (a metadata request, not retried),
   * for readiness checks: rejects with the connection's error while no
   * broker can be reached.
   */
  ping(): Promise<void>;
  ensureTopics(specs: TopicSpec[]): Promise<void>;
  send(messages: OutboundMessage[]): Promise<void>;
  consume(options: ConsumeOptions): Promise<BrokerSubscription>;
  /** Messages in `topics` not yet committed by `groupId` (0 when caught up). */
  lag(groupId: string, topics: string[]): Promise<number>;
  /**
   * Visits every record of `topics` that exists when the scan starts (each
   * partition up to its end offset then), outside any stage's group and
   * committing nothing; for audits and tools. Missing topics are skipped.
   * Rejects (Kafka: `ScanStalledError`) when no record comes for a long
   * while with partitions left to read, rather than waiting for ever.
   */
  scan(topics: string[], visit: (message: BrokerMessage) => void): Promise<void>;
  /** Last offset + 1 of every partition of `topic`. */
  endOffsets(topic: string): Promise<Map<number, bigint>>;
  close(): Promise<void>;
}

export const MESSAGE_BROKER = Symbol('MESSAGE_BROKER');
