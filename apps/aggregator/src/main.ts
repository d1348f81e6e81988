import 'reflect-metadata';
import { loadConfig } from '@eventwire/config';
import { runService, startService } from '@eventwire/stages';
import { createAggregatorApp } from './aggregator.app';
import { AggregatorConfig } from './config/aggregator.config';

runService('aggregator', async () => {
  const config = loadConfig(AggregatorConfig);
  const app = await createAggregatorApp(config);
  await startService(app, 'aggregator', config, config.HTTP_PORT);
});
