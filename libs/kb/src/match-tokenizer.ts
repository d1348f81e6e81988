import { normalizeArabic, Token } from '@eventwire/text';

/**
 * Splits text into words with their offsets in the original string and a
 * matching key per word, in one pass over the text: the gazetteer is the hot
 * path of extraction.
 *
 * Words are runs of letters, digits and combining marks (so Arabic diacritics,
 * tatweel and zero-width joiners stay inside their word); everything else
 * separates. A key is the word folded character by character with
 * {@link normalizeArabic} (alef and hamza forms, ta marbuta, alef maqsura,
 * digits, diacritics dropped) plus Latin accents stripped and lower case, so
 * "Türkiye" and "turkiye" or "ألما أتا" and "الما اتا" share keys.
 *
 * Separators are soft (spaces, hyphens, dots, apostrophes: a multi-word name
 * may continue across them, as in "U.S." or "الكونغو - كينشاسا") or hard
 * (line breaks, commas, quotes, brackets...: a name never spans them).
 */

/** The word is written in Arabic script (its first kept letter). */
export const TOKEN_ARABIC = 1;
/** The word has upper-case letters and no lower-case ones ("UN", "U", "G7"). */
export const TOKEN_ALL_UPPER = 2;
/** Only soft separators stand between this word and the previous one. */
export const TOKEN_JOINS_PREVIOUS = 4;

export interface MatchTokens {
  readonly count: number;
  readonly keys: string[];
  readonly starts: number[];
  readonly ends: number[];
  readonly flags: number[];
  /** Per token, the given `tokenize` word spanning exactly the same characters, if any (see {@link tokenizeForMatching}). */
  readonly words: (Token | undefined)[] | undefined;
}

const WORD = 1;
const HARD = 2;
const UPPER = 4;
const LOWER = 8;
const ARABIC = 16;
const KNOWN = 128;

const charClass = new Uint8Array(0x10000);
/** Folded code unit per code unit; 0 drops the character, -1 is not computed yet, -2 folds to several units. */
const charFold = new Int32Array(0x10000).fill(-1);
const multiFolds = new Map<number, number[]>();

