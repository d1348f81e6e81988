import { ARABIC_CLITICS } from '../languages/ar/clitics';
import { normalizeArabic } from './arabic-normalizer';
import { FNV_OFFSET, fnvStep, WordInterner } from './word-interner';

/**
 * Words of a text with their offsets, matching form and proclitic-free stem.
 *
 * Arabic writes conjunctions (و ف), prepositions (ب ك ل) and the article ال
 * as part of the next word: "وبالمنظمة" is "and" + "with" + "the" +
 * "organisation". Lookups (gazetteers, term matching) need the bare word, so
 * each token carries `stem`: its normalised form with those proclitics taken
 * off, in the order Arabic allows them: conjunction, then preposition, then
 * article, where ل + ال is written لل.
 *
 * The heuristic, and where it fails: a proclitic is only taken off when at
 * least three letters remain, so "ولد" (boy) stays whole and "وقال" becomes
 * "قال". Nothing here knows Arabic vocabulary, so a word whose own first
 * letter is a proclitic letter and which is long enough is stripped anyway:
 * "وزير" → "زير", "بريطانيا" → "ريطانيا", "لبنان" → "بنان", and "البانيا"
 * loses what looks like an article. `stem` is therefore the greedy guess;
 * lookups that must not miss should try every form of {@link stemCandidates}
 * (whole word first) and take the first that is known.
 */
export interface Token {
  /** The word as written. */
  text: string;
  /** normalizeArabic(text): spelling variants folded, diacritics gone, Latin lower-cased. */
  norm: string;
  /** Half-open UTF-16 offsets into the tokenized text. */
  start: number;
  end: number;
  /** `norm` without Arabic proclitics (the longest strip of {@link stemCandidates}); `norm` itself for other scripts. */
  stem: string;
  /** The record shared by every token of the same written word (from {@link tokenize}), where {@link WordSlot}s keep their results. */
  word?: TokenWord;
}

/** One distinct written word as {@link tokenize} keeps it: its forms, and what consumers worked out about it. */
export interface TokenWord {
  readonly text: string;
  readonly norm: string;
  readonly stem: string;
  /** Results of {@link WordSlot}s, by slot. */
  readonly memo: unknown[];
}

/**
 * A result that depends on a token's word alone (its text, norm and stem,
 * never its offsets or neighbours), worked out at the word's first
 * occurrence and read from the word's record at the others: one field
 * read per token instead of a lookup keyed by its string. `compute` must
 * not return undefined.
 */
export class WordSlot<T> {
  private static slots = 0;
  private readonly index = WordSlot.slots++;

  constructor(private readonly compute: (token: Token) => T) {}

  of(token: Token): T {
    const memo = token.word?.memo;
    if (!memo) return this.compute(token);
    let value = memo[this.index] as T | undefined;
    if (value === undefined) memo[this.index] = value = this.compute(token);
    return value;
  }
}

/**
 * A word is a run of letters, marks and digits starting with a letter or
 * digit; an apostrophe or hyphen inside it (don't, COVID-19, ألما-آتا) does
 * not split it. Tatweel is a letter and ZWNJ joins, so both stay inside the
 * word they belong to. The scan classifies code units through a cache rather
 * than running a regex: match objects for millions of words cost more than
 * the words themselves.
 */
const NOT_WORD = 0;
const WORD_START = 1;
const WORD_PART = 2;
const UNKNOWN = 255;
const STARTS_WORD = /[\p{L}\p{N}]/u;
const CONTINUES_WORD = /[\p{M}\u200C]/u;
const JOINERS = new Set(["'", '\u2019', '-']);
const CLASS_OF_UNIT = new Uint8Array(0x10000).fill(UNKNOWN);

function classOfCodePoint(char: string): number {
  return STARTS_WORD.test(char) ? WORD_START : CONTINUES_WORD.test(char) ? WORD_PART : NOT_WORD;
}

