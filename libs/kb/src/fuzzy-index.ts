import { MatchTokens, TOKEN_JOINS_PREVIOUS } from './match-tokenizer';

/**
 * The fuzzy key: a looser spelling of an Arabic transliteration, so that a
 * variant of a known foreign name that nobody listed still finds it
 * ("كازخستان" for "كازاخستان", "قاسم جومارت توقايف" for "قاسم جومارت توكاييف",
 * "بوركينافاسو" for "بوركينا فاسو"). Computed on matching keys (already
 * alef-, hamza-, ta marbuta- and alef maqsura-folded) by:
 *
 * 1. ignoring the spaces between the words of a compound name;
 * 2. folding ق to ك (Russian and Turkic k/q are written either way);
 * 3. dropping every ا that is neither the first nor the last letter
 *    (long a is written or not: "كازاخستان"/"كازخستان");
 * 4. collapsing a run of ي or of و to one ("توكاييف"/"توكايف").
 *
 * The final letter is kept (ا, and ه for ة), so "المانيا" (Germany) and
 * "الامني" (security) stay apart.
 *
 * When it applies (the rule the gazetteer enforces; each clause answers a
 * false hit seen on real news text):
 * - only when no exact or proclitic match starts at that word;
 * - only for names of countries, locations and persons written in Arabic
 *   script whose written form does not begin with the article ال (native
 *   Arabic names such as الجزائر have one spelling, and ال + a common noun is
 *   where false hits come from: "الجزيرة" would meet "الجزائر");
 * - a name whose key starts with ال all the same (ألمانيا, ألماتي: the alef
 *   carries a hamza) matches only text that writes that hamza, or "المنيا"
 *   (the Egyptian city) would be Germany;
 * - only when the fuzzy key has at least {@link FUZZY_MIN_LENGTH} letters:
 *   five-letter keys meet common words ("توقيف", arrest, has the key of
 *   "توكايف"), so short names list their variants as aliases instead
 *   (توكايف/توكاييف/توقاييف, ألماتي/ألما آتا);
 * - the match spans no more words than the name has: spaces may be missing
 *   in the text ("سانمارتن"), never added ("أن كرة" is not أنقرة);
 * - only when the fuzzy key belongs to one entity (ambiguous keys are dropped)
 *   and is not the fuzzy key of a stop phrase;
 * - the match must end on a word boundary, like every other match.
 */
export const FUZZY_MIN_LENGTH = 6;

const ALEF = 0x0627;
const QAF = 0x0642;
const KAF = 0x0643;
const YA = 0x064a;
const WAW = 0x0648;

/** The fuzzy key of a name given as its matching keys (one per word). */
export function fuzzyKey(keys: readonly string[]): string {
  const joined = keys.join('');
  let out = '';
  let last = -1;
  for (let i = 0; i < joined.length; i++) {
    let c = joined.charCodeAt(i);
    if (c === QAF) c = KAF;
    const edge = i === 0 || i === joined.length - 1;
    if (c === ALEF && !edge) continue;
    if ((c === YA || c === WAW) && c === last) continue;
    out += String.fromCharCode(c);
    last = c;
  }
  return out;
}

interface FuzzyNode<T> {
  next: Map<number, FuzzyNode<T>> | undefined;
  value: T | undefined;
  /** Some name that may be matched fuzzily owns this key (others only guard it). */
  eligible: boolean;
  ambiguous: boolean;
}

export interface FuzzyHit<T> {
  value: T;
  /** Index of the last word of the match. */
  endToken: number;
}

/** Fuzzy keys in a character trie, walked across words so spaces inside compound names do not matter. */
export class FuzzyIndex<T> {
  private readonly root: FuzzyNode<T> = FuzzyIndex.node();
  private maxWords = 1;

  private static node<T>(): FuzzyNode<T> {
    return { next: undefined, value: undefined, eligible: false, ambiguous: false };
  }

