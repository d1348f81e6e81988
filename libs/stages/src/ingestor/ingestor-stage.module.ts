import { MESSAGE_BROKER, MessageBroker } from '@eventwire/kafka';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { API_TOKEN, ApiTokenGuard } from './api-token.guard';
import { BrokerConnectionMonitor } from './broker-connection.monitor';
import { IngestErrorFilter } from './ingest-error.filter';
import { IngestHttpController } from './ingest-http.controller';
import { IngestRejections } from './ingest-rejections';
import { INGEST_OPTIONS, IngestStageOptions } from './ingest-stage.options';
import { IngestService } from './ingest.service';
import { RawArticleConsumer } from './raw-article.consumer';
import { StageReadiness } from '../transport/stage-readiness';

/** How often the HTTP ingestor asks the broker for its metadata, so `/readyz` follows the broker with no traffic. */
const BROKER_CHECK_INTERVAL_MS = 2000;

/** Validates, cleans and identifies articles arriving on `articles.raw.v1` (and over HTTP when `http` is on). */
@Module({})
export class IngestorStageModule {
  /** With `http`, the broker connection is checked every 2 s for `/readyz`. */
  static register(options: IngestStageOptions & { broker: MessageBroker; http: boolean; readiness?: StageReadiness }): DynamicModule {
    return {
      module: IngestorStageModule,
      controllers: options.http ? [RawArticleConsumer, IngestHttpController] : [RawArticleConsumer],
      providers: [
        { provide: APP_FILTER, useClass: IngestErrorFilter },
        IngestService,
        IngestRejections,
        BrokerConnectionMonitor,
        ApiTokenGuard,
        { provide: API_TOKEN, useValue: options.apiToken ?? null },
        { provide: StageReadiness, useValue: options.readiness ?? new StageReadiness() },
        {
          provide: INGEST_OPTIONS,
          useValue: {
            maxBodyBytes: options.maxBodyBytes,
            apiToken: options.apiToken,
            sendTimeoutMs: options.sendTimeoutMs,
            checkIntervalMs: options.http ? BROKER_CHECK_INTERVAL_MS : 0,
          } satisfies IngestStageOptions,
        },
        { provide: MESSAGE_BROKER, useValue: options.broker },
      ],
    };
  }
}