const WORD_CHAR = /[\p{L}\p{N}\p{M}\u200C\u200D]/u;
const SOFT_SEPARATOR = /[ \t\u00A0\u2000-\u200B\u202F\u205F\u3000\-\u2010-\u2015.'\u2019\u02BC\u060D\u066B\u066C]/u;
const COMBINING = /\p{M}/gu;

function classify(code: number): number {
  const ch = String.fromCharCode(code);
  let cls = KNOWN;
  if (code >= 0xd800 && code <= 0xdfff) cls |= HARD;
  else if (WORD_CHAR.test(ch)) {
    cls |= WORD;
    if (ch !== ch.toLowerCase()) cls |= UPPER;
    else if (ch !== ch.toUpperCase()) cls |= LOWER;
    if ((code >= 0x0600 && code <= 0x06ff) || (code >= 0x0750 && code <= 0x077f) || (code >= 0x08a0 && code <= 0x08ff)) cls |= ARABIC;
  } else if (!SOFT_SEPARATOR.test(ch)) cls |= HARD;
  charClass[code] = cls;
  return cls;
}

function computeFold(code: number): number {
  const folded = normalizeArabic(String.fromCharCode(code)).normalize('NFD').replace(COMBINING, '').toLowerCase();
  let result: number;
  if (folded.length === 0) result = 0;
  else if (folded.length === 1) result = folded.charCodeAt(0);
  else {
    multiFolds.set(code, Array.from(folded, (c) => c.charCodeAt(0)));
    result = -2;
  }
  charFold[code] = result;
  return result;
}

/** Folds one code unit the way keys are built; '' when the character is dropped. */
export function foldChar(code: number): string {
  let f = charFold[code];
  if (f === -1) f = computeFold(code);
  if (f === 0) return '';
  if (f === -2) return String.fromCharCode(...(multiFolds.get(code) ?? []));
  return String.fromCharCode(f);
}

let folded = new Uint16Array(4096);
const utf16 = new TextDecoder('utf-16le');

/**
 * Tokenizes `text` into keys and original offsets (see the module comment).
 * `words`, `tokenize` of the same text when the caller has it, are paired
 * with the tokens they span exactly: a key depends on the word alone, so
 * what a caller works out from it can be kept on the word's record.
 */
export function tokenizeForMatching(text: string, words?: readonly Token[]): MatchTokens {
  const keys: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const flags: number[] = [];
  const n = text.length;
  if (folded.length < n) folded = new Uint16Array(Math.max(n, folded.length * 2));
  // Folds are one unit for one unit almost always, so the folded text is built
  // in place and a word's key is a slice of it; a word whose folding drops or
  // expands characters (diacritics, tatweel) has its key rebuilt by foldRange.
  let irregular: number[] | undefined;
  let inWord = false;
  let start = 0;
  let kept = 0;
  let aligned = true;
  let tokenFlags = 0;
  let sawUpper = false;
  let sawLower = false;
  let hardGap = true;

  const endWord = (end: number): void => {
    inWord = false;
    if (kept === 0) return; // only dropped characters: a stray mark or tatweel
    if (sawUpper && !sawLower) tokenFlags |= TOKEN_ALL_UPPER;
    if (!hardGap && starts.length > 0) tokenFlags |= TOKEN_JOINS_PREVIOUS;
    if (!aligned) (irregular ??= []).push(starts.length);
    starts.push(start);
    ends.push(end);
    flags.push(tokenFlags);
    hardGap = false;
  };

  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    let cls = charClass[code];
    if (cls === 0) cls = classify(code);
    if ((cls & WORD) === 0) {
      folded[i] = code;
      if (inWord) endWord(i);
      if ((cls & HARD) !== 0) hardGap = true;
      continue;
    }
    if (!inWord) {
      inWord = true;
      start = i;
      kept = 0;
      aligned = true;
      tokenFlags = 0;
      sawUpper = false;
      sawLower = false;
    }
    let f = charFold[code];
    if (f === -1) f = computeFold(code);
    folded[i] = f > 0 ? f : 0;
    if (f <= 0) {
      aligned = false;
      if (f === 0) continue;
    }
    if (kept === 0 && (cls & ARABIC) !== 0) tokenFlags |= TOKEN_ARABIC;
    kept++;
    if ((cls & UPPER) !== 0) sawUpper = true;
    else if ((cls & LOWER) !== 0) sawLower = true;
  }
  if (inWord) endWord(n);
  const foldedText = utf16.decode(folded.subarray(0, n));
  for (let t = 0; t < starts.length; t++) keys.push(foldedText.slice(starts[t], ends[t]));
  for (const t of irregular ?? []) keys[t] = foldRange(text, starts[t], ends[t]);
  return { count: keys.length, keys, starts, ends, flags, words: words && pairWords(starts, ends, words) };
}

function pairWords(starts: readonly number[], ends: readonly number[], words: readonly Token[]): (Token | undefined)[] {
  const paired = new Array<Token | undefined>(starts.length);
  let w = 0;
  for (let t = 0; t < starts.length; t++) {
    while (w < words.length && words[w].start < starts[t]) w++;
    const word = words[w];
    paired[t] = word !== undefined && word.start === starts[t] && word.end === ends[t] ? word : undefined;
  }
  return paired;
}

/** The key of one whole word, as {@link tokenizeForMatching} gives it. */
export function matchKey(word: string): string {
  return foldRange(word, 0, word.length);
}

/** The key of `text[start, end)` built character by character: for words whose folding drops or expands characters. */
function foldRange(text: string, start: number, end: number): string {
  let key = '';
  for (let i = start; i < end; i++) key += foldChar(text.charCodeAt(i));
  return key;
}

/**
 * Original offset of the `k`-th key character of the word starting at
 * `start`: where a match begins after its proclitics were peeled off.
 */
export function originalOffsetOfKeyChar(text: string, start: number, end: number, k: number): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    let f = charFold[code];
    if (f === -1) f = computeFold(code);
    if (f === 0) continue;
    if (count >= k) return i;
    count += f === -2 ? (multiFolds.get(code)?.length ?? 1) : 1;
  }
  return end;
}