  /**
   * Adds a name. An `eligible` name may be matched fuzzily; the others only
   * guard their key, so that a foreign name whose fuzzy key equals some other
   * entity's name or demonym never matches. `sameEntity` tells whether two
   * values denote the same entity: a key claimed by two entities is
   * ambiguous and matches nothing.
   */
  add(keys: readonly string[], value: T, eligible: boolean, sameEntity: (a: T, b: T) => boolean): void {
    const key = fuzzyKey(keys);
    if (key.length < FUZZY_MIN_LENGTH) return;
    const node = this.path(key);
    if (node.ambiguous) return;
    if (node.value === undefined) {
      node.value = value;
      node.eligible = eligible;
    } else if (!sameEntity(node.value, value)) {
      node.value = undefined;
      node.ambiguous = true;
    } else if (eligible && !node.eligible) {
      node.value = value;
      node.eligible = true;
    }
    if (eligible) this.maxWords = Math.max(this.maxWords, keys.length);
  }

  /** Makes a fuzzy key match nothing (a stop phrase's). */
  block(keys: readonly string[]): void {
    const node = this.path(fuzzyKey(keys));
    node.value = undefined;
    node.ambiguous = true;
  }

  private path(key: string): FuzzyNode<T> {
    let node = this.root;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      node.next ??= new Map();
      let child = node.next.get(c);
      if (!child) {
        child = FuzzyIndex.node();
        node.next.set(c, child);
      }
      node = child;
    }
    return node;
  }

  /**
   * Whether every fuzzy match starting with `key` from `from` is ruled out
   * by that word alone: the walk of {@link longest} leaves the trie inside
   * it, whatever words follow.
   */
  diesWithin(key: string, from: number): boolean {
    let node: FuzzyNode<T> | undefined = this.root;
    let last = -1;
    for (let i = from; i < key.length; i++) {
      let c = key.charCodeAt(i);
      if (c === QAF) c = KAF;
      if (i > from && (c === ALEF || ((c === YA || c === WAW) && c === last))) continue;
      node = node.next?.get(c);
      if (!node) return true;
      last = c;
    }
    return false;
  }

  /**
   * The longest fuzzy match that starts with `firstKey` (the key of word
   * `startToken`, possibly with proclitics peeled off), ends at the end of a
   * word and is accepted by `accept` (given the value and the number of
   * words the match spans).
   */
  longest(firstKey: string, tokens: MatchTokens, startToken: number, accept: (value: T, words: number) => boolean): FuzzyHit<T> | undefined {
    let node: FuzzyNode<T> | undefined = this.root;
    let best: FuzzyHit<T> | undefined;
    let last = -1;
    let first = true;
    const lastWord = Math.min(tokens.count - 1, startToken + this.maxWords - 1);
    for (let t = startToken; t <= lastWord; t++) {
      if (t > startToken && (tokens.flags[t] & TOKEN_JOINS_PREVIOUS) === 0) break;
      const key = t === startToken ? firstKey : tokens.keys[t];
      for (let i = 0; i < key.length && node; i++) {
        let c = key.charCodeAt(i);
        if (c === QAF) c = KAF;
        if (first) {
          first = false;
        } else if (c === ALEF) {
          // A final ا is kept, an inner one dropped: at a word end try both.
          if (i === key.length - 1) {
            const withAlef = node.next?.get(ALEF);
            if (withAlef?.eligible && withAlef.value !== undefined && accept(withAlef.value, t - startToken + 1)) {
              best = { value: withAlef.value, endToken: t };
            }
          }
          continue;
        } else if ((c === YA || c === WAW) && c === last) continue;
        node = node.next?.get(c);
        last = c;
      }
      if (!node) break;
      if (node.eligible && node.value !== undefined && key.charCodeAt(key.length - 1) !== ALEF && accept(node.value, t - startToken + 1)) {
        best = { value: node.value, endToken: t };
      }
    }
    return best;
  }
}
