import type { EventExtractedV1 } from '@eventwire/contracts';
import { ArticleFacts, factsOf } from './article-facts';

export interface ClustererOptions {
  /** Similarity (0..1) an article needs with a story to join it; below it, the article opens a story. */
  joinThreshold: number;
  /** When an article also reaches this with a second story, it bridges them and the two merge. */
  mergeThreshold: number;
  /** Days between an article's event date and a story's nearest dated article beyond which it cannot join. */
  windowDays: number;
  /** Articles whose words and entities stay indexed (the newest ones): the history a new article is matched against. */
  windowArticles: number;
  /** Stories kept per index key, the most recently updated: bounds the cost of a common key. */
  maxPostings: number;
  /** Keys of an article used to find candidates, the rarest first. */
  maxKeys: number;
  /** Candidate stories scored in full per article. */
  maxCandidates: number;
  /** Terms kept in a story's profile, the heaviest: bounds the cost of scoring a big story. */
  maxStoryTerms: number;
  /**
   * Articles a story takes at most: a full story takes no more and merges with
   * none, and the next article of its thread opens a story that goes on from
   * it. A story record names every article, so this bounds its size (about
   * 1 KB an article) under what the broker takes.
   */
  maxStoryArticles: number;
  /** Weight of an entity against a content word in the same-language score: names say more than words. */
  entityBoost: number;
  /** An article in another language (or without terms) is scored on entities only, times this: a shared cast is weaker evidence than shared cast and words. */
  entityOnlyShare: number;
  /** Added when the article's event type is the story's most common one. */
  typeBonus: number;
  /** Beyond a day apart, the score is divided by 1 + (gap - 1) / this many days. */
  dateDecayDays: number;
  /** Articles assumed seen before the first, for the IDF (see `idf`). */
  idfPrior: number;
  /**
   * Keep stories (and which story each article is in) after they leave the
   * window, for lookups (default). A service with a store turns this off so
   * memory stays bounded by the window: it finds older stories, and
   * articles seen before, in the store.
   */
  keepRetired: boolean;
}

export const DEFAULT_CLUSTERER_OPTIONS: ClustererOptions = {
  joinThreshold: 0.4,
  mergeThreshold: 0.55,
  windowDays: 7,
  windowArticles: 100_000,
  maxPostings: 16,
  maxKeys: 16,
  maxCandidates: 24,
  maxStoryTerms: 300,
  maxStoryArticles: 5000,
  entityBoost: 2.5,
  entityOnlyShare: 0.8,
  typeBonus: 0.05,
  dateDecayDays: 20,
  idfPrior: 1000,
  keepRetired: true,
};

export interface StoryState {
  storyId: string;
  /** Grows with every change (article joined, story merged in). */
  version: number;
  articles: ArticleFacts[];
  /** Entity id → number of member articles naming it. */
  entityCounts: Map<string, number>;
  /** Ids of stories merged into this one. */
  mergedFrom: string[];
  /** Event dates (ms) of the earliest and latest dated members; NaN when none is dated. */
  firstTime: number;
  lastTime: number;
}

export type ClusterOutcome =
  | { kind: 'duplicate'; storyId: string }
  | {
      kind: 'joined' | 'created';
      storyId: string;
      score: number;
      /** Stories this article bridged into `storyId`: they no longer exist. */
      merged: string[];
    };

const DAY_MS = 86_400_000;
/** Index keys: entities and terms live in one index, told apart by a prefix no term has. */
const ENTITY_KEY = '\u0001';

/** Article and story profiles: key → weight. Entities and terms are scored separately, so kept apart. */
interface Profile {
  entities: Map<string, number>;
  terms: Map<string, number>;
}

interface ActiveStory {
  state: StoryState;
  profile: Profile;
  /** Languages of the members: a cross-language article is scored on entities only. */
  languages: Set<string>;
  /** Arrival number of the first and of the newest member: the older story survives a merge; the story leaves the index with its newest. */
  created: number;
  lastArrival: number;
  /** Norms of the profiles under the IDF of the last change: scoring does not walk the whole profile. */
  entityNorm: number;
  termNorm: number;
  /** Members per event type, and the most common type (ties: the smallest name). */
  typeCounts: Map<string, number>;
  dominantType: string | null;
}

interface IndexedArticle {
  articleId: string;
  arrival: number;
  keys: string[];
  storyId: string;
}

