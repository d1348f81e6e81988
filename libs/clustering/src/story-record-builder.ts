import { MENTION_FORMS } from '@eventwire/contracts';
import type { QuantityClaim, StoryEnrichedV1, StoryEntity, StoryQuantity } from '@eventwire/contracts';
import type { ArticleFacts, EntityFacts } from './article-facts';
import type { StoryState } from './story-clusterer';
import { spellingKey } from './spelling-key';
import { storyEvents } from './story-events';

/** Two claims about one count conflict when they differ by more than this share of the larger: more than rounding. */
const CONFLICT_TOLERANCE = 0.1;

/**
 * Who published the article: its outlet, else the host of its url (the ingester fills the outlet from it, but a record
 * may come without), else one shared "unknown" source. Counting each article of unknown origin as a source of its own
 * would make the same text sent twice, or five files, look like corroboration by independent outlets.
 */
export function sourceKey(event: Pick<ArticleFacts, 'source'>): string {
  if (event.source.outlet) return `outlet:${event.source.outlet.toLowerCase()}`;
  const host = hostOf(event.source.url);
  return host ? `outlet:${host}` : UNKNOWN_SOURCE;
}

export const UNKNOWN_SOURCE = 'unknown';

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '').toLowerCase() || null;
  } catch {
    return null;
  }
}

function representative(story: StoryState): ArticleFacts {
  // The article that names most of what the story names: its title speaks for the story.
  // Ties go to the smallest article id, so the choice does not depend on arrival order.
  const ordered = [...story.articles].sort((a, b) => a.articleId.localeCompare(b.articleId));
  let best = ordered[0]!;
  let bestScore = -1;
  for (const article of ordered) {
    const ids = new Set(article.entities.map((e) => e.id));
    let score = 0;
    for (const id of ids) score += (story.entityCounts.get(id) ?? 0) - 1;
    if (article.title && score > bestScore) {
      best = article;
      bestScore = score;
    }
  }
  return best;
}

/** The story's view of one list of each article's entities (`entities` or `mediaSources`): each once, with the articles that name it. */
function storyEntities(story: StoryState, list: (article: ArticleFacts) => readonly EntityFacts[]): StoryEntity[] {
  const byId = new Map<string, StoryEntity>();
  for (const article of story.articles) {
    for (const entity of list(article)) {
      const current = byId.get(entity.id);
      if (current) {
        // Articles are taken one at a time: only the last id can be this article's (includes() would be quadratic).
        if (current.articleIds[current.articleIds.length - 1] !== article.articleId) current.articleIds.push(article.articleId);
        if (entity.forms?.some((f) => !current.forms?.includes(f))) current.forms = MENTION_FORMS.filter((f) => current.forms?.includes(f) || entity.forms?.includes(f));
      } else {
        byId.set(entity.id, {
          id: entity.id,
          type: entity.type,
          name: entity.name,
          ...(entity.countryCode ? { countryCode: entity.countryCode } : {}),
          articleCount: 0,
          articleIds: [article.articleId],
          ...(entity.forms ? { forms: [...entity.forms] } : {}),
        });
      }
    }
  }
  const out = joinSpellings(story, [...byId.values()]).map((e) => ({ ...e, articleCount: e.articleIds.length }));
  return out.sort((a, b) => b.articleCount - a.articleCount || a.id.localeCompare(b.id));
}

/**
 * One entity for the spellings of one unlisted name (`spellingKey`): the
 * spelling most articles use (then the smallest id) speaks for it, the
 * others are listed in `spellings`, and its articles are all of theirs, in
 * story order.
 */
function joinSpellings(story: StoryState, entities: StoryEntity[]): StoryEntity[] {
  const groups = new Map<string, StoryEntity[]>();
  const out: StoryEntity[] = [];
  for (const entity of entities) {
    const key = spellingKey(entity.type, entity.name);
    if (key === null) out.push(entity);
    else groups.set(key, [...(groups.get(key) ?? []), entity]);
  }
  let order: Map<string, number> | undefined;
  for (const group of groups.values()) {
    if (group.length === 1) {
      out.push(group[0]!);
      continue;
    }
    group.sort((a, b) => b.articleIds.length - a.articleIds.length || a.id.localeCompare(b.id));
    order ??= new Map(story.articles.map((a, i) => [a.articleId, i]));
    const [lead, ...others] = group as [StoryEntity, ...StoryEntity[]];
    const articleIds = [...new Set(group.flatMap((e) => e.articleIds))].sort((a, b) => order!.get(a)! - order!.get(b)!);
    const forms = MENTION_FORMS.filter((f) => group.some((e) => e.forms?.includes(f)));
    out.push({
      ...lead,
      articleIds,
      ...(forms.length > 0 ? { forms } : {}),
      spellings: others.map((e) => ({ id: e.id, name: e.name })).sort((a, b) => a.id.localeCompare(b.id)),
    });
  }
  return out;
}

