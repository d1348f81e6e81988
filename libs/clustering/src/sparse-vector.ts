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

/** Keeps the heaviest `max` entries (ties by key) once the vector has twice as many, so that pruning is rare; true when it pruned. */
export function prune(v: SparseVector, max: number): boolean {
  if (v.size <= 2 * max) return false;
  const kept = [...v].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, max);
  v.clear();
  for (const [k, w] of kept) v.set(k, w);
  return true;
}
