/** Precision, recall and F1 of a clustering against gold labels. */
export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

const f1 = (p: number, r: number): number => (p + r > 0 ? (2 * p * r) / (p + r) : 0);

/**
 * Scores of a clustering against gold: `predicted` and `gold` map item ids
 * to cluster and label. Only items in both are scored (an item the gold does
 * not label says nothing). Pairwise: over all pairs of items, a pair in one
 * predicted cluster is right when the gold puts it in one story. B-cubed
 * (Bagga and Baldwin, 1998): per item, the share of its predicted cluster
 * that shares its label (precision) and the share of its label's items in
 * its predicted cluster (recall), averaged over items.
 */
export function clusterScores(predicted: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): { pairwise: Prf; bcubed: Prf; items: number } {
  const items = [...gold.keys()].filter((id) => predicted.has(id));
  const byCluster = new Map<string, string[]>();
  const byLabel = new Map<string, string[]>();
  for (const id of items) {
    const c = predicted.get(id)!;
    const l = gold.get(id)!;
    byCluster.set(c, [...(byCluster.get(c) ?? []), id]);
    byLabel.set(l, [...(byLabel.get(l) ?? []), id]);
  }
  // Pairwise, by counting: pairs in a cluster, pairs in a label, pairs in both (cells of the contingency table).
  const pairs = (n: number): number => (n * (n - 1)) / 2;
  const cells = new Map<string, number>();
  for (const id of items) {
    const key = `${predicted.get(id)}\u0000${gold.get(id)}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
  let both = 0;
  for (const n of cells.values()) both += pairs(n);
  let predictedPairs = 0;
  for (const list of byCluster.values()) predictedPairs += pairs(list.length);
  let goldPairs = 0;
  for (const list of byLabel.values()) goldPairs += pairs(list.length);
  const pp = predictedPairs === 0 ? 1 : both / predictedPairs;
  const pr = goldPairs === 0 ? 1 : both / goldPairs;

  let bp = 0;
  let br = 0;
  for (const id of items) {
    const cell = cells.get(`${predicted.get(id)}\u0000${gold.get(id)}`)!;
    bp += cell / byCluster.get(predicted.get(id)!)!.length;
    br += cell / byLabel.get(gold.get(id)!)!.length;
  }
  const n = Math.max(1, items.length);
  return {
    pairwise: { precision: pp, recall: pr, f1: f1(pp, pr) },
    bcubed: { precision: bp / n, recall: br / n, f1: f1(bp / n, br / n) },
    items: items.length,
  };
}
