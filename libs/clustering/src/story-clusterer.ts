import type { EventExtractedV1 } from '@eventwire/contracts';
import { ArticleFacts, factsOf } from './article-facts';
import { CandidateIndex, IndexedArticle, top, Walk, Weights } from './candidate-index';
import { BUNDLED_JOIN_MODEL, JoinModel } from './join-model';
import { addInto, prune, SparseVector } from './sparse-vector';
import { DAY_MS, emptyProfile, ENTITY_KEY, eventTime, gapDays, Norms, Profile, profileOf, RETIRED_PROFILE, seenTime } from './story-profile';
import { JoinModelSimilarity, Link, NO_LINK, Side, StorySimilarity } from './story-similarity';
import { SplitMember, splitStory } from './story-split';

export interface ClustererOptions {
  /** The join decision: feature weights and the probabilities to join a story and to merge two. */
  model: JoinModel;
  /** Another join decision in the model's place (see `StorySimilarity`); by default the model's. */
  similarity?: StorySimilarity;
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
  /**
   * Stories of at least this many articles are cut again into the events
   * they report (`splitStory`) each time they have grown by `splitGrowth`
   * since the last look, or has grown at all and runs `splitEveryHours`
   * later (its newest article) than at the last look; 0 never cuts. Off by
   * default here; the aggregator sets it (`AGGREGATOR_CLUSTERER_OPTIONS`).
   */
  splitMinArticles: number;
  splitGrowth: number;
  splitEveryHours: number;
  /** Days over which two members' closeness fades to 1/e in the cut. */
  splitTauDays: number;
  /** Average closeness below which two groups of a story part. */
  splitCut: number;
  /**
   * A cut reads a story's newest this many members (the older ones stay
   * with the story): its time and memory grow with the square of what it
   * reads, and a new event parts from a thread at its newest end.
   */
  splitMaxMembers: number;
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
  splitMinArticles: 0,
  // Chosen on the dev week's grid (npm run eval:story-split -- --streaming), as the cross-validated choice picked in six folds of seven.
  splitGrowth: 1.1,
  splitEveryHours: 12,
  splitTauDays: 2,
  splitCut: 0.04,
  splitMaxMembers: 400,
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
  /** The story this one was cut from (see `splitMinArticles`): its first members were that story's. */
  splitFrom?: string;
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
      /** Stories cut off a story after this article (see `splitMinArticles`): each new story's id and the articles that moved into it. */
      split?: { storyId: string; from: string; articleIds: string[] }[];
    };

/** A candidate story as the join decision saw it: for `explain`, and for training the model. */
export interface ScoredCandidate {
  storyId: string;
  features: number[];
  probability: number;
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
  /** Members, and the newest member's publication time, when the story was last looked at for a cut. */
  splitCheckedAt: number;
  splitCheckedTime: number;
  /** Ids of stories a cut parted from this one: the two are not merged again. */
  parted: Set<string>;
}

/**
 * What a cut needs of a member besides its vector (the neighbour index holds
 * that): its profile, to build the stories again, packed in two arrays (a
 * window of 100,000 profiles as maps would not fit).
 */
interface MemberRecord {
  arrival: number;
  time: number;
  /** The profile's keys: its entities, then its body words from `termsAt`, then its title words from `titleAt`. */
  keys: string[];
  weights: Float64Array;
  termsAt: number;
  titleAt: number;
}

/** A member with no keys, as the split reads it (the neighbour index stores no vector for it). */
const NO_IDS = new Int32Array(0);
const NO_WEIGHTS = new Float32Array(0);

/** The story a story object stands for now: itself, or the survivor of the merges it went into. */
function current(story: ActiveStory): ActiveStory {
  let s = story;
  while (s.into !== null) s = s.into;
  // Path compression: the next lookup of a long-merged story takes one step.
  if (story.into !== null && story.into !== s) story.into = s;
  return s;
}