/** When the event happened, as far as the article says; NaN when it does not (ingest time is not event time). */
function articleTime(event: EventExtractedV1): number {
  const when = event.eventDate.date ?? event.publishedAt;
  return when ? Date.parse(when) : Number.NaN;
}

/** Sublinear weights: the fifth mention of a word says less than the second. */
function profileOf(event: EventExtractedV1): Profile {
  const entities = new Map<string, number>();
  for (const entity of event.entities) entities.set(entity.id, (entities.get(entity.id) ?? 0) + 1 + Math.log(Math.max(1, entity.mentions.length)));
  const terms = new Map<string, number>();
  for (const t of event.terms ?? []) terms.set(t.term, (terms.get(t.term) ?? 0) + 1 + Math.log(Math.max(1, t.weight)));
  return { entities, terms };
}

/**
 * Streaming story clustering. Each article is matched against the stories
 * of the recent window through an inverted index over canonical entity ids
 * and content terms: its rarest keys (by document frequency in the window)
 * fetch the most recently updated stories holding them, the best-sharing
 * candidates are scored in full, and the article joins the best at or above
 * the threshold or opens a story. The score blends the TF-IDF cosine of
 * entity profiles (which carry across spellings and languages: the ids are
 * canonical) with that of content terms (same-language only), is damped by
 * the gap in event dates, and gets a small bonus for the same event type.
 * An article that also scores high with a second story bridges the two and
 * they merge. Every bound (keys, postings, candidates, story profile size,
 * window) is fixed, so the cost per article does not grow with the number of
 * stories. The outcome depends only on the order of arrival: replaying the
 * same articles gives the same stories, and an article id seen before
 * changes nothing.
 */
export class StoryClusterer {
  private readonly options: ClustererOptions;
  private readonly active = new Map<string, ActiveStory>();
  /** Stories no longer in the window or merged away: kept for lookups, not for matching. */
  private readonly retired = new Map<string, StoryState>();
  /** A merged story id → the story it went into. */
  private readonly mergedInto = new Map<string, string>();
  private readonly storyOfArticle = new Map<string, string>();
  private readonly postings = new Map<string, string[]>();
  private readonly df = new Map<string, number>();
  private readonly window: IndexedArticle[] = [];
  private windowStart = 0;
  private arrivals = 0;

  constructor(options: Partial<ClustererOptions> = {}) {
    this.options = { ...DEFAULT_CLUSTERER_OPTIONS, ...options };
  }

  add(event: EventExtractedV1): ClusterOutcome {
    const known = this.storyOf(event.articleId);
    if (known) return { kind: 'duplicate', storyId: known };

    const arrival = this.arrivals++;
    const time = articleTime(event);
    const profile = profileOf(event);
    const keys = keysOf(profile);
    const ranked = this.score(event, profile, keys, time);
    const best = ranked[0];

    let target: ActiveStory;
    let kind: 'joined' | 'created';
    const merged: string[] = [];
    if (best && best.score >= this.options.joinThreshold) {
      target = best.story;
      kind = 'joined';
      // A bridge: the article belongs as much to another story, which joins this one (the older id survives).
      for (const other of ranked.slice(1)) {
        if (other.score < this.options.mergeThreshold) break;
        if (!this.fits(target, other.story, 1)) continue;
        target = this.absorb(target, other.story, merged);
      }
    } else {
      target = this.newStory(`story-${event.articleId}`, arrival);
      kind = 'created';
    }

    this.index(event, target, profile, keys, time, arrival);
    // The article also came close to other stories: now that it has joined, the stories themselves may be one
    // (an early article that opened a story of its own before the thread was clear). Compared whole, they merge.
    for (const other of ranked) {
      if (other.score < this.options.joinThreshold) break;
      if (other.story === target || !this.active.has(other.story.state.storyId)) continue;
      // Only a young story is taken in whole this way: two grown stories merge through a bridging article (above).
      if (Math.min(other.story.state.articles.length, target.state.articles.length) > YOUNG_STORY) continue;
      if (this.storySimilarity(target, other.story) < this.options.joinThreshold) continue;
      if (!this.fits(target, other.story, 0)) continue;
      target = this.absorb(target, other.story, merged);
    }
    return { kind, storyId: target.state.storyId, score: kind === 'joined' ? best!.score : 0, merged };
  }

