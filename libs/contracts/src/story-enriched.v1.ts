import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { ArticleSource, ArticleSourceDto } from './article-source';
import { ENTITY_TYPES, EntityType } from './event-extracted.v1';
import { Nullable } from './nullable.decorator';

export interface DateRange {
  start: string | null;
  end: string | null;
}

export interface StoryArticle {
  articleId: string;
  source: ArticleSource;
  title: string | null;
  titleEn: string | null;
  language: string | null;
  eventDate: string | null;
}

export interface StoryEntity {
  id: string;
  type: EntityType;
  name: string;
  countryCode?: string;
  articleCount: number;
  articleIds: string[];
}

/** One value as stated by the articles that state it. */
export interface QuantityClaim {
  value: number;
  approximate: boolean;
  qualifier: string | null;
  articleIds: string[];
}

/** All claims about one kind of count; `conflict` when sources disagree beyond rounding. */
export interface StoryQuantity {
  category: string;
  claims: QuantityClaim[];
  conflict: boolean;
}

/**
 * A story as subscribers see it on the compacted `events.enriched.v1`, keyed
 * by storyId: the latest version replaces the earlier ones.
 */
export interface StoryEnrichedV1 {
  schemaVersion: 1;
  storyId: string;
  version: number;
  updatedAt: string;
  title: string | null;
  titleEn: string | null;
  dateRange: DateRange;
  articles: StoryArticle[];
  numArticles: number;
  numSources: number;
  languages: string[];
  /** What the story is about; news outlets are in `mediaSources`. */
  entities: StoryEntity[];
  /** News outlets and agencies the articles name as their sources, with how many articles cite each. */
  /** Added in v1.1, optional so records from earlier aggregators still validate; current aggregators always fill it. */
  mediaSources?: StoryEntity[];
  quantities: StoryQuantity[];
  eventTypes: string[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class DateRangeDto implements DateRange {
  @Nullable() @Matches(DAY) start!: string | null;
  @Nullable() @Matches(DAY) end!: string | null;
}

export class StoryArticleDto implements StoryArticle {
  @IsString() articleId!: string;
  @ValidateNested() @Type(() => ArticleSourceDto) source!: ArticleSourceDto;
  @Nullable() @IsString() title!: string | null;
  @Nullable() @IsString() titleEn!: string | null;
  @Nullable() @IsString() language!: string | null;
  @Nullable() @Matches(DAY) eventDate!: string | null;
}

export class StoryEntityDto implements StoryEntity {
  @IsString() id!: string;
  @IsIn(ENTITY_TYPES) type!: EntityType;
  @IsString() name!: string;
  @IsOptional() @Matches(/^[A-Z]{3}$/) countryCode?: string;
  @IsInt() @Min(1) articleCount!: number;
  @IsArray() @IsString({ each: true }) articleIds!: string[];
}

export class QuantityClaimDto implements QuantityClaim {
  @IsNumber() value!: number;
  @IsBoolean() approximate!: boolean;
  @Nullable() @IsString() qualifier!: string | null;
  @IsArray() @IsString({ each: true }) articleIds!: string[];
}

export class StoryQuantityDto implements StoryQuantity {
  @IsString() category!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => QuantityClaimDto) claims!: QuantityClaimDto[];
  @IsBoolean() conflict!: boolean;
}

export class StoryEnrichedV1Dto implements StoryEnrichedV1 {
  @IsIn([1]) schemaVersion!: 1;
  @IsString() storyId!: string;
  @IsInt() @Min(1) version!: number;
  @IsISO8601() updatedAt!: string;
  @Nullable() @IsString() title!: string | null;
  @Nullable() @IsString() titleEn!: string | null;
  @ValidateNested() @Type(() => DateRangeDto) dateRange!: DateRangeDto;
  @IsArray() @ValidateNested({ each: true }) @Type(() => StoryArticleDto) articles!: StoryArticleDto[];
  @IsInt() @Min(1) numArticles!: number;
  @IsInt() @Min(1) numSources!: number;
  @IsArray() @IsString({ each: true }) languages!: string[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => StoryEntityDto) entities!: StoryEntityDto[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => StoryEntityDto) mediaSources?: StoryEntityDto[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => StoryQuantityDto) quantities!: StoryQuantityDto[];
  @IsArray() @IsString({ each: true }) eventTypes!: string[];
}
