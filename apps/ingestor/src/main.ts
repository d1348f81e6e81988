import 'reflect-metadata';
import { loadConfig } from '@eventwire/config';
import { launch, runService } from '@eventwire/stages';
import { IngestorConfig } from './config/ingestor.config';

runService('ingestor', async () => {
  const config = loadConfig(IngestorConfig);
  await launch('ingestor', {
    service: config,
    httpPort: config.HTTP_PORT,
    maxBodyBytes: config.INGEST_MAX_BODY_BYTES,
    maxBatchBytes: config.INGEST_MAX_BATCH_BYTES,
    apiToken: config.INGEST_API_TOKEN,
    sendTimeoutMs: config.INGEST_SEND_TIMEOUT_MS,
  });
});