  /**
   * Cosine of two stories' profiles in the article score's space (entities
   * weighed `entityBoost`), damped by their gap in dates. The dot product
   * walks the smaller profile; the norms are the ones the stories keep.
   */
  private storySimilarity(a: ActiveStory, b: ActiveStory): number {
    const [small, big] = a.profile.terms.size + a.profile.entities.size <= b.profile.terms.size + b.profile.entities.size ? [a, b] : [b, a];
    const dot = (x: Map<string, number>, y: Map<string, number>, prefix: string): number => {
      let sum = 0;
      for (const [k, w] of x) {
        const v = y.get(k);
        if (v !== undefined) sum += w * v * this.idf(prefix + k) ** 2;
      }
      return sum;
    };
    // The small story's norms under today's IDF, as its dot products are; the big one's as kept (it moves slowly).
    const norms = {
      entity: norm(small.profile.entities, (k) => this.idf(ENTITY_KEY + k)),
      term: norm(small.profile.terms, (k) => this.idf(k)),
    };
    const shareLanguage = [...a.languages].some((l) => b.languages.has(l));
    const score = this.blend(
      dot(small.profile.entities, big.profile.entities, ENTITY_KEY),
      dot(small.profile.terms, big.profile.terms, ''),
      norms,
      { entity: big.entityNorm, term: big.termNorm },
      shareLanguage,
    );
    const gap = Number.isNaN(a.state.firstTime) || Number.isNaN(b.state.firstTime) ? Number.NaN : spanGapDays(a.state, b.state);
    return gap > this.options.windowDays ? 0 : score * this.decay(gap);
  }

  /**
   * One TF-IDF space of words and entities (an entity counts `entityBoost`
   * times a word), so an article that shares only a common country and
   * common words with a story scores low, however few entities it names.
   * Another language shares no words with a story (and a record without
   * terms has none): then the canonical entities are all there is to go on.
   */
  private blend(entityDot: number, termDot: number, a: Norms, b: Norms, sameLanguage: boolean): number {
    if (sameLanguage && a.term > 0 && b.term > 0) {
      const b2 = this.options.entityBoost ** 2;
      return (b2 * entityDot + termDot) / Math.sqrt((b2 * a.entity ** 2 + a.term ** 2) * (b2 * b.entity ** 2 + b.term ** 2));
    }
    return a.entity > 0 && b.entity > 0 ? (this.options.entityOnlyShare * entityDot) / (a.entity * b.entity) : 0;
  }

  /** Closer in time, likelier the same thread: full weight within a day, less with each day after; 1 when undated. */
  private decay(gapDays: number): number {
    return Number.isFinite(gapDays) ? 1 / (1 + Math.max(0, gapDays - 1) / this.options.dateDecayDays) : 1;
  }

  /**
   * Puts an article into a story known from the store, without scoring it:
   * how a restarted aggregator indexes its window again, oldest article
   * first, and takes up where it stopped with the same stories.
   */
  restore(event: EventExtractedV1, storyId: string): void {
    if (this.storyOf(event.articleId)) return;
    const arrival = this.arrivals++;
    const profile = profileOf(event);
    const keys = keysOf(profile);
    const target = this.active.get(this.resolve(storyId)) ?? this.newStory(storyId, arrival);
    this.index(event, target, profile, keys, articleTime(event), arrival);
  }

  /** After `restore`: the story's version and merge history as the store has them, so versions keep growing across restarts. */
  adopt(storyId: string, version: number, mergedFrom: readonly string[]): void {
    const story = this.active.get(this.resolve(storyId));
    if (!story) return;
    story.state.version = Math.max(story.state.version, version);
    for (const id of mergedFrom) {
      if (!story.state.mergedFrom.includes(id)) story.state.mergedFrom.push(id);
      if (id !== story.state.storyId) this.mergedInto.set(id, story.state.storyId);
    }
  }

  private newStory(storyId: string, arrival: number): ActiveStory {
    const story: ActiveStory = {
      state: { storyId, version: 0, articles: [], entityCounts: new Map(), mergedFrom: [], firstTime: Number.NaN, lastTime: Number.NaN },
      profile: { entities: new Map(), terms: new Map() },
      languages: new Set(),
      created: arrival,
      lastArrival: arrival,
      entityNorm: 0,
      termNorm: 0,
      typeCounts: new Map(),
      dominantType: null,
    };
    this.active.set(storyId, story);
    return story;
  }

  private index(event: EventExtractedV1, target: ActiveStory, profile: Profile, keys: string[], time: number, arrival: number): void {
    this.addArticle(target, factsOf(event), profile, time, arrival);
    for (const key of keys) {
      this.df.set(key, (this.df.get(key) ?? 0) + 1);
      this.post(key, target.state.storyId);
    }
    this.window.push({ articleId: event.articleId, arrival, keys, storyId: target.state.storyId });
    this.storyOfArticle.set(event.articleId, target.state.storyId);
    this.expire();
  }

