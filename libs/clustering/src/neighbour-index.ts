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
  /** Entries by arrival: `entries[arrival - base]` (arrivals only grow, so the array is a queue with holes). */
  private entries: Array<Entry | undefined> = [];
  private base = 0;
  /** Leading removed entries, dropped in batches. */
  private removed = 0;
  /** Key id → the arrivals holding it, oldest first; ids of forgotten keys are reused, so the array stays as long as the vocabulary. */
  private readonly postings: Array<number[] | undefined> = [];
  private readonly freeIds: number[] = [];
  /** Scratch for `nearest`: partial scores by arrival offset, and which offsets were touched. */
  private partial = new Float64Array(0);
  private readonly touched: number[] = [];

  constructor(
    private readonly maxPostings: number,
    private readonly maxVerified: number,
  ) {}

  /**
   * A new key's id. The caller interns its keys (the clusterer's key index
   * holds each key's id beside its document frequency), so no string is
   * looked up here; `forgetKey` gives the id back.
   */
  newKey(): number {
    const id = this.freeIds.pop() ?? this.postings.length;
    this.postings[id] = [];
    return id;
  }

  /** Forgets a key no article in the window has any more: its id is reused, the vocabulary stays bounded by the window's. */
  forgetKey(id: number): void {
    if (this.postings[id] === undefined) return;
    this.postings[id] = undefined;
    this.freeIds.push(id);
  }

  /** Stores an article's vector (key ids from `newKey`, distinct, with weights at any scale) under its arrival number (larger than any stored before). */
  add(arrival: number, keys: ArrayLike<number>, values: ArrayLike<number>, time: number): void {
    let sum = 0;
    for (let i = 0; i < values.length; i++) sum += values[i]! * values[i]!;
    if (sum === 0) return;
    if (this.entries.length === 0) this.base = arrival;
    if (arrival < this.base + this.entries.length) throw new Error(`arrival ${arrival} is not after the last one stored`);
    const order = sortedOrder(keys);
    const norm = Math.sqrt(sum);
    const ids = new Int32Array(order.length);
    const weights = new Float32Array(order.length);
    for (let i = 0; i < order.length; i++) {
      const id = keys[order[i]!]!;
      ids[i] = id;
      weights[i] = values[order[i]!]! / norm;
      const list = this.postings[id]!;
      list.push(arrival);
      // Trimmed in batches: the newest articles stay, the cost of a trim is spread over many additions.
      if (list.length > 2 * this.maxPostings) list.splice(0, list.length - this.maxPostings);
    }
    while (this.base + this.entries.length < arrival) this.entries.push(undefined);
    this.entries.push({ ids, weights, time });
  }

  /** An article's stored vector: key ids ascending with their unit weights, and its time; undefined for one not stored (no keys, or gone). */
  vector(arrival: number): Readonly<Entry> | undefined {
    return this.entry(arrival);
  }

  private entry(arrival: number): Entry | undefined {
    return arrival >= this.base ? this.entries[arrival - this.base] : undefined;
  }

  /** Forgets an article (it left the window). */
  remove(arrival: number): void {
    if (this.entry(arrival) === undefined) return;
    this.entries[arrival - this.base] = undefined;
    while (this.removed < this.entries.length && this.entries[this.removed] === undefined) this.removed++;
    // Drop the removed head now and then instead of shifting the queue on every removal.
    if (this.removed > 4096 && this.removed > this.entries.length / 2) {
      this.entries = this.entries.slice(this.removed);
      this.base += this.removed;
      this.removed = 0;
    }
  }

  /**
   * The earlier articles most like a query, most similar first: the query's
   * known keys (`keys`, ids from `newKey`, with their `values`) and the norm
   * of the whole query (keys not indexed yet count in it). The articles
   * sharing the `lookup` keys (positions in `keys`: the rarest) are ranked
   * by what those keys share, and the best `maxVerified` are compared in
   * full. Articles published more than `windowMs` away are left out.
   */
  nearest(keys: ArrayLike<number>, values: ArrayLike<number>, norm: number, lookup: readonly number[], time: number, windowMs: number, k: number): Neighbour[] {
    if (norm === 0 || keys.length === 0) return [];
    // The query as the entries are stored (ids ascending): a full comparison is one merge of two sorted arrays.
    const order = sortedOrder(keys);
    const queryIds = Int32Array.from(order, (i) => keys[i]!);
    const queryWeights = Float64Array.from(order, (i) => values[i]!);
    if (this.partial.length < this.entries.length) this.partial = new Float64Array(Math.max(1024, 2 * this.entries.length));
    const partial = this.partial;
    const touched = this.touched;
    for (const at of lookup) {
      const list = this.postings[keys[at]!];
      if (!list) continue;
      const w = values[at]!;
      if (!(w > 0)) continue;
      // The newest articles holding the key; whether they are still in the window is checked for the few verified.
      for (let j = list.length - 1; j >= 0 && j >= list.length - this.maxPostings; j--) {
        const offset = list[j]! - this.base;
        // Articles older than the queue's head left the window long ago.
        if (offset < 0) break;
        if (partial[offset] === 0) touched.push(offset);
        partial[offset] += w;
      }
    }
    const top = topOffsets(partial, touched, this.maxVerified);
    for (const offset of touched) partial[offset] = 0;
    touched.length = 0;
    const verified: Neighbour[] = [];
    for (const offset of top) {
      const arrival = offset + this.base;
      const entry = this.entries[offset];
      if (!entry || Math.abs(entry.time - time) > windowMs) continue;
      verified.push({ arrival, similarity: Math.min(1, sortedDot(queryIds, queryWeights, entry.ids, entry.weights) / norm) });
    }
    return verified.sort((a, b) => b.similarity - a.similarity || a.arrival - b.arrival).slice(0, k);
  }
}

/**
 * Positions of `keys` in ascending order of key. Each (key, position) pair
 * is packed into one float (exact below 2^53) so that the typed array's own
 * numeric sort orders them, with no comparator called per comparison.
 */
function sortedOrder(keys: ArrayLike<number>): Int32Array {
  const packed = new Float64Array(keys.length);
  for (let i = 0; i < packed.length; i++) packed[i] = keys[i]! * POSITIONS + i;
  packed.sort();
  const order = new Int32Array(keys.length);
  for (let i = 0; i < order.length; i++) order[i] = packed[i]! % POSITIONS;
  return order;
}

/** Positions packed beside a key id: more than any article has keys. */
const POSITIONS = 2 ** 20;

/** Dot product of two sparse vectors given as ascending ids with their weights. */
export function sortedDot(aIds: Int32Array, aWeights: Float64Array | Float32Array, bIds: Int32Array, bWeights: Float32Array): number {
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

/** The offsets of the `k` highest values among those touched (ties: the smaller offset), without sorting them all: most fall below the k-th at once. */
function topOffsets(values: Float64Array, touched: readonly number[], k: number): number[] {
  const top: Array<[number, number]> = [];
  for (const key of touched) {
    const value = values[key]!;
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
