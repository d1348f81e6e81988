import { ServiceEnvConfig } from '@eventwire/config';
import { pipelineTopics, STAGE_NAMES, TopicPartitionCounts, DEFAULT_PARTITIONS } from '@eventwire/contracts';
import { MessageBroker } from '@eventwire/kafka';
import { DynamicModule, INestApplication, INestMicroservice, Logger, LoggerService, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { AggregatorStageModule } from '../aggregator/aggregator-stage.module';
import { ExtractorStageModule } from '../extractor/extractor-stage.module';
import { setUpIngestHttp } from '../ingestor/ingest-http.setup';
import { IngestorStageModule } from '../ingestor/ingestor-stage.module';
import { TranslatorStageModule } from '../translator/translator-stage.module';
import { StageObserver } from '../transport/stage-observer';
import { StageReadiness } from '../transport/stage-readiness';
import { StageServer } from '../transport/stage-server';
import { serveApiDocs } from './api-docs';
import { kafkaBrokerFromConfig, partitionCounts } from './broker-factory';
import { JsonLogger } from './json-logger';
import { ServiceOpsModule } from './service-ops.module';
import { StageMetrics } from './stage-metrics';
import { StageName, stageGroupId } from './stage-names';
import { ThroughputLog } from './throughput-log';

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
  /** Shared by the stage's transport and its HTTP side: not ready while a partition waits out a transient failure. */
  readiness?: StageReadiness;
  /** Told by the stage's transport of its work as it goes (a service's metrics and throughput log). */
  observers?: StageObserver[];
}

/** The stages' defaults, for the embedded pipeline and as the services' settings' defaults alike. */
export const DEFAULT_STORY_EMIT_INTERVAL_MS = 1000;

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_MAX_BATCH_BYTES = 16 * 1024 * 1024;

export const DEFAULT_TRANSLATION_TARGET = 'en';

export const DEFAULT_SSE_MAX_CLIENTS = 256;
export const DEFAULT_SSE_CLIENT_BUFFER_BYTES = 1024 * 1024;
export const DEFAULT_AUDIT_CACHE_MS = 10_000;