/** Whether the character at `i` is a pair of code units (a high surrogate with something after it). */
function isPairAt(text: string, i: number, code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
}

/** Class of the character at `i` (see {@link widthAt} for how many code units it takes). */
function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (isPairAt(text, i, code)) return classOfCodePoint(String.fromCodePoint(text.codePointAt(i)!));
  let kind = CLASS_OF_UNIT[code];
  if (kind === UNKNOWN) kind = CLASS_OF_UNIT[code] = classOfCodePoint(text[i]);
  return kind;
}

/** How many code units the character at `i` takes. */
function widthAt(text: string, i: number): number {
  return isPairAt(text, i, text.charCodeAt(i)) ? String.fromCodePoint(text.codePointAt(i)!).length : 1;
}

const MIN_STEM_LETTERS = 3;
const ARTICLE = ARABIC_CLITICS.article;

interface Proclitics {
  /** As written before the stem. */
  surface: string;
  /** How many proclitics the surface holds (وبال is three). */
  count: number;
  /** The article follows a conjunction or preposition, so "ال" + stem is a form of the word too. */
  definite: boolean;
}

/** Every sequence Arabic allows (languages/ar/clitics.ts): (و|ف)? (ب|ك|ل)? (ال)?, with ل + ال written لل; longest first. */
const PROCLITICS: Proclitics[] = (() => {
  const sequences: Proclitics[] = [];
  for (const conjunction of ['', ...ARABIC_CLITICS.conjunctions]) {
    for (const preposition of ['', ...ARABIC_CLITICS.prepositions]) {
      for (const article of [false, true]) {
        const particles = (conjunction === '' ? 0 : 1) + (preposition === '' ? 0 : 1);
        if (particles === 0 && !article) continue;
        const attached = article ? (ARABIC_CLITICS.articleAfter[preposition] ?? preposition + ARTICLE) : preposition;
        sequences.push({ surface: conjunction + attached, count: particles + (article ? 1 : 0), definite: article && particles > 0 });
      }
    }
  }
  return sequences.sort((a, b) => b.surface.length - a.surface.length);
})();

/** The sequences by first letter, longest first: most words rule themselves out on one lookup. */
const PROCLITICS_BY_FIRST_LETTER = new Map<string, Proclitics[]>();
for (const sequence of PROCLITICS) {
  const first = sequence.surface[0];
  PROCLITICS_BY_FIRST_LETTER.set(first, [...(PROCLITICS_BY_FIRST_LETTER.get(first) ?? []), sequence]);
}

function isArabicLetter(code: number): boolean {
  return code >= 0x0621 && code <= 0x064a;
}

/** Letters from `from` up to the first non-letter: a stem is a word, not the start of a hyphenated or digit-glued one ("ب2022", "ألما-آتا"). */
function leadingLetters(text: string, from: number): number {
  let i = from;
  while (i < text.length && isArabicLetter(text.charCodeAt(i))) i++;
  return i - from;
}

/**
 * The normalised word, then each form with plausible proclitics removed,
 * ordered by how much was removed (longest strip last). When the article
 * was among the proclitics, the definite form is offered too ("للمنظمه" →
 * "المنظمه" as well as "منظمه"), since gazetteers list names both ways.
 */
export function stemCandidates(norm: string): string[] {
  if (norm.length <= MIN_STEM_LETTERS || !isArabicLetter(norm.charCodeAt(0))) return [norm];
  const stripped: { form: string; removed: number; rebuilt: boolean }[] = [];
  for (const { surface, count, definite } of PROCLITICS_BY_FIRST_LETTER.get(norm[0]) ?? []) {
    if (!norm.startsWith(surface) || leadingLetters(norm, surface.length) < MIN_STEM_LETTERS) continue;
    const stem = norm.slice(surface.length);
    stripped.push({ form: stem, removed: count, rebuilt: false });
    if (definite) stripped.push({ form: ARTICLE + stem, removed: count - 1, rebuilt: true });
  }
  // Fewer proclitics removed first; on a tie the form as written before the one with a rebuilt article.
  stripped.sort((a, b) => a.removed - b.removed || Number(a.rebuilt) - Number(b.rebuilt));
  const candidates = [norm];
  for (const { form } of stripped) if (!candidates.includes(form)) candidates.push(form);
  return candidates;
}

