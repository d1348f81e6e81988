import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ReadinessReport, StageReadiness } from '../transport/stage-readiness';

const OK = { schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } } };
const READINESS = {
  schema: {
    type: 'object',
    required: ['ready', 'waiting'],
    properties: {
      ready: { type: 'boolean' },
      waiting: {
        type: 'object',
        description: 'per partition (or `broker`) waiting out a transient failure: the reason and since when',
        additionalProperties: { type: 'object', properties: { reason: { type: 'string' }, since: { type: 'string', format: 'date-time' } } },
      },
    },
  },
};

/** The probes every service answers on its HTTP port: liveness says nothing of the broker or the database, readiness does. */
@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(private readonly readiness: StageReadiness) {}

  /** Liveness: the process is up and answering, whatever its dependencies do. A restart would not help anything else. */
  @Get('livez')
  @ApiOperation({ summary: 'Liveness: the process answers, whatever the broker and the database do' })
  @ApiOkResponse(OK)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** The older name of `/livez`, kept for the probes and scripts that use it. */
  @Get('healthz')
  @ApiOperation({ summary: 'Liveness (the older name of /livez)' })
  @ApiOkResponse(OK)
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * 503 until the stage's consumer has joined its group and whenever it is out of it, while a partition waits out a
   * transient failure (database or broker away) and, on the ingestor, while the broker cannot be reached.
   */
  @Get('readyz')
  @ApiOperation({ summary: 'Readiness: the consumer is in its group and no partition waits out a transient failure (on the ingestor, the broker answers)' })
  @ApiOkResponse({ description: 'ready', ...READINESS })
  @ApiServiceUnavailableResponse({ description: 'not ready: `waiting` says on what, why and since when', ...READINESS })
  ready(): ReadinessReport {
    const report = this.readiness.report();
    if (!report.ready) throw new ServiceUnavailableException(report);
    return report;
  }
}
