import 'reflect-metadata';
import { loadConfig } from '@eventwire/config';
import { launch, runService } from '@eventwire/stages';
import { ExtractorConfig } from './config/extractor.config';

runService('extractor', async () => {
  const config = loadConfig(ExtractorConfig);
  await launch('extractor', { service: config, httpPort: config.EXTRACTOR_HTTP_PORT });
});
