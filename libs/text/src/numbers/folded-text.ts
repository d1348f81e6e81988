import { ARABIC_CLITICS } from '../languages/ar/clitics';
import { normalizeArabic, normalizeCharAt } from '../normalize/arabic-normalizer';

/**
 * The matching view of a text whose every position maps back to the text
 * as written, shared by the number, quantity and date readers.
 *
 * Why not normalizeArabic: extractors report spans of the original text,
 * and removing diacritics and tatweel shifts every later offset. Folding
 * here is one pass that keeps, for each folded character, the offset of the
 * character it came from; patterns then run on `text`, where spelling
 * variants are one form (أ إ آ → ا, ة → ه, ى → ي, Arabic-Indic and Persian
 * digits → ASCII, ٫ ٬ → . ,) and marks are gone, and spans are mapped back
 * with {@link FoldedText.originalStart} and {@link FoldedText.originalEnd}.
 * Latin keeps its case: English patterns match case-insensitively, while
 * tokens carry a lower-cased `norm` for lookups.
 */
export class FoldedText {
  /** Folded characters. */
  readonly text: string;
  /** origin[i] is the offset in `original` of folded character i; origin[text.length] is original.length. */
  private readonly origin: Int32Array;
  private tokenCache: FoldedToken[] | null = null;

  constructor(readonly original: string) {
    const origin = new Int32Array(original.length + 1);
    let folded = '';
    let n = 0;
    let runStart = 0;
    for (let i = 0; i < original.length; i++) {
      const code = original.charCodeAt(i);
      const kind = code < FOLD_TABLE_START || code > FOLD_TABLE_END ? KEEP : FOLD_KIND[code - FOLD_TABLE_START]!;
      if (kind === KEEP) {
        origin[n++] = i;
        continue;
      }
      // Flush the unchanged run before the folded or removed character in one slice.
      folded += original.slice(runStart, i);
      runStart = i + 1;
      if (kind === REMOVE) continue;
      folded += FOLD_TO[code - FOLD_TABLE_START]!;
      origin[n++] = i;
    }
    folded += original.slice(runStart);
    origin[n] = original.length;
    this.text = folded;
    this.origin = n === original.length ? origin : origin.subarray(0, n + 1);
  }

  /** Offset in the original of the folded position `i`. */
  originalStart(i: number): number {
    return this.origin[i]!;
  }

  /**
   * Offset in the original just after the folded character `i - 1`,
   * extended over the marks and tatweel written on it, so that "سلمياً"
   * keeps its tanween and "1436هـ" its tatweel when they end a span.
   */
  originalEnd(i: number): number {
    if (i <= 0) return 0;
    let end = this.origin[i - 1]! + 1;
    const limit = this.origin[i]!;
    while (end < limit && isTrailingMark(this.original.charCodeAt(end))) end++;
    return end;
  }

  /** The original text of the folded span [start, end). */
  originalSlice(start: number, end: number): string {
    return this.original.slice(this.originalStart(start), this.originalEnd(end));
  }

  /**
   * Words, numbers and single punctuation characters of the folded text,
   * computed once: a number is digits with inner separators ("2,500",
   * "1.5"), a word a run of Arabic or of Latin letters (with an inner
   * apostrophe), anything else that is not a space one token by itself.
   */
  tokens(): FoldedToken[] {
    if (this.tokenCache) return this.tokenCache;
    const tokens: FoldedToken[] = [];
    const text = this.text;
    const n = text.length;
    let previousEnd = -1;
    let newline = false;
    let i = 0;
    while (i < n) {
      const code = text.charCodeAt(i);
      if (isSpace(code)) {
        if (code === 0x0a) newline = true;
        i++;
        continue;
      }
      const start = i;
      let kind: FoldedToken['kind'];
      if (isDigit(code)) {
        kind = 'number';
        i++;
        for (;;) {
          while (i < n && isDigit(text.charCodeAt(i))) i++;
          const sep = text.charCodeAt(i);
          if ((sep === 0x2e || sep === 0x2c) && i + 1 < n && isDigit(text.charCodeAt(i + 1))) i++;
          else break;
        }
      } else if (isArabicLetter(code)) {
        kind = 'word';
        i++;
        while (i < n && isArabicLetter(text.charCodeAt(i))) i++;
      } else if (isLatinLetter(code)) {
        kind = 'word';
        i++;
        while (i < n && isLatinLetter(text.charCodeAt(i))) i++;
        if (text.charCodeAt(i) === 0x27 && i + 1 < n && isLatinLetter(text.charCodeAt(i + 1))) {
          i++;
          while (i < n && isLatinLetter(text.charCodeAt(i))) i++;
        }
      } else {
        kind = 'punct';
        i++;
      }
      const raw = text.slice(start, i);
      tokens.push({
        norm: kind === 'word' && isLatinLetter(code) ? raw.toLowerCase() : raw,
        kind,
        start,
        end: i,
        glued: previousEnd === start,
        newlineBefore: newline && previousEnd >= 0,
      });
      previousEnd = i;
      newline = false;
    }
    this.tokenCache = tokens;
    return tokens;
  }
}