/** Spans of time count different intervals (days until, days during...): two of them are not two claims about one count. */
const NOT_COMPARABLE = new Set(['days', 'hours', 'weeks', 'months', 'years', 'other']);

/**
 * Sources disagree when two claims made by different articles differ beyond
 * rounding. One article's own figures ("several hundred ... 400 of them") are
 * not a disagreement, and a vague count ("hundreds", approximate with no
 * qualifier) contradicts no precise one.
 */
function conflicting(category: string, claims: QuantityClaim[]): boolean {
  if (NOT_COMPARABLE.has(category)) return false;
  const firm = claims.filter((c) => !(c.approximate && c.qualifier === null));
  for (let i = 0; i < firm.length; i++) {
    for (let j = i + 1; j < firm.length; j++) {
      const a = firm[i]!;
      const b = firm[j]!;
      if (a.articleIds.every((id) => b.articleIds.includes(id)) && b.articleIds.every((id) => a.articleIds.includes(id))) continue;
      const max = Math.max(a.value, b.value);
      if (max > 0 && Math.abs(a.value - b.value) / max > CONFLICT_TOLERANCE) return true;
    }
  }
  return false;
}

function quantities(story: StoryState): StoryQuantity[] {
  const byCategory = new Map<string, Map<string, QuantityClaim>>();
  for (const article of story.articles) {
    for (const q of article.quantities) {
      const claims = byCategory.get(q.category) ?? new Map<string, QuantityClaim>();
      byCategory.set(q.category, claims);
      const key = `${q.value}|${q.approximate}|${q.qualifier ?? ''}`;
      const claim = claims.get(key) ?? { value: q.value, approximate: q.approximate, qualifier: q.qualifier ?? null, articleIds: [] };
      if (claim.articleIds[claim.articleIds.length - 1] !== article.articleId) claim.articleIds.push(article.articleId);
      claims.set(key, claim);
    }
  }
  return [...byCategory.entries()]
    .map(([category, claims]) => {
      const list = [...claims.values()].sort((a, b) => b.articleIds.length - a.articleIds.length || a.value - b.value);
      return { category, claims: list, conflict: conflicting(category, list) };
    })
    .sort((a, b) => a.category.localeCompare(b.category));
}

/** The story as published on `events.enriched.v1`. */
export function buildStoryRecord(story: StoryState, updatedAt: Date): StoryEnrichedV1 {
  const lead = representative(story);
  const dates = story.articles.map((a) => a.eventDate).filter((d): d is string => d !== null).sort();
  const articles = [...story.articles].sort(
    (a, b) => (a.eventDate ?? '9999').localeCompare(b.eventDate ?? '9999') || a.articleId.localeCompare(b.articleId),
  );
  return {
    schemaVersion: 1,
    storyId: story.storyId,
    version: story.version,
    updatedAt: updatedAt.toISOString(),
    title: lead.title,
    titleEn: lead.titleEn,
    titleTranslation: lead.titleTranslation,
    dateRange: { start: dates[0] ?? null, end: dates[dates.length - 1] ?? null },
    articles: articles.map((a) => ({
      articleId: a.articleId,
      source: a.source,
      title: a.title,
      titleEn: a.titleEn,
      titleTranslation: a.titleTranslation,
      language: a.language,
      eventDate: a.eventDate,
    })),
    numArticles: story.articles.length,
    numSources: new Set(story.articles.map(sourceKey)).size,
    languages: [...new Set(story.articles.map((a) => a.language).filter((l): l is string => l !== null))].sort(),
    entities: storyEntities(story, (a) => a.entities),
    mediaSources: storyEntities(story, (a) => a.mediaSources),
    quantities: quantities(story),
    eventTypes: [...new Set(story.articles.map((a) => a.eventType).filter((t): t is string => t !== null))].sort(),
    events: storyEvents(story.articles),
    titleArticleId: lead.articleId,
    mergedFrom: [...story.mergedFrom].sort(),
    splitFrom: story.splitFrom ?? null,
  };
}