/**
 * Streaming story clustering. Each article is matched against the stories
 * of the recent window through an inverted index over canonical entity ids
 * and content terms: its rarest keys (by document frequency in the window)
 * fetch the most recently updated stories holding them, and the best-sharing
 * candidates are scored in full (`CandidateIndex`). The join decision
 * (`StorySimilarity`; by default the logistic `JoinModel` learned from story
 * gold, over similarities of entities, bodies and titles, shared rare keys,
 * the gap in time, the story's size and event type): the article joins the
 * most probable story at or above the join threshold, or opens a story.
 * When it also comes close to another story, the two stories are compared
 * whole with the same similarity and merge when they are one event, so a thread split by arrival order
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
  /** The window's articles, their keys and their nearest neighbours: where candidates come from. */
  private readonly index: CandidateIndex<ActiveStory>;
  private readonly similarity: StorySimilarity;
  /** Members of the window's stories as a cut reads them (kept only when stories are cut). */
  private readonly members = new Map<string, MemberRecord>();
  private arrivals = 0;

  constructor(options: Partial<ClustererOptions> = {}) {
    this.options = { ...DEFAULT_CLUSTERER_OPTIONS, ...options };
    this.index = new CandidateIndex(this.options);
    this.similarity = this.options.similarity ?? new JoinModelSimilarity(this.options.model, this.options.neighbours);
  }

  add(event: EventExtractedV1): ClusterOutcome {
    const known = this.storyOf(event.articleId);
    if (known) return { kind: 'duplicate', storyId: known };

    const arrival = this.arrivals++;
    const profile = profileOf(event);
    const weights = this.weightsOf(profile);
    const { ranked, near } = this.rank(event, profile, weights);
    const best = ranked[0];
    const { joinThreshold, mergeThreshold } = this.similarity;

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
    this.indexArticle(event, target, profile, weights, arrival);
    // A story of one article has the article's profile, whose norms are known.
    if (kind === 'created') Object.assign(target, { norms: weights.norms, normsVersion: target.state.version, normsAt: this.index.size });
    for (const [story, link] of near) this.link(target, story, link);

    // The article came close to other stories too: now that it has joined, those stories and its own may be one
    // event (a thread split because its first articles arrived before the evidence that ties them). Compared whole
    // with the same model, they merge.
    for (const other of ranked) {
      if (other.probability < joinThreshold / 2) break;
      if (other.story === target || !other.story.live) continue;
      if (!this.fits(target, other.story)) continue;
      if (target.parted.has(other.story.state.storyId) || other.story.parted.has(target.state.storyId)) continue;
      if (this.storyProbability(target, other.story) < mergeThreshold) continue;
      target = this.absorb(target, other.story, merged);
    }
    const split = this.cutIfGrown(target);
    const outcome = { kind, storyId: target.state.storyId, score: kind === 'joined' ? best!.probability : 0, merged };
    // A cut may have moved the article itself out of `target`.
    return split.length === 0 ? outcome : { ...outcome, storyId: this.storyOf(event.articleId)!, split };
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
    this.indexArticle(event, target, profile, this.weightsOf(profile), arrival);
  }

  /**
   * After `restore`: the story's version, merge history and the story it was
   * cut from as the store has them, so versions keep growing across restarts
   * and a cut's parts are not merged back into the story they were cut from.
   */
  adopt(storyId: string, version: number, mergedFrom: readonly string[], splitFrom: string | null = null): void {
    const story = this.active.get(this.resolve(storyId));
    if (!story) return;
    story.state.version = Math.max(story.state.version, version);
    for (const id of mergedFrom) {
      if (!story.state.mergedFrom.includes(id)) story.state.mergedFrom.push(id);
      if (id !== story.state.storyId) this.mergedInto.set(id, story.state.storyId);
    }
    if (splitFrom === null) return;
    story.state.splitFrom = splitFrom;
    story.parted.add(splitFrom);
    this.active.get(this.resolve(splitFrom))?.parted.add(story.state.storyId);
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
      profile: emptyProfile(),
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
      splitCheckedAt: 0,
      splitCheckedTime: Number.NEGATIVE_INFINITY,
      parted: new Set(),
    };
    this.active.set(storyId, story);
    return story;
  }

  private indexArticle(event: EventExtractedV1, target: ActiveStory, profile: Profile, weights: Weights<ActiveStory>, arrival: number): void {
    this.addArticle(target, event, profile, weights, arrival);
    this.storyOfArticle.set(event.articleId, target.state.storyId);
    if (this.options.splitMinArticles > 0) this.members.set(event.articleId, memberRecord(arrival, seenTime(event), profile));
    this.index.add(event.articleId, arrival, target, profile, weights, seenTime(event), (old) => this.leave(old));
  }

  /** An article left the window: a story whose newest article it was retires. */
  private leave(old: IndexedArticle<ActiveStory>): void {
    const story = current(old.story);
    if (story.live && story.lastArrival <= old.arrival) {
      this.active.delete(story.state.storyId);
      if (this.options.keepRetired) this.retired.set(story.state.storyId, story.state);
      this.retire(story, null);
    }
    if (!this.options.keepRetired) this.storyOfArticle.delete(old.articleId);
    this.members.delete(old.articleId);
  }

  private resolve(storyId: string): string {
    if (this.mergedInto.size === 0) return storyId;
    let id = storyId;
    for (let next = this.mergedInto.get(id); next !== undefined; next = this.mergedInto.get(id)) id = next;
    // Path compression: the next lookup of a long-merged id takes one step.
    if (id !== storyId && this.mergedInto.get(storyId) !== id) this.mergedInto.set(storyId, id);
    return id;
  }

  /** Candidate stories, found through the article's rarest keys and scored by the model, most probable first. */
  private rank(event: EventExtractedV1, profile: Profile, weights: Weights<ActiveStory>): { ranked: Ranked[]; near: Map<ActiveStory, Link> } {
    const { entities, terms, title } = weights.walks;
    if (entities.keys.length + terms.keys.length + title.keys.length === 0) return { ranked: [], near: new Map() };
    const time = seenTime(event);
    const { shared, near } = this.index.candidates(
      profile,
      weights,
      time,
      // Only the stories that can still take articles: within the window of time, and not full (a full story's thread goes on in a story of its own).
      (posted) => {
        const story = current(posted);
        return !story.live || gapDays(story.firstSeen, story.lastSeen, time) > this.options.windowDays || this.full(story) ? undefined : story;
      },
      (posted) => {
        const story = current(posted);
        return !story.live || this.full(story) ? undefined : story;
      },
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
        const features = this.similarity.features(candidate, weights, sideOf(story, this.normsOf(story)), near.get(story) ?? NO_LINK);
        return { story, features, probability: this.similarity.probability(features) };
      })
      .sort((a, b) => b.probability - a.probability || (a.story.state.storyId < b.story.state.storyId ? -1 : 1));
    return { ranked, near };
  }

  private full(story: ActiveStory): boolean {
    return story.state.articles.length >= this.options.maxStoryArticles;
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
    const features = this.similarity.features(sideOf(small, weights.norms), weights, sideOf(big, this.normsOf(big)), small.links.get(big.state.storyId) ?? NO_LINK);
    return this.similarity.probability(features);
  }

  private weightsOf(profile: Profile): Weights<ActiveStory> {
    return this.index.weightsOf(profile);
  }

  /**
   * A story's norms, kept while neither the story nor (by more than 10%) the
   * window has changed: the IDF moves slowly, and a big story's profile is
   * long.
   */
  private normsOf(story: ActiveStory): Norms {
    const n = this.index.size;
    if (story.norms === null || story.normsVersion !== story.state.version || Math.abs(n - story.normsAt) > 0.1 * story.normsAt + 100) {
      story.norms = this.index.normsFor(story.profile);
      story.normsVersion = story.state.version;
      story.normsAt = n;
    }
    return story.norms;
  }

  /** Adds an article to a story; `weights` are the article's as it was matched (the IDF before it counts in the window). */
  private addArticle(story: ActiveStory, event: EventExtractedV1, profile: Profile, weights: Weights, arrival: number): void {
    this.countMember(story, factsOf(event), profile.entities.keys(), eventTime(event), seenTime(event), arrival);
    // Norms that were current follow the added weights, under today's IDF for the keys that changed.
    const norms = story.norms !== null && story.normsVersion === story.state.version - 1 ? story.norms : null;
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
      story.normsVersion = story.state.version;
    }
  }

  /** A member's share of its story's state (all but the profile's vectors): for an article added, and for a story rebuilt by a cut. */
  private countMember(story: ActiveStory, facts: ArticleFacts, entityKeys: Iterable<string>, time: number, seen: number, arrival: number): void {
    const state = story.state;
    state.articles.push(facts);
    state.version += 1;
    for (const key of entityKeys) {
      const id = key.slice(ENTITY_KEY.length);
      state.entityCounts.set(id, (state.entityCounts.get(id) ?? 0) + 1);
    }
    if (!Number.isNaN(time)) {
      state.firstTime = Number.isNaN(state.firstTime) ? time : Math.min(state.firstTime, time);
      state.lastTime = Number.isNaN(state.lastTime) ? time : Math.max(state.lastTime, time);
    }
    story.firstSeen = Number.isNaN(story.firstSeen) ? seen : Math.min(story.firstSeen, seen);
    story.lastSeen = Number.isNaN(story.lastSeen) ? seen : Math.max(story.lastSeen, seen);
    if (facts.language) story.languages.add(facts.language);
    if (facts.eventType) countType(story, facts.eventType, 1);
    story.lastArrival = Math.max(story.lastArrival, arrival);
  }

  /**
   * Cuts a story that has grown by `splitGrowth` since it was last looked
   * at, or has grown and runs `splitEveryHours` later, into the events its
   * members report (`splitStory`), reading its newest `splitMaxMembers`.
   * The group of the oldest member read keeps the story, with the older
   * members; each other group goes on as a new story
   * (id from its first member and the story's version), indexed and posted
   * under its keys like any story. Members that left the window are not
   * read: a story with any is not cut.
   */
  private cutIfGrown(story: ActiveStory): { storyId: string; from: string; articleIds: string[] }[] {
    const size = story.state.articles.length;
    const { splitMinArticles, splitGrowth, splitEveryHours, splitTauDays, splitCut, splitMaxMembers } = this.options;
    if (splitMinArticles <= 0 || size < splitMinArticles || !story.live) return [];
    const grown = size >= story.splitCheckedAt * splitGrowth;
    const later = size > story.splitCheckedAt && story.lastSeen - story.splitCheckedTime >= splitEveryHours * 3_600_000;
    if (!grown && !later) return [];
    story.splitCheckedAt = size;
    story.splitCheckedTime = story.lastSeen;
    const records = story.state.articles.map((a) => this.members.get(a.articleId));
    if (records.some((r) => r === undefined)) return [];
    const members = records as MemberRecord[];
    // The newest members, oldest of them first: those the cut reads.
    const byArrival = members.map((_, i) => i).sort((a, b) => members[a]!.arrival - members[b]!.arrival);
    const read = byArrival.slice(-splitMaxMembers);
    const vectors = read.map((i): SplitMember => this.index.vectorOf(members[i]!.arrival) ?? { ids: NO_IDS, weights: NO_WEIGHTS, time: members[i]!.time });
    const groups = splitStory(vectors, { tauDays: splitTauDays, cut: splitCut, minGroup: 3 }).map((g) => g.map((k) => read[k]!));
    if (groups.length <= 1) return [];
    const facts = story.state.articles;
    const parentId = story.state.storyId;
    const out: { storyId: string; from: string; articleIds: string[] }[] = [];
    // The group of the oldest member read keeps the story, with the members the cut did not read.
    const [first, ...rest] = groups;
    const keep = [...byArrival.slice(0, byArrival.length - read.length), ...first!];
    for (const group of rest) {
      const first = group.reduce((a, b) => (members[a]!.arrival <= members[b]!.arrival ? a : b));
      const storyId = `story-${facts[first]!.articleId}-v${story.state.version}`;
      const part = this.newStory(storyId, members[first]!.arrival);
      part.state.splitFrom = parentId;
      this.fill(part, group.map((i) => ({ facts: facts[i]!, member: members[i]! })));
      for (const i of group) {
        this.storyOfArticle.set(facts[i]!.articleId, storyId);
        this.index.move(members[i]!.arrival, part);
      }
      out.push({ storyId, from: parentId, articleIds: group.map((i) => facts[i]!.articleId) });
      part.parted.add(parentId);
      story.parted.add(storyId);
      for (const other of out) if (other.storyId !== storyId) part.parted.add(other.storyId);
    }
    const version = story.state.version;
    this.fill(story, keep.map((i) => ({ facts: facts[i]!, member: members[i]! })));
    story.state.version = version + 1;
    return out;
  }

  /** Builds a story's state and profile again from its members, as `addArticle` would have (for a cut). */
  private fill(story: ActiveStory, parts: { facts: ArticleFacts; member: MemberRecord }[]): void {
    const state = story.state;
    state.articles = [];
    state.entityCounts = new Map();
    state.firstTime = state.lastTime = Number.NaN;
    story.profile = emptyProfile();
    story.languages = new Set();
    story.typeCounts = new Map();
    story.dominantType = null;
    story.links = new Map();
    story.norms = null;
    story.firstSeen = story.lastSeen = Number.NaN;
    story.lastArrival = -1;
    for (const { facts, member } of parts.sort((a, b) => a.member.arrival - b.member.arrival)) {
      const when = facts.eventDate ?? facts.publishedAt;
      this.countMember(story, facts, member.keys.slice(0, member.termsAt), when ? Date.parse(when) : Number.NaN, member.time, member.arrival);
      const { keys, weights, termsAt, titleAt } = member;
      for (let i = 0; i < keys.length; i++) {
        const into = i < termsAt ? story.profile.entities : i < titleAt ? story.profile.terms : story.profile.title;
        into.set(keys[i]!, (into.get(keys[i]!) ?? 0) + weights[i]!);
      }
    }
    prune(story.profile.terms, this.options.maxStoryTerms);
    prune(story.profile.title, this.options.maxStoryTerms);
    story.splitCheckedAt = Math.max(story.splitCheckedAt, state.articles.length);
    story.splitCheckedTime = Math.max(story.splitCheckedTime, story.lastSeen);
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
    for (const id of gone.parted) keep.parted.add(id);
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
}

/** A candidate story as the join decision saw it. */
interface Ranked {
  story: ActiveStory;
  features: number[];
  probability: number;
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

/** A member's record for cuts: its profile, packed. */
function memberRecord(arrival: number, time: number, profile: Profile): MemberRecord {
  const { entities, terms, title } = profile;
  const keys = [...entities.keys(), ...terms.keys(), ...title.keys()];
  const weights = Float64Array.from([...entities.values(), ...terms.values(), ...title.values()]);
  return { arrival, time, keys, weights, termsAt: entities.size, titleAt: entities.size + terms.size };
}
