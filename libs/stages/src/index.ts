/**
 * The pipeline stages as Nest services: the transport they run on (StageServer), launching
 * one stage or the whole pipeline, broker and logger wiring, API docs, and the pipeline audit.
 */
export { stageGroupId, stageLags } from './runtime/stage-names';
export { kafkaBrokerFromConfig, partitionCounts } from './runtime/broker-factory';
export { JsonLogger } from './runtime/json-logger';
export {
  DEFAULT_AUDIT_CACHE_MS,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_SSE_CLIENT_BUFFER_BYTES,
  DEFAULT_SSE_MAX_CLIENTS,
  DEFAULT_STORY_EMIT_INTERVAL_MS,
  DEFAULT_TRANSLATION_TARGET,
  STAGES,
  stageServer,
  startPipeline,
} from './runtime/stage-launcher';
export { maxArticleRequestBytes } from './ingestor/ingest-stage.options';
export { ApiTokenGuard, unauthorized } from './ingestor/api-token.guard';
export { openStoreWhenReachable } from './aggregator/aggregator-stage.module';
export { runService } from './runtime/service-main';
export { createStageService, serviceModule, serviceSettings, startService } from './runtime/stage-service';
export { refuseInvalidUtf8 } from './runtime/request-body-error';
export { auditPipeline } from './audit/pipeline-audit';
export type { AuditReport } from './audit/pipeline-audit';
export { serveApiDocs } from './runtime/api-docs';
export { StageServer } from './transport/stage-server';
