import { ReadinessReport, StageReadiness } from '@eventwire/kafka';
import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';

/** The probes every service answers on its HTTP port: liveness says nothing of the broker or the database, readiness does. */
@Controller()
export class HealthController {
  constructor(private readonly readiness: StageReadiness) {}

  /** Liveness: the process is up and answering, whatever its dependencies do. A restart would not help anything else. */
  @Get('livez')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** The older name of `/livez`, kept for the probes and scripts that use it. */
  @Get('healthz')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * 503 until the stage's consumer has joined its group and whenever it is out of it, while a partition waits out a
   * transient failure (database or broker away) and, on the ingestor, while the broker cannot be reached.
   */
  @Get('readyz')
  ready(): ReadinessReport {
    const report = this.readiness.report();
    if (!report.ready) throw new ServiceUnavailableException(report);
    return report;
  }
}
