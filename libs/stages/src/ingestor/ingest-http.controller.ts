import { contractErrors, FieldError, RawArticleV1, RawArticleV1Dto } from '@eventwire/contracts';
import { encodeOutput, MESSAGE_BROKER, MessageBroker, ORIGIN_HEADER } from '@eventwire/kafka';
import {
  BadRequestException,
  Body,
  Controller,
  HttpCode,
  HttpException,
  HttpStatus,
  Inject,
  Post,
  UnprocessableEntityException,
  UseGuards,
} from '@nestjs/common';
import { ApiTokenGuard } from './api-token.guard';
import { ArticleRejectedStageError, IngestService } from './ingest.service';

export interface AcceptedArticle {
  articleId: string;
  title: string | null;
  language: string | null;
}

function rejection(error: ArticleRejectedStageError, line?: number): HttpException {
  const body = { statusCode: 0, error: error.code, message: error.message, ...(line ? { line } : {}) };
  if (error.code === 'BODY_TOO_LARGE') return new HttpException({ ...body, statusCode: 413 }, HttpStatus.PAYLOAD_TOO_LARGE);
  return new UnprocessableEntityException({ ...body, statusCode: 422 });
}

function invalid(errors: FieldError[], line?: number): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'INVALID_ARTICLE', message: 'the article breaks the contract', ...(line ? { line } : {}), errors });
}

@Controller('v1/articles')
@UseGuards(ApiTokenGuard)
export class IngestHttpController {
  constructor(
    private readonly ingest: IngestService,
    @Inject(MESSAGE_BROKER) private readonly broker: MessageBroker,
  ) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  async one(@Body() body: unknown): Promise<AcceptedArticle> {
    const [accepted] = await this.accept([{ value: body }]);
    return accepted!;
  }

  /** NDJSON, one article a line; all or nothing, so a bad line never leaves half a batch in the pipeline. */
  @Post('batch')
  @HttpCode(HttpStatus.ACCEPTED)
  async batch(@Body() body: unknown): Promise<{ accepted: AcceptedArticle[] }> {
    if (typeof body !== 'string') {
      throw new BadRequestException({ statusCode: 400, error: 'INVALID_BATCH', message: 'send NDJSON with Content-Type: application/x-ndjson' });
    }
    const items: Array<{ value: unknown; line: number }> = [];
    const lines = body.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.trim();
      if (!line) continue;
      try {
        items.push({ value: JSON.parse(line), line: i + 1 });
      } catch (error) {
        throw new BadRequestException({ statusCode: 400, error: 'INVALID_JSON', line: i + 1, message: (error as Error).message });
      }
    }
    if (items.length === 0) throw new BadRequestException({ statusCode: 400, error: 'EMPTY_BATCH', message: 'the batch has no articles' });
    return { accepted: await this.accept(items) };
  }

  private async accept(items: Array<{ value: unknown; line?: number }>): Promise<AcceptedArticle[]> {
    const outputs = items.map(({ value, line }) => {
      const errors = contractErrors(RawArticleV1Dto, value);
      if (errors.length > 0) throw invalid(errors, line);
      try {
        return this.ingest.ingest(value as RawArticleV1);
      } catch (error) {
        if (error instanceof ArticleRejectedStageError) throw rejection(error, line);
        throw error;
      }
    });
    await this.broker.send(outputs.map((o) => encodeOutput({ ...o, headers: { [ORIGIN_HEADER]: 'http' } })));
    return outputs.map((o) => ({ articleId: o.value.articleId, title: o.value.title, language: o.value.language }));
  }
}
