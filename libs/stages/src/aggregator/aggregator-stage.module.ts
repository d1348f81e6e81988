import { MESSAGE_BROKER, MessageBroker } from '@eventwire/kafka';
import { openSqlClient, StoryStore } from '@eventwire/store';
import { DynamicModule, Logger, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { StageErrorFilter } from '../runtime/stage-error.filter';
import { AggregateService } from './aggregate.service';
import { API_TOKEN, ApiTokenGuard } from '../ingestor/api-token.guard';
import { AuditReportService } from './audit-report.service';
import { AGGREGATOR_HTTP_OPTIONS, AGGREGATOR_OPTIONS, AggregatorHttpOptions, AggregatorOptions, STORY_STORE } from './aggregator.tokens';
import { EventExtractedConsumer } from './event-extracted.consumer';
import { PageController } from './page.controller';
import { StoriesController } from './stories.controller';
import { StoryStreamService } from './story-stream.service';

export interface AggregatorStageOptions extends AggregatorOptions, AggregatorHttpOptions {
  broker: MessageBroker;
  /** `postgres://...` (production), `pglite://<dir>` (embedded, on disk) or `memory:`. */
  databaseUrl: string;
  /** Serve the query API, the live stream and the page over HTTP (the service does; the embedded pipeline with --serve too). */
  http?: boolean;
  /** When set, `/v1/audit` requires `Authorization: Bearer <token>`, as the ingest API does. */
  apiToken?: string;
}

/** Stateful: clusters articles into stories, keeps them in the store, publishes them keyed by storyId. */
@Module({})
export class AggregatorStageModule {
  static register(options: AggregatorStageOptions): DynamicModule {
    return {
      module: AggregatorStageModule,
      controllers: options.http ? [EventExtractedConsumer, StoriesController, PageController] : [EventExtractedConsumer],
      providers: [
        { provide: APP_FILTER, useClass: StageErrorFilter },
        { provide: MESSAGE_BROKER, useValue: options.broker },
        { provide: AGGREGATOR_OPTIONS, useValue: { emitIntervalMs: options.emitIntervalMs } },
        {
          provide: STORY_STORE,
          useFactory: (): Promise<StoryStore> => {
            const logger = new Logger('StoryStore');
            return StoryStore.open(openSqlClient(options.databaseUrl, (error) => logger.warn(`database connection lost (${error.message}); the pool opens a new one`)));
          },
        },
        AggregateService,
        ...(options.http
          ? [
              StoryStreamService,
              AuditReportService,
              ApiTokenGuard,
              { provide: API_TOKEN, useValue: options.apiToken ?? null },
              {
                provide: AGGREGATOR_HTTP_OPTIONS,
                useValue: { sseMaxClients: options.sseMaxClients, sseClientBufferBytes: options.sseClientBufferBytes, auditCacheMs: options.auditCacheMs },
              },
            ]
          : []),
      ],
    };
  }
}
