import { normalizeArabic, tokenize } from '@eventwire/text';

const DAY_MS = 86_400_000;
const COMMON_SHARE = 0.05;

interface Cluster {
  id: string;
  /** Sum of the members' unit TF-IDF vectors (IDF as of each member's arrival). */
  centroid: Map<string, number>;
  norm: number;
  last: number;
}

/**
 * The naive baseline of the story gold's README, for reporting beside
 * eventwire: single pass in arrival order, TF-IDF (document frequencies of
 * the stream so far) of the title and body words, cosine of an article to
 * each cluster's centroid among clusters active in the last `windowDays`,
 * join the best at or above `threshold`, else open a cluster. No entities,
 * no stemming beyond the normaliser, no merging; words in more than 5% of
 * the articles so far are left out (their IDF is low, and walking them for
 * every cluster made the baseline slower than the pipeline).
 */
export class NaiveStoryClusterer {
  private readonly clusters: Cluster[] = [];
  private readonly df = new Map<string, number>();
  private readonly postings = new Map<string, Cluster[]>();
  private docs = 0;
  private readonly clusterOf = new Map<string, string>();

  constructor(
    private readonly threshold: number,
    private readonly windowDays = 3,
  ) {}

  add(key: string, text: string, time: number): string {
    const tf = new Map<string, number>();
    for (const t of tokenize(text)) {
      const w = normalizeArabic(t.norm);
      if (w.length < 2) continue;
      tf.set(w, (tf.get(w) ?? 0) + 1);
    }
    this.docs++;
    for (const w of tf.keys()) this.df.set(w, (this.df.get(w) ?? 0) + 1);
    const vector = new Map<string, number>();
    let sum = 0;
    for (const [w, n] of tf) {
      // A word in more than 5% of the articles so far is a stopword to this baseline (its IDF is low anyway).
      if (this.docs >= 100 && this.df.get(w)! > COMMON_SHARE * this.docs) continue;
      const x = n * Math.log((this.docs + 1) / (this.df.get(w)! + 0.5));
      vector.set(w, x);
      sum += x * x;
    }
    const norm = Math.sqrt(sum) || 1;
    for (const [w, x] of vector) vector.set(w, x / norm);

    // Dot products accumulated word by word over the clusters holding the word: exact for the words kept.
    const dots = new Map<Cluster, number>();
    for (const [w, x] of vector) {
      const list = this.postings.get(w);
      if (!list) continue;
      let live = 0;
      for (const c of list) {
        if (time - c.last > this.windowDays * DAY_MS) continue;
        list[live++] = c;
        dots.set(c, (dots.get(c) ?? 0) + x * c.centroid.get(w)!);
      }
      list.length = live;
    }
    let best: Cluster | null = null;
    let bestScore = -1;
    for (const [c, dot] of dots) {
      const score = dot / (c.norm || 1);
      if (score > bestScore || (score === bestScore && best !== null && c.id < best.id)) [best, bestScore] = [c, score];
    }
    let target: Cluster;
    if (best && bestScore >= this.threshold) target = best;
    else {
      target = { id: `naive-${this.clusters.length}`, centroid: new Map(), norm: 0, last: time };
      this.clusters.push(target);
    }
    let n2 = 0;
    for (const [w, x] of vector) {
      const old = target.centroid.get(w);
      target.centroid.set(w, (old ?? 0) + x);
      if (old !== undefined) continue;
      let list = this.postings.get(w);
      if (!list) this.postings.set(w, (list = []));
      list.push(target);
    }
    for (const x of target.centroid.values()) n2 += x * x;
    target.norm = Math.sqrt(n2);
    target.last = Math.max(target.last, time);
    this.clusterOf.set(key, target.id);
    return target.id;
  }

  assignments(): ReadonlyMap<string, string> {
    return this.clusterOf;
  }
}
