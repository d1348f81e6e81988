/**
 * The message broker the stages talk through: the MessageBroker port with its Kafka, in-memory and prefixed
 * implementations, and the Nest-free rules every producer and consumer shares: output and dead-letter encoding,
 * failure classification, transient retries and deadlines. The Nest transport the stages run on is `StageServer`
 * in `@eventwire/stages`.
 */
export { MESSAGE_BROKER } from './message-broker';
export type { BatchControl, BrokerMessage, BrokerSubscription, ConsumeOptions, MessageBroker, OutboundMessage } from './message-broker';
export { NonRetriableError, RetriableError } from './broker-errors';
export { deadLetter, DLQ_HEADERS } from './dead-letter';
export { parseBrokers } from './kafka-options';
export type { KafkaConnectionOptions, SaslMechanism } from './kafka-options';
export { KafkaMessageBroker, toBrokerMessage } from './kafka-message-broker';
export { InMemoryMessageBroker } from './in-memory-message-broker';
export { PrefixedMessageBroker } from './prefixed-message-broker';
export { encodeOutput, ORIGIN_HEADER } from './stage-output';
export type { StageOutput } from './stage-output';
export { classifyFailure } from './failure-classifier';
export { attemptsOf, retryTransient, sleep } from './transient-retry';
export type { BackoffOptions, RetryOutcome } from './transient-retry';
export { BrokerTimeoutError, withDeadline } from './broker-deadline';