  /** The story as it stands (active or retired), following merges. */
  get(storyId: string): StoryState | undefined {
    const id = this.resolve(storyId);
    return this.active.get(id)?.state ?? this.retired.get(id);
  }

  /** The story an article is in now, following merges. */
  storyOf(articleId: string): string | undefined {
    const id = this.storyOfArticle.get(articleId);
    return id === undefined ? undefined : this.resolve(id);
  }

  /** Stories in the window. */
  get size(): number {
    return this.active.size;
  }

  /** Every story, in the window or not, merged ones left out. */
  *stories(): IterableIterator<StoryState> {
    for (const s of this.active.values()) yield s.state;
    for (const [id, s] of this.retired) if (!this.mergedInto.has(id)) yield s;
  }

  private resolve(storyId: string): string {
    if (this.mergedInto.size === 0) return storyId;
    let id = storyId;
    for (let next = this.mergedInto.get(id); next !== undefined; next = this.mergedInto.get(id)) id = next;
    // Path compression: the next lookup of a long-merged id takes one step.
    if (id !== storyId && this.mergedInto.get(storyId) !== id) this.mergedInto.set(storyId, id);
    return id;
  }

  /**
   * Inverse document frequency over the window, with a prior of
   * `idfPrior` unseen articles: a young window (a fresh process, a small
   * replay) has seen too little to call a word rare or common, and every
   * word then weighs about the same, as in a plain term-frequency cosine.
   */
  private idf(key: string): number {
    const n = this.window.length - this.windowStart;
    return Math.log(1 + (n + this.options.idfPrior) / ((this.df.get(key) ?? 0) + 1));
  }

  /** Candidate stories scored, best first. */
  private score(event: EventExtractedV1, profile: Profile, keys: string[], time: number): { story: ActiveStory; score: number }[] {
    if (keys.length === 0) return [];
    const idf = new Map(keys.map((k) => [k, this.idf(k)]));
    // The rarest keys find the candidates; a key most articles share (a stopword that slipped through) finds none.
    const n = this.window.length - this.windowStart;
    const lookup = [...keys]
      .filter((k) => {
        const df = this.df.get(k) ?? 0;
        return df > 0 && (n < 20 || df <= n / 5);
      })
      .sort((a, b) => idf.get(b)! - idf.get(a)! || (a < b ? -1 : 1))
      .slice(0, this.options.maxKeys);
    const shared = new Map<string, number>();
    for (const key of lookup) {
      const list = this.postings.get(key);
      if (!list) continue;
      // Newest first, and only the stories that can still take articles: the bound holds however long the list.
      for (let j = list.length - 1, seen = 0; j >= 0 && seen < this.options.maxPostings; j--) {
        const storyId = this.resolve(list[j]!);
        const story = this.active.get(storyId);
        if (!story || this.gapDays(story.state, time) > this.options.windowDays) continue;
        // A full story takes no more articles: its thread goes on in a story of its own.
        if (story.state.articles.length >= this.options.maxStoryArticles) continue;
        seen++;
        shared.set(storyId, (shared.get(storyId) ?? 0) + idf.get(key)!);
      }
    }
    const candidates = [...shared]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, this.options.maxCandidates);

