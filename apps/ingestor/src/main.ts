import 'reflect-metadata';
import { loadConfig } from '@eventwire/config';
import { runService } from '@eventwire/stages';
import { IngestorConfig } from './config/ingestor.config';
import { createIngestorApp } from './ingestor.app';

runService('ingestor', async () => {
  const config = loadConfig(IngestorConfig);
  const app = await createIngestorApp(config);
  await app.startAllMicroservices();
  await app.listen(config.HTTP_PORT, '0.0.0.0');
});
