import { NeighbourIndex } from './neighbour-index';

const DAY = 86_400_000;
const v = (entries: Record<string, number>): Map<string, number> => new Map(Object.entries(entries));

/** The index with string keys, interned as the clusterer's key index does. */
class Keyed {
  readonly index: NeighbourIndex;
  private readonly ids = new Map<string, number>();

  constructor(maxPostings = 8, maxVerified = 8) {
    this.index = new NeighbourIndex(maxPostings, maxVerified);
  }

  add(arrival: number, vector: Map<string, number>, time: number): void {
    const keys = [...vector.keys()].map((k) => this.ids.get(k) ?? this.ids.set(k, this.index.newKey()).get(k)!);
    this.index.add(arrival, keys, [...vector.values()], time);
  }

  nearest(vector: Map<string, number>, lookup: string[], time: number, windowMs: number, k: number): ReturnType<NeighbourIndex['nearest']> {
    const known = [...vector].filter(([key]) => this.ids.has(key));
    const norm = Math.sqrt([...vector.values()].reduce((sum, w) => sum + w * w, 0));
    const at = lookup.map((key) => known.findIndex(([k2]) => k2 === key)).filter((i) => i >= 0);
    return this.index.nearest(
      known.map(([key]) => this.ids.get(key)!),
      known.map(([, w]) => w),
      norm,
      at,
      time,
      windowMs,
      k,
    );
  }

  remove(arrival: number): void {
    this.index.remove(arrival);
  }

  forgetKey(key: string): void {
    this.index.forgetKey(this.ids.get(key)!);
    this.ids.delete(key);
  }
}

describe('NeighbourIndex', () => {
  const airport = v({ مطار: 3, عدن: 2, طائره: 2, اغاثه: 1 });
  const truce = v({ هدنه: 3, عدن: 1, تحالف: 2, انسانيه: 2 });
  const draw = v({ قرعه: 3, تصفيات: 2, مونديال: 2 });

  function indexOf(): Keyed {
    const index = new Keyed();
    index.add(0, airport, 0);
    index.add(1, truce, 0);
    index.add(2, draw, 0);
    return index;
  }

  it('ranks earlier articles by cosine, the most similar first', () => {
    const found = indexOf().nearest(v({ مطار: 2, عدن: 2, هبوط: 1 }), ['مطار', 'عدن', 'هبوط'], 0, DAY, 3);
    expect(found.map((n) => n.arrival)).toEqual([0, 1]);
    expect(found[0]!.similarity).toBeGreaterThan(found[1]!.similarity);
    // cos = (2·3 + 2·2) / (|q| |airport|)
    expect(found[0]!.similarity).toBeCloseTo(10 / (3 * Math.sqrt(18)), 5);
  });

  it('finds nothing through keys it has not seen, and leaves out articles outside the window', () => {
    const index = indexOf();
    expect(index.nearest(v({ زلزال: 1 }), ['زلزال'], 0, DAY, 3)).toEqual([]);
    expect(index.nearest(v({ قرعه: 1 }), ['قرعه'], 3 * DAY, DAY, 3)).toEqual([]);
  });

  it('forgets removed articles and keys', () => {
    const index = indexOf();
    index.remove(2);
    expect(index.nearest(v({ قرعه: 1 }), ['قرعه'], 0, DAY, 3)).toEqual([]);
    index.forgetKey('هدنه');
    expect(index.nearest(v({ هدنه: 1 }), ['هدنه'], 0, DAY, 3)).toEqual([]);
    expect(index.nearest(v({ عدن: 1 }), ['عدن'], 0, DAY, 3).map((n) => n.arrival)).toEqual([0, 1]);
  });

  it('keeps finding the right articles after the oldest have left in bulk and their keys were reused', () => {
    const index = new Keyed();
    // 10,000 articles pass through a window of 100: the queue drops its head in batches, key ids are recycled.
    for (let arrival = 0; arrival < 10_000; arrival++) {
      index.add(arrival, v({ [`w${arrival}`]: 2, [`w${arrival + 1}`]: 1 }), 0);
      if (arrival >= 100) {
        index.remove(arrival - 100);
        index.forgetKey(`w${arrival - 100}`);
      }
    }
    const found = index.nearest(v({ w9990: 1 }), ['w9990'], 0, DAY, 3);
    expect(found.map((n) => n.arrival)).toEqual([9990, 9989]);
    expect(index.nearest(v({ w5000: 1 }), ['w5000'], 0, DAY, 3)).toEqual([]);
  });

  it('takes arrivals in increasing order only', () => {
    const index = indexOf();
    expect(() => index.add(1, airport, 0)).toThrow(/not after/);
  });
});

