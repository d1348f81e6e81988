/** Empty slot marker: word ids are never negative. */
const EMPTY = -1;

/**
 * A weight row by an ordered pair of word ids, in one open-addressed
 * Int32Array of (first, second, row) triples: the tagger looks up two word
 * pairs per token, and a probe into one flat array costs a fraction of two
 * string-keyed map lookups (no string hashing or comparison, one cache line
 * in the usual case). Filled once at load, read-only after.
 */
export class WordPairTable {
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(pairs: readonly (readonly [number, number, number])[]) {
    let capacity = 16;
    while (capacity < pairs.length * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity * 3).fill(EMPTY);
    for (const [first, second, row] of pairs) {
      let at = this.slotOf(first, second);
      while (this.slots[at * 3] !== EMPTY && !(this.slots[at * 3] === first && this.slots[at * 3 + 1] === second)) at = (at + 1) & this.mask;
      this.slots[at * 3] = first;
      this.slots[at * 3 + 1] = second;
      this.slots[at * 3 + 2] = row;
    }
  }

  /** The row of the pair, or -1. */
  get(first: number, second: number): number {
    const slots = this.slots;
    for (let at = this.slotOf(first, second); ; at = (at + 1) & this.mask) {
      const k = at * 3;
      const a = slots[k];
      if (a === EMPTY) return -1;
      if (a === first && slots[k + 1] === second) return slots[k + 2];
    }
  }

  private slotOf(first: number, second: number): number {
    return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)) & this.mask;
  }
}
