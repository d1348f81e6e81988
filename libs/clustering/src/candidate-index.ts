import { Neighbour, NeighbourIndex } from './neighbour-index';
import { DAY_MS, Norms, Profile } from './story-profile';
import type { SparseVector } from './sparse-vector';

/** A key this rare (document frequency over the window) is specific to an event: a name, a number, an unusual word. */
const RARE_SHARE = 0.002;

/** An index key: how many articles of the window have it, and the stories holding it, most recently updated last (objects: no lookup by id per posting). */
export interface KeyEntry<S> {
  key: string;
  /** The key's id in the neighbour index (given back when the entry goes). */
  id: number;
  df: number;
  stories: S[];
}

/** One vector of the walked side: its keys in order, their weights, IDF, whether each is rare, and its index entry (none for a key the window has not seen). */
export interface Walk<S = unknown> {
  keys: string[];
  values: Float64Array;
  idf: Float64Array;
  rare: Uint8Array;
  entries: Array<KeyEntry<S> | undefined>;
}

/** One side's vectors as arrays with the IDF of every key (entities with their index prefix, as profiles hold them), and its norms. */
export interface Weights<S = unknown> {
  norms: Norms;
  /** What the comparisons walk, with no lookup of the side's own keys. */
  walks: { entities: Walk<S>; terms: Walk<S>; title: Walk<S> };
}

/** An article of the window: its keys, and the story it went into (the caller follows merges from there). */
export interface IndexedArticle<S> {
  articleId: string;
  arrival: number;
  keys: KeyEntry<S>[];
  story: S;
}

/** How close an article's nearest earlier articles in one story come: the best similarity, whether the very nearest is there, how many. */
export interface NeighbourHits {
  similarity: number;
  nearest: boolean;
  count: number;
  /** How many of the article's neighbours could take it, of which `count` are in the story. */
  of: number;
}

export interface CandidateIndexOptions {
  windowDays: number;
  windowArticles: number;
  maxPostings: number;
  maxKeys: number;
  neighbours: number;
  neighbourPostings: number;
  neighbourVerified: number;
  idfPrior: number;
}

/** An article as the neighbour index is asked about it: its known keys' ids, their weights, and the norm of all its weights. */
interface Query {
  ids: number[];
  values: number[];
  norm: number;
}

/** A key that finds candidates: its IDF, its index entry, and its place in the neighbour query (-1: not in it, a title's word). */
interface Lookup<S> {
  key: string;
  idf: number;
  entry: KeyEntry<S>;
  at: number;
}

/**
 * Where candidate stories come from: the window of recent articles, an
 * inverted index from each key (canonical entity id or content term) to its
 * document frequency and the stories holding it, and the nearest-neighbour
 * index over the window's articles. It weighs a profile under the window's
 * IDF and finds, for an article, the stories sharing its rarest keys and
 * the stories of its nearest earlier articles. Stories are the caller's
 * objects (`S`): which of them can still take an article, and where a
 * merged one went, the caller says.
 */
export class CandidateIndex<S> {
  /** Index key → its document frequency over the window and the stories holding it. */
  private readonly keys = new Map<string, KeyEntry<S>>();
  private readonly window: IndexedArticle<S>[] = [];
  private windowStart = 0;
  private readonly neighbourIndex: NeighbourIndex;

  constructor(private readonly options: CandidateIndexOptions) {
    this.neighbourIndex = new NeighbourIndex(options.neighbourPostings, options.neighbourVerified);
  }

  /** Articles in the window. */
  get size(): number {
    return this.window.length - this.windowStart;
  }

  /**
   * Inverse document frequency over the window, with a prior of
   * `idfPrior` unseen articles: a young window (a fresh process, a small
   * replay) has seen too little to call a word rare or common, and every
   * word then weighs about the same, as in a plain term-frequency cosine.
   */
  idf(df: number): number {
    return Math.log(1 + (this.size + this.options.idfPrior) / (df + 1));
  }

