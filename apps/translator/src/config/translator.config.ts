import { ServiceEnvConfig } from '@eventwire/config';
import { DEFAULT_TRANSLATION_TARGET } from '@eventwire/stages';
import { IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';

export class TranslatorConfig extends ServiceEnvConfig {
  /** Port of `/livez`, `/readyz` and `/metrics`; unset, none is opened (named apart from the ingestor's `HTTP_PORT`, as the extractor's). */
  @IsOptional() @IsInt() @Min(0) @Max(65535) TRANSLATOR_HTTP_PORT?: number;
  /** Language every article is rendered into. */
  @Matches(/^[a-z]{2}$/) TRANSLATION_TARGET: string = DEFAULT_TRANSLATION_TARGET;
  /** A LibreTranslate-compatible service (http://host:5000); unset, every article gets the stub. */
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'] }) LIBRETRANSLATE_URL?: string;
  @IsOptional() @IsString() LIBRETRANSLATE_API_KEY?: string;
  /** Source languages sent to the service, comma-separated; the others get the stub. */
  @Matches(/^[a-z]{2,3}(,[a-z]{2,3})*$/) TRANSLATION_HTTP_LANGUAGES: string = 'ar';
  @IsInt() @Min(100) TRANSLATION_TIMEOUT_MS: number = 10_000;
}
