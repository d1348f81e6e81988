import { normalizeArabic, stemCandidates, Token, WordSlot } from '@eventwire/text';
import stopwords from 'stopwords-iso/stopwords-iso.json';
import type { ArticleTerm } from '@eventwire/contracts';

/** Arabic and English stopwords (stopwords-iso) as the tokenizer's stems, so that "وأن" and "that" are left out like "أن". */
const STOPWORDS = new Set(
  [...(stopwords as Record<string, string[]>).ar, ...(stopwords as Record<string, string[]>).en].flatMap((w) => {
    const norm = normalizeArabic(w);
    return [norm, termOf(norm), ...stemCandidates(norm)];
  }),
);

/** Words of fewer letters say little about what an article is about, and fold together across spellings. */
const MIN_TERM_LENGTH = 3;
const DIGITS = /^[\d٠-٩.,]+$/;

/**
 * A light Arabic stem for matching content: the conjunction (و, ف) and the
 * article with its prepositions (ال, بال, كال, لل) come off; a bare ب, ك or
 * ل does not, since it begins too many words ("كازاخستان", "لبنان"). Other
 * scripts keep the normalized word.
 */
export function termOf(norm: string): string {
  if (!/[\u0621-\u064A]/.test(norm)) return norm;
  let word = norm;
  if (/^[وف]/.test(word) && word.length > 4) word = word.slice(1);
  const article = /^(?:بال|كال|فال|ال|لل)/.exec(word);
  if (article && word.length - article[0].length >= 3) word = word.slice(article[0].length);
  return word;
}

export interface TermPart {
  tokens: readonly Token[];
  /** How much a word here counts: a title word more than a body word. */
  weight: number;
}

const CONTENT_TERM = new WordSlot((token): string | null => {
  const term = termOf(token.norm);
  if (term.length < MIN_TERM_LENGTH || DIGITS.test(term) || STOPWORDS.has(term) || STOPWORDS.has(token.norm)) return null;
  return term;
});

/** A content word of an article: its stem, or null for a stopword, a number or a short word. */
export function contentTerm(token: Token): string | null {
  return CONTENT_TERM.of(token);
}

/**
 * The article's key content words: proclitic-free stems of its words with
 * stopwords, numbers and short words left out, weighted by occurrence (and
 * by the weight of the part they are in), the heaviest `max` first. Ties go
 * to the word that comes first: a news article says what matters early, and
 * the list does not depend on the alphabet. The extractor has no corpus to
 * tell rare words from common ones; the clusterer weighs them by its own
 * document frequencies, so the list is long enough to hold the rare ones.
 */
export function keyTerms(parts: readonly TermPart[], max = KEY_TERMS): ArticleTerm[] {
  const weights = new Map<string, number>();
  for (const part of parts) {
    for (const token of part.tokens) {
      const term = contentTerm(token);
      if (term !== null) weights.set(term, (weights.get(term) ?? 0) + part.weight);
    }
  }
  // Map order is first occurrence, and the sort is stable.
  return [...weights]
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([term, weight]) => ({ term, weight }));
}

/** Key terms an article record carries at most. */
export const KEY_TERMS = 120;

/** The content words of a title, once each, in order. */
export function titleTerms(tokens: readonly Token[]): string[] {
  const out = new Set<string>();
  for (const token of tokens) {
    const term = contentTerm(token);
    if (term !== null) out.add(term);
  }
  return [...out];
}
