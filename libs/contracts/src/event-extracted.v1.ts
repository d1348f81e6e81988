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

/**
 * How an entity is written at one mention: its name ("روسيا", "Russia"), a
 * demonym or adjective ("الروسي", "Russian") that ties a phrase to it
 * without naming it, or an abbreviation ("ناتو", "NATO").
 */
export const MENTION_FORMS = ['name', 'demonym', 'abbreviation'] as const;
export type MentionForm = (typeof MENTION_FORMS)[number];

export interface EntityMention extends Mention {
  /** Added in v1.4, optional so earlier records still validate; current extractors always fill it. */
  form?: MentionForm;
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
  /** For a person recognised from a title or role, that role as written ("وزير الدفاع الروسي"). */
  role?: string;
  mentions: EntityMention[];
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

/**
 * The event types of the PLOVER 0.5 gold standard records, in CAMEO root
 * order: verbal and material cooperation, then verbal and material conflict.
 */
export const PLOVER_EVENT_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'CONCEDE', 'RETREAT', 'INVESTIGATE', 'DEMAND',
  'DISAPPROVE', 'REJECT', 'THREATEN', 'PROTEST', 'MOBILIZE', 'SANCTION', 'COERCE', 'ASSAULT', 'FIGHT',
] as const;
export type PloverEventType = (typeof PLOVER_EVENT_TYPES)[number];
export const QUAD_CLASSES = ['verbal-cooperation', 'material-cooperation', 'verbal-conflict', 'material-conflict'] as const;
export type QuadClass = (typeof QUAD_CLASSES)[number];

/** A source or target of an event: an entity, an agent ("protesters"), or both ("Russian troops"). */
export interface CodedActor {
  /** The entity the actor is, when it is one the extractor reports; null for an agent alone. */
  entityId: string | null;
  name: string;
  /** ISO alpha-3 of the actor's country, or null (an intergovernmental body, or an agent with no country named). */
  countryCode: string | null;
  /** CAMEO sector codes (GOV, MIL, COP, IGO, REB...). */
  sectors: string[];
  /** The CAMEO-style code analysts join on: country then sectors ("RUSMIL", "KAZGOV", "IGO"). */
  code: string;
  /** Where the actor is written: the entity's mention and the agent words beside it. */
  mentions: Mention[];
}

/** Where the event happened: the most specific place the text ties to it. */
export interface EventLocation {
  entityId: string;
  name: string;
  type: 'location' | 'country';
  countryCode: string | null;
  lat?: number;
  lon?: number;
  /** How it was chosen: `trigger-sentence`, `title`, `lead` or `target`. */
  basis: string;
  mention: Mention;
}

export interface EventTrigger extends Mention {
  /** The lexicon entry that matched. */
  pattern: string;
}

/** A content word of the article (normalized, proclitic-free stem) and its weight: how often it occurs, title words counting more. */
export interface ArticleTerm {
  term: string;
  weight: number;
}

/** The article's main event, coded PETRARCH-style from trigger lexicons, with the spans it came from. */
export interface EventCoding {
  type: PloverEventType;
  /** CAMEO root (two digits) the PLOVER type takes its core from. */
  cameoRoot: string;
  quadClass: QuadClass;
  /** PLOVER mode where the text says it (troops, peacekeeping); null otherwise. */
  mode: string | null;
  /** PLOVER contexts whose words the trigger's sentence holds. */
  context: string[];
  trigger: EventTrigger;
  /** The sentence the event was coded from. */
  sentence: { start: number; end: number };
  source: CodedActor[];
  target: CodedActor[];
  location: EventLocation | null;
}

/**
 * A title as the translation rendered it, with the language it is in: the
 * translation's target (`ArticleTranslatedV1.translation.target`), which is
 * English only when the translator is set to English.
 */
export interface TitleTranslation {
  /** The language `text` is in, as the translator names it (`en`, `fr`). */
  language: string;
  text: string;
}

export interface EventExtractedV1 {
  schemaVersion: 1;
  articleId: string;
  source: ArticleSource;
  language: string | null;
  title: string | null;
  /**
   * The title in English: the article's own when it is written in English,
   * the translation's when the translation is into English, null otherwise.
   * @deprecated since v1.7, kept for one minor version: read `titleTranslation`,
   * which says its language. Never a title in another language.
   */
  titleEn: string | null;
  /**
   * Added in v1.7, optional so earlier records still validate: the
   * translation's title with its language, null when the translation has no
   * title. Current extractors always fill it.
   */
  titleTranslation?: TitleTranslation | null;
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
  /** PLOVER type of the main event (`event.type`), null when no trigger was found. */
  eventType: string | null;
  /** Entity ids of the main event's actors (`event.source` / `event.target`). */
  actors: Actors;
  /** Added in v1.2, optional so earlier records still validate: the coded main event with its provenance, or null. */
  event?: EventCoding | null;
  /**
   * Added in v1.3, optional so earlier records still validate: the article's
   * key content words (stopwords left out), heaviest first, for matching
   * articles on their content and not only on the entities they name.
   */
  terms?: ArticleTerm[];
  /**
   * Added in v1.5, optional so earlier records still validate: the content
   * words of the title, once each, in order. A title says what the article
   * is about; the clusterer matches titles apart from bodies.
   */
  titleTerms?: string[];
  /** Added in v1.5: true for an item whose only text is its headline (see `ArticleIngestedV1.brief`). */
  brief?: boolean;
  /**
   * Added in v1.6, optional so earlier records still validate: the article's
   * text as ingested (`ArticleIngestedV1.body`), the text every `start`/`end`
   * above is an offset into, so a reader can show a fact where it was
   * written. Current extractors always fill it. Story records never carry it.
   */
  body?: string;
}

