/**
 * Arabic writes conjunctions, prepositions and the article as prefixes of
 * the next word: "وروسيا" (and Russia), "لكازاخستان" (to Kazakhstan),
 * "بموسكو" (in Moscow), "والولايات" (and the States), "للولايات" (to the
 * States: ل + ال with the article's alef elided). The gazetteer peels them off
 * a word's key to find the name behind them.
 *
 * Order within a word: one conjunction (و ف), then one preposition (ب ك ل),
 * then the article (ال). Only the first word of a name carries them; words
 * inside a multi-word name are matched as written.
 */

/** A reading of one word as proclitics + a key to look up. */
export interface ProcliticSplit {
  /** Key characters peeled off before the mention starts (the article, when kept, is part of the mention). */
  offset: number;
  /** Where the key to look up starts in the word's key. */
  keyStart: number;
  /** The lookup key is ال + the rest: the article's alef was elided after ل ("للولايات" → "الولايات"). */
  restoreArticle: boolean;
  /** The article was removed: only demonym forms ("الروسية" → "روسية") may match, never names. */
  articleRemoved: boolean;
}

/** Shortest key worth looking up after peeling: no Arabic name in the knowledge base is shorter. */
export const MIN_SPLIT_KEY_LENGTH = 3;

const WAW = 0x0648;
const FA = 0x0641;
const BA = 0x0628;
const KAF = 0x0643;
const LAM = 0x0644;
const ALEF = 0x0627;

/** The key a split looks up. */
export function splitKey(key: string, split: ProcliticSplit): string {
  return split.restoreArticle ? `ال${key.slice(split.keyStart)}` : key.slice(split.keyStart);
}

/**
 * Fills `out` with every proclitic reading of `key` (never the reading with
 * nothing peeled off: that is the plain lookup) and returns how many it
 * wrote. `out` is reused across calls and no string is built, so callers can
 * skip the readings their index cannot contain before slicing.
 */
export function procliticSplits(key: string, out: ProcliticSplit[]): number {
  let n = 0;
  const push = (offset: number, keyStart: number, restoreArticle: boolean, articleRemoved: boolean): void => {
    if (key.length - keyStart + (restoreArticle ? 2 : 0) < MIN_SPLIT_KEY_LENGTH) return;
    const slot = out[n];
    if (slot) {
      slot.offset = offset;
      slot.keyStart = keyStart;
      slot.restoreArticle = restoreArticle;
      slot.articleRemoved = articleRemoved;
    } else out[n] = { offset, keyStart, restoreArticle, articleRemoved };
    n++;
  };
  const first = key.charCodeAt(0);
  const conj = first === WAW || first === FA ? 1 : 0;
  for (let c = 0; c <= conj; c++) {
    const p0 = key.charCodeAt(c);
    const prep = p0 === BA || p0 === KAF || p0 === LAM ? 1 : 0;
    for (let p = c; p <= c + prep; p++) {
      if (p > 0) push(p, p, false, false);
      if (key.charCodeAt(p) === ALEF && key.charCodeAt(p + 1) === LAM) push(p, p + 2, false, true);
      else if (p > c && key.charCodeAt(p - 1) === LAM && key.charCodeAt(p) === LAM) {
        // ل + ال is written لل: restore the article for names that carry it.
        push(p, p + 1, true, false);
        push(p, p + 1, false, true);
      }
    }
  }
  return n;
}