/** The greedy stem: the longest strip {@link stemCandidates} allows. */
function stemOf(norm: string): string {
  if (norm.length <= MIN_STEM_LETTERS) return norm;
  for (const { surface } of PROCLITICS_BY_FIRST_LETTER.get(norm[0]) ?? []) {
    if (norm.startsWith(surface) && leadingLetters(norm, surface.length) >= MIN_STEM_LETTERS) return norm.slice(surface.length);
  }
  return norm;
}

/**
 * normalizeArabic of each single code unit of the Arabic block ('' where it
 * removes one), so words of Arabic letters and ASCII fold in one pass
 * without NFC and four regex passes per word. Defined through
 * normalizeArabic itself so that the two cannot drift apart.
 */
const ARABIC_BLOCK_START = 0x0600;
const ARABIC_BLOCK_FOLDS: string[] = Array.from({ length: 0x100 }, (_, i) => normalizeArabic(String.fromCharCode(ARABIC_BLOCK_START + i)));

/** Combining hamza and madda: NFC composes them with the letter before, so such words take the full path. */
function composesUnderNfc(code: number): boolean {
  return code >= 0x0653 && code <= 0x0655;
}

/** normalizeArabic(word), fast for the words of Arabic and ASCII letters that make up the bulk of the text. */
function normalizeWord(word: string): string {
  let unchanged = true;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 0x80) {
      if (code >= 0x41 && code <= 0x5a) unchanged = false;
    } else if (code >= ARABIC_BLOCK_START && code <= 0x06ff && !composesUnderNfc(code)) {
      if (ARABIC_BLOCK_FOLDS[code - ARABIC_BLOCK_START] !== word[i]) unchanged = false;
    } else if (code === 0x200c) {
      unchanged = false;
    } else {
      return normalizeArabic(word);
    }
  }
  if (unchanged) return word;
  let norm = '';
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 0x80) norm += code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 0x20) : word[i];
    else if (code !== 0x200c) norm += ARABIC_BLOCK_FOLDS[code - ARABIC_BLOCK_START];
  }
  return norm;
}

/** Distinct words whose records are kept (see `WordInterner`). */
const CACHED_WORDS = 128_000;
const words = new WordInterner<TokenWord>((text) => {
  const norm = normalizeWord(text);
  return { text, norm, stem: stemOf(norm), memo: [] };
}, CACHED_WORDS);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (classAt(text, i) !== WORD_START) {
      i += widthAt(text, i);
      continue;
    }
    // `wordEnd` read code unit by code unit, with the word's hash summed on the way (the interner would read them again).
    const start = i;
    let hash = FNV_OFFSET;
    while (i < n) {
      const code = text.charCodeAt(i);
      let kind: number;
      if (isPairAt(text, i, code)) {
        kind = classAt(text, i);
        if (kind === NOT_WORD) break;
        const width = widthAt(text, i);
        for (let k = 0; k < width; k++) hash = fnvStep(hash, text.charCodeAt(i + k));
        i += width;
        continue;
      }
      kind = CLASS_OF_UNIT[code];
      if (kind === UNKNOWN) kind = CLASS_OF_UNIT[code] = classOfCodePoint(text[i]);
      if (kind === NOT_WORD && (!JOINERS.has(text[i]) || i + 1 >= n || classAt(text, i + 1) !== WORD_START)) break;
      hash = fnvStep(hash, code);
      i++;
    }
    const word = words.internHashed(text, start, i, hash);
    if (word.norm !== '') tokens.push({ text: word.text, norm: word.norm, start, end: i, stem: word.stem, word });
  }
  return tokens;
}
