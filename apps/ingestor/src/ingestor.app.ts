import {
  ApiTokenGuard,
  kafkaBrokerFromConfig,
  JsonLogger,
  maxArticleRequestBytes,
  partitionCounts,
  refuseInvalidUtf8,
  serveApiDocs,
  serviceModule,
  serviceSettings,
  stageServer,
  unauthorized,
} from '@eventwire/stages';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { IngestorConfig } from './config/ingestor.config';

/** The ingestor service: the HTTP API and the `articles.raw.v1` consumer in one Nest app. */
export async function createIngestorApp(config: IngestorConfig): Promise<INestApplication> {
  const broker = kafkaBrokerFromConfig(config, 'ingestor');
  const settings = serviceSettings('ingestor', config, {
    partitions: partitionCounts(config),
    maxBodyBytes: config.INGEST_MAX_BODY_BYTES,
    apiToken: config.INGEST_API_TOKEN,
    sendTimeoutMs: config.INGEST_SEND_TIMEOUT_MS,
  });
  const module = serviceModule('ingestor', broker, settings);
  const logger = new JsonLogger('ingestor', config.LOG_LEVEL);
  if (!config.INGEST_API_TOKEN) {
    logger.warn({ msg: 'the ingest API takes articles from anyone: INGEST_API_TOKEN is not set', port: config.HTTP_PORT }, 'IngestorApp');
  }
  const app = await NestFactory.create<NestExpressApplication>(module, { logger, bodyParser: false });
  // The token before the body: without it, nothing is read (the guard checks it again where the routes are).
  const token = app.get(ApiTokenGuard);
  app.use('/v1/articles', (request: { headers: { authorization?: string } }, _response: unknown, next: (error?: unknown) => void) =>
    next(token.admits(request.headers.authorization) ? undefined : unauthorized()),
  );
  // A single article is its body plus a little metadata; batches are NDJSON text. body-parser refuses a larger request
  // from its Content-Length before reading it (413, see StageErrorFilter). Bytes that are not UTF-8 are refused (400), as
  // the raw topic dead-letters them.
  app.useBodyParser('json', { limit: maxArticleRequestBytes(config.INGEST_MAX_BODY_BYTES), verify: refuseInvalidUtf8 });
  app.useBodyParser('text', { type: ['application/x-ndjson', 'application/ndjson', 'text/plain'], limit: config.INGEST_MAX_BATCH_BYTES, verify: refuseInvalidUtf8 });
  serveApiDocs(app, {
    title: 'eventwire ingestor',
    description: 'Articles into the pipeline over HTTP: one at a time or as NDJSON batches, each answered once the broker acknowledged it or refused with the reason.',
  });
  app.connectMicroservice({ strategy: stageServer('ingestor', broker, settings) }, { inheritAppConfig: true });
  app.enableShutdownHooks();
  return app;
}
