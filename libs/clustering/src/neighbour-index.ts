/** An article's nearest earlier article: its arrival number and their cosine. */
export interface Neighbour {
  arrival: number;
  similarity: number;
}

/** A stored article vector: key ids ascending, their weights (unit length), and when the article came out. */
interface Entry {
  ids: Int32Array;
  weights: Float32Array;
  time: number;
}

/**
 * The recent articles, each as one unit TF-IDF vector (entities and words
 * together, IDF as of its arrival), and an inverted index over them: which
 * earlier articles an article is most like. A story's centroid blurs as a
 * thread grows (a war front's centroid is near every article of that war),
 * while an aftermath piece, a reaction or a column is usually nearest to
 * another member of its own event: the nearest neighbours are that second
 * opinion. Vectors are typed arrays over interned key ids (a window of
 * 100,000 articles holds tens of millions of entries: maps would not fit);
 * each key keeps its newest `maxPostings` articles.
 */
export class NeighbourIndex {
  private readonly ids = new Map<string, number>();
  private readonly entries = new Map<number, Entry>();
  private readonly postings = new Map<number, number[]>();
  private nextId = 0;

  constructor(
    private readonly maxPostings: number,
    private readonly maxVerified: number,
  ) {}

  /** Stores an article's vector (key → weight, any scale) under its arrival number. */
  add(arrival: number, vector: ReadonlyMap<string, number>, time: number): void {
    const pairs: Array<[number, number]> = [];
    let sum = 0;
    for (const [key, w] of vector) {
      let id = this.ids.get(key);
      if (id === undefined) this.ids.set(key, (id = this.nextId++));
      pairs.push([id, w]);
      sum += w * w;
    }
    if (sum === 0) return;
    pairs.sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(sum);
    const ids = new Int32Array(pairs.length);
    const weights = new Float32Array(pairs.length);
    pairs.forEach(([id, w], i) => {
      ids[i] = id;
      weights[i] = w / norm;
      let list = this.postings.get(id);
      if (!list) this.postings.set(id, (list = []));
      list.push(arrival);
      // Trimmed in batches: the newest articles stay, the cost of a trim is spread over many additions.
      if (list.length > 2 * this.maxPostings) list.splice(0, list.length - this.maxPostings);
    });
    this.entries.set(arrival, { ids, weights, time });
  }

  /** Forgets an article (it left the window). */
  remove(arrival: number): void {
    this.entries.delete(arrival);
  }

  /** Forgets a key no article in the window has any more: the vocabulary stays bounded by the window's. */
  forgetKey(key: string): void {
    const id = this.ids.get(key);
    if (id === undefined) return;
    this.ids.delete(key);
    this.postings.delete(id);
  }

  /**
   * The earlier articles most like `vector`, most similar first: the
   * articles sharing its `lookup` keys (the rarest) are ranked by what those
   * keys share, and the best `maxVerified` are compared in full. Articles
   * published more than `windowMs` away are left out.
   */
  nearest(vector: ReadonlyMap<string, number>, lookup: readonly string[], time: number, windowMs: number, k: number): Neighbour[] {
    const query = new Map<number, number>();
    let sum = 0;
    for (const [key, w] of vector) {
      const id = this.ids.get(key);
      sum += w * w;
      if (id !== undefined) query.set(id, w);
    }
    if (sum === 0 || query.size === 0) return [];
    const norm = Math.sqrt(sum);
    // The query as the entries are stored (ids ascending): a full comparison is one merge of two sorted arrays.
    const ordered = [...query.keys()].sort((a, b) => a - b);
    const queryIds = Int32Array.from(ordered);
    const queryWeights = Float64Array.from(ordered, (id) => query.get(id)!);
    const partial = new Map<number, number>();
    for (const key of lookup) {
      const id = this.ids.get(key);
      const list = id === undefined ? undefined : this.postings.get(id);
      if (!list) continue;
      const w = query.get(id!)!;
      // The newest articles holding the key; whether they are still in the window is checked for the few verified.
      for (let j = list.length - 1; j >= 0 && j >= list.length - this.maxPostings; j--) {
        const arrival = list[j]!;
        partial.set(arrival, (partial.get(arrival) ?? 0) + w);
      }
    }
    const verified: Neighbour[] = [];
    for (const arrival of topKeys(partial, this.maxVerified)) {
      const entry = this.entries.get(arrival);
      if (!entry || Math.abs(entry.time - time) > windowMs) continue;
      verified.push({ arrival, similarity: Math.min(1, sortedDot(queryIds, queryWeights, entry.ids, entry.weights) / norm) });
    }
    return verified.sort((a, b) => b.similarity - a.similarity || a.arrival - b.arrival).slice(0, k);
  }
}

/** Dot product of two sparse vectors given as ascending ids with their weights. */
function sortedDot(aIds: Int32Array, aWeights: Float64Array, bIds: Int32Array, bWeights: Float32Array): number {
  let dot = 0;
  for (let i = 0, j = 0; i < aIds.length && j < bIds.length; ) {
    const a = aIds[i]!;
    const b = bIds[j]!;
    if (a === b) dot += aWeights[i++]! * bWeights[j++]!;
    else if (a < b) i++;
    else j++;
  }
  return dot;
}

/** The keys of the `k` highest values (ties: the smaller key), without sorting them all: most fall below the k-th at once. */
function topKeys(values: ReadonlyMap<number, number>, k: number): number[] {
  const top: Array<[number, number]> = [];
  for (const [key, value] of values) {
    if (top.length === k) {
      const [lastKey, lastValue] = top[k - 1]!;
      if (value < lastValue || (value === lastValue && key > lastKey)) continue;
      top.pop();
    }
    let i = top.length;
    while (i > 0 && (top[i - 1]![1] < value || (top[i - 1]![1] === value && top[i - 1]![0] > key))) i--;
    top.splice(i, 0, [key, value]);
  }
  return top.map(([key]) => key);
}
