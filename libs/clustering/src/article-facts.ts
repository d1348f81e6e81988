import { MENTION_FORMS } from '@eventwire/contracts';
import type { EntityMention, EntityType, EventExtractedV1, EventLocation, ExtractedQuantity, MentionForm, TitleTranslation } from '@eventwire/contracts';

/** An entity as a story needs it: who, not where in the text. */
export interface EntityFacts {
  id: string;
  type: EntityType;
  name: string;
  countryCode?: string;
  /** How the article writes it (`name`, `demonym`, `abbreviation`), each once in MENTION_FORMS order; absent for records before mention forms. */
  forms?: MentionForm[];
}

/** The coded main event, without its spans (they stay with the article record). */
export interface EventFacts {
  type: string;
  cameoRoot: string;
  quadClass: string;
  mode: string | null;
  source: string[];
  target: string[];
  location: Pick<EventLocation, 'entityId' | 'name' | 'countryCode' | 'lat' | 'lon'> | null;
}

/**
 * What a story keeps of each member article: enough to build its record
 * (title, outlet, language, date, entities, quantities, event), without the
 * mentions, quotes and terms the article record carries. A story of
 * thousands of articles stays small; the full records are in the store.
 */
export interface ArticleFacts extends Pick<EventExtractedV1, 'articleId' | 'source' | 'language' | 'title' | 'titleEn' | 'publishedAt' | 'ingestedAt'> {
  /** Null for a record from before v1.7 too: its `titleEn` may hold a title in any language, and which one is not known. */
  titleTranslation: TitleTranslation | null;
  eventDate: string | null;
  entities: EntityFacts[];
  mediaSources: EntityFacts[];
  quantities: Omit<ExtractedQuantity, 'start' | 'end'>[];
  eventType: string | null;
  event: EventFacts | null;
}

const entityFacts = (e: { id: string; type: EntityType; name: string; countryCode?: string; mentions?: EntityMention[] }): EntityFacts => {
  const forms = MENTION_FORMS.filter((f) => e.mentions?.some((m) => m.form === f));
  return {
    id: e.id,
    type: e.type,
    name: e.name,
    ...(e.countryCode ? { countryCode: e.countryCode } : {}),
    ...(forms.length > 0 ? { forms } : {}),
  };
};

export function factsOf(event: EventExtractedV1): ArticleFacts {
  const coded = event.event ?? null;
  return {
    articleId: event.articleId,
    source: event.source,
    language: event.language,
    title: event.title,
    titleEn: event.titleEn,
    titleTranslation: event.titleTranslation ?? null,
    publishedAt: event.publishedAt,
    ingestedAt: event.ingestedAt,
    eventDate: event.eventDate.date,
    entities: event.entities.map(entityFacts),
    mediaSources: (event.mediaSources ?? []).map(entityFacts),
    quantities: event.quantities.map((q) => ({
      value: q.value,
      approximate: q.approximate,
      ...(q.qualifier ? { qualifier: q.qualifier } : {}),
      category: q.category,
      text: q.text,
    })),
    eventType: event.eventType,
    event: coded
      ? {
          type: coded.type,
          cameoRoot: coded.cameoRoot,
          quadClass: coded.quadClass,
          mode: coded.mode,
          source: [...new Set(coded.source.flatMap((a) => (a.entityId ? [a.entityId] : [])))],
          target: [...new Set(coded.target.flatMap((a) => (a.entityId ? [a.entityId] : [])))],
          location: coded.location
            ? {
                entityId: coded.location.entityId,
                name: coded.location.name,
                countryCode: coded.location.countryCode,
                ...(coded.location.lat !== undefined && coded.location.lon !== undefined ? { lat: coded.location.lat, lon: coded.location.lon } : {}),
              }
            : null,
        }
      : null,
  };
}
