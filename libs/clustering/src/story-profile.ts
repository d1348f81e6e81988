import type { EventExtractedV1 } from '@eventwire/contracts';
import { SparseVector, unit } from './sparse-vector';

export const DAY_MS = 86_400_000;
/** Index keys: entities and terms live in one index and one document frequency, told apart by a prefix no term has. */
export const ENTITY_KEY = '\u0001';

/**
 * What is matched: unit-length term-frequency vectors (sublinear counts) of
 * the entities, body words and title words, so every member weighs the same
 * in its story's centroid however long it is. IDF is applied when scoring.
 */
export interface Profile {
  /** Keyed by entity id behind the index prefix, as the index and the document frequencies hold them. */
  entities: SparseVector;
  terms: SparseVector;
  title: SparseVector;
}

/** Norms of a profile's three parts under the window's IDF. */
export interface Norms {
  entities: number;
  terms: number;
  title: number;
}

/** An empty profile, for a new story. */
export function emptyProfile(): Profile {
  return { entities: new Map(), terms: new Map(), title: new Map() };
}

/** What a story that left the window keeps of its profile: nothing, it is matched no more. */
export const RETIRED_PROFILE: Profile = emptyProfile();

/** An article's profile. Sublinear weights: the fifth mention of a word says less than the second. */
export function profileOf(event: EventExtractedV1): Profile {
  const entities: SparseVector = new Map();
  for (const entity of event.entities) {
    const key = ENTITY_KEY + entity.id;
    entities.set(key, (entities.get(key) ?? 0) + 1 + Math.log(Math.max(1, entity.mentions.length)));
  }
  const terms: SparseVector = new Map();
  for (const t of event.terms ?? []) terms.set(t.term, (terms.get(t.term) ?? 0) + 1 + Math.log(Math.max(1, t.weight)));
  const title: SparseVector = new Map();
  for (const t of event.titleTerms ?? []) title.set(t, 1);
  return { entities: unit(entities), terms: unit(terms), title: unit(title) };
}

/** When the event happened, as far as the article says; NaN when it does not (ingest time is not event time). */
export function eventTime(event: EventExtractedV1): number {
  const when = event.eventDate.date ?? event.publishedAt;
  return when ? Date.parse(when) : Number.NaN;
}

/** When the article came out: its publication time, else when it was taken in. */
export function seenTime(event: EventExtractedV1): number {
  const t = Date.parse(event.publishedAt ?? event.ingestedAt);
  return Number.isNaN(t) ? Date.parse(event.ingestedAt) : t;
}

/** Days from a time to the nearest end of a span (0 inside it); 0 when either is unknown. */
export function gapDays(first: number, last: number, time: number): number {
  if (Number.isNaN(time) || Number.isNaN(first)) return 0;
  if (time >= first && time <= last) return 0;
  return Math.min(Math.abs(time - first), Math.abs(time - last)) / DAY_MS;
}
