/**
 * The pipeline stages as Nest services: the transport they run on (StageServer), launching
 * one stage or the whole pipeline, broker and logger wiring, API docs, and the pipeline audit.
 */
export { stageGroupId, stageLags } from './runtime/stage-names';
export { JsonLogger } from './runtime/json-logger';
export {
  DEFAULT_AUDIT_CACHE_MS,
  DEFAULT_MAX_BATCH_BYTES,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_SSE_CLIENT_BUFFER_BYTES,
  DEFAULT_SSE_MAX_CLIENTS,
  DEFAULT_STORY_EMIT_INTERVAL_MS,
  DEFAULT_TRANSLATION_TARGET,
  launch,
  STAGES,
} from './runtime/stage-launcher';
export { openStoreWhenReachable } from './aggregator/aggregator-stage.module';
export { runService } from './runtime/service-main';
export { auditPipeline } from './audit/pipeline-audit';
export type { AuditReport } from './audit/pipeline-audit';
export { StageServer } from './transport/stage-server';
