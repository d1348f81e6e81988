import type { EventExtractedV1 } from '@eventwire/contracts';

export interface ClustererOptions {
  /** Cosine similarity (entity TF-IDF) an article needs with a story to join it. */
  joinThreshold: number;
  /** Stories whose newest article is older than this (by event or ingest date) take no new articles. */
  windowDays: number;
  /** Candidate stories scored per article, the most-shared first: bounds the cost per article. */
  maxCandidates: number;
}

export const DEFAULT_CLUSTERER_OPTIONS: ClustererOptions = { joinThreshold: 0.4, windowDays: 14, maxCandidates: 50 };

export interface StoryState {
  storyId: string;
  version: number;
  articles: EventExtractedV1[];
  /** Entity id → number of member articles naming it. */
  entityCounts: Map<string, number>;
  /** Entity id → summed term weight over the member articles: the story's entity profile. */
  entityWeights: Map<string, number>;
  lastSeen: number;
}

export type ClusterOutcome =
  | { kind: 'duplicate'; storyId: string }
  | { kind: 'joined' | 'created'; storyId: string; score: number };

const DAY_MS = 86_400_000;

/** When the event happened, as far as the article says; NaN when it does not (ingest time is not event time). */
function articleTime(event: EventExtractedV1): number {
  const when = event.eventDate.date ?? event.publishedAt;
  return when ? Date.parse(when) : Number.NaN;
}

/** Sublinear term weight of an entity in one article: the fifth mention says less than the second. */
function termWeights(event: EventExtractedV1): Map<string, number> {
  const out = new Map<string, number>();
  for (const entity of event.entities) {
    const count = Math.max(1, entity.mentions.length);
    out.set(entity.id, (out.get(entity.id) ?? 0) + 1 + Math.log(count));
  }
  return out;
}

/**
 * Streaming story clustering on shared canonical entities. Each article is
 * scored against the stories that share an entity with it (an inverted
 * index, so the cost depends on the candidates, not on how many stories
 * exist): the score is the cosine between the article's entity profile and
 * the story's, each entity weighted by how often it is mentioned and by its
 * rarity among stories (a country named everywhere counts for less than a
 * person named in one story). The article joins the best story at or above
 * the threshold, else opens a new one. An article id seen before changes nothing.
 */
export class StoryClusterer {
  private readonly stories = new Map<string, StoryState>();
  private readonly storyOfArticle = new Map<string, string>();
  private readonly postings = new Map<string, Set<string>>();

  constructor(private readonly options: ClustererOptions = DEFAULT_CLUSTERER_OPTIONS) {}

  add(event: EventExtractedV1): ClusterOutcome {
    const known = this.storyOfArticle.get(event.articleId);
    if (known) return { kind: 'duplicate', storyId: known };

    const time = articleTime(event);
    const terms = termWeights(event);
    const best = this.bestCandidate(terms, time);
    let story: StoryState;
    let kind: 'joined' | 'created';
    if (best && best.score >= this.options.joinThreshold) {
      story = this.stories.get(best.storyId)!;
      kind = 'joined';
    } else {
      story = {
        storyId: `story-${event.articleId}`,
        version: 0,
        articles: [],
        entityCounts: new Map(),
        entityWeights: new Map(),
        lastSeen: Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time,
      };
      this.stories.set(story.storyId, story);
      kind = 'created';
    }
    story.articles.push(event);
    story.version += 1;
    story.lastSeen = Math.max(story.lastSeen, Number.isNaN(time) ? story.lastSeen : time);
    for (const [id, weight] of terms) {
      story.entityCounts.set(id, (story.entityCounts.get(id) ?? 0) + 1);
      story.entityWeights.set(id, (story.entityWeights.get(id) ?? 0) + weight);
      let posting = this.postings.get(id);
      if (!posting) this.postings.set(id, (posting = new Set()));
      posting.add(story.storyId);
    }
    this.storyOfArticle.set(event.articleId, story.storyId);
    return { kind, storyId: story.storyId, score: kind === 'joined' ? best!.score : 0 };
  }

  get(storyId: string): StoryState | undefined {
    return this.stories.get(storyId);
  }

  storyOf(articleId: string): string | undefined {
    return this.storyOfArticle.get(articleId);
  }

  get size(): number {
    return this.stories.size;
  }

  private idf(entityId: string): number {
    const df = this.postings.get(entityId)?.size ?? 0;
    return Math.log(1 + (this.stories.size + 1) / (df + 1));
  }

  private bestCandidate(terms: Map<string, number>, time: number): { storyId: string; score: number } | null {
    if (terms.size === 0) return null;
    const shared = new Map<string, number>();
    for (const id of terms.keys()) {
      for (const storyId of this.postings.get(id) ?? []) shared.set(storyId, (shared.get(storyId) ?? 0) + 1);
    }
    const candidates = [...shared.entries()].sort((a, b) => b[1] - a[1]).slice(0, this.options.maxCandidates);
    const idf = new Map<string, number>();
    const idfOf = (id: string): number => {
      let value = idf.get(id);
      if (value === undefined) idf.set(id, (value = this.idf(id)));
      return value;
    };
    let articleNorm = 0;
    for (const [id, w] of terms) articleNorm += (w * idfOf(id)) ** 2;
    let best: { storyId: string; score: number } | null = null;
    for (const [storyId] of candidates) {
      const story = this.stories.get(storyId)!;
      const dated = !Number.isNaN(time) && Number.isFinite(story.lastSeen);
      if (dated && Math.abs(time - story.lastSeen) > this.options.windowDays * DAY_MS) continue;
      let dot = 0;
      let storyNorm = 0;
      for (const [id, w] of story.entityWeights) {
        const weighted = w * idfOf(id);
        storyNorm += weighted ** 2;
        const mine = terms.get(id);
        if (mine !== undefined) dot += mine * idfOf(id) * weighted;
      }
      const score = dot / Math.sqrt(articleNorm * storyNorm);
      if (!best || score > best.score) best = { storyId, score };
    }
    return best;
  }
}
