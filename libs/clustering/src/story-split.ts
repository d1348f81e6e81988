import { sortedDot } from './neighbour-index';
import { DAY_MS } from './story-profile';

/**
 * A member as the split compares it: its entities and body words under the
 * IDF it was matched with, at unit length, as interned key ids in
 * ascending order with their weights (the neighbour index's vector of the
 * article), and when it came out.
 */
export interface SplitMember {
  ids: Int32Array;
  weights: Float32Array;
  time: number;
}

/** A member from keys of any kind and their weights: keys interned in `ids` (which it extends), ascending, at unit length. */
export function splitMember(weighted: Iterable<readonly [string, number]>, time: number, ids: Map<string, number>): SplitMember {
  const pairs: Array<[number, number]> = [];
  for (const [key, weight] of weighted) {
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    pairs.push([id, weight]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const norm = Math.sqrt(pairs.reduce((sum, [, w]) => sum + w * w, 0)) || 1;
  return { ids: Int32Array.from(pairs, ([id]) => id), weights: Float32Array.from(pairs, ([, w]) => w / norm), time };
}

export interface SplitOptions {
  /** Days over which closeness fades to 1/e: members days apart are less one event than the same words on one day. */
  tauDays: number;
  /** The average closeness below which two groups stay apart. */
  cut: number;
  /** Groups smaller than this are not stories of their own: they go to the group they are closest to on average. */
  minGroup: number;
}

/**
 * Cuts a story's members into the events they report: average-link
 * clustering over cosine similarity times exp(-days apart / tau), stopped
 * once no two groups are closer than `cut` on average. Topic threads (one
 * front's daily news joined member by member) part where time runs between
 * their events; one event's members, days apart in its follow-up, stay
 * together through the many close pairs between them. Returns groups of
 * member indices, the group of member 0 first; one group when the story
 * holds together.
 *
 * Written here, not taken from a library: the npm hierarchical-clustering
 * packages (ml-hclust and the like) build a full dendrogram over a dense
 * distance matrix with no threshold stop or small-group rule, and the
 * nearest-neighbour chain below needs only the similarity matrix.
 * Average link is reducible, so the nearest-neighbour chain finds the same
 * groups as merging the closest pair first, in O(n²) time and memory.
 */
export function splitStory(members: readonly SplitMember[], options: SplitOptions): number[][] {
  const n = members.length;
  if (n < 2 * options.minGroup) return [members.map((_, i) => i)];
  // Sums of pairwise closeness between groups (Lance–Williams for average link: sums add up on a merge).
  const sum = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const a = members[i]!;
    for (let j = i + 1; j < n; j++) {
      const b = members[j]!;
      const dot = sortedDot(a.ids, a.weights, b.ids, b.weights);
      if (dot === 0) continue;
      const apart = Math.abs(a.time - b.time) / DAY_MS;
      sum[i * n + j] = sum[j * n + i] = dot * Math.exp(-apart / options.tauDays);
    }
  }
  const size = new Array<number>(n).fill(1);
  const groups: number[][] = members.map((_, i) => [i]);
  const average = (g: number, h: number): number => sum[g * n + h]! / (size[g]! * size[h]!);
  // Groups still looking for a partner; a group whose closest is under the cut never reaches it again (reducibility).
  const open = new Set(groups.keys());
  /** The open group closest to `g` (on a tie the one it came from, so the chain cannot cycle, then the lowest index). */
  const closest = (g: number, from: number | undefined): { to: number; close: number } => {
    let to = -1;
    let close = -Infinity;
    for (const h of open) {
      if (h === g) continue;
      const a = average(g, h);
      if (a > close || (a === close && (h === from || (to !== from && h < to)))) [to, close] = [h, a];
    }
    return { to, close };
  };
  const chain: number[] = [];
  while (open.size > 1) {
    if (chain.length === 0) chain.push(open.values().next().value!);
    const top = chain[chain.length - 1]!;
    const from = chain.length >= 2 ? chain[chain.length - 2] : undefined;
    const { to, close } = closest(top, from);
    if (to < 0 || close < options.cut) {
      // Nothing is close enough to this group now, nor will be: it is done.
      open.delete(top);
      chain.length = 0;
      continue;
    }
    if (to !== from) {
      chain.push(to);
      continue;
    }
    // Each other's closest: `to` goes into `top`.
    chain.length -= 2;
    for (let k = 0; k < n; k++) {
      if (k === top || k === to) continue;
      sum[top * n + k] = sum[k * n + top] = sum[top * n + k]! + sum[to * n + k]!;
    }
    size[top] = size[top]! + size[to]!;
    groups[top] = groups[top]!.concat(groups[to]!);
    groups[to] = [];
    open.delete(to);
  }
  const formed = [...groups.keys()].filter((g) => groups[g]!.length > 0);
  const kept = formed.filter((g) => groups[g]!.length >= options.minGroup);
  if (kept.length <= 1) return [members.map((_, i) => i)];
  for (const small of formed.filter((g) => groups[g]!.length < options.minGroup)) {
    let best = kept[0]!;
    for (const g of kept) if (average(small, g) > average(small, best)) best = g;
    groups[best]!.push(...groups[small]!);
  }
  return kept.map((g) => groups[g]!.sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);
}
