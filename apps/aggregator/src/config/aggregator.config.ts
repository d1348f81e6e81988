import { ServiceEnvConfig } from '@eventwire/config';

export class AggregatorConfig extends ServiceEnvConfig {}
