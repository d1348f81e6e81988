/**
 * Environment configuration: the validated config loader, the Kafka and service
 * settings read from the environment, and secret masking for logs.
 */
export { ConfigValidationError, loadConfig } from './config-loader';
export { KafkaEnvConfig, ServiceEnvConfig } from './kafka-env.config';
export { maskSecrets } from './secret-mask';
