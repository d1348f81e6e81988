import { ARABIC_CLITICS } from '@eventwire/text';

/**
 * Arabic writes conjunctions, prepositions and the article as prefixes of
 * the next word: "وروسيا" (and Russia), "لكازاخستان" (to Kazakhstan),
 * "بموسكو" (in Moscow), "والولايات" (and the States), "للولايات" (to the
 * States: ل + ال with the article's alef elided). The gazetteer peels them off
 * a word's key to find the name behind them.
 *
 * Order within a word: one conjunction (و ف), then one preposition (ب ك ل),
 * then the article (ال), as the Arabic language module lists them
 * (`ARABIC_CLITICS` of @eventwire/text). Only the first word of a name carries them; words
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

const { conjunctions, prepositions, article: ARTICLE, articleAfter } = ARABIC_CLITICS;
const CONJUNCTION = 1;
const PREPOSITION = 2;
/** Which one-letter proclitic (ARABIC_CLITICS) each code unit is: the peeling below tests code units, building no string. */
const PROCLITIC_KIND = new Uint8Array(0x10000);
for (const c of conjunctions) PROCLITIC_KIND[c.charCodeAt(0)] |= CONJUNCTION;
for (const p of prepositions) PROCLITIC_KIND[p.charCodeAt(0)] |= PREPOSITION;
/** Prepositions after which the article loses its first letter (ل + ال is written لل). */
const ELIDING = new Set(Object.keys(articleAfter).map((p) => p.charCodeAt(0)));
const ARTICLE_FIRST = ARTICLE.charCodeAt(0);
const ARTICLE_SECOND = ARTICLE.charCodeAt(1);

/** The key a split looks up. */
export function splitKey(key: string, split: ProcliticSplit): string {
  return split.restoreArticle ? ARTICLE + key.slice(split.keyStart) : key.slice(split.keyStart);
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
    if (key.length - keyStart + (restoreArticle ? ARTICLE.length : 0) < MIN_SPLIT_KEY_LENGTH) return;
    const slot = out[n];
    if (slot) {
      slot.offset = offset;
      slot.keyStart = keyStart;
      slot.restoreArticle = restoreArticle;
      slot.articleRemoved = articleRemoved;
    } else out[n] = { offset, keyStart, restoreArticle, articleRemoved };
    n++;
  };
  const conj = (PROCLITIC_KIND[key.charCodeAt(0)]! & CONJUNCTION) !== 0 ? 1 : 0;
  for (let c = 0; c <= conj; c++) {
    const prep = (PROCLITIC_KIND[key.charCodeAt(c)]! & PREPOSITION) !== 0 ? 1 : 0;
    for (let p = c; p <= c + prep; p++) {
      if (p > 0) push(p, p, false, false);
      if (key.charCodeAt(p) === ARTICLE_FIRST && key.charCodeAt(p + 1) === ARTICLE_SECOND) push(p, p + ARTICLE.length, false, true);
      else if (p > c && ELIDING.has(key.charCodeAt(p - 1)) && key.charCodeAt(p) === ARTICLE_SECOND) {
        // ل + ال is written لل: restore the article for names that carry it.
        push(p, p + 1, true, false);
        push(p, p + 1, false, true);
      }
    }
  }
  return n;
}
