import { ServiceEnvConfig } from '@eventwire/config';

export class ExtractorConfig extends ServiceEnvConfig {}
