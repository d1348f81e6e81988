import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export const ARTICLE_FORMATS = ['txt', 'json', 'html'] as const;
export type ArticleFormat = (typeof ARTICLE_FORMATS)[number];

/** An article as outside producers send it: over HTTP, on `articles.raw.v1`, or read from a file. */
export interface RawArticleV1 {
  body: string;
  title?: string;
  url?: string;
  outlet?: string;
  publishedAt?: string;
  language?: string;
  file?: string;
  format?: ArticleFormat;
}

export class RawArticleV1Dto implements RawArticleV1 {
  @IsString() @IsNotEmpty({ message: 'body must not be empty' }) body!: string;
  @IsOptional() @IsString() @MaxLength(1000) title?: string;
  // A link to the article's page: anything else (`javascript:`, `file:`) would reach every consumer that renders it.
  @IsOptional() @IsString() @MaxLength(4096) @Matches(/^https?:\/\/[^\s/?#]+\S*$/i, { message: 'url must be an http(s) URL' }) url?: string;
  @IsOptional() @IsString() @MaxLength(256) outlet?: string;
  @IsOptional() @IsISO8601({ strict: true }, { message: 'publishedAt must be an ISO 8601 date or date-time' }) publishedAt?: string;
  @IsOptional() @Matches(/^[a-z]{2,3}$/, { message: 'language must be an ISO 639 code such as "ar" or "en"' }) language?: string;
  @IsOptional() @IsString() @MaxLength(1024) file?: string;
  @IsOptional() @IsIn(ARTICLE_FORMATS) format?: ArticleFormat;
}
