import type { StoryActor, StoryEvent, StoryEventLocation } from '@eventwire/contracts';
import type { ArticleFacts } from './article-facts';
import { spellingKey } from './spelling-key';

const DAY_MS = 86_400_000;
/** Dated articles a day or less apart report one event; a bigger gap starts the next. */
const EVENT_GAP_DAYS = 1;

const byId = (a: ArticleFacts, b: ArticleFacts): number => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0);

/** The most frequent value (ties: the smallest, so the choice does not depend on arrival order); null for none. */
function mostCommon(values: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [v, c] of counts) {
    if (c > bestCount || (c === bestCount && best !== null && v < best)) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

/**
 * Counts of the ids one place or actor is given (its spellings, `spellingKey`), and the one most given (then the
 * smallest id), which names it.
 */
class Spellings {
  private readonly seen = new Map<string, Map<string, { name: string; count: number }>>();

  note(key: string, id: string, name: string): void {
    const ids = this.seen.get(key) ?? new Map<string, { name: string; count: number }>();
    const spelled = ids.get(id) ?? { name, count: 0 };
    spelled.count++;
    ids.set(id, spelled);
    this.seen.set(key, ids);
  }

  /** The id and name most given under `key`, when it was given more than one. */
  lead(key: string): { id: string; name: string } | null {
    const ids = this.seen.get(key);
    if (!ids || ids.size < 2) return null;
    const [id, { name }] = [...ids].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))[0]!;
    return { id, name };
  }

  keys(): IterableIterator<string> {
    return this.seen.keys();
  }
}

function actors(members: readonly ArticleFacts[], side: 'source' | 'target'): StoryActor[] {
  // Actors by id, the spellings of one unlisted organisation together (`spellingKey`): their articles add up.
  const out = new Map<string, StoryActor>();
  const spellings = new Spellings();
  for (const article of members) {
    for (const id of article.event?.[side] ?? []) {
      const entity = article.entities.find((e) => e.id === id);
      const name = entity?.name ?? id;
      const key = (entity && spellingKey(entity.type, entity.name)) ?? id;
      const actor = out.get(key) ?? { id, name, ...(entity?.countryCode ? { countryCode: entity.countryCode } : {}), articleIds: [] };
      if (!actor.articleIds.includes(article.articleId)) actor.articleIds.push(article.articleId);
      out.set(key, actor);
      spellings.note(key, id, name);
    }
  }
  for (const key of spellings.keys()) Object.assign(out.get(key)!, spellings.lead(key) ?? {});
  return [...out.values()].sort((a, b) => b.articleIds.length - a.articleIds.length || (a.id < b.id ? -1 : 1));
}

function location(members: readonly ArticleFacts[]): StoryEventLocation | null {
  // Places by id, the spellings of one unlisted place together (`spellingKey`): their articles add up.
  const places = new Map<string, StoryEventLocation>();
  const spellings = new Spellings();
  for (const article of members) {
    const loc = article.event?.location;
    if (!loc) continue;
    const key = spellingKey('location', loc.name) ?? loc.entityId;
    const place = places.get(key) ?? {
      id: loc.entityId,
      name: loc.name,
      countryCode: loc.countryCode,
      ...(loc.lat !== undefined && loc.lon !== undefined ? { lat: loc.lat, lon: loc.lon } : {}),
      articleIds: [],
    };
    place.articleIds.push(article.articleId);
    places.set(key, place);
    spellings.note(key, loc.entityId, loc.name);
  }
  // A place spelled several ways goes by its most given spelling.
  for (const key of spellings.keys()) Object.assign(places.get(key)!, spellings.lead(key) ?? {});
  // The place most articles give; on a tie the one with coordinates (a city over a country), then by id.
  return (
    [...places.values()].sort(
      (a, b) => b.articleIds.length - a.articleIds.length || Number(b.lat !== undefined) - Number(a.lat !== undefined) || (a.id < b.id ? -1 : 1),
    )[0] ?? null
  );
}

function eventOf(members: ArticleFacts[]): StoryEvent {
  const sorted = [...members].sort(byId);
  const dates = sorted.map((a) => a.eventDate).filter((d): d is string => d !== null).sort();
  const type = mostCommon(sorted.map((a) => a.event?.type ?? a.eventType));
  const typed = sorted.filter((a) => a.event && a.event.type === type);
  return {
    eventId: `event-${sorted[0]!.articleId}`,
    date: mostCommon(dates),
    dateRange: { start: dates[0] ?? null, end: dates[dates.length - 1] ?? null },
    type,
    cameoRoot: mostCommon(typed.map((a) => a.event!.cameoRoot)),
    quadClass: mostCommon(typed.map((a) => a.event!.quadClass)),
    mode: mostCommon(typed.map((a) => a.event!.mode)),
    source: actors(typed, 'source'),
    target: actors(typed, 'target'),
    location: location(typed.length > 0 ? typed : sorted),
    articleIds: sorted.map((a) => a.articleId),
  };
}

/**
 * The events of a story: its dated articles chained by date (a day or less
 * apart is one event), then each undated article put with the event whose
 * type it shares, else whose actors it shares most, else the largest. Each
 * event takes the date, type, actors and place most of its articles give,
 * with the articles behind every one. The result depends on the members
 * only, not on the order they arrived in.
 */
export function storyEvents(articles: readonly ArticleFacts[]): StoryEvent[] {
  const dated = articles.filter((a) => a.eventDate !== null).sort((a, b) => a.eventDate!.localeCompare(b.eventDate!) || byId(a, b));
  const undated = articles.filter((a) => a.eventDate === null).sort(byId);
  const groups: ArticleFacts[][] = [];
  let last = Number.NaN;
  for (const article of dated) {
    const time = Date.parse(article.eventDate!);
    if (groups.length === 0 || time - last > EVENT_GAP_DAYS * DAY_MS) groups.push([]);
    groups[groups.length - 1]!.push(article);
    last = time;
  }
  if (groups.length === 0) {
    // Nothing dated: one event per coded type, the uncoded together.
    const byType = new Map<string, ArticleFacts[]>();
    for (const a of undated) {
      const key = a.event?.type ?? a.eventType ?? '';
      byType.set(key, [...(byType.get(key) ?? []), a]);
    }
    return [...byType.values()].map(eventOf).sort((a, b) => (a.eventId < b.eventId ? -1 : 1));
  }
  const types = groups.map((g) => mostCommon(g.map((a) => a.event?.type ?? a.eventType)));
  const actorSets = groups.map((g) => new Set(g.flatMap((a) => [...(a.event?.source ?? []), ...(a.event?.target ?? [])])));
  for (const article of undated) {
    const type = article.event?.type ?? article.eventType;
    let at = type !== null ? types.indexOf(type) : -1;
    if (at === -1) {
      const mine = [...(article.event?.source ?? []), ...(article.event?.target ?? [])];
      let bestShared = 0;
      actorSets.forEach((set, i) => {
        const shared = mine.filter((id) => set.has(id)).length;
        if (shared > bestShared) {
          bestShared = shared;
          at = i;
        }
      });
    }
    if (at === -1) at = groups.reduce((best, g, i) => (g.length > groups[best]!.length ? i : best), 0);
    groups[at]!.push(article);
  }
  return groups.map(eventOf);
}
