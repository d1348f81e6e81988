import { kafkaBrokerFromConfig, JsonLogger, partitionCounts, serveApiDocs, serviceModule, serviceSettings, stageServer } from '@eventwire/stages';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AggregatorConfig } from './config/aggregator.config';

/** The aggregator service: the `events.extracted.v1` consumer and the story API (HTTP, Server-Sent Events) in one Nest app. */
export async function createAggregatorApp(config: AggregatorConfig): Promise<INestApplication> {
  const broker = kafkaBrokerFromConfig(config, 'aggregator');
  const settings = serviceSettings('aggregator', config, {
    partitions: partitionCounts(config),
    databaseUrl: config.DATABASE_URL,
    storyEmitIntervalMs: config.STORY_EMIT_INTERVAL_MS,
    sseMaxClients: config.SSE_MAX_CLIENTS,
    sseClientBufferBytes: config.SSE_CLIENT_BUFFER_BYTES,
    auditCacheMs: config.AUDIT_CACHE_MS,
    apiToken: config.INGEST_API_TOKEN,
  });
  const app = await NestFactory.create(serviceModule('aggregator', broker, settings), { logger: new JsonLogger('aggregator', config.LOG_LEVEL) });
  serveApiDocs(app, {
    title: 'eventwire aggregator',
    description: 'Stories clustered from the article stream: query them, read one with its articles and events, or subscribe to updates; and the pipeline\'s audit.',
  });
  app.connectMicroservice({ strategy: stageServer('aggregator', broker, settings) }, { inheritAppConfig: true });
  app.enableShutdownHooks();
  return app;
}