    const entityVector = weighted(profile.entities, (k) => idf.get(ENTITY_KEY + k)!);
    const termVector = weighted(profile.terms, (k) => idf.get(k)!);
    const articleNorms = { entity: entityVector.norm, term: termVector.norm };
    const out: { story: ActiveStory; score: number }[] = [];
    // Every candidate is in the time window: the postings walk above let in no other.
    for (const [storyId] of candidates) {
      const story = this.active.get(storyId)!;
      const sameLanguage = event.language === null || story.languages.has(event.language);
      let score = this.blend(
        dot(entityVector, story.profile.entities),
        dot(termVector, story.profile.terms),
        articleNorms,
        { entity: story.entityNorm, term: story.termNorm },
        sameLanguage,
      );
      score *= this.decay(this.gapDays(story.state, time));
      if (event.eventType !== null && story.dominantType === event.eventType) score += this.options.typeBonus;
      out.push({ story, score });
    }
    return out.sort((a, b) => b.score - a.score || (a.story.state.storyId < b.story.state.storyId ? -1 : 1));
  }

  /** Days from an article's event date to the nearest end of a story's dated span; NaN when either is undated. */
  private gapDays(story: StoryState, time: number): number {
    if (Number.isNaN(time) || Number.isNaN(story.firstTime)) return Number.NaN;
    if (time >= story.firstTime && time <= story.lastTime) return 0;
    return Math.min(Math.abs(time - story.firstTime), Math.abs(time - story.lastTime)) / DAY_MS;
  }

  private addArticle(story: ActiveStory, facts: ArticleFacts, profile: Profile, time: number, arrival: number): void {
    const state = story.state;
    state.articles.push(facts);
    state.version += 1;
    for (const id of profile.entities.keys()) state.entityCounts.set(id, (state.entityCounts.get(id) ?? 0) + 1);
    if (!Number.isNaN(time)) {
      state.firstTime = Number.isNaN(state.firstTime) ? time : Math.min(state.firstTime, time);
      state.lastTime = Number.isNaN(state.lastTime) ? time : Math.max(state.lastTime, time);
    }
    // Norms follow the added weights (under today's IDF for the keys that changed); a pruned profile is normed afresh.
    story.entityNorm = this.addWeighted(story.profile.entities, profile.entities, story.entityNorm, ENTITY_KEY);
    story.termNorm = this.addWeighted(story.profile.terms, profile.terms, story.termNorm, '');
    if (prune(story.profile.terms, this.options.maxStoryTerms)) story.termNorm = norm(story.profile.terms, (k) => this.idf(k));
    if (facts.language) story.languages.add(facts.language);
    if (facts.eventType) countType(story, facts.eventType, 1);
    story.lastArrival = Math.max(story.lastArrival, arrival);
  }

  /** Adds an article's weights into a story profile and returns the profile's norm, updated for the keys that changed. */
  private addWeighted(into: Map<string, number>, from: Map<string, number>, oldNorm: number, prefix: string): number {
    let norm2 = oldNorm * oldNorm;
    for (const [k, w] of from) {
      const old = into.get(k) ?? 0;
      const next = old + w;
      into.set(k, next);
      const i = this.idf(prefix + k);
      norm2 += (next * next - old * old) * i * i;
    }
    return Math.sqrt(Math.max(0, norm2));
  }

  private renorm(story: ActiveStory): void {
    story.entityNorm = norm(story.profile.entities, (k) => this.idf(ENTITY_KEY + k));
    story.termNorm = norm(story.profile.terms, (k) => this.idf(k));
  }

  /** Whether two stories (and `more` articles to come) fit in one under maxStoryArticles. */
  private fits(a: ActiveStory, b: ActiveStory, more: number): boolean {
    return a.state.articles.length + b.state.articles.length + more <= this.options.maxStoryArticles;
  }

  /** Merges two stories into the older one (created first; the id breaks a tie), notes the other as merged, and returns the survivor. */
  private absorb(a: ActiveStory, b: ActiveStory, merged: string[]): ActiveStory {
    const aFirst = a.created < b.created || (a.created === b.created && a.state.storyId <= b.state.storyId);
    const [keep, gone] = aFirst ? [a, b] : [b, a];
    this.merge(keep, gone);
    merged.push(gone.state.storyId);
    return keep;
  }

  private merge(keep: ActiveStory, gone: ActiveStory): void {
    const k = keep.state;
    const g = gone.state;
    k.articles.push(...g.articles);
    for (const [id, count] of g.entityCounts) k.entityCounts.set(id, (k.entityCounts.get(id) ?? 0) + count);
    k.mergedFrom.push(g.storyId, ...g.mergedFrom);
    k.version += 1;
    if (!Number.isNaN(g.firstTime)) {
      k.firstTime = Number.isNaN(k.firstTime) ? g.firstTime : Math.min(k.firstTime, g.firstTime);
      k.lastTime = Number.isNaN(k.lastTime) ? g.lastTime : Math.max(k.lastTime, g.lastTime);
    }
    addInto(keep.profile.entities, gone.profile.entities);
    addInto(keep.profile.terms, gone.profile.terms);
    prune(keep.profile.terms, this.options.maxStoryTerms);
    for (const language of gone.languages) keep.languages.add(language);
    for (const [type, count] of gone.typeCounts) countType(keep, type, count);
    keep.lastArrival = Math.max(keep.lastArrival, gone.lastArrival);
    this.renorm(keep);
    this.active.delete(g.storyId);
    if (this.options.keepRetired) this.retired.set(g.storyId, g);
    this.mergedInto.set(g.storyId, k.storyId);
  }

  private post(key: string, storyId: string): void {
    let list = this.postings.get(key);
    if (!list) this.postings.set(key, (list = []));
    if (list[list.length - 1] === storyId) return;
    list.push(storyId);
    // Trimmed in batches: the most recent stories stay, the cost of a trim is spread over many additions.
    if (list.length > 2 * this.options.maxPostings) list.splice(0, list.length - this.options.maxPostings);
  }

  /** Drops the oldest articles past the window size: their keys stop counting, and a story whose newest article left retires. */
  private expire(): void {
    while (this.window.length - this.windowStart > this.options.windowArticles) {
      const old = this.window[this.windowStart++]!;
      for (const key of old.keys) {
        const count = (this.df.get(key) ?? 1) - 1;
        if (count <= 0) {
          this.df.delete(key);
          this.postings.delete(key);
        } else this.df.set(key, count);
      }
      const storyId = this.resolve(old.storyId);
      const story = this.active.get(storyId);
      if (story && story.lastArrival <= old.arrival) {
        this.active.delete(storyId);
        if (this.options.keepRetired) this.retired.set(storyId, story.state);
      }
      if (!this.options.keepRetired) this.storyOfArticle.delete(old.articleId);
    }
    // Compact the queue now and then instead of shifting it on every article.
    if (this.windowStart > 4096 && this.windowStart > this.window.length / 2) {
      this.window.splice(0, this.windowStart);
      this.windowStart = 0;
    }
  }
}