  /** IDF of every key of a profile (the side that is walked), which keys are rare, their index entries, and the profile's norms. */
  weightsOf(profile: Profile): Weights<S> {
    const n = this.size;
    const rareDf = Math.max(2, RARE_SHARE * n);
    const walkOf = (v: SparseVector): Walk<S> => {
      const walk: Walk<S> = { keys: new Array<string>(v.size), values: new Float64Array(v.size), idf: new Float64Array(v.size), rare: new Uint8Array(v.size), entries: new Array<KeyEntry<S> | undefined>(v.size) };
      let i = 0;
      for (const [k, x] of v) {
        const entry = this.keys.get(k);
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
    const norm = (w: Walk<S>): number => {
      let sum = 0;
      for (let i = 0; i < w.keys.length; i++) sum += (w.values[i]! * w.idf[i]!) ** 2;
      return Math.sqrt(sum);
    };
    return { walks, norms: { entities: norm(walks.entities), terms: norm(walks.terms), title: norm(walks.title) } };
  }

  /** The norms of a profile under the window's IDF (what `weightsOf` gives, without keeping the weights). */
  normsFor(profile: Profile): Norms {
    const norm = (v: SparseVector): number => {
      let sum = 0;
      for (const [k, x] of v) sum += (x * this.idf(this.keys.get(k)?.df ?? 0)) ** 2;
      return Math.sqrt(sum);
    };
    return { entities: norm(profile.entities), terms: norm(profile.terms), title: norm(profile.title) };
  }

  /**
   * Candidates for an article: the stories holding its rarest keys (the
   * most recently updated first, `maxPostings` per key), with the IDF they
   * share, and the stories of its `neighbours` nearest earlier articles.
   * `posted` gives the story a posting stands for now if it can take the
   * article, `neighbour` the same for a neighbour's story.
   */
  candidates(
    profile: Profile,
    weights: Weights<S>,
    time: number,
    posted: (story: S) => S | undefined,
    neighbour: (story: S) => S | undefined,
  ): { shared: Map<S, number>; near: Map<S, NeighbourHits> } {
    const { entities, terms, title } = weights.walks;
    // The article as the neighbour index holds articles (entities and body words), its keys the window has seen by their ids.
    const query: Query = { ids: [], values: [], norm: 0 };
    // The rarest keys find the candidates; a key most articles share (a stopword that slipped through) finds none.
    const n = this.size;
    const lookup: Lookup<S>[] = [];
    let sum = 0;
    const visit = (walk: Walk<S>, inQuery: boolean): void => {
      for (let j = 0; j < walk.keys.length; j++) {
        const entry = walk.entries[j];
        const idf = walk.idf[j]!;
        let at = -1;
        if (inQuery) {
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
    const shared = new Map<S, number>();
    for (const { idf: weight, entry: { stories: list } } of rarest) {
      // Newest first, and only the stories that can still take articles: the bound holds however long the list.
      for (let j = list.length - 1, seen = 0; j >= 0 && seen < this.options.maxPostings; j--) {
        const story = posted(list[j]!);
        if (story === undefined) continue;
        seen++;
        shared.set(story, (shared.get(story) ?? 0) + weight);
      }
    }
    const near = this.nearStories(
      query,
      rarest.filter((l) => l.at >= 0).map((l) => l.at),
      time,
      neighbour,
    );
    return { shared, near };
  }

  /**
   * Indexes an article of `story` under its keys (`weights`: as it was
   * matched), and drops the oldest articles past the window size, each
   * handed to `leave` once its keys stopped counting.
   */
  add(articleId: string, arrival: number, story: S, profile: Profile, weights: Weights<S>, time: number, leave: (article: IndexedArticle<S>) => void): void {
    const { entities, terms, title } = weights.walks;
    const entries: KeyEntry<S>[] = [];
    // The neighbour index stores the entities and body words under the IDF the article was matched with.
    const ids: number[] = [];
    const values: number[] = [];
    const take = (walk: Walk<S>, inQuery: boolean): void => {
      for (let j = 0; j < walk.keys.length; j++) {
        const key = walk.keys[j]!;
        // A title's words are among the body's keys already.
        if (walk === title && profile.terms.has(key)) continue;
        let entry = walk.entries[j];
        if (!entry) this.keys.set(key, (entry = walk.entries[j] = { key, id: this.neighbourIndex.newKey(), df: 0, stories: [] }));
        entry.df++;
        post(entry.stories, story, this.options.maxPostings);
        entries.push(entry);
        if (inQuery) {
          ids.push(entry.id);
          values.push(walk.values[j]! * walk.idf[j]!);
        }
      }
    };
    take(entities, true);
    take(terms, true);
    take(title, false);
    this.neighbourIndex.add(arrival, ids, values, time);
    this.window.push({ articleId, arrival, keys: entries, story });
    this.expire(leave);
  }

  /** An article's entities and body words under the IDF it was matched with, at unit length (ids ascending), as the neighbour index holds them. */
  vectorOf(arrival: number): { ids: Int32Array; weights: Float32Array; time: number } | undefined {
    return this.neighbourIndex.vector(arrival);
  }

  /** An article of the window now belongs to `story` (a story was cut): its neighbours lead there, and its keys post it. */
  move(arrival: number, story: S): void {
    const article = this.articleAt(arrival);
    if (!article) return;
    article.story = story;
    for (const entry of article.keys) post(entry.stories, story, this.options.maxPostings);
  }

  /**
   * The stories of the article's nearest earlier articles (those that can
   * still take it): for each, the best similarity to one of its members and
   * whether it holds the very nearest.
   */
  private nearStories(query: Query, lookup: readonly number[], time: number, neighbour: (story: S) => S | undefined): Map<S, NeighbourHits> {
    const near = new Map<S, NeighbourHits>();
    const found = this.neighbourIndex.nearest(query.ids, query.values, query.norm, lookup, time, this.options.windowDays * DAY_MS, this.options.neighbours);
    let eligible = 0;
    found.forEach((n: Neighbour) => {
      const article = this.articleAt(n.arrival);
      if (!article) return;
      const story = neighbour(article.story);
      if (story === undefined) return;
      const hits = near.get(story);
      near.set(story, { similarity: Math.max(hits?.similarity ?? 0, n.similarity), nearest: (hits?.nearest ?? false) || eligible === 0, count: (hits?.count ?? 0) + 1, of: 0 });
      eligible++;
    });
    // Votes are shares of the neighbours whose stories can take the article (a full story cannot).
    for (const hits of near.values()) hits.of = eligible;
    return near;
  }

  /** The window's article of an arrival number (arrivals are consecutive along the window). */
  private articleAt(arrival: number): IndexedArticle<S> | undefined {
    const first = this.window[this.windowStart];
    if (!first || arrival < first.arrival) return undefined;
    return this.window[this.windowStart + arrival - first.arrival];
  }

  /** Drops the oldest articles past the window size: their keys stop counting, then `leave` is told. */
  private expire(leave: (article: IndexedArticle<S>) => void): void {
    while (this.size > this.options.windowArticles) {
      const old = this.window[this.windowStart++]!;
      for (const entry of old.keys) {
        if (--entry.df <= 0) {
          this.keys.delete(entry.key);
          this.neighbourIndex.forgetKey(entry.id);
        }
      }
      this.neighbourIndex.remove(old.arrival);
      leave(old);
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
export function top<T>(items: readonly T[], k: number, before: (a: T, b: T) => boolean): T[] {
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
function post<S>(list: S[], story: S, maxPostings: number): void {
  if (list[list.length - 1] === story) return;
  list.push(story);
  // Trimmed in batches: the most recent stories stay, the cost of a trim is spread over many additions.
  if (list.length > 2 * maxPostings) list.splice(0, list.length - maxPostings);
}
