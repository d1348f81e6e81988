import 'reflect-metadata';
import { loadConfig } from '@eventwire/config';
import { createStageService, runService } from '@eventwire/stages';
import { AggregatorConfig } from './config/aggregator.config';

runService('aggregator', async () => {
  const config = loadConfig(AggregatorConfig);
  const app = await createStageService('aggregator', config, {
    databaseUrl: config.DATABASE_URL,
    storyEmitIntervalMs: config.STORY_EMIT_INTERVAL_MS,
  });
  await app.listen();
});
