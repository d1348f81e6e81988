import { readFileSync } from 'node:fs';

/** The story gold of `../shared/eval/dev/stories/` (see its README): one real event per story, members scored, mentions not. */
export interface StoryGold {
  about?: string;
  stories: Array<{ label: string; date?: string; members: string[]; mentions?: string[] }>;
  hardNegatives: Array<{ url: string; nearStory: string; why?: string; title?: string }>;
}

export interface StoryScore {
  precision: number;
  recall: number;
  f1: number;
  macroF1: number;
  members: number;
  placed: number;
  hardNegativesJoined: StoryGold['hardNegatives'];
  hardNegatives: number;
  perStory: Array<{
    label: string;
    members: number;
    precision: number;
    recall: number;
    f1: number;
    /** System clusters the story's members are in (an unplaced member counts as its own piece). */
    pieces: number;
    largestPiece: number;
    /** Articles in the story's clusters that are neither its members nor its mentions, by url. */
    joined: string[];
  }>;
}

export function readStoryGold(path: string): StoryGold {
  const gold = JSON.parse(readFileSync(path, 'utf8')) as StoryGold;
  if (!Array.isArray(gold.stories) || !Array.isArray(gold.hardNegatives)) throw new Error(`${path} is not story gold ({stories, hardNegatives})`);
  return gold;
}

const f1 = (p: number, r: number): number => (p + r > 0 ? (2 * p * r) / (p + r) : 0);

/**
 * Scores a clustering (url → cluster) against story gold the way the gold's
 * `score.py` does: B-cubed over member urls only (an unplaced member is its
 * own singleton), per-story F1 from the story's mean P and R, macro-F1 their
 * mean, and hard negatives placed with at least one member of their
 * `nearStory`.
 */
export function scoreStories(gold: StoryGold, clusterOf: ReadonlyMap<string, string>): StoryScore {
  const storyOf = new Map<string, number>();
  gold.stories.forEach((s, i) => s.members.forEach((u) => storyOf.set(u, i)));
  const membersIn = new Map<string, string[]>();
  for (const u of storyOf.keys()) {
    const c = clusterOf.get(u);
    if (c !== undefined) membersIn.set(c, [...(membersIn.get(c) ?? []), u]);
  }
  const clusterMembers = (u: string): string[] => {
    const c = clusterOf.get(u);
    return c === undefined ? [u] : membersIn.get(c)!;
  };
  const goldSize = gold.stories.map((s) => s.members.length);
  const p = new Map<string, number>();
  const r = new Map<string, number>();
  for (const [u, g] of storyOf) {
    const c = clusterMembers(u);
    const inter = c.filter((v) => storyOf.get(v) === g).length;
    p.set(u, inter / c.length);
    r.set(u, inter / goldSize[g]!);
  }
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const precision = mean([...p.values()]);
  const recall = mean([...r.values()]);

  const urlsIn = new Map<string, string[]>();
  for (const [u, c] of clusterOf) urlsIn.set(c, [...(urlsIn.get(c) ?? []), u]);
  const perStory = gold.stories.map((s) => {
    const sp = mean(s.members.map((u) => p.get(u)!));
    const sr = mean(s.members.map((u) => r.get(u)!));
    const pieces = new Map<string, number>();
    let unplaced = 0;
    for (const u of s.members) {
      const c = clusterOf.get(u);
      if (c === undefined) unplaced++;
      else pieces.set(c, (pieces.get(c) ?? 0) + 1);
    }
    const known = new Set([...s.members, ...(s.mentions ?? [])]);
    const joined = [...pieces.keys()].flatMap((c) => urlsIn.get(c)!.filter((u) => !known.has(u)));
    return {
      label: s.label,
      members: s.members.length,
      precision: sp,
      recall: sr,
      f1: f1(sp, sr),
      pieces: pieces.size + unplaced,
      largestPiece: Math.max(unplaced > 0 ? 1 : 0, ...pieces.values()),
      joined,
    };
  });
  const labelIndex = new Map(gold.stories.map((s, i) => [s.label, i]));
  const hardNegativesJoined = gold.hardNegatives.filter((h) => {
    const c = clusterOf.get(h.url);
    return c !== undefined && (membersIn.get(c) ?? []).some((u) => storyOf.get(u) === labelIndex.get(h.nearStory));
  });
  return {
    precision,
    recall,
    f1: f1(precision, recall),
    macroF1: mean(perStory.map((s) => s.f1)),
    members: storyOf.size,
    placed: [...storyOf.keys()].filter((u) => clusterOf.has(u)).length,
    hardNegativesJoined,
    hardNegatives: gold.hardNegatives.length,
    perStory,
  };
}
