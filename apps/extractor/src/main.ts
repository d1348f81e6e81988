import 'reflect-metadata';
import { loadConfig } from '@eventwire/config';
import { createStageService, runService } from '@eventwire/stages';
import { ExtractorConfig } from './config/extractor.config';

runService('extractor', async () => {
  const app = await createStageService('extractor', loadConfig(ExtractorConfig));
  await app.listen();
});
