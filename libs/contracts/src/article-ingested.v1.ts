import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { ArticleSource, ArticleSourceDto } from './article-source';
import { Nullable } from './nullable.decorator';

export const SEGMENT_KINDS = ['title', 'paragraph'] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

/** A kept piece of the article: offsets into `body`, so every fact can point at its source span. */
export interface TextSegment {
  kind: SegmentKind;
  start: number;
  end: number;
  language: string | null;
}

export interface RemovedSpanV1 {
  start: number;
  end: number;
  reason: string;
}

/**
 * A validated, cleaned article. `body` is the plain text all offsets refer to
 * (the page text for .txt/.json, the readable text for .html); page chrome is
 * not deleted from it but listed in `removed` and left out of `segments`.
 */
export interface ArticleIngestedV1 {
  schemaVersion: 1;
  articleId: string;
  source: ArticleSource;
  title: string | null;
  language: string | null;
  publishedAt: string | null;
  ingestedAt: string;
  body: string;
  segments: TextSegment[];
  removed: RemovedSpanV1[];
  /**
   * Added in v1.1, optional so earlier records still validate: true for an
   * item whose only text is its headline (a photo item, a flash); its body
   * is then the headline, as its one paragraph.
   */
  brief?: boolean;
}

export class TextSegmentDto implements TextSegment {
  @IsIn(SEGMENT_KINDS) kind!: SegmentKind;
  @IsInt() @Min(0) start!: number;
  @IsInt() @Min(0) end!: number;
  @Nullable() @IsString() language!: string | null;
}

export class RemovedSpanV1Dto implements RemovedSpanV1 {
  @IsInt() @Min(0) start!: number;
  @IsInt() @Min(0) end!: number;
  @IsString() reason!: string;
}

export const ARTICLE_ID_PATTERN = /^[0-9a-f]{16,64}$/;

export class ArticleIngestedV1Dto implements ArticleIngestedV1 {
  @IsIn([1]) schemaVersion!: 1;
  @Matches(ARTICLE_ID_PATTERN) articleId!: string;
  @ValidateNested() @Type(() => ArticleSourceDto) source!: ArticleSourceDto;
  @Nullable() @IsString() title!: string | null;
  @Nullable() @IsString() language!: string | null;
  @Nullable() @IsISO8601() publishedAt!: string | null;
  @IsISO8601() ingestedAt!: string;
  @IsString() body!: string;
  @IsArray() @ArrayMaxSize(10000) @ValidateNested({ each: true }) @Type(() => TextSegmentDto) segments!: TextSegmentDto[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => RemovedSpanV1Dto) removed!: RemovedSpanV1Dto[];
  @IsOptional() @IsBoolean() brief?: boolean;
}
