import { MESSAGE_BROKER, MessageBroker } from '@eventwire/kafka';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { StageErrorFilter } from '../runtime/stage-error.filter';
import { API_TOKEN, ApiTokenGuard } from './api-token.guard';
import { HealthController } from './health.controller';
import { IngestHttpController } from './ingest-http.controller';
import { INGEST_OPTIONS, IngestStageOptions } from './ingest-stage.options';
import { IngestService } from './ingest.service';
import { RawArticleConsumer } from './raw-article.consumer';

/** Validates, cleans and identifies articles arriving on `articles.raw.v1` (and over HTTP when `http` is on). */
@Module({})
export class IngestorStageModule {
  static register(options: IngestStageOptions & { broker: MessageBroker; http: boolean }): DynamicModule {
    return {
      module: IngestorStageModule,
      controllers: options.http ? [RawArticleConsumer, IngestHttpController, HealthController] : [RawArticleConsumer],
      providers: [
        { provide: APP_FILTER, useClass: StageErrorFilter },
        IngestService,
        ApiTokenGuard,
        { provide: API_TOKEN, useValue: options.apiToken ?? null },
        { provide: INGEST_OPTIONS, useValue: { maxBodyBytes: options.maxBodyBytes, apiToken: options.apiToken } },
        { provide: MESSAGE_BROKER, useValue: options.broker },
      ],
    };
  }
}
