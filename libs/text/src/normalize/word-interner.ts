/**
 * One record per distinct written word, found from the word's place in a
 * text without slicing it out: the tokenizers of the extractor look up
 * every word of every article, and a `Map` keyed by a freshly sliced string
 * costs the slice, its hash and a comparison with the stored key on each
 * occurrence. Here the hash is summed while the characters are read, and a
 * word is sliced only the first time it is seen, when `make` builds its
 * record.
 *
 * Open addressing over an Int32Array of (hash, index) pairs. When the table
 * holds `capacity` words it is emptied: records already handed out stay
 * valid, recurring words are made again, so memory stays bounded on an
 * endless stream whatever its vocabulary.
 */
/** FNV-1a over UTF-16 code units: where a word's hash starts, and one unit folded in. */
export const FNV_OFFSET = 0x811c9dc5;
export function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

export class WordInterner<T> {
  private slots: Int32Array;
  private mask: number;
  /** Each word's text, then its record: the two are read together. */
  private entries: (string | T)[] = [];

  constructor(
    private readonly make: (word: string) => T,
    private readonly capacity = 100_000,
  ) {
    let size = 1;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
  }

  /** The record of `text.slice(start, end)`. */
  intern(text: string, start: number, end: number): T {
    let hash = FNV_OFFSET;
    for (let i = start; i < end; i++) hash = fnvStep(hash, text.charCodeAt(i));
    return this.internHashed(text, start, end, hash);
  }

  /**
   * The same, for a caller that read the word's code units already and
   * folded them into `hash` with {@link fnvStep} from {@link FNV_OFFSET}
   * (the tokenizer, which finds where a word ends in the same pass).
   */
  internHashed(text: string, start: number, end: number, wordHash: number): T {
    // 0 marks an empty slot.
    const hash = wordHash | 1;
    const length = end - start;
    const slots = this.slots;
    let at = hash & this.mask;
    for (;;) {
      const stored = slots[2 * at];
      if (stored === 0) break;
      if (stored === hash) {
        const index = slots[2 * at + 1];
        const known = this.entries[index] as string;
        if (known.length === length && sameChars(known, text, start, length)) return this.entries[index + 1] as T;
      }
      at = (at + 1) & this.mask;
    }
    if (this.entries.length >= 2 * this.capacity) {
      this.clear();
      return this.internHashed(text, start, end, wordHash);
    }
    const word = text.slice(start, end);
    const record = this.make(word);
    slots[2 * at] = hash;
    slots[2 * at + 1] = this.entries.length;
    this.entries.push(word, record);
    return record;
  }

  private clear(): void {
    this.slots.fill(0);
    this.entries = [];
  }
}

function sameChars(known: string, text: string, start: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (known.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}
