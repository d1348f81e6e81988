import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { ArticleIngestedV1, ArticleIngestedV1Dto } from './article-ingested.v1';
import { Nullable } from './nullable.decorator';

/** A term the engine rendered, with its span in the segment it came from (0 is the title, then the paragraphs). */
export interface GlossaryHit {
  segment: number;
  source: string;
  target: string;
  start: number;
  end: number;
  kind: string;
}

/**
 * What the translation engine made of the article. `engine` names it: "stub"
 * output is a glossary gist, never a translation, and consumers must say so.
 */
export interface Translation {
  engine: string;
  engineVersion: string;
  target: string;
  title: string | null;
  segments: (string | null)[];
  glossary: GlossaryHit[];
  /** Added in v1.1 (optional): the configured engine failed or its circuit was open, and `engine` (the stub) answered instead. */
  fallback?: TranslationFallback;
}

export interface TranslationFallback {
  /** The engine that should have answered. */
  from: string;
  reason: string;
}

export interface ArticleTranslatedV1 extends Omit<ArticleIngestedV1, 'schemaVersion'> {
  schemaVersion: 1;
  translation: Translation;
}

export class GlossaryHitDto implements GlossaryHit {
  @IsInt() @Min(0) segment!: number;
  @IsString() source!: string;
  @IsString() target!: string;
  @IsInt() @Min(0) start!: number;
  @IsInt() @Min(0) end!: number;
  @IsString() kind!: string;
}

export class TranslationFallbackDto implements TranslationFallback {
  @IsString() from!: string;
  @IsString() reason!: string;
}

export class TranslationDto implements Translation {
  @IsString() engine!: string;
  @IsString() engineVersion!: string;
  @IsString() target!: string;
  @Nullable() @IsString() title!: string | null;
  @IsArray() segments!: (string | null)[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => GlossaryHitDto) glossary!: GlossaryHitDto[];
  @IsOptional() @ValidateNested() @Type(() => TranslationFallbackDto) fallback?: TranslationFallbackDto;
}

export class ArticleTranslatedV1Dto extends ArticleIngestedV1Dto implements ArticleTranslatedV1 {
  @IsIn([1]) declare schemaVersion: 1;
  @ValidateNested() @Type(() => TranslationDto) translation!: TranslationDto;
}