export interface FoldedToken {
  /** The token as folded; Latin words lower-cased. */
  norm: string;
  kind: 'word' | 'number' | 'punct';
  /** Half-open offsets into the folded text. */
  start: number;
  end: number;
  /** No space between this token and the one before ("ال17", "و500", "F-16"). */
  glued: boolean;
  /** A line break lies between this token and the one before. */
  newlineBefore: boolean;
}

/**
 * The fold of `original`, shared with the last few callers that folded the
 * same text: the quantity, quote and date extractors each need it, and the
 * pipeline calls them one after another on the same paragraph.
 */
export function foldText(original: string): FoldedText {
  for (const cached of recent) if (cached.original === original) return cached;
  const folded = new FoldedText(original);
  recent[next] = folded;
  next = (next + 1) % RECENT_SIZE;
  return folded;
}

const RECENT_SIZE = 4;
const recent: FoldedText[] = [];
let next = 0;

/** A lexicon entry in the form FoldedText gives its tokens: folded and, for Latin, lower-cased. */
export function foldWord(word: string): string {
  return normalizeArabic(word);
}

export interface ProcliticForm {
  /** The word as it would be written with the proclitics. */
  form: string;
  /** The proclitics themselves ("وب", "لل", ""). */
  prefix: string;
  /** Starts with the conjunction و: the word begins a new coordinated part. */
  conj: boolean;
  /** Carries the article ال added here. */
  definite: boolean;
}

/**
 * A folded Arabic word with every proclitic sequence Arabic writes onto it:
 * conjunction (و ف), then preposition (ب ل ك), then, when `article`, the
 * article ال (ل + ال is written لل), as languages/ar/clitics.ts lists them. Lexicons expand their entries with it so
 * that a token is classified by one map lookup instead of trial stripping.
 * `hasArticle` says the word as given is definite ("المستشفى"), which only
 * the lexicon knows: "الف" (ألف, thousand) merely starts with the same
 * letters. Latin words have no proclitics and yield themselves only.
 */
export function withProclitics(word: string, article: boolean, hasArticle = false): ProcliticForm[] {
  const forms: ProcliticForm[] = [{ form: word, prefix: '', conj: false, definite: false }];
  if (word.charCodeAt(0) < 0x0600) return forms;
  const { conjunctions, prepositions, article: definiteArticle, articleAfter } = ARABIC_CLITICS;
  for (const conj of ['', ...conjunctions]) {
    for (const prep of ['', ...prepositions]) {
      for (const addArticle of article && !hasArticle ? [false, true] : [false]) {
        if (conj === '' && prep === '' && !addArticle) continue;
        let prefix: string;
        let form: string;
        if (addArticle) {
          prefix = conj + (articleAfter[prep] ?? prep + definiteArticle);
          form = prefix + word;
        } else if (articleAfter[prep] !== undefined && hasArticle) {
          // ل + ال is written لل, the article's alef elided: "المستشفى" → "للمستشفى".
          prefix = conj + prep;
          form = conj + prep + word.slice(1);
        } else {
          prefix = conj + prep;
          form = prefix + word;
        }
        forms.push({ form, prefix, conj: conj === 'و', definite: addArticle });
      }
    }
  }
  return forms;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isArabicLetter(code: number): boolean {
  return (code >= 0x0621 && code <= 0x064a) || (code >= 0x066e && code <= 0x06d3);
}

/** ASCII letters and the accented ones of Latin-1 and Latin Extended-A, so that French "tuées", "réfugiés" are one word each. */
function isLatinLetter(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  return (code >= 0xc0 && code <= 0x17f && code !== 0xd7 && code !== 0xf7);
}

/** What \s matches. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

function isTrailingMark(code: number): boolean {
  return code === 0x0640 || isCombiningMark(code);
}

function isCombiningMark(code: number): boolean {
  return (code >= 0x064b && code <= 0x065f) || code === 0x0670 || (code >= 0x0610 && code <= 0x061a) || (code >= 0x06d6 && code <= 0x06ed);
}

const KEEP = 0;
const FOLD = 1;
const REMOVE = 2;
const FOLD_TABLE_START = 0x0600;
const FOLD_TABLE_END = 0xfeff;

/**
 * Per code unit of U+0600..U+FEFF: keep, fold (through normalizeCharAt, so
 * this view and normalizeArabic agree on letters and digits) or remove
 * (harakat, Quranic marks, tatweel, bidi and zero-width controls).
 */
const FOLD_KIND = new Uint8Array(FOLD_TABLE_END - FOLD_TABLE_START + 1);
const FOLD_TO: string[] = new Array<string>(FOLD_TABLE_END - FOLD_TABLE_START + 1);
(() => {
  const removed = (code: number): boolean =>
    isCombiningMark(code) ||
    code === 0x0640 ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff;
  const extra: Record<number, string> = { 0x066b: '.', 0x066c: ',', 0x066a: '%' };
  for (let code = FOLD_TABLE_START; code <= FOLD_TABLE_END; code++) {
    const i = code - FOLD_TABLE_START;
    if (removed(code)) {
      FOLD_KIND[i] = REMOVE;
      continue;
    }
    const ch = String.fromCharCode(code);
    const to = extra[code] ?? (code <= 0x06ff ? normalizeCharAt(ch) : ch);
    if (to !== ch) {
      FOLD_KIND[i] = FOLD;
      FOLD_TO[i] = to;
    }
  }
})();
