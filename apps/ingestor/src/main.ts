import 'reflect-metadata';
import { loadConfig } from '@eventwire/config';
import { runService, startService } from '@eventwire/stages';
import { IngestorConfig } from './config/ingestor.config';
import { createIngestorApp } from './ingestor.app';

runService('ingestor', async () => {
  const config = loadConfig(IngestorConfig);
  const app = await createIngestorApp(config);
  await startService(app, 'ingestor', config, config.HTTP_PORT);
});
