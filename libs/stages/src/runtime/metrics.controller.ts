import { Controller, Get, Res } from '@nestjs/common';
import { ServerResponse } from 'node:http';
import { StageMetrics } from './stage-metrics';

/** `GET /metrics` in the Prometheus text format, on every service's HTTP port. */
@Controller()
export class MetricsController {
  constructor(private readonly metrics: StageMetrics) {}

  @Get('metrics')
  async scrape(@Res() res: ServerResponse): Promise<void> {
    const { contentType, text } = await this.metrics.render();
    res.setHeader('Content-Type', contentType);
    res.end(text);
  }
}
