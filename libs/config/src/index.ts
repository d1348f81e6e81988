export * from './config-loader';
export * from './boolean-env.decorator';
export * from './kafka-env.config';
export * from './secret-mask';
