import { ServiceEnvConfig } from '@eventwire/config';
import { INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { kafkaBrokerFromConfig, partitionCounts } from './broker-factory';
import { JsonLogger } from './json-logger';
import { StageSettings, stageModule, stageServer } from './stage-launcher';
import { StageName } from './stage-names';

/** A stage as its own service over Kafka: SIGTERM stops consuming, finishes the batch in hand and commits. */
export async function createStageService(
  stage: Exclude<StageName, 'ingestor'>,
  config: ServiceEnvConfig,
  extra: StageSettings = {},
): Promise<INestMicroservice> {
  const broker = kafkaBrokerFromConfig(config, stage);
  const settings: StageSettings = { ...extra, partitions: partitionCounts(config) };
  const app = await NestFactory.createMicroservice(stageModule(stage, broker, settings), {
    strategy: stageServer(stage, broker, settings),
    logger: new JsonLogger(stage, config.LOG_LEVEL),
  });
  app.enableShutdownHooks();
  return app;
}
