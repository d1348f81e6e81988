import type { EventExtractedV1 } from '@eventwire/contracts';
import { ArticleFacts, factsOf } from './article-facts';
import { BUNDLED_JOIN_MODEL, JOIN_FEATURES, joinProbability, JoinModel } from './join-model';
import { Neighbour, NeighbourIndex } from './neighbour-index';
import { addInto, prune, SparseVector, unit } from './sparse-vector';

export interface ClustererOptions {
  /** The join decision: feature weights and the probabilities to join a story and to merge two. */
  model: JoinModel;
  /** Days between an article's publication and a story's span beyond which it cannot join. */
  windowDays: number;
  /** Articles whose words and entities stay indexed (the newest ones): the history a new article is matched against. */
  windowArticles: number;
  /** Stories kept per index key, the most recently updated: bounds the cost of a common key. */
  maxPostings: number;
  /** Keys of an article used to find candidate stories and its nearest articles, the rarest first. */
  maxKeys: number;
  /** Candidate stories scored in full per article. */
  maxCandidates: number;
  /** Nearest earlier articles looked at per article (their stories are candidates too). */
  neighbours: number;
  /** Articles kept per key in the neighbour index, and compared in full per article. */
  neighbourPostings: number;
  neighbourVerified: number;
  /** Terms kept in a story's profile, the heaviest: bounds the cost of scoring a big story. */
  maxStoryTerms: number;
  /**
   * Articles a story takes at most: a full story takes no more and merges with
   * none, and the next article of its thread opens a story that goes on from
   * it. A story record names every article, so this bounds its size (about
   * 1 KB an article) under what the broker takes.
   */
  maxStoryArticles: number;
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
  model: BUNDLED_JOIN_MODEL,
  windowDays: 7,
  windowArticles: 100_000,
  maxPostings: 16,
  maxKeys: 24,
  maxCandidates: 8,
  neighbours: 5,
  neighbourPostings: 24,
  neighbourVerified: 16,
  maxStoryTerms: 300,
  maxStoryArticles: 5000,
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
      /** Probability of the join (0 for a created story). */
      score: number;
      /** Stories this article bridged into `storyId`: they no longer exist. */
      merged: string[];
    };

/** A candidate story as the join decision saw it: for `explain`, and for training the model. */
export interface ScoredCandidate {
  storyId: string;
  features: number[];
  probability: number;
}

const DAY_MS = 86_400_000;
/** Index keys: entities and terms live in one index and one document frequency, told apart by a prefix no term has. */
const ENTITY_KEY = '\u0001';
/** A key this rare (document frequency over the window) is specific to an event: a name, a number, an unusual word. */
const RARE_SHARE = 0.002;
const RARE_CAP = 5;

/**
 * What is matched: unit-length term-frequency vectors (sublinear counts) of
 * the entities, body words and title words, so every member weighs the same
 * in its story's centroid however long it is. IDF is applied when scoring.
 */
interface Profile {
  /** Keyed by entity id behind the index prefix, as the index and the document frequencies hold them. */
  entities: SparseVector;
  terms: SparseVector;
  title: SparseVector;
}

interface ActiveStory {
  state: StoryState;
  /** Sums of the members' unit profiles: the story's centroid, up to scale. */
  profile: Profile;
  /** Languages of the members: words match only within one. */
  languages: Set<string>;
  /** Arrival number of the first and of the newest member: the older story survives a merge; the story leaves the index with its newest. */
  created: number;
  lastArrival: number;
  /** Publication times (ms) of the first and last members: the gap to a new article is measured from this span. */
  firstSeen: number;
  lastSeen: number;
  /** Members per event type, and the most common type (ties: the smallest name). */
  typeCounts: Map<string, number>;
  dominantType: string | null;
  /**
   * Stories one of whose members has a nearest neighbour in this one, or
   * the other way round: the best such similarity, and whether it was some
   * member's very nearest. What two stories compared whole know of their
   * members' closeness (ids of live stories: a merge re-keys them).
   */
  links: Map<string, Link>;
  /** Norms of the profile under the IDF of `normsAt` (window size) and `normsVersion`: recomputed when either moved on. */
  norms: Norms | null;
  /** False once the story left the window or was merged away. */
  live: boolean;
  /** The story it was merged into: the index and the window hold story objects, and a merged one forwards to its survivor. */
  into: ActiveStory | null;
  normsVersion: number;
  normsAt: number;
}

