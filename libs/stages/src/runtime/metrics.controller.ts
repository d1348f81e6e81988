import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ServerResponse } from 'node:http';
import { StageMetrics } from './stage-metrics';

/** `GET /metrics` in the Prometheus text format, on every service's HTTP port. */
@ApiTags('operations')
@Controller()
export class MetricsController {
  constructor(private readonly metrics: StageMetrics) {}

  @Get('metrics')
  @ApiOperation({ summary: 'Prometheus metrics: records in, out and dead-lettered, retries, handler time, lag, HTTP articles, process' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'the Prometheus text format', schema: { type: 'string' } })
  async scrape(@Res() res: ServerResponse): Promise<void> {
    const { contentType, text } = await this.metrics.render();
    res.setHeader('Content-Type', contentType);
    res.end(text);
  }
}
