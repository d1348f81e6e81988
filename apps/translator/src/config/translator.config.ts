import { ServiceEnvConfig } from '@eventwire/config';
import { Matches } from 'class-validator';

export class TranslatorConfig extends ServiceEnvConfig {
  /** Language every article is rendered into. */
  @Matches(/^[a-z]{2}$/) TRANSLATION_TARGET: string = 'en';
}