/** One side's vectors as arrays with the IDF of every key (entities with their index prefix, as profiles hold them), and its norms. */
interface Weights {
  norms: Norms;
  /** What the comparisons walk, with no lookup of the side's own keys. */
  walks: { entities: Walk; terms: Walk; title: Walk };
}

/** One vector of the walked side: its keys in order, their weights, IDF, whether each is rare, and its index entry (none for a key the window has not seen). */
interface Walk {
  keys: string[];
  values: Float64Array;
  idf: Float64Array;
  rare: Uint8Array;
  entries: Array<KeyEntry | undefined>;
}

/** Norms of a profile's three parts under the window's IDF. */
interface Norms {
  entities: number;
  terms: number;
  title: number;
}

/** How close the members of two stories (or an article and a story's members) come. */
interface Link {
  similarity: number;
  nearest: boolean;
  /** Nearest-neighbour relations between the two (an article's neighbours in the story; for stories, all their members'). */
  count: number;
  /** For an article: how many of its neighbours could take it, of which `count` are in the story. */
  of?: number;
}

const NO_LINK: Link = { similarity: 0, nearest: false, count: 0 };

/** An index key: how many articles of the window have it, and the stories holding it, most recently updated last (objects: no lookup by id per posting). */
interface KeyEntry {
  key: string;
  /** The key's id in the neighbour index (given back when the entry goes). */
  id: number;
  df: number;
  stories: ActiveStory[];
}

interface IndexedArticle {
  articleId: string;
  arrival: number;
  keys: KeyEntry[];
  /** The story it went into (follow `into` for where it is now). */
  story: ActiveStory;
}

/** The story a story object stands for now: itself, or the survivor of the merges it went into. */
function current(story: ActiveStory): ActiveStory {
  let s = story;
  while (s.into !== null) s = s.into;
  // Path compression: the next lookup of a long-merged story takes one step.
  if (story.into !== null && story.into !== s) story.into = s;
  return s;
}

/** What a story that left the window keeps of its profile: nothing, it is matched no more. */
const RETIRED_PROFILE: Profile = { entities: new Map(), terms: new Map(), title: new Map() };

/** When the event happened, as far as the article says; NaN when it does not (ingest time is not event time). */
function eventTime(event: EventExtractedV1): number {
  const when = event.eventDate.date ?? event.publishedAt;
  return when ? Date.parse(when) : Number.NaN;
}

/** When the article came out: its publication time, else when it was taken in. */
function seenTime(event: EventExtractedV1): number {
  const t = Date.parse(event.publishedAt ?? event.ingestedAt);
  return Number.isNaN(t) ? Date.parse(event.ingestedAt) : t;
}

