import { StageReadiness } from '@eventwire/kafka';
import { DynamicModule, Module } from '@nestjs/common';
import { HealthController } from './health.controller';

export interface ServiceOpsOptions {
  /** The object the stage's transport (and the ingestor's broker check) report to. */
  readiness: StageReadiness;
}

/** What an operator asks every service over HTTP, whatever its stage: `/livez`, `/healthz`, `/readyz`. */
@Module({})
export class ServiceOpsModule {
  static register(options: ServiceOpsOptions): DynamicModule {
    return {
      module: ServiceOpsModule,
      controllers: [HealthController],
      providers: [{ provide: StageReadiness, useValue: options.readiness }],
    };
  }
}
