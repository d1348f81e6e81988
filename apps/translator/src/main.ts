import 'reflect-metadata';
import { loadConfig } from '@eventwire/config';
import { createStageService, runService } from '@eventwire/stages';
import { TranslatorConfig } from './config/translator.config';

runService('translator', async () => {
  const config = loadConfig(TranslatorConfig);
  const app = await createStageService('translator', config, { translationTarget: config.TRANSLATION_TARGET });
  await app.listen();
});
