import 'reflect-metadata';
import { loadConfig } from '@eventwire/config';
import { createStageService, runService, startService } from '@eventwire/stages';
import { ExtractorConfig } from './config/extractor.config';

runService('extractor', async () => {
  const config = loadConfig(ExtractorConfig);
  const app = await createStageService('extractor', config);
  await startService(app, 'extractor', config, config.EXTRACTOR_HTTP_PORT);
});