/** Articles up to which a story counts as young: it may be compared whole with a story an article joins. */
const YOUNG_STORY = 3;

/** Days between two stories' dated spans (0 when they overlap). */
function spanGapDays(a: StoryState, b: StoryState): number {
  if (a.lastTime < b.firstTime) return (b.firstTime - a.lastTime) / DAY_MS;
  if (b.lastTime < a.firstTime) return (a.firstTime - b.lastTime) / DAY_MS;
  return 0;
}

/** Index keys of a profile: entity ids (prefixed) and terms. */
function keysOf(profile: Profile): string[] {
  return [...[...profile.entities.keys()].map((id) => ENTITY_KEY + id), ...profile.terms.keys()];
}

/** Norms of a profile's two parts. */
interface Norms {
  entity: number;
  term: number;
}

function countType(story: ActiveStory, type: string, n: number): void {
  const count = (story.typeCounts.get(type) ?? 0) + n;
  story.typeCounts.set(type, count);
  const best = story.dominantType;
  const bestCount = best === null ? 0 : story.typeCounts.get(best)!;
  if (best === null || count > bestCount || (count === bestCount && type < best)) story.dominantType = type;
}

function addInto(into: Map<string, number>, from: Map<string, number>): void {
  for (const [k, w] of from) into.set(k, (into.get(k) ?? 0) + w);
}

/** Keeps the heaviest `max` entries (ties by key) once the profile has twice as many, so that pruning is rare; true when it pruned. */
function prune(profile: Map<string, number>, max: number): boolean {
  if (profile.size <= 2 * max) return false;
  const kept = [...profile].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, max);
  profile.clear();
  for (const [k, w] of kept) profile.set(k, w);
  return true;
}

function norm(profile: Map<string, number>, idf: (key: string) => number): number {
  let sum = 0;
  for (const [k, w] of profile) sum += (w * idf(k)) ** 2;
  return Math.sqrt(sum);
}

/** An article profile ready for dot products: keys, weight × IDF² (the IDF applies to both sides), and its norm. */
interface Vector {
  keys: string[];
  weights: number[];
  norm: number;
}

function weighted(profile: Map<string, number>, idf: (key: string) => number): Vector {
  const keys: string[] = [];
  const weights: number[] = [];
  let sum = 0;
  for (const [k, w] of profile) {
    const i = idf(k);
    keys.push(k);
    weights.push(w * i * i);
    sum += (w * i) ** 2;
  }
  return { keys, weights, norm: Math.sqrt(sum) };
}

/** Dot product of an article and a story profile under the article's IDF, over the article's keys only. */
function dot(article: Vector, story: Map<string, number>): number {
  let sum = 0;
  for (let j = 0; j < article.keys.length; j++) {
    const s = story.get(article.keys[j]!);
    if (s !== undefined) sum += article.weights[j]! * s;
  }
  return sum;
}
