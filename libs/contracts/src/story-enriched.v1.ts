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
import { ENTITY_TYPES, EntityType, MENTION_FORMS, MentionForm, TitleTranslation, TitleTranslationDto } from './event-extracted.v1';
import { Nullable } from './nullable.decorator';

export interface DateRange {
  start: string | null;
  end: string | null;
}

export interface StoryArticle {
  articleId: string;
  source: ArticleSource;
  title: string | null;
  /** @deprecated since v1.4, kept for one minor version: the article's `EventExtractedV1.titleEn`, English or null; read `titleTranslation`. */
  titleEn: string | null;
  /** Added in v1.4 (optional): the article's `EventExtractedV1.titleTranslation`, its translated title with its language. */
  titleTranslation?: TitleTranslation | null;
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
  /** Added in v1.3 (optional): how the articles write it — `name`, `demonym`, `abbreviation` — each form once, in that order. */
  forms?: MentionForm[];
  /**
   * Added in v1.6 (optional): for a place or organisation no knowledge base
   * lists, the other ids the articles give it, one per spelling ("سوروتش"
   * beside "سروج"), with the name as written; `id`, `name` and the counts
   * are the most reported spelling's, `articleIds` those of all. Absent when
   * every article spells it alike.
   */
  spellings?: EntitySpelling[];
}

/** One spelling of a story entity: the id an article gave it and the name as written. */
export interface EntitySpelling {
  id: string;
  name: string;
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

/** An actor of a story event: an entity id with the articles that code it so. */
export interface StoryActor {
  id: string;
  name: string;
  countryCode?: string;
  articleIds: string[];
}

/** Where a story event happened, with the articles that place it there. */
export interface StoryEventLocation {
  id: string;
  name: string;
  countryCode: string | null;
  lat?: number;
  lon?: number;
  articleIds: string[];
}

/**
 * One event of a story (the deployment on 6 January; the withdrawal
 * announced on 11 January): its own dates, PLOVER type, actors and place,
 * and the member articles that report it.
 */
export interface StoryEvent {
  /** `event-<articleId>` of its first member by article id: stable while the event gains articles. */
  eventId: string;
  /** The date most of its articles give; null when none is dated. */
  date: string | null;
  dateRange: DateRange;
  /** PLOVER type most of its articles code; null when none is coded. */
  type: string | null;
  cameoRoot: string | null;
  quadClass: string | null;
  mode: string | null;
  source: StoryActor[];
  target: StoryActor[];
  location: StoryEventLocation | null;
  articleIds: string[];
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
  /**
   * The lead article's English title (see `EventExtractedV1.titleEn`), or null.
   * @deprecated since v1.4, kept for one minor version: read `titleTranslation`.
   */
  titleEn: string | null;
  /**
   * Added in v1.4 (optional): the lead article's (`titleArticleId`) translated
   * title with its language, the story's gist in the translator's target
   * language; null when it has none.
   */
  titleTranslation?: TitleTranslation | null;
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
  /** Added in v1.2 (optional, like every later field): the story's events, earliest first. */
  events?: StoryEvent[];
  /** The article whose title represents the story. */
  titleArticleId?: string | null;
  /** Stories an article bridged into this one; their ids now point here (their records are tombstoned). */
  mergedFrom?: string[];
  /**
   * Added in v1.5 (optional): the story this one was cut from, or null. A
   * story that grows is looked at again, and the members that report another
   * event (days apart, other places and actors) go on as a story of their
   * own: this record holds them now, and the story they were cut from has a
   * new version without them.
   */
  splitFrom?: string | null;
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
  @IsOptional() @Nullable() @ValidateNested() @Type(() => TitleTranslationDto) titleTranslation?: TitleTranslationDto | null;
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
  @IsOptional() @IsArray() @IsIn(MENTION_FORMS, { each: true }) forms?: MentionForm[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => EntitySpellingDto) spellings?: EntitySpellingDto[];
}

export class EntitySpellingDto implements EntitySpelling {
  @IsString() id!: string;
  @IsString() name!: string;
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

export class StoryActorDto implements StoryActor {
  @IsString() id!: string;
  @IsString() name!: string;
  @IsOptional() @Matches(/^[A-Z]{3}$/) countryCode?: string;
  @IsArray() @IsString({ each: true }) articleIds!: string[];
}

export class StoryEventLocationDto implements StoryEventLocation {
  @IsString() id!: string;
  @IsString() name!: string;
  @Nullable() @IsString() countryCode!: string | null;
  @IsOptional() @IsNumber() lat?: number;
  @IsOptional() @IsNumber() lon?: number;
  @IsArray() @IsString({ each: true }) articleIds!: string[];
}

export class StoryEventDto implements StoryEvent {
  @IsString() eventId!: string;
  @Nullable() @Matches(DAY) date!: string | null;
  @ValidateNested() @Type(() => DateRangeDto) dateRange!: DateRangeDto;
  @Nullable() @IsString() type!: string | null;
  @Nullable() @IsString() cameoRoot!: string | null;
  @Nullable() @IsString() quadClass!: string | null;
  @Nullable() @IsString() mode!: string | null;
  @IsArray() @ValidateNested({ each: true }) @Type(() => StoryActorDto) source!: StoryActorDto[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => StoryActorDto) target!: StoryActorDto[];
  @Nullable() @ValidateNested() @Type(() => StoryEventLocationDto) location!: StoryEventLocationDto | null;
  @IsArray() @IsString({ each: true }) articleIds!: string[];
}

export class StoryEnrichedV1Dto implements StoryEnrichedV1 {
  @IsIn([1]) schemaVersion!: 1;
  @IsString() storyId!: string;
  @IsInt() @Min(1) version!: number;
  @IsISO8601() updatedAt!: string;
  @Nullable() @IsString() title!: string | null;
  @Nullable() @IsString() titleEn!: string | null;
  @IsOptional() @Nullable() @ValidateNested() @Type(() => TitleTranslationDto) titleTranslation?: TitleTranslationDto | null;
  @ValidateNested() @Type(() => DateRangeDto) dateRange!: DateRangeDto;
  @IsArray() @ValidateNested({ each: true }) @Type(() => StoryArticleDto) articles!: StoryArticleDto[];
  @IsInt() @Min(1) numArticles!: number;
  @IsInt() @Min(1) numSources!: number;
  @IsArray() @IsString({ each: true }) languages!: string[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => StoryEntityDto) entities!: StoryEntityDto[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => StoryEntityDto) mediaSources?: StoryEntityDto[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => StoryQuantityDto) quantities!: StoryQuantityDto[];
  @IsArray() @IsString({ each: true }) eventTypes!: string[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => StoryEventDto) events?: StoryEventDto[];
  @IsOptional() @Nullable() @IsString() titleArticleId?: string | null;
  @IsOptional() @IsArray() @IsString({ each: true }) mergedFrom?: string[];
  @IsOptional() @Nullable() @IsString() splitFrom?: string | null;
}
