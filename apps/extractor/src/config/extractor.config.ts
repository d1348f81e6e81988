import { ServiceEnvConfig } from '@eventwire/config';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class ExtractorConfig extends ServiceEnvConfig {
  /**
   * Port of `/livez`, `/readyz` and `/metrics`; unset, none is opened. Not `HTTP_PORT`: the services of one deployment
   * often share an environment, and the ingestor's port is taken; extractors on one host need one port each.
   */
  @IsOptional() @IsInt() @Min(0) @Max(65535) EXTRACTOR_HTTP_PORT?: number;
}
