import { RawArticleV1Dto } from '@eventwire/contracts';
import { Body, Controller, HttpCode, HttpException, HttpStatus, Optional, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiExtraModels, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { StageMetrics } from '../runtime/stage-metrics';
import { AcceptedArticle, ArticleRefusal, batchStatus, BatchResult } from './article-batch';
import { ApiTokenGuard } from './api-token.guard';
import { AcceptedArticleDto, ArticleRefusalDto, BatchResultDto, HttpErrorDto } from './ingest-api.dto';
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

const UNAUTHORIZED = { status: 401, description: 'INGEST_API_TOKEN is set and the request has no `Authorization: Bearer <token>` with it', type: HttpErrorDto };

@ApiTags('ingest')
@ApiBearerAuth()
@ApiExtraModels(AcceptedArticleDto, ArticleRefusalDto, BatchResultDto, HttpErrorDto)
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
  @ApiOperation({ summary: 'One article (a raw article record): taken once the broker acknowledged it' })
  @ApiBody({ schema: { $ref: getSchemaPath(RawArticleV1Dto) } })
  @ApiResponse({ status: 202, description: 'on articles.ingested.v1', type: AcceptedArticleDto })
  @ApiResponse({ status: 400, description: 'not JSON, not UTF-8, or breaks the contract (`errors` names the fields)', type: ArticleRefusalDto })
  @ApiResponse({ status: 413, description: 'the request or the article body is over its limit (INGEST_MAX_BODY_BYTES)', type: ArticleRefusalDto })
  @ApiResponse({ status: 422, description: 'no article in it (only page chrome)', type: ArticleRefusalDto })
  @ApiResponse({ status: 503, description: 'the broker did not confirm it (BROKER_UNAVAILABLE): send it again once /readyz answers 200', type: ArticleRefusalDto })
  @ApiResponse(UNAUTHORIZED)
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
  @ApiOperation({ summary: 'NDJSON, one raw article a line (up to INGEST_MAX_BATCH_BYTES), answered line by line' })
  @ApiConsumes('application/x-ndjson', 'application/ndjson', 'text/plain')
  @ApiBody({ schema: { type: 'string', example: '{"body":"…","title":"…"}\n{"body":"…"}\n' } })
  @ApiResponse({ status: 202, description: 'every line taken', type: BatchResultDto })
  @ApiResponse({ status: 207, description: 'some lines taken, some refused or failed', type: BatchResultDto })
  @ApiResponse({ status: 400, description: 'every line refused (a BatchResult), or no NDJSON (INVALID_BATCH, EMPTY_BATCH)', type: BatchResultDto })
  @ApiResponse({ status: 413, description: 'the request is over INGEST_MAX_BATCH_BYTES (REQUEST_TOO_LARGE), never read', type: HttpErrorDto })
  @ApiResponse({ status: 503, description: 'no line taken: the broker failed; the same batch may be sent again', type: BatchResultDto })
  @ApiResponse(UNAUTHORIZED)
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
