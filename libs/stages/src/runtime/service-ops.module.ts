import { DynamicModule, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HttpRequestObserver } from './http-request-observer';
import { MetricsController } from './metrics.controller';
import { StageMetrics } from './stage-metrics';
import { ThroughputLog } from './throughput-log';
import { StageReadiness } from '../transport/stage-readiness';

export interface ServiceOpsOptions {
  /** The object the stage's transport (and the ingestor's broker check) report to. */
  readiness: StageReadiness;
  /** What the stage's transport counts, served on `/metrics`. */
  metrics: StageMetrics;
  /** Started with the app, stopped (with its last line) on shutdown. */
  throughput: ThroughputLog;
}

/** What an operator asks every service over HTTP, whatever its stage: `/livez`, `/healthz`, `/readyz`, `/metrics`; and every request counted and timed. */
@Module({})
export class ServiceOpsModule {
  static register(options: ServiceOpsOptions): DynamicModule {
    return {
      module: ServiceOpsModule,
      // The metrics are counted where the work is: the ingest API counts its articles.
      global: true,
      exports: [StageMetrics],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: StageReadiness, useValue: options.readiness },
        { provide: StageMetrics, useValue: options.metrics },
        { provide: ThroughputLog, useValue: options.throughput },
        HttpRequestObserver,
      ],
    };
  }
}
