import { pipelineTopics, STAGE_NAMES, TopicPartitionCounts, DEFAULT_PARTITIONS } from '@eventwire/contracts';
import { MessageBroker } from '@eventwire/kafka';
import { DynamicModule, INestApplication, INestMicroservice, LoggerService, Type } from '@nestjs/common';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { AggregatorStageModule } from '../aggregator/aggregator-stage.module';
import { ExtractorStageModule } from '../extractor/extractor-stage.module';
import { IngestorStageModule } from '../ingestor/ingestor-stage.module';
import { TranslatorStageModule } from '../translator/translator-stage.module';
import { StageName, stageGroupId } from './stage-names';
import { StageObserver } from '../transport/stage-observer';
import { StageReadiness } from '../transport/stage-readiness';
import { StageServer } from '../transport/stage-server';

export interface StageSettings {
  partitions?: TopicPartitionCounts;
  maxBodyBytes?: number;
  apiToken?: string;
  /** The HTTP ingestor answers 503 when the broker has not acknowledged a send within this many milliseconds. */
  sendTimeoutMs?: number;
  translationTarget?: string;
  /** The translator's HTTP engine (LibreTranslate-compatible) and the source languages routed to it. */
  translationHttp?: { url: string; apiKey?: string; timeoutMs?: number; languages: string[] };
  /** The aggregator's store: `postgres://...`, `pglite://<dir>` or `memory:` (the default). */
  databaseUrl?: string;
  /** The aggregator publishes a story at most once per this many milliseconds. */
  storyEmitIntervalMs?: number;
  /** The aggregator's live stream: subscribers at a time, and bytes that may wait for one before it is dropped. */
  sseMaxClients?: number;
  sseClientBufferBytes?: number;
  /** The aggregator serves an audit report again for this long before reading the topics anew. */
  auditCacheMs?: number;
  logger?: LoggerService | false;
  /** Shared by the stage's transport and its HTTP side: not ready while a partition waits out a transient failure. */
  readiness?: StageReadiness;
  /** Told by the stage's transport of its work as it goes (a service's metrics and throughput log). */
  observers?: StageObserver[];
}

/** The stages' defaults, for the embedded pipeline and as the services' settings' defaults alike. */
export const DEFAULT_STORY_EMIT_INTERVAL_MS = 1000;

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export const DEFAULT_TRANSLATION_TARGET = 'en';

export const DEFAULT_SSE_MAX_CLIENTS = 256;
export const DEFAULT_SSE_CLIENT_BUFFER_BYTES = 1024 * 1024;
export const DEFAULT_AUDIT_CACHE_MS = 10_000;

/** The Nest module of a stage, for a service or for the embedded pipeline. */
export function stageModule(stage: StageName, broker: MessageBroker, settings: StageSettings, http = false): Type | DynamicModule {
  switch (stage) {
    case 'ingestor':
      return IngestorStageModule.register({
        broker,
        http,
        maxBodyBytes: settings.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
        apiToken: settings.apiToken,
        sendTimeoutMs: settings.sendTimeoutMs,
        readiness: settings.readiness,
      });
    case 'translator':
      return TranslatorStageModule.register({ target: settings.translationTarget ?? DEFAULT_TRANSLATION_TARGET, http: settings.translationHttp });
    case 'extractor':
      return ExtractorStageModule;
    case 'aggregator':
      return AggregatorStageModule.register({
        broker,
        http,
        databaseUrl: settings.databaseUrl ?? 'memory:',
        emitIntervalMs: settings.storyEmitIntervalMs ?? DEFAULT_STORY_EMIT_INTERVAL_MS,
        apiToken: settings.apiToken,
        sseMaxClients: settings.sseMaxClients ?? DEFAULT_SSE_MAX_CLIENTS,
        sseClientBufferBytes: settings.sseClientBufferBytes ?? DEFAULT_SSE_CLIENT_BUFFER_BYTES,
        auditCacheMs: settings.auditCacheMs ?? DEFAULT_AUDIT_CACHE_MS,
      });
  }
}

/** The transport a stage runs on: its consumer group, and the topics it makes sure exist. */
export function stageServer(stage: StageName, broker: MessageBroker, settings: StageSettings): StageServer {
  return new StageServer(broker, {
    stage,
    groupId: stageGroupId(stage),
    topics: pipelineTopics(settings.partitions ?? DEFAULT_PARTITIONS),
    readiness: settings.readiness,
    observers: settings.observers,
  });
}

export async function startStage(stage: StageName, broker: MessageBroker, settings: StageSettings = {}): Promise<INestMicroservice> {
  const app = await NestFactory.createMicroservice(stageModule(stage, broker, settings), {
    strategy: stageServer(stage, broker, settings),
    logger: settings.logger ?? false,
  });
  await app.listen();
  return app;
}

/** The stages in pipeline order. */
export const STAGES: readonly StageName[] = STAGE_NAMES;

/** Where the embedded pipeline's aggregator serves its story API, live stream and page (`eventwire run --serve`). */
export interface PipelineHttp {
  port: number;
  host: string;
}

/**
 * All four stages on one broker: the embedded mode when the broker is in memory. Given `http`, the aggregator also
 * serves the story API, the live stream and the page there, as the aggregator service does.
 */
export async function startPipeline(broker: MessageBroker, settings: StageSettings = {}, http?: PipelineHttp): Promise<{ url: string | null; close(): Promise<void> }> {
  const apps: Array<INestMicroservice | INestApplication> = [];
  // One process running a batch to its end: every story change is published as it happens, none waits for a timer.
  const embedded = { ...settings, storyEmitIntervalMs: settings.storyEmitIntervalMs ?? 0 };
  let url: string | null = null;
  try {
    for (const stage of [...STAGES].reverse()) {
      if (stage === 'aggregator' && http) {
        const app = await NestFactory.create(stageModule(stage, broker, embedded, true), { logger: embedded.logger ?? false });
        apps.push(app);
        app.connectMicroservice({ strategy: stageServer(stage, broker, embedded) }, { inheritAppConfig: true });
        await app.startAllMicroservices();
        await app.listen(http.port, http.host);
        const address = (app.getHttpServer() as Server).address() as AddressInfo;
        url = `http://${http.host.includes(':') ? `[${http.host}]` : http.host}:${address.port}/`;
      } else apps.push(await startStage(stage, broker, embedded));
    }
  } catch (error) {
    for (const app of apps.reverse()) await app.close();
    throw error;
  }
  return {
    url,
    close: async () => {
      for (const app of apps.reverse()) await app.close();
    },
  };
}