/** Sublinear weights: the fifth mention of a word says less than the second. */
function profileOf(event: EventExtractedV1): Profile {
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

/**
 * Streaming story clustering. Each article is matched against the stories
 * of the recent window through an inverted index over canonical entity ids
 * and content terms: its rarest keys (by document frequency in the window)
 * fetch the most recently updated stories holding them, and the best-sharing
 * candidates are scored in full. The join decision is a logistic model
 * (`JoinModel`, learned from story gold) over similarities of entities,
 * bodies and titles, shared rare keys, the gap in time, the story's size and
 * event type: the article joins the most probable story at or above the
 * model's join threshold, or opens a story. When it also comes close to
 * another story, the two stories are compared whole with the same model
 * and merge when they are one event, so a thread split by arrival order
 * heals once the evidence arrives. Every bound (keys, postings, candidates,
 * story profile size, window) is fixed, so the cost per article does not
 * grow with the number of stories. The outcome depends only on the order of
 * arrival: replaying the same articles gives the same stories, and an
 * article id seen before changes nothing.
 */
export class StoryClusterer {
  private readonly options: ClustererOptions;
  private readonly active = new Map<string, ActiveStory>();
  /** Stories no longer in the window or merged away: kept for lookups, not for matching. */
  private readonly retired = new Map<string, StoryState>();
  /** A merged story id → the story it went into. */
  private readonly mergedInto = new Map<string, string>();
  private readonly storyOfArticle = new Map<string, string>();
  /** Index key → its document frequency over the window and the stories holding it. */
  private readonly keyIndex = new Map<string, KeyEntry>();
  private readonly window: IndexedArticle[] = [];
  private windowStart = 0;
  private arrivals = 0;
  private readonly neighbourIndex: NeighbourIndex;

  constructor(options: Partial<ClustererOptions> = {}) {
    this.options = { ...DEFAULT_CLUSTERER_OPTIONS, ...options };
    this.neighbourIndex = new NeighbourIndex(this.options.neighbourPostings, this.options.neighbourVerified);
  }

  add(event: EventExtractedV1): ClusterOutcome {
    const known = this.storyOf(event.articleId);
    if (known) return { kind: 'duplicate', storyId: known };

    const arrival = this.arrivals++;
    const profile = profileOf(event);
    const weights = this.weightsOf(profile);
    const { ranked, near } = this.rank(event, profile, weights);
    const best = ranked[0];
    const { joinThreshold, mergeThreshold } = this.options.model;

    let target: ActiveStory;
    let kind: 'joined' | 'created';
    const merged: string[] = [];
    if (best && best.probability >= joinThreshold) {
      target = best.story;
      kind = 'joined';
    } else {
      target = this.newStory(`story-${event.articleId}`, arrival);
      kind = 'created';
    }
    this.index(event, target, profile, weights, arrival);
    // A story of one article has the article's profile, whose norms are known.
    if (kind === 'created') Object.assign(target, { norms: weights.norms, normsVersion: target.state.version, normsAt: this.windowSize });
    for (const [story, link] of near) this.link(target, story, link);

    // The article came close to other stories too: now that it has joined, those stories and its own may be one
    // event (a thread split because its first articles arrived before the evidence that ties them). Compared whole
    // with the same model, they merge.
    for (const other of ranked) {
      if (other.probability < joinThreshold / 2) break;
      if (other.story === target || !other.story.live) continue;
      if (!this.fits(target, other.story)) continue;
      if (this.storyProbability(target, other.story) < mergeThreshold) continue;
      target = this.absorb(target, other.story, merged);
    }
    return { kind, storyId: target.state.storyId, score: kind === 'joined' ? best!.probability : 0, merged };
  }

  /** The candidate stories for an article, most probable first, as `add` would weigh them; changes nothing. */
  explain(event: EventExtractedV1): ScoredCandidate[] {
    const profile = profileOf(event);
    const weights = this.weightsOf(profile);
    return this.rank(event, profile, weights).ranked.map((c) => ({ storyId: c.story.state.storyId, features: c.features, probability: c.probability }));
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
    const target = this.active.get(this.resolve(storyId)) ?? this.newStory(storyId, arrival);
    this.index(event, target, profile, this.weightsOf(profile), arrival);
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

  private newStory(storyId: string, arrival: number): ActiveStory {
    const story: ActiveStory = {
      state: { storyId, version: 0, articles: [], entityCounts: new Map(), mergedFrom: [], firstTime: Number.NaN, lastTime: Number.NaN },
      profile: { entities: new Map(), terms: new Map(), title: new Map() },
      languages: new Set(),
      created: arrival,
      lastArrival: arrival,
      firstSeen: Number.NaN,
      lastSeen: Number.NaN,
      typeCounts: new Map(),
      dominantType: null,
      links: new Map(),
      live: true,
      into: null,
      norms: null,
      normsVersion: -1,
      normsAt: 0,
    };
    this.active.set(storyId, story);
    return story;
  }

  private index(event: EventExtractedV1, target: ActiveStory, profile: Profile, weights: Weights, arrival: number): void {
    this.addArticle(target, event, profile, weights, arrival);
    const { entities, terms, title } = weights.walks;
    const entries: KeyEntry[] = [];
    // The neighbour index stores the entities and body words under the IDF the article was matched with.
    const ids: number[] = [];
    const values: number[] = [];
    const take = (walk: Walk, neighbour: boolean): void => {
      for (let j = 0; j < walk.keys.length; j++) {
        const key = walk.keys[j]!;
        // A title's words are among the body's keys already.
        if (walk === title && profile.terms.has(key)) continue;
        let entry = walk.entries[j];
        if (!entry) this.keyIndex.set(key, (entry = walk.entries[j] = { key, id: this.neighbourIndex.newKey(), df: 0, stories: [] }));
        entry.df++;
        post(entry.stories, target, this.options.maxPostings);
        entries.push(entry);
        if (neighbour) {
          ids.push(entry.id);
          values.push(walk.values[j]! * walk.idf[j]!);
        }
      }
    };
    take(entities, true);
    take(terms, true);
    take(title, false);
    this.neighbourIndex.add(arrival, ids, values, seenTime(event));
    this.window.push({ articleId: event.articleId, arrival, keys: entries, story: target });
    this.storyOfArticle.set(event.articleId, target.state.storyId);
    this.expire();
  }

  private resolve(storyId: string): string {
    if (this.mergedInto.size === 0) return storyId;
    let id = storyId;
    for (let next = this.mergedInto.get(id); next !== undefined; next = this.mergedInto.get(id)) id = next;
    // Path compression: the next lookup of a long-merged id takes one step.
    if (id !== storyId && this.mergedInto.get(storyId) !== id) this.mergedInto.set(storyId, id);
    return id;
  }

  private get windowSize(): number {
    return this.window.length - this.windowStart;
  }

  /**
   * Inverse document frequency over the window, with a prior of
   * `idfPrior` unseen articles: a young window (a fresh process, a small
   * replay) has seen too little to call a word rare or common, and every
   * word then weighs about the same, as in a plain term-frequency cosine.
   */
  private idf(df: number): number {
    return Math.log(1 + (this.windowSize + this.options.idfPrior) / (df + 1));
  }

  private dfOf(key: string): number {
    return this.keyIndex.get(key)?.df ?? 0;
  }

  /** Candidate stories, found through the article's rarest keys and scored by the model, most probable first. */
  private rank(event: EventExtractedV1, profile: Profile, weights: Weights): { ranked: Ranked[]; near: Map<ActiveStory, Link> } {
    const { entities, terms, title } = weights.walks;
    if (entities.keys.length + terms.keys.length + title.keys.length === 0) return { ranked: [], near: new Map() };
    const time = seenTime(event);
    // The article as the neighbour index holds articles (entities and body words), its keys the window has seen by their ids.
    const query: Query = { ids: [], values: [], norm: 0 };
    // The rarest keys find the candidates; a key most articles share (a stopword that slipped through) finds none.
    const n = this.windowSize;
    const lookup: Lookup[] = [];
    let sum = 0;
    const visit = (walk: Walk, neighbour: boolean): void => {
      for (let j = 0; j < walk.keys.length; j++) {
        const entry = walk.entries[j];
        const idf = walk.idf[j]!;
        let at = -1;
        if (neighbour) {
          const x = walk.values[j]! * idf;
          sum += x * x;
          if (entry) {
            at = query.ids.length;
            query.ids.push(entry.id);
            query.values.push(x);
          }
        } else if (profile.terms.has(walk.keys[j]!)) continue;
        if (entry && entry.df > 0 && (n < 20 || entry.df <= n / 5)) lookup.push({ key: walk.keys[j]!, idf, entry, at });
      }
    };
    visit(entities, true);
    visit(terms, true);
    visit(title, false);
    query.norm = Math.sqrt(sum);
    const rarest = top(lookup, this.options.maxKeys, (a, b) => a.idf > b.idf || (a.idf === b.idf && a.key < b.key));
    const shared = new Map<ActiveStory, number>();
    for (const { idf: weight, entry: { stories: list } } of rarest) {
      // Newest first, and only the stories that can still take articles: the bound holds however long the list.
      for (let j = list.length - 1, seen = 0; j >= 0 && seen < this.options.maxPostings; j--) {
        const story = current(list[j]!);
        if (!story.live || gapDays(story.firstSeen, story.lastSeen, time) > this.options.windowDays) continue;
        // A full story takes no more articles: its thread goes on in a story of its own.
        if (story.state.articles.length >= this.options.maxStoryArticles) continue;
        seen++;
        shared.set(story, (shared.get(story) ?? 0) + weight);
      }
    }
    const near = this.nearStories(
      query,
      rarest.filter((l) => l.at >= 0).map((l) => l.at),
      time,
    );
    const candidate: Side = {
      profile,
      size: 1,
      firstSeen: time,
      lastSeen: time,
      languages: event.language === null ? null : new Set([event.language]),
      type: event.eventType,
      norms: weights.norms,
    };
    const candidates = new Set(
      top([...shared], this.options.maxCandidates, (a, b) => a[1] > b[1] || (a[1] === b[1] && a[0].state.storyId < b[0].state.storyId)).map(([story]) => story),
    );
    for (const story of near.keys()) candidates.add(story);
    const ranked = [...candidates]
      .map((story) => {
        const features = this.features(candidate, weights, sideOf(story, this.normsOf(story)), near.get(story) ?? NO_LINK);
        return { story, features, probability: joinProbability(this.options.model, features) };
      })
      .sort((a, b) => b.probability - a.probability || (a.story.state.storyId < b.story.state.storyId ? -1 : 1));
    return { ranked, near };
  }

  /**
   * The stories of the article's nearest earlier articles (those that can
   * still take it): for each, the best similarity to one of its members and
   * whether it holds the very nearest.
   */
  private nearStories(query: Query, lookup: readonly number[], time: number): Map<ActiveStory, Link> {
    const near = new Map<ActiveStory, Link>();
    const found = this.neighbourIndex.nearest(query.ids, query.values, query.norm, lookup, time, this.options.windowDays * DAY_MS, this.options.neighbours);
    let eligible = 0;
    found.forEach((n: Neighbour) => {
      const article = this.articleAt(n.arrival);
      if (!article) return;
      const story = current(article.story);
      if (!story.live || story.state.articles.length >= this.options.maxStoryArticles) return;
      const link = near.get(story);
      near.set(story, { similarity: Math.max(link?.similarity ?? 0, n.similarity), nearest: (link?.nearest ?? false) || eligible === 0, count: (link?.count ?? 0) + 1 });
      eligible++;
    });
    // Votes are shares of the neighbours whose stories can take the article (a full story cannot).
    for (const link of near.values()) link.of = eligible;
    return near;
  }

  /** The window's article of an arrival number (arrivals are consecutive along the window). */
  private articleAt(arrival: number): IndexedArticle | undefined {
    const first = this.window[this.windowStart];
    if (!first || arrival < first.arrival) return undefined;
    return this.window[this.windowStart + arrival - first.arrival];
  }

  /** Notes that a member of `story` came this close to a member of another story (both ways). */
  private link(story: ActiveStory, other: ActiveStory | undefined, link: Link): void {
    if (!other || !other.live || other === story) return;
    const id = story.state.storyId;
    const otherId = other.state.storyId;
    const joined = (a: Link | undefined): Link => ({
      similarity: Math.max(a?.similarity ?? 0, link.similarity),
      nearest: (a?.nearest ?? false) || link.nearest,
      count: (a?.count ?? 0) + link.count,
    });
    story.links.set(otherId, joined(story.links.get(otherId)));
    other.links.set(id, joined(other.links.get(id)));
  }

  /** Two stories compared whole: the smaller one in the article's place. */
  private storyProbability(a: ActiveStory, b: ActiveStory): number {
    const [small, big] = a.state.articles.length <= b.state.articles.length ? [a, b] : [b, a];
    if (spanGap(small, big) > this.options.windowDays) return 0;
    const weights = this.weightsOf(small.profile);
    const features = this.features(sideOf(small, weights.norms), weights, sideOf(big, this.normsOf(big)), small.links.get(big.state.storyId) ?? NO_LINK);
    return joinProbability(this.options.model, features);
  }

  /** IDF of every key of a profile (the side that is walked), which keys are rare, their index entries, and the profile's norms. */
  private weightsOf(profile: Profile): Weights {
    const n = this.windowSize;
    const rareDf = Math.max(2, RARE_SHARE * n);
    const walkOf = (v: SparseVector): Walk => {
      const walk: Walk = { keys: new Array<string>(v.size), values: new Float64Array(v.size), idf: new Float64Array(v.size), rare: new Uint8Array(v.size), entries: new Array<KeyEntry | undefined>(v.size) };
      let i = 0;
      for (const [k, x] of v) {
        const entry = this.keyIndex.get(k);
        const df = entry?.df ?? 0;
        walk.keys[i] = k;
        walk.values[i] = x;
        walk.idf[i] = this.idf(df);
        walk.rare[i] = df > 0 && df <= rareDf ? 1 : 0;
        walk.entries[i] = entry;
        i++;
      }
      return walk;
    };
    const walks = { entities: walkOf(profile.entities), terms: walkOf(profile.terms), title: walkOf(profile.title) };
    const norm = (w: Walk): number => {
      let sum = 0;
      for (let i = 0; i < w.keys.length; i++) sum += (w.values[i]! * w.idf[i]!) ** 2;
      return Math.sqrt(sum);
    };
    return { walks, norms: { entities: norm(walks.entities), terms: norm(walks.terms), title: norm(walks.title) } };
  }

  /** The norms of a profile under the window's IDF (what `weightsOf` gives, without keeping the weights). */
  private normsFor(profile: Profile): Norms {
    const norm = (v: SparseVector): number => {
      let sum = 0;
      for (const [k, x] of v) sum += (x * this.idf(this.dfOf(k))) ** 2;
      return Math.sqrt(sum);
    };
    return { entities: norm(profile.entities), terms: norm(profile.terms), title: norm(profile.title) };
  }

  /**
   * A story's norms, kept while neither the story nor (by more than 10%) the
   * window has changed: the IDF moves slowly, and a big story's profile is
   * long.
   */
  private normsOf(story: ActiveStory): Norms {
    const n = this.windowSize;
    if (story.norms === null || story.normsVersion !== story.state.version || Math.abs(n - story.normsAt) > 0.1 * story.normsAt + 100) {
      story.norms = this.normsFor(story.profile);
      story.normsVersion = story.state.version;
      story.normsAt = n;
    }
    return story.norms;
  }

  /**
   * The model's features (`JOIN_FEATURES` order) of `a` (an article, or the
   * smaller story) joining `b`. Dot products walk `a`'s keys with the IDF in
   * `w`, worked out once for `a`.
   */
  private features(a: Side, w: Weights, b: Side, link: Link): number[] {
    const sameLanguage = a.languages === null || b.languages === null || [...a.languages].some((l) => b.languages!.has(l));
    // One walk over each of `a`'s vectors gives its dot product with `b`, the IDF mass they share and the rare keys among it.
    const walk = (x: Walk, y: SparseVector): { dot: number; all: number; hit: number; rare: number } => {
      let dot = 0;
      let all = 0;
      let hit = 0;
      let rare = 0;
      for (let j = 0; j < x.keys.length; j++) {
        const v = x.values[j]!;
        const i = x.idf[j]!;
        all += v * i;
        const u = y.get(x.keys[j]!);
        if (u === undefined) continue;
        dot += v * u * i * i;
        hit += v * i;
        rare += x.rare[j]!;
      }
      return { dot, all, hit, rare };
    };
    const cos = (dot: number, nx: number, ny: number): number => (nx > 0 && ny > 0 ? Math.min(1, dot / (nx * ny)) : 0);
    const none = { dot: 0, all: 0, hit: 0, rare: 0 };
    const e = walk(w.walks.entities, b.profile.entities);
    const t = sameLanguage ? walk(w.walks.terms, b.profile.terms) : none;
    const entity = cos(e.dot, a.norms.entities, b.norms.entities);
    const entityShare = e.all > 0 ? e.hit / e.all : 0;
    let titleDot = 0;
    let titleBodyDot = 0;
    if (sameLanguage) {
      const x = w.walks.title;
      for (let j = 0; j < x.keys.length; j++) {
        const k = x.keys[j]!;
        const v = x.values[j]!;
        const i2 = x.idf[j]! ** 2;
        titleDot += v * (b.profile.title.get(k) ?? 0) * i2;
        titleBodyDot += v * (b.profile.terms.get(k) ?? 0) * i2;
      }
    }
    // Across languages no word can match: the canonical entities are the evidence for what the words would say.
    const body = sameLanguage ? cos(t.dot, a.norms.terms, b.norms.terms) : entity;
    const title = sameLanguage ? cos(titleDot, a.norms.title, b.norms.title) : entity;
    const titleBody = sameLanguage ? cos(titleBodyDot, a.norms.title, b.norms.terms) : entity;
    const coverage = sameLanguage ? (entityShare + (t.all > 0 ? t.hit / t.all : 0)) / 2 : entityShare;
    const eRare = e.rare;
    const tRare = t.rare;
    const gap = Number.isNaN(b.firstSeen) ? 0 : Math.min(gapDays(b.firstSeen, b.lastSeen, a.firstSeen), gapDays(b.firstSeen, b.lastSeen, a.lastSeen));
    const values: Record<(typeof JOIN_FEATURES)[number], number> = {
      entity,
      body,
      title,
      titleBody,
      coverage,
      rare: Math.min(eRare + tRare, RARE_CAP) / RARE_CAP,
      gap: Math.log1p(gap),
      size: Math.log1p(b.size),
      sameType: a.type !== null && a.type === b.type ? 1 : 0,
      neighbour: link.similarity,
      nearest: link.nearest ? 1 : 0,
      // Of the smaller side's neighbour relations (an article's that could take it; k per member of a story), the share that lands in the other side.
      votes: Math.min(1, link.count / (link.of ?? this.options.neighbours * Math.min(a.size, b.size))),
    };
    return JOIN_FEATURES.map((f) => values[f]);
  }

  /** Adds an article to a story; `weights` are the article's as it was matched (the IDF before it counts in the window). */
  private addArticle(story: ActiveStory, event: EventExtractedV1, profile: Profile, weights: Weights, arrival: number): void {
    const facts = factsOf(event);
    const state = story.state;
    state.articles.push(facts);
    state.version += 1;
    for (const key of profile.entities.keys()) {
      const id = key.slice(ENTITY_KEY.length);
      state.entityCounts.set(id, (state.entityCounts.get(id) ?? 0) + 1);
    }
    const time = eventTime(event);
    if (!Number.isNaN(time)) {
      state.firstTime = Number.isNaN(state.firstTime) ? time : Math.min(state.firstTime, time);
      state.lastTime = Number.isNaN(state.lastTime) ? time : Math.max(state.lastTime, time);
    }
    const seen = seenTime(event);
    story.firstSeen = Number.isNaN(story.firstSeen) ? seen : Math.min(story.firstSeen, seen);
    story.lastSeen = Number.isNaN(story.lastSeen) ? seen : Math.max(story.lastSeen, seen);
    // Norms that were current follow the added weights, under today's IDF for the keys that changed.
    const norms = story.norms !== null && story.normsVersion === state.version - 1 ? story.norms : null;
    const add = (into: SparseVector, from: Walk, norm: number): number => {
      let norm2 = norm * norm;
      for (let j = 0; j < from.keys.length; j++) {
        const k = from.keys[j]!;
        const w = from.values[j]!;
        const old = into.get(k) ?? 0;
        into.set(k, old + w);
        if (norms !== null) norm2 += ((old + w) ** 2 - old ** 2) * from.idf[j]! ** 2;
      }
      return Math.sqrt(Math.max(0, norm2));
    };
    const entities = add(story.profile.entities, weights.walks.entities, norms?.entities ?? 0);
    const terms = add(story.profile.terms, weights.walks.terms, norms?.terms ?? 0);
    const title = add(story.profile.title, weights.walks.title, norms?.title ?? 0);
    const pruned = prune(story.profile.terms, this.options.maxStoryTerms) || prune(story.profile.title, this.options.maxStoryTerms);
    if (norms !== null && !pruned) {
      story.norms = { entities, terms, title };
      story.normsVersion = state.version;
    }
    if (facts.language) story.languages.add(facts.language);
    if (facts.eventType) countType(story, facts.eventType, 1);
    story.lastArrival = Math.max(story.lastArrival, arrival);
  }

  /** Whether two stories fit in one under maxStoryArticles. */
  private fits(a: ActiveStory, b: ActiveStory): boolean {
    return a.state.articles.length + b.state.articles.length <= this.options.maxStoryArticles;
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
    if (!Number.isNaN(gone.firstSeen)) {
      keep.firstSeen = Number.isNaN(keep.firstSeen) ? gone.firstSeen : Math.min(keep.firstSeen, gone.firstSeen);
      keep.lastSeen = Number.isNaN(keep.lastSeen) ? gone.lastSeen : Math.max(keep.lastSeen, gone.lastSeen);
    }
    addInto(keep.profile.entities, gone.profile.entities);
    addInto(keep.profile.terms, gone.profile.terms);
    addInto(keep.profile.title, gone.profile.title);
    prune(keep.profile.terms, this.options.maxStoryTerms);
    prune(keep.profile.title, this.options.maxStoryTerms);
    for (const language of gone.languages) keep.languages.add(language);
    for (const [type, count] of gone.typeCounts) countType(keep, type, count);
    keep.lastArrival = Math.max(keep.lastArrival, gone.lastArrival);
    // Stories linked to the gone one are linked to the survivor now.
    keep.links.delete(g.storyId);
    for (const [id, link] of gone.links) {
      const partner = this.active.get(id);
      if (partner) partner.links.delete(g.storyId);
      if (id !== k.storyId) this.link(keep, partner, link);
    }
    this.active.delete(g.storyId);
    if (this.options.keepRetired) this.retired.set(g.storyId, g);
    this.mergedInto.set(g.storyId, k.storyId);
    this.retire(gone, keep);
  }

  /** A story leaves matching (the window, or merged into `into`): postings and window articles that still hold it skip or forward it. */
  private retire(story: ActiveStory, into: ActiveStory | null): void {
    story.live = false;
    story.into = into;
    story.profile = RETIRED_PROFILE;
    story.links = new Map();
  }

  /** Drops the oldest articles past the window size: their keys stop counting, and a story whose newest article left retires. */
  private expire(): void {
    while (this.windowSize > this.options.windowArticles) {
      const old = this.window[this.windowStart++]!;
      for (const entry of old.keys) {
        if (--entry.df <= 0) {
          this.keyIndex.delete(entry.key);
          this.neighbourIndex.forgetKey(entry.id);
        }
      }
      this.neighbourIndex.remove(old.arrival);
      const story = current(old.story);
      if (story.live && story.lastArrival <= old.arrival) {
        this.active.delete(story.state.storyId);
        if (this.options.keepRetired) this.retired.set(story.state.storyId, story.state);
        this.retire(story, null);
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

/**
 * The first `k` of `items` in the order `before` gives (a strict total
 * order), in that order: what sorting all and keeping `k` gives, at the
 * cost of one pass when most items fall behind the k-th at once.
 */
function top<T>(items: readonly T[], k: number, before: (a: T, b: T) => boolean): T[] {
  const out: T[] = [];
  if (k <= 0) return out;
  for (const item of items) {
    if (out.length === k && !before(item, out[k - 1]!)) continue;
    let i = out.length === k ? k - 1 : out.length;
    while (i > 0 && before(item, out[i - 1]!)) {
      out[i] = out[i - 1]!;
      i--;
    }
    out[i] = item;
  }
  return out;
}

/** Notes that `story` holds a key (its posting list), newest last. */
function post(list: ActiveStory[], story: ActiveStory, maxPostings: number): void {
  if (list[list.length - 1] === story) return;
  list.push(story);
  // Trimmed in batches: the most recent stories stay, the cost of a trim is spread over many additions.
  if (list.length > 2 * maxPostings) list.splice(0, list.length - maxPostings);
}

/** An article as the neighbour index is asked about it: its known keys' ids, their weights, and the norm of all its weights. */
interface Query {
  ids: number[];
  values: number[];
  norm: number;
}

/** A key that finds candidates: its IDF, its index entry, and its place in the neighbour query (-1: not in it, a title's word). */
interface Lookup {
  key: string;
  idf: number;
  entry: KeyEntry;
  at: number;
}

/** A candidate story as the join decision saw it. */
interface Ranked {
  story: ActiveStory;
  features: number[];
  probability: number;
}

/** One side of a comparison: an article, or a story compared whole. */
interface Side {
  profile: Profile;
  size: number;
  firstSeen: number;
  lastSeen: number;
  /** null: the language is not known, and words are compared anyway. */
  languages: Set<string> | null;
  type: string | null;
  norms: Norms;
}

function sideOf(story: ActiveStory, norms: Norms): Side {
  return {
    norms,
    profile: story.profile,
    size: story.state.articles.length,
    firstSeen: story.firstSeen,
    lastSeen: story.lastSeen,
    languages: story.languages.size > 0 ? story.languages : null,
    type: story.dominantType,
  };
}

/** Days from a time to the nearest end of a span (0 inside it); 0 when either is unknown. */
function gapDays(first: number, last: number, time: number): number {
  if (Number.isNaN(time) || Number.isNaN(first)) return 0;
  if (time >= first && time <= last) return 0;
  return Math.min(Math.abs(time - first), Math.abs(time - last)) / DAY_MS;
}

/** Days between two stories' spans of publication (0 when they overlap). */
function spanGap(a: ActiveStory, b: ActiveStory): number {
  if (Number.isNaN(a.firstSeen) || Number.isNaN(b.firstSeen)) return 0;
  if (a.lastSeen < b.firstSeen) return (b.firstSeen - a.lastSeen) / DAY_MS;
  if (b.lastSeen < a.firstSeen) return (a.firstSeen - b.lastSeen) / DAY_MS;
  return 0;
}

function countType(story: ActiveStory, type: string, n: number): void {
  const count = (story.typeCounts.get(type) ?? 0) + n;
  story.typeCounts.set(type, count);
  const best = story.dominantType;
  const bestCount = best === null ? 0 : story.typeCounts.get(best)!;
  if (best === null || count > bestCount || (count === bestCount && type < best)) story.dominantType = type;
}
