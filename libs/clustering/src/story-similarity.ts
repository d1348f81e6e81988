import type { Walk, Weights } from './candidate-index';
import { JOIN_FEATURES, joinProbability, JoinModel } from './join-model';
import type { SparseVector } from './sparse-vector';
import { gapDays, Norms, Profile } from './story-profile';

/** Shared rare keys count up to this many. */
const RARE_CAP = 5;

/** One side of a comparison: an article, or a story compared whole. */
export interface Side {
  profile: Profile;
  size: number;
  /** Publication times (ms) of the first and last members. */
  firstSeen: number;
  lastSeen: number;
  /** null: the language is not known, and words are compared anyway. */
  languages: Set<string> | null;
  type: string | null;
  norms: Norms;
}

/** How close the members of two stories (or an article and a story's members) come. */
export interface Link {
  similarity: number;
  nearest: boolean;
  /** Nearest-neighbour relations between the two (an article's neighbours in the story; for stories, all their members'). */
  count: number;
  /** For an article: how many of its neighbours could take it, of which `count` are in the story. */
  of?: number;
}

export const NO_LINK: Link = { similarity: 0, nearest: false, count: 0 };

/**
 * The join decision: how likely `a` (an article, or the smaller of two
 * stories compared whole) reports `b`'s event, and the probabilities above
 * which an article joins and two stories merge. `features` are what the
 * decision saw (`explain` shows them, training learns from them);
 * `probability` turns them into the decision. The clusterer finds the
 * candidates and keeps the stories; a similarity only compares.
 */
export interface StorySimilarity {
  readonly joinThreshold: number;
  readonly mergeThreshold: number;
  /** `w`: `a`'s weights under the window's IDF (its keys walked once). */
  features(a: Side, w: Weights, b: Side, link: Link): number[];
  probability(features: readonly number[]): number;
}

/**
 * The learned similarity: per-feature similarities (`JOIN_FEATURES`) of
 * entities, bodies and titles under the window's IDF, shared rare keys, the
 * gap in time, the story's size, event type and nearest-neighbour evidence,
 * through the join model's weights and logistic.
 */
export class JoinModelSimilarity implements StorySimilarity {
  readonly joinThreshold: number;
  readonly mergeThreshold: number;

  /** `neighbours`: nearest earlier articles looked at per article (a story's votes are shares of its members' k relations). */
  constructor(
    private readonly model: JoinModel,
    private readonly neighbours: number,
  ) {
    this.joinThreshold = model.joinThreshold;
    this.mergeThreshold = model.mergeThreshold;
  }

  probability(features: readonly number[]): number {
    return joinProbability(this.model, features);
  }

  /** Dot products walk `a`'s keys with the IDF in `w`, worked out once for `a`. */
  features(a: Side, w: Weights, b: Side, link: Link): number[] {
    const sameLanguage = a.languages === null || b.languages === null || [...a.languages].some((l) => b.languages!.has(l));
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
    const gap = Number.isNaN(b.firstSeen) ? 0 : Math.min(gapDays(b.firstSeen, b.lastSeen, a.firstSeen), gapDays(b.firstSeen, b.lastSeen, a.lastSeen));
    const values: Record<(typeof JOIN_FEATURES)[number], number> = {
      entity,
      body,
      title,
      titleBody,
      coverage,
      rare: Math.min(e.rare + t.rare, RARE_CAP) / RARE_CAP,
      gap: Math.log1p(gap),
      size: Math.log1p(b.size),
      sameType: a.type !== null && a.type === b.type ? 1 : 0,
      neighbour: link.similarity,
      nearest: link.nearest ? 1 : 0,
      // Of the smaller side's neighbour relations (an article's that could take it; k per member of a story), the share that lands in the other side.
      votes: Math.min(1, link.count / (link.of ?? this.neighbours * Math.min(a.size, b.size))),
    };
    return JOIN_FEATURES.map((f) => values[f]);
  }
}

/** One walk over `x` (with its IDF) gives its dot product with `y`, the IDF mass they share and the rare keys among it. */
function walk(x: Walk, y: SparseVector): { dot: number; all: number; hit: number; rare: number } {
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
}

function cos(dot: number, nx: number, ny: number): number {
  return nx > 0 && ny > 0 ? Math.min(1, dot / (nx * ny)) : 0;
}