/** The Nest module of a stage, for a service or for the embedded pipeline. */
function stageModule(stage: StageName, broker: MessageBroker, settings: StageSettings, http = false): Type | DynamicModule {
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
function stageServer(stage: StageName, broker: MessageBroker, settings: StageSettings): StageServer {
  return new StageServer(broker, {
    stage,
    groupId: stageGroupId(stage),
    topics: pipelineTopics(settings.partitions ?? DEFAULT_PARTITIONS),
    readiness: settings.readiness,
    observers: settings.observers,
  });
}

/** The stages in pipeline order. */
export const STAGES: readonly StageName[] = STAGE_NAMES;

/** Where the embedded pipeline's aggregator serves its story API, live stream and page (`eventwire run --serve`). */
export interface PipelineHttp {
  port: number;
  host: string;
}

/**
 * A stage as its own service, configured from its environment: its broker (under the deployment's topic prefix), its
 * partitions, its JSON logs, and `/livez`, `/readyz`, `/metrics` beside the stage's own routes.
 */
export type ServiceLaunchSettings = StageSettings & {
  service: ServiceEnvConfig;
  /** The port of the service's HTTP side (its API, if any, and the probes), on every interface; undefined: none. */
  httpPort?: number;
  /** The ingestor's largest NDJSON batch request. */
  maxBatchBytes?: number;
};

/**
 * Stages in this process on one broker (the embedded run, or the CLI's run over Kafka). Given `http`, the aggregator
 * also serves the story API, the live stream and the page there, as the aggregator service does.
 */
export type PipelineLaunchSettings = StageSettings & {
  broker: MessageBroker;
  http?: PipelineHttp;
  /** The stages' Nest logs (none when not given); a service logs JSON lines at its `LOG_LEVEL`. */
  logger?: LoggerService | false;
};

export interface LaunchedStages {
  /** Where the HTTP side answers, or null when there is none. */
  url: string | null;
  close(): Promise<void>;
}

/**
 * The one way a stage starts: a service's main.ts launches its stage, the CLI launches all of them in its own process.
 * The stages start last first, so that each one's consumer is there before records reach its input; when one fails to
 * start, those already started are closed.
 */
export async function launch(stage: StageName, settings: ServiceLaunchSettings): Promise<LaunchedStages>;
export async function launch(stages: readonly StageName[], settings: PipelineLaunchSettings): Promise<LaunchedStages>;
export async function launch(stages: StageName | readonly StageName[], settings: ServiceLaunchSettings | PipelineLaunchSettings): Promise<LaunchedStages> {
  const apps: Array<INestMicroservice | INestApplication> = [];
  const started = (app: INestMicroservice | INestApplication): void => void apps.push(app);
  const close = async (): Promise<void> => {
    for (const app of apps.reverse()) await app.close();
  };
  const start = 'service' in settings ? (stage: StageName) => startService(stage, settings, started) : (stage: StageName) => startInProcess(stage, settings, started);
  let url: string | null = null;
  try {
    for (const stage of (typeof stages === 'string' ? [stages] : [...stages]).reverse()) url = (await start(stage)) ?? url;
  } catch (error) {
    // A service that fails to start exits at once (runService), saying why; it does not wait on closing what failed.
    if (!('service' in settings)) await close();
    throw error;
  }
  return { url, close };
}

/** The port a listening app took (the one asked for, or the system's pick for 0). */
function portOf(app: INestApplication): number {
  return ((app.getHttpServer() as Server).address() as AddressInfo).port;
}

/** Where a listening app answers, as a URL (an IPv6 host in brackets). */
function urlOf(app: INestApplication, host: string): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${portOf(app)}/`;
}

/** A stage in this process: a Nest microservice, or for the aggregator given `http`, an HTTP app with its transport. */
async function startInProcess(stage: StageName, settings: PipelineLaunchSettings, started: (app: INestMicroservice | INestApplication) => void): Promise<string | null> {
  const { broker, http } = settings;
  // One process running a batch to its end: every story change is published as it happens, none waits for a timer.
  const embedded = { ...settings, storyEmitIntervalMs: settings.storyEmitIntervalMs ?? 0 };
  const logger = embedded.logger ?? false;
  if (stage === 'aggregator' && http) {
    const app = await NestFactory.create(stageModule(stage, broker, embedded, true), { logger });
    started(app);
    app.connectMicroservice({ strategy: stageServer(stage, broker, embedded) }, { inheritAppConfig: true });
    await app.startAllMicroservices();
    await app.listen(http.port, http.host);
    return urlOf(app, http.host);
  }
  const app = await NestFactory.createMicroservice(stageModule(stage, broker, embedded), { strategy: stageServer(stage, broker, embedded), logger });
  await app.listen();
  started(app);
  return null;
}

/** The root of a service's app: its stage's module beside the probes every service answers. */
@Module({})
class StageServiceModule {}

/** Where a service's HTTP side listens: every interface (a container's port is published by its runtime). */
const SERVICE_HOST = '0.0.0.0';

/**
 * A stage as its own service: its app (the stage with its own HTTP routes, if any, and `/livez`, `/readyz`,
 * `/metrics`), its consumer once it has joined its group, then its HTTP port when it has one; it says where it runs.
 * SIGTERM stops consuming, finishes the batch in hand and commits.
 */
async function startService(stage: StageName, settings: ServiceLaunchSettings, started: (app: INestApplication) => void): Promise<string | null> {
  const config = settings.service;
  const broker = kafkaBrokerFromConfig(config, stage);
  const metrics = new StageMetrics(stage);
  const throughput = new ThroughputLog(stage, config.LOG_THROUGHPUT_INTERVAL_MS);
  // What the probes and `/metrics` read, given to the transport too.
  const ops = {
    ...settings,
    partitions: partitionCounts(config),
    readiness: new StageReadiness(),
    observers: [...(settings.observers ?? []), metrics, throughput],
  };
  const module: DynamicModule = {
    module: StageServiceModule,
    imports: [stageModule(stage, broker, ops, true), ServiceOpsModule.register({ readiness: ops.readiness, metrics, throughput })],
  };
  const app = await createServiceApp(stage, module, new JsonLogger(stage, config.LOG_LEVEL), settings);
  started(app);
  app.connectMicroservice({ strategy: stageServer(stage, broker, ops) }, { inheritAppConfig: true });
  app.enableShutdownHooks();

  const logger = new Logger('Service');
  const where = { stage, brokers: config.KAFKA_BROKERS, topicPrefix: config.KAFKA_TOPIC_PREFIX, groupId: config.KAFKA_TOPIC_PREFIX + stageGroupId(stage) };
  logger.log({ msg: 'service starting', ...where, logLevel: config.LOG_LEVEL });
  await app.init();
  await app.startAllMicroservices();
  if (settings.httpPort !== undefined) await app.listen(settings.httpPort, SERVICE_HOST);
  logger.log({ msg: 'service started', ...where, httpPort: settings.httpPort === undefined ? null : portOf(app) });
  return settings.httpPort === undefined ? null : urlOf(app, SERVICE_HOST);
}

/** A service's Nest app: the ingestor's and the aggregator's with their API documents, the ingestor's with its own body parsing. */
async function createServiceApp(stage: StageName, module: DynamicModule, logger: JsonLogger, settings: ServiceLaunchSettings): Promise<INestApplication> {
  switch (stage) {
    case 'ingestor': {
      if (!settings.apiToken) {
        logger.warn({ msg: 'the ingest API takes articles from anyone: INGEST_API_TOKEN is not set', port: settings.httpPort }, 'IngestorApp');
      }
      const app = await NestFactory.create<NestExpressApplication>(module, { logger, bodyParser: false });
      setUpIngestHttp(app, { maxBodyBytes: settings.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, maxBatchBytes: settings.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES });
      serveApiDocs(app, {
        title: 'eventwire ingestor',
        description: 'Articles into the pipeline over HTTP: one at a time or as NDJSON batches, each answered once the broker acknowledged it or refused with the reason.',
      });
      return app;
    }
    case 'aggregator': {
      const app = await NestFactory.create(module, { logger });
      serveApiDocs(app, {
        title: 'eventwire aggregator',
        description: 'Stories clustered from the article stream: query them, read one with its articles and events, or subscribe to updates; and the pipeline\'s audit.',
      });
      return app;
    }
    case 'translator':
    case 'extractor':
      return NestFactory.create(module, { logger });
  }
}
