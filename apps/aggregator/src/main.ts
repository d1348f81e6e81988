import 'reflect-metadata';
import { loadConfig } from '@eventwire/config';
import { createStageService, runService } from '@eventwire/stages';
import { AggregatorConfig } from './config/aggregator.config';

runService('aggregator', async () => {
  const app = await createStageService('aggregator', loadConfig(AggregatorConfig));
  await app.listen();
});
