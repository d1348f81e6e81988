import { ReadinessReport, StageReadiness } from '@eventwire/kafka';
import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';

@Controller()
export class HealthController {
  constructor(private readonly readiness: StageReadiness) {}

  /** Liveness: the process is up, whatever the broker does. */
  @Get('healthz')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 503 while the broker cannot be reached (the last send or connection check failed) or a partition waits out a transient failure. */
  @Get('readyz')
  ready(): ReadinessReport {
    const report = this.readiness.report();
    if (!report.ready) throw new ServiceUnavailableException(report);
    return report;
  }
}
