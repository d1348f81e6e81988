import type { EventExtractedV1 } from '@eventwire/contracts';

export interface ClustererOptions {
  /** Share of the article's entity weight a story must cover for the article to join it. */
  joinThreshold: number;
  /** Stories whose newest article is older than this (by event or ingest date) take no new articles. */
  windowDays: number;
  /** Candidate stories scored per article, the most-shared first: bounds the cost per article. */
  maxCandidates: number;
}

export const DEFAULT_CLUSTERER_OPTIONS: ClustererOptions = { joinThreshold: 0.5, windowDays: 14, maxCandidates: 50 };

export interface StoryState {
  storyId: string;
  version: number;
  articles: EventExtractedV1[];
  /** Entity id → number of member articles naming it. */
  entityCounts: Map<string, number>;
  lastSeen: number;
}

export type ClusterOutcome =
  | { kind: 'duplicate'; storyId: string }
  | { kind: 'joined' | 'created'; storyId: string; score: number };

const DAY_MS = 86_400_000;

function articleTime(event: EventExtractedV1): number {
  return Date.parse(event.eventDate.date ?? event.publishedAt ?? event.ingestedAt);
}

/**
 * Streaming story clustering on shared canonical entities. Each article is
 * scored against the stories that share an entity with it (an inverted
 * index, so the cost depends on the candidates, not on how many stories
 * exist): the score is the share of the article's entity weight that the
 * story also names, each entity weighted by its rarity among the stories in
 * the window (a country named everywhere counts for less than a person named
 * in one story). The article joins the best story at or above the threshold,
 * else opens a new one. An article id seen before changes nothing.
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
    const entityIds = [...new Set(event.entities.map((e) => e.id))];
    const best = this.bestCandidate(entityIds, time);
    let story: StoryState;
    let kind: 'joined' | 'created';
    if (best && best.score >= this.options.joinThreshold) {
      story = this.stories.get(best.storyId)!;
      kind = 'joined';
    } else {
      story = { storyId: `story-${event.articleId}`, version: 0, articles: [], entityCounts: new Map(), lastSeen: time };
      this.stories.set(story.storyId, story);
      kind = 'created';
    }
    story.articles.push(event);
    story.version += 1;
    story.lastSeen = Math.max(story.lastSeen, Number.isNaN(time) ? story.lastSeen : time);
    for (const id of entityIds) {
      story.entityCounts.set(id, (story.entityCounts.get(id) ?? 0) + 1);
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

  private weight(entityId: string): number {
    const df = this.postings.get(entityId)?.size ?? 0;
    return Math.log(1 + (this.stories.size + 1) / (df + 1));
  }

  private bestCandidate(entityIds: string[], time: number): { storyId: string; score: number } | null {
    if (entityIds.length === 0) return null;
    const shared = new Map<string, number>();
    for (const id of entityIds) {
      for (const storyId of this.postings.get(id) ?? []) shared.set(storyId, (shared.get(storyId) ?? 0) + 1);
    }
    const candidates = [...shared.entries()].sort((a, b) => b[1] - a[1]).slice(0, this.options.maxCandidates);
    const weights = new Map(entityIds.map((id) => [id, this.weight(id)]));
    const total = [...weights.values()].reduce((a, b) => a + b, 0);
    let best: { storyId: string; score: number } | null = null;
    for (const [storyId] of candidates) {
      const story = this.stories.get(storyId)!;
      if (!Number.isNaN(time) && Math.abs(time - story.lastSeen) > this.options.windowDays * DAY_MS) continue;
      let covered = 0;
      for (const id of entityIds) if (story.entityCounts.has(id)) covered += weights.get(id)!;
      const score = total > 0 ? covered / total : 0;
      if (!best || score > best.score) best = { storyId, score };
    }
    return best;
  }
}
