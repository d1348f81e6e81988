import 'reflect-metadata';
import { loadConfig } from '@eventwire/config';
import { runService } from '@eventwire/stages';
import { createAggregatorApp } from './aggregator.app';
import { AggregatorConfig } from './config/aggregator.config';

runService('aggregator', async () => {
  const config = loadConfig(AggregatorConfig);
  const app = await createAggregatorApp(config);
  await app.startAllMicroservices();
  await app.listen(config.HTTP_PORT, '0.0.0.0');
});
