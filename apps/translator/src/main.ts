import 'reflect-metadata';
import { loadConfig } from '@eventwire/config';
import { launch, runService } from '@eventwire/stages';
import { TranslatorConfig } from './config/translator.config';

runService('translator', async () => {
  const config = loadConfig(TranslatorConfig);
  await launch('translator', {
    service: config,
    httpPort: config.TRANSLATOR_HTTP_PORT,
    translationTarget: config.TRANSLATION_TARGET,
    ...(config.LIBRETRANSLATE_URL
      ? {
          translationHttp: {
            url: config.LIBRETRANSLATE_URL,
            apiKey: config.LIBRETRANSLATE_API_KEY,
            timeoutMs: config.TRANSLATION_TIMEOUT_MS,
            languages: config.TRANSLATION_HTTP_LANGUAGES.split(','),
          },
        }
      : {}),
  });
});
