/** A sparse vector: key → weight. */
export type SparseVector = Map<string, number>;

/** The vector scaled to unit length (an empty one stays empty). */
export function unit(v: SparseVector): SparseVector {
  let sum = 0;
  for (const w of v.values()) sum += w * w;
  if (sum === 0) return v;
  const n = Math.sqrt(sum);
  for (const [k, w] of v) v.set(k, w / n);
  return v;
}

/** Adds `from` into `into`. */
export function addInto(into: SparseVector, from: SparseVector): void {
  for (const [k, w] of from) into.set(k, (into.get(k) ?? 0) + w);
}

/** Adds a member's unit vector into a story's sum. */
export const addUnit = addInto;

/** Norm of a vector under per-key weights (IDF). */
export function weightedNorm(v: SparseVector, weight: (key: string) => number): number {
  let sum = 0;
  for (const [k, w] of v) sum += (w * weight(k)) ** 2;
  return Math.sqrt(sum);
}

/** Dot product under per-key weights (IDF on both sides), walking the smaller vector. */
export function weightedDot(a: SparseVector, b: SparseVector, weight: (key: string) => number): number {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [k, w] of small) {
    const v = big.get(k);
    if (v !== undefined) sum += w * v * weight(k) ** 2;
  }
  return sum;
}

/** Cosine under per-key weights; 0 when either side is empty. Norms may be given when known. */
export function cosine(a: SparseVector, b: SparseVector, weight: (key: string) => number, normA?: number, normB?: number): number {
  if (a.size === 0 || b.size === 0) return 0;
  const dot = weightedDot(a, b, weight);
  if (dot === 0) return 0;
  const na = normA ?? weightedNorm(a, weight);
  const nb = normB ?? weightedNorm(b, weight);
  return na > 0 && nb > 0 ? Math.min(1, dot / (na * nb)) : 0;
}

/** Share of `a`'s weighted mass (weight × key weight) on keys `b` also has. */
export function shareOf(a: SparseVector, b: SparseVector, weight: (key: string) => number): number {
  let all = 0;
  let shared = 0;
  for (const [k, w] of a) {
    const x = w * weight(k);
    all += x;
    if (b.has(k)) shared += x;
  }
  return all > 0 ? shared / all : 0;
}

/** Keeps the heaviest `max` entries (ties by key) once the vector has twice as many, so that pruning is rare; true when it pruned. */
export function prune(v: SparseVector, max: number): boolean {
  if (v.size <= 2 * max) return false;
  const kept = [...v].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, max);
  v.clear();
  for (const [k, w] of kept) v.set(k, w);
  return true;
}