export class MentionDto implements Mention {
  @IsString() text!: string;
  @IsInt() @Min(0) start!: number;
  @IsInt() @Min(0) end!: number;
}

export class EntityMentionDto extends MentionDto implements EntityMention {
  @IsOptional() @IsIn(MENTION_FORMS) form?: MentionForm;
}

export class ExtractedEntityDto implements ExtractedEntity {
  @IsString() id!: string;
  @IsIn(ENTITY_TYPES) type!: EntityType;
  @IsString() name!: string;
  @IsOptional() @Matches(/^[A-Z]{3}$/) countryCode?: string;
  @IsOptional() @IsNumber() lat?: number;
  @IsOptional() @IsNumber() lon?: number;
  @IsOptional() @IsArray() @IsString({ each: true }) sectors?: string[];
  @IsOptional() @IsString() role?: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => EntityMentionDto) mentions!: EntityMentionDto[];
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

export class CodedActorDto implements CodedActor {
  @Nullable() @IsString() entityId!: string | null;
  @IsString() name!: string;
  @Nullable() @Matches(/^[A-Z]{3}$/) countryCode!: string | null;
  @IsArray() @IsString({ each: true }) sectors!: string[];
  @IsString() code!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => MentionDto) mentions!: MentionDto[];
}

export class EventLocationDto implements EventLocation {
  @IsString() entityId!: string;
  @IsString() name!: string;
  @IsIn(['location', 'country']) type!: 'location' | 'country';
  @Nullable() @Matches(/^[A-Z]{3}$/) countryCode!: string | null;
  @IsOptional() @IsNumber() lat?: number;
  @IsOptional() @IsNumber() lon?: number;
  @IsString() basis!: string;
  @ValidateNested() @Type(() => MentionDto) mention!: MentionDto;
}

export class EventTriggerDto extends MentionDto implements EventTrigger {
  @IsString() pattern!: string;
}

export class SpanDto {
  @IsInt() @Min(0) start!: number;
  @IsInt() @Min(0) end!: number;
}

export class ArticleTermDto implements ArticleTerm {
  @IsString() term!: string;
  @IsNumber() @Min(0) weight!: number;
}

export class EventCodingDto implements EventCoding {
  @IsIn(PLOVER_EVENT_TYPES) type!: PloverEventType;
  @Matches(/^\d{2}$/) cameoRoot!: string;
  @IsIn(QUAD_CLASSES) quadClass!: QuadClass;
  @Nullable() @IsString() mode!: string | null;
  @IsArray() @IsString({ each: true }) context!: string[];
  @ValidateNested() @Type(() => EventTriggerDto) trigger!: EventTriggerDto;
  @ValidateNested() @Type(() => SpanDto) sentence!: SpanDto;
  @IsArray() @ValidateNested({ each: true }) @Type(() => CodedActorDto) source!: CodedActorDto[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => CodedActorDto) target!: CodedActorDto[];
  @Nullable() @ValidateNested() @Type(() => EventLocationDto) location!: EventLocationDto | null;
}

export class TitleTranslationDto implements TitleTranslation {
  @IsString() language!: string;
  @IsString() text!: string;
}

export class EventExtractedV1Dto implements EventExtractedV1 {
  @IsIn([1]) schemaVersion!: 1;
  @Matches(ARTICLE_ID_PATTERN) articleId!: string;
  @ValidateNested() @Type(() => ArticleSourceDto) source!: ArticleSourceDto;
  @Nullable() @IsString() language!: string | null;
  @Nullable() @IsString() title!: string | null;
  @Nullable() @IsString() titleEn!: string | null;
  @IsOptional() @Nullable() @ValidateNested() @Type(() => TitleTranslationDto) titleTranslation?: TitleTranslationDto | null;
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
  @IsOptional() @Nullable() @ValidateNested() @Type(() => EventCodingDto) event?: EventCodingDto | null;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => ArticleTermDto) terms?: ArticleTermDto[];
  @IsOptional() @IsArray() @IsString({ each: true }) titleTerms?: string[];
  @IsOptional() @IsBoolean() brief?: boolean;
  @IsOptional() @IsString() body?: string;
}
