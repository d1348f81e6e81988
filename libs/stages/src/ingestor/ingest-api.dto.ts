import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AcceptedArticle, ArticleRefusal, BatchResult } from './article-batch';

/**
 * The ingest API's answers as classes, for its OpenAPI document only: the
 * controller returns the plain objects typed by `article-batch.ts`, and
 * each class here `implements` that type so the two cannot drift.
 */
export class FieldErrorDto {
  @ApiProperty({ example: 'body' }) field!: string;
  @ApiProperty({ type: [String] }) problems!: string[];
}

export class AcceptedArticleDto implements AcceptedArticle {
  @ApiProperty({ description: 'stable id: the same outlet and text always get the same one' }) articleId!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'ar' }) language!: string | null;
}

export class ArticleRefusalDto implements ArticleRefusal {
  @ApiProperty({ description: 'INVALID_JSON, INVALID_ARTICLE, BODY_TOO_LARGE, RECORD_TOO_LARGE, NO_CONTENT, UNREADABLE; BROKER_UNAVAILABLE or NOT_CONFIRMED on 503' })
  error!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'the fields that broke the contract (INVALID_ARTICLE)' }) errors?: FieldErrorDto[];
}

export class BatchAcceptedLineDto extends AcceptedArticleDto {
  @ApiProperty({ description: '1-based line of the request body' }) line!: number;
}

export class BatchRefusedLineDto extends ArticleRefusalDto {
  @ApiProperty({ description: '1-based line of the request body' }) line!: number;
}

export class BatchResultDto implements BatchResult {
  @ApiProperty({ description: 'non-blank lines read' }) lines!: number;
  @ApiProperty({ type: [BatchAcceptedLineDto], description: 'in the pipeline, acknowledged by the broker' }) accepted!: BatchAcceptedLineDto[];
  @ApiProperty({ type: [BatchRefusedLineDto], description: 'never taken as they are (recorded on articles.rejected.v1)' }) refused!: BatchRefusedLineDto[];
  @ApiProperty({ type: [BatchRefusedLineDto], description: 'valid, but the broker did not confirm them: safe to send again' }) failed!: BatchRefusedLineDto[];
}

/** The JSON error of a request refused whole (`statusCode`, a code in `error`, `message`). */
export class HttpErrorDto {
  @ApiProperty() statusCode!: number;
  @ApiPropertyOptional({ example: 'REQUEST_TOO_LARGE' }) error?: string;
  @ApiProperty() message!: string;
}
