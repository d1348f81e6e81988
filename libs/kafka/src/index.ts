export * from './message-broker';
export * from './broker-errors';
export * from './dead-letter';
export * from './kafka-options';
export * from './kafka-message-broker';
export * from './in-memory-message-broker';
export * from './stage-context';
export * from './stage-server';
