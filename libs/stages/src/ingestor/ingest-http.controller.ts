import { Body, Controller, HttpCode, HttpException, HttpStatus, Optional, Post, Res, UseGuards } from '@nestjs/common';
import { StageMetrics } from '../runtime/stage-metrics';
import { AcceptedArticle, ArticleRefusal, batchStatus, BatchResult } from './article-batch';
import { ApiTokenGuard } from './api-token.guard';
import { IngestRejections } from './ingest-rejections';
import { IngestService } from './ingest.service';

/** The HTTP status of a refused article: its shape is wrong (400), it is too large (413), or there is no article in it (422). */
function refusalStatus(refusal: ArticleRefusal): HttpStatus {
  switch (refusal.error) {
    case 'INVALID_JSON':
    case 'INVALID_ARTICLE':
      return HttpStatus.BAD_REQUEST;
    case 'BODY_TOO_LARGE':
    case 'RECORD_TOO_LARGE':
      return HttpStatus.PAYLOAD_TOO_LARGE;
    default:
      return HttpStatus.UNPROCESSABLE_ENTITY;
  }
}

/** Only what this controller sets on the Express response. */
interface StatusResponse {
  status(code: number): unknown;
}

@Controller('v1/articles')
@UseGuards(ApiTokenGuard)
export class IngestHttpController {
  constructor(
    private readonly ingest: IngestService,
    private readonly rejections: IngestRejections,
    @Optional() private readonly metrics?: StageMetrics,
  ) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  async one(@Body() body: unknown): Promise<AcceptedArticle> {
    const outcome = await this.ingest.ingestOne(body);
    if ('accepted' in outcome) this.metrics?.httpArticles('accepted', '');
    else if ('refusal' in outcome) this.metrics?.httpArticles('refused', outcome.refusal.error);
    else this.metrics?.httpArticles('failed', outcome.failure.error);
    if ('accepted' in outcome) return outcome.accepted;
    const [status, reason] = 'refusal' in outcome ? [refusalStatus(outcome.refusal), outcome.refusal] : [HttpStatus.SERVICE_UNAVAILABLE, outcome.failure];
    throw new HttpException({ statusCode: status, ...reason }, status);
  }

  /** NDJSON, one article a line, answered line by line (see {@link BatchResult}): 202 when every line was taken, else 207, 400 or 503. */
  @Post('batch')
  async batch(@Body() body: unknown, @Res({ passthrough: true }) response: StatusResponse): Promise<BatchResult> {
    if (typeof body !== 'string') {
      throw new HttpException({ statusCode: 400, error: 'INVALID_BATCH', message: 'send NDJSON with Content-Type: application/x-ndjson' }, HttpStatus.BAD_REQUEST);
    }
    const result = await this.ingest.ingestBatch(body);
    this.metrics?.httpArticles('accepted', '', result.accepted.length);
    for (const line of result.refused) this.metrics?.httpArticles('refused', line.error);
    for (const line of result.failed) this.metrics?.httpArticles('failed', line.error);
    if (result.lines === 0) throw new HttpException({ statusCode: 400, error: 'EMPTY_BATCH', message: 'the batch has no articles' }, HttpStatus.BAD_REQUEST);
    const status = batchStatus(result);
    await this.rejections.recordLines(body, result.refused, status);
    response.status(status);
    return result;
  }
}
