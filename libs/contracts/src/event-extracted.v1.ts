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
import { ARTICLE_ID_PATTERN } from './article-ingested.v1';
import { Nullable } from './nullable.decorator';

export const ENTITY_TYPES = ['country', 'person', 'organization', 'location'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface Mention {
  text: string;
  start: number;
  end: number;
}

export interface ExtractedEntity {
  id: string;
  type: EntityType;
  name: string;
  countryCode?: string;
  lat?: number;
  lon?: number;
  /** CAMEO sector codes from the knowledge base (`IGO`, `MED`...), when known: input for actor coding. */
  sectors?: string[];
  mentions: Mention[];
}

export interface ExtractedQuantity {
  value: number;
  approximate: boolean;
  qualifier?: string;
  category: string;
  text: string;
  start: number;
  end: number;
}

export interface ExtractedQuote {
  text: string;
  start: number;
  end: number;
  speaker: string | null;
}

/** The article's main event date; `date` is null when the text gives no evidence. */
export interface EventDateV1 {
  date: string | null;
  basis: string;
  evidence: string[];
}

export interface Actors {
  source: string[];
  target: string[];
}

export interface EventExtractedV1 {
  schemaVersion: 1;
  articleId: string;
  source: ArticleSource;
  language: string | null;
  title: string | null;
  titleEn: string | null;
  publishedAt: string | null;
  ingestedAt: string;
  extractedAt: string;
  eventDate: EventDateV1;
  /** What the article is about; news outlets are never here, they are in `mediaSources`. */
  entities: ExtractedEntity[];
  /**
   * News outlets and agencies the article names (sector `MED`): who reported
   * or was cited ("وفقا لوكالة رويترز"), rarely a party to the event.
   */
  /** Added in v1.1, optional so records from earlier extractors still validate; current extractors always fill it. */
  mediaSources?: ExtractedEntity[];
  quantities: ExtractedQuantity[];
  quotes: ExtractedQuote[];
  eventType: string | null;
  actors: Actors;
}

export class MentionDto implements Mention {
  @IsString() text!: string;
  @IsInt() @Min(0) start!: number;
  @IsInt() @Min(0) end!: number;
}

export class ExtractedEntityDto implements ExtractedEntity {
  @IsString() id!: string;
  @IsIn(ENTITY_TYPES) type!: EntityType;
  @IsString() name!: string;
  @IsOptional() @Matches(/^[A-Z]{3}$/) countryCode?: string;
  @IsOptional() @IsNumber() lat?: number;
  @IsOptional() @IsNumber() lon?: number;
  @IsOptional() @IsArray() @IsString({ each: true }) sectors?: string[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => MentionDto) mentions!: MentionDto[];
}

export class ExtractedQuantityDto implements ExtractedQuantity {
  @IsNumber() value!: number;
  @IsBoolean() approximate!: boolean;
  @IsOptional() @IsString() qualifier?: string;
  @IsString() category!: string;
  @IsString() text!: string;
  @IsInt() @Min(0) start!: number;
  @IsInt() @Min(0) end!: number;
}

export class ExtractedQuoteDto implements ExtractedQuote {
  @IsString() text!: string;
  @IsInt() @Min(0) start!: number;
  @IsInt() @Min(0) end!: number;
  @Nullable() @IsString() speaker!: string | null;
}

export class EventDateV1Dto implements EventDateV1 {
  @Nullable() @Matches(/^\d{4}-\d{2}-\d{2}$/) date!: string | null;
  @IsString() basis!: string;
  @IsArray() @IsString({ each: true }) evidence!: string[];
}

export class ActorsDto implements Actors {
  @IsArray() @IsString({ each: true }) source!: string[];
  @IsArray() @IsString({ each: true }) target!: string[];
}

export class EventExtractedV1Dto implements EventExtractedV1 {
  @IsIn([1]) schemaVersion!: 1;
  @Matches(ARTICLE_ID_PATTERN) articleId!: string;
  @ValidateNested() @Type(() => ArticleSourceDto) source!: ArticleSourceDto;
  @Nullable() @IsString() language!: string | null;
  @Nullable() @IsString() title!: string | null;
  @Nullable() @IsString() titleEn!: string | null;
  @Nullable() @IsISO8601() publishedAt!: string | null;
  @IsISO8601() ingestedAt!: string;
  @IsISO8601() extractedAt!: string;
  @ValidateNested() @Type(() => EventDateV1Dto) eventDate!: EventDateV1Dto;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ExtractedEntityDto) entities!: ExtractedEntityDto[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => ExtractedEntityDto) mediaSources?: ExtractedEntityDto[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => ExtractedQuantityDto) quantities!: ExtractedQuantityDto[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => ExtractedQuoteDto) quotes!: ExtractedQuoteDto[];
  @Nullable() @IsString() eventType!: string | null;
  @ValidateNested() @Type(() => ActorsDto) actors!: ActorsDto;
}
