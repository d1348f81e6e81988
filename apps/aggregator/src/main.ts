import 'reflect-metadata';
import { loadConfig } from '@eventwire/config';
import { launch, runService } from '@eventwire/stages';
import { AggregatorConfig } from './config/aggregator.config';

runService('aggregator', async () => {
  const config = loadConfig(AggregatorConfig);
  await launch('aggregator', {
    service: config,
    httpPort: config.HTTP_PORT,
    databaseUrl: config.DATABASE_URL,
    storyEmitIntervalMs: config.STORY_EMIT_INTERVAL_MS,
    sseMaxClients: config.SSE_MAX_CLIENTS,
    sseClientBufferBytes: config.SSE_CLIENT_BUFFER_BYTES,
    auditCacheMs: config.AUDIT_CACHE_MS,
    apiToken: config.INGEST_API_TOKEN,
  });
});
