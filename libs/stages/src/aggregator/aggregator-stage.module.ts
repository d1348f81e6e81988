import { MESSAGE_BROKER, MessageBroker, retryTransient } from '@eventwire/kafka';
import { openSqlClient, SqlClient, StoryStore } from '@eventwire/store';
import { DynamicModule, Logger, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { StageErrorFilter } from '../runtime/stage-error.filter';
import { AggregateService } from './aggregate.service';
import { API_TOKEN, ApiTokenGuard } from '../ingestor/api-token.guard';
import { ArticlesController } from './articles.controller';
import { AuditController } from './audit.controller';
import { AuditReportService } from './audit-report.service';
import { AGGREGATOR_HTTP_OPTIONS, AGGREGATOR_OPTIONS, AggregatorHttpOptions, AggregatorOptions, STORY_STORE } from './aggregator.tokens';
import { EventExtractedConsumer } from './event-extracted.consumer';
import { PageController } from './page.controller';
import { SchemasController } from './schemas.controller';
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
      controllers: options.http
        ? [EventExtractedConsumer, StoriesController, ArticlesController, AuditController, SchemasController, PageController]
        : [EventExtractedConsumer],
      providers: [
        { provide: APP_FILTER, useClass: StageErrorFilter },
        { provide: MESSAGE_BROKER, useValue: options.broker },
        { provide: AGGREGATOR_OPTIONS, useValue: { emitIntervalMs: options.emitIntervalMs } },
        {
          provide: STORY_STORE,
          useFactory: (): Promise<StoryStore> => {
            const logger = new Logger('StoryStore');
            return openStoreWhenReachable(
              openSqlClient(options.databaseUrl, (error) => logger.warn(`database connection lost (${error.message}); the pool opens a new one`)),
              logger,
            );
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

/**
 * Opens the store (and brings its schema up to date), waiting out a database
 * that is not there yet (started after the aggregator, restarting, failing
 * over, its database not created yet) with the stages' backoff, 0.5 s
 * doubling to 30 s, saying why at each attempt; what the failure rule calls
 * permanent ends start-up at once. SIGTERM or SIGINT while waiting ends it
 * too. (Before this, an aggregator started ahead of its database exited.)
 */
export async function openStoreWhenReachable(client: SqlClient, logger: Pick<Logger, 'warn' | 'log'>, signals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT']): Promise<StoryStore> {
  const stop = new AbortController();
  const abort = (): void => stop.abort();
  for (const signal of signals) process.once(signal, abort);
  try {
    const outcome = await retryTransient(() => StoryStore.open(client), {
      signal: stop.signal,
      onTransient: ({ error, class: verdict, failures, delayMs }) =>
        logger.warn(
          `database not reachable at start-up (${verdict.reason}: ${error instanceof Error ? error.message : String(error)}): attempt ${failures} failed, the next in ${delayMs} ms`,
        ),
      onRecovered: ({ failures, outageMs }) => logger.log(`database reached after ${failures} failed attempts (${outageMs} ms)`),
    });
    if (outcome.stopped) throw new Error('stopped while waiting for the database');
    return outcome.value;
  } finally {
    for (const signal of signals) process.off(signal, abort);
  }
}
