/**
 * The message broker the stages talk through: the MessageBroker port with its Kafka and
 * in-memory implementations, the Nest StageServer transport, failure classification,
 * transient retries, deadlines and readiness.
 */
export { MESSAGE_BROKER } from './message-broker';
export type { BrokerMessage, BrokerSubscription, ConsumeOptions, MessageBroker, OutboundMessage } from './message-broker';
export { NonRetriableError, RetriableError } from './broker-errors';
export { DLQ_HEADERS } from './dead-letter';
export { parseBrokers } from './kafka-options';
export type { KafkaConnectionOptions, SaslMechanism } from './kafka-options';
export { KafkaMessageBroker, toBrokerMessage } from './kafka-message-broker';
export { InMemoryMessageBroker } from './in-memory-message-broker';
export { CHUNK_COMPLETE, encodeOutput, ORIGIN_HEADER, StageServer } from './stage-server';
export type { StageOutput } from './stage-server';
export { classifyFailure } from './failure-classifier';
export { retryTransient } from './transient-retry';
export { StageReadiness } from './stage-readiness';
export type { ReadinessReport } from './stage-readiness';
export { BrokerTimeoutError, withDeadline } from './broker-deadline';
export type { StageObserver } from './stage-observer';
