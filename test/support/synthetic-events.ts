import type { EventExtractedV1, ExtractedEntity } from '@eventwire/contracts';

/** An entity from an id such as `country:KAZ` or `person:tokayev`, named by its code, with one mention. */
export function syntheticEntity(id: string): ExtractedEntity {
  const [type, code] = id.split(':') as ['country' | 'person', string];
  return { id, type, name: code, mentions: [{ text: code, start: 0, end: code.length }] };
}

/**
 * An extracted article that names these entities and uses their codes as its
 * words: what a real report of one event looks like to the clusterer, built
 * small enough to reason about in a test.
 */
export function syntheticEvent(articleId: string, entityIds: string[], extra: Partial<EventExtractedV1> = {}): EventExtractedV1 {
  return {
    schemaVersion: 1,
    articleId,
    source: { file: `${articleId}.txt`, url: null, outlet: null },
    language: 'ar',
    title: `title ${articleId}`,
    titleEn: null,
    publishedAt: null,
    ingestedAt: '2022-01-12T00:00:00.000Z',
    extractedAt: '2022-01-12T00:00:00.000Z',
    eventDate: { date: '2022-01-06', basis: 'explicit', evidence: [] },
    entities: entityIds.map(syntheticEntity),
    terms: entityIds.map((id) => ({ term: id.split(':')[1]!, weight: 2 })),
    titleTerms: entityIds.map((id) => id.split(':')[1]!),
    mediaSources: [],
    quantities: [],
    quotes: [],
    eventType: null,
    actors: { source: [], target: [] },
    ...extra,
  };
}

/**
 * One front, two events three days apart, as a topic thread holds them: an
 * airport story and a truce, 16 reports each, sharing the front's place and
 * words; and 100 other articles of the window that share nothing (without
 * them every word of the thread would be too common to find stories by).
 */
export function twoEventFront(): { other: EventExtractedV1[]; airport: EventExtractedV1[]; truce: EventExtractedV1[] } {
  const on = (day: number, i: number): string => new Date(Date.UTC(2015, 6, 22 + day, 8, i)).toISOString();
  const report = (id: string, words: string[], day: number, i: number): EventExtractedV1 =>
    syntheticEvent(id, ['country:YEM'], { publishedAt: on(day, i), terms: words.map((term) => ({ term, weight: 2 })), titleTerms: words.slice(0, 3) });
  return {
    other: Array.from({ length: 100 }, (_, i) =>
      syntheticEvent(`other${i}`, [], { publishedAt: on(0, 0), terms: [{ term: `w${i}`, weight: 1 }, { term: `v${i}`, weight: 1 }], titleTerms: [`w${i}`] }),
    ),
    airport: Array.from({ length: 16 }, (_, i) => report(`air${i}`, ['aden', 'coalition', 'airport', 'plane', `a${i}`], 0, i)),
    truce: Array.from({ length: 16 }, (_, i) => report(`truce${i}`, ['aden', 'coalition', 'truce', 'humanitarian', `t${i}`], 3, i)),
  };
}
