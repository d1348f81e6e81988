import { ServiceEnvConfig } from '@eventwire/config';
import { MessageBroker } from '@eventwire/kafka';
import { DynamicModule, INestApplication, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AddressInfo } from 'node:net';
import { kafkaBrokerFromConfig, partitionCounts } from './broker-factory';
import { JsonLogger } from './json-logger';
import { ServiceOpsModule } from './service-ops.module';
import { StageMetrics } from './stage-metrics';
import { StageSettings, stageModule, stageServer } from './stage-launcher';
import { StageName, stageGroupId } from './stage-names';
import { ThroughputLog } from './throughput-log';
import { StageReadiness } from '../transport/stage-readiness';

/** The root of a service's app: its stage's module beside the probes every service answers. */
@Module({})
class StageServiceModule {}

/** A stage's module as a service runs it: the stage (with its own HTTP routes, if any) and `/livez`, `/readyz`, `/metrics`. */
export function serviceModule(stage: StageName, broker: MessageBroker, settings: ServiceSettings): DynamicModule {
  return {
    module: StageServiceModule,
    imports: [stageModule(stage, broker, settings, true), ServiceOpsModule.register({ readiness: settings.readiness, metrics: settings.metrics, throughput: settings.throughput })],
  };
}

/** A stage's settings as a service runs it: what its probes and `/metrics` read, given to its transport too. */
export type ServiceSettings = StageSettings & { readiness: StageReadiness; metrics: StageMetrics; throughput: ThroughputLog };

/** The readiness, metrics and throughput log of a service, wired to its transport. */
export function serviceSettings(stage: StageName, config: ServiceEnvConfig, settings: StageSettings): ServiceSettings {
  const metrics = new StageMetrics(stage);
  const throughput = new ThroughputLog(stage, config.LOG_THROUGHPUT_INTERVAL_MS);
  return { ...settings, readiness: new StageReadiness(), metrics, throughput, observers: [...(settings.observers ?? []), metrics, throughput] };
}

/**
 * A stage with no HTTP API of its own (translator, extractor) as its own service over Kafka; SIGTERM stops consuming,
 * finishes the batch in hand and commits. Its probes are served when {@link startService} is given a port.
 */
export async function createStageService(stage: Exclude<StageName, 'ingestor'>, config: ServiceEnvConfig, extra: StageSettings = {}): Promise<INestApplication> {
  const broker = kafkaBrokerFromConfig(config, stage);
  const settings = serviceSettings(stage, config, { ...extra, partitions: partitionCounts(config) });
  const app = await NestFactory.create(serviceModule(stage, broker, settings), { logger: new JsonLogger(stage, config.LOG_LEVEL) });
  app.connectMicroservice({ strategy: stageServer(stage, broker, settings) }, { inheritAppConfig: true });
  app.enableShutdownHooks();
  return app;
}

/**
 * Starts a service's app: its providers, then its consumer (once it has joined its group), then its HTTP port when
 * it has one (`undefined`: none), and says where it runs.
 */
export async function startService(app: INestApplication, stage: StageName, config: ServiceEnvConfig, httpPort: number | undefined): Promise<void> {
  const logger = new Logger('Service');
  const where = { stage, brokers: config.KAFKA_BROKERS, topicPrefix: config.KAFKA_TOPIC_PREFIX, groupId: config.KAFKA_TOPIC_PREFIX + stageGroupId(stage) };
  logger.log({ msg: 'service starting', ...where, logLevel: config.LOG_LEVEL });
  await app.init();
  await app.startAllMicroservices();
  if (httpPort !== undefined) await app.listen(httpPort, '0.0.0.0');
  const address = httpPort === undefined ? null : (app.getHttpServer() as { address(): AddressInfo | string | null }).address();
  logger.log({ msg: 'service started', ...where, httpPort: address !== null && typeof address === 'object' ? address.port : null });
}
