/**
 * Normalization for matching, never for display: it folds the spelling
 * variation that Arabic news text shows for one and the same word, so that
 * lookups (gazetteer, clustering terms, dedup keys) see one form.
 *
 * Folds: alef forms (أ إ آ ٱ) to ا; hamza carriers (ؤ ئ) to و ي; alef maqsura
 * ى to ي; ta marbuta ة to ه; Persian/Urdu letter forms (ی ې ۍ ک ګ ۀ ە ہ ۃ);
 * removes tatweel, harakat and Quranic marks, bidi and zero-width controls;
 * Arabic-Indic and Persian digits to ASCII; Latin to lower case. Offsets are
 * not preserved by this function: use {@link normalizeCharAt} when a
 * one-to-one mapping is required.
 */

const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const CONTROLS = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

const LETTER_FOLDS: Record<string, string> = {
  '\u0623': '\u0627', // أ
  '\u0625': '\u0627', // إ
  '\u0622': '\u0627', // آ
  '\u0671': '\u0627', // ٱ
  '\u0672': '\u0627',
  '\u0673': '\u0627',
  '\u0624': '\u0648', // ؤ
  '\u0626': '\u064A', // ئ
  '\u0649': '\u064A', // ى
  '\u06CC': '\u064A', // ی Persian yeh
  '\u06D0': '\u064A', // ې
  '\u06CD': '\u064A', // ۍ
  '\u0629': '\u0647', // ة
  '\u06C0': '\u0647', // ۀ
  '\u06D5': '\u0647', // ە
  '\u06C1': '\u0647', // ہ
  '\u06C3': '\u0647', // ۃ
  '\u06A9': '\u0643', // ک Persian keheh
  '\u06AA': '\u0643',
  '\u06AB': '\u0643', // ګ
  '\u06D4': '.', // ۔ Urdu full stop
};

/** Folds one code unit; characters without a fold map to themselves. */
export function normalizeCharAt(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(code - 0x0660 + 48);
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(code - 0x06f0 + 48);
  return LETTER_FOLDS[ch] ?? ch;
}

const FOLD_PATTERN = /[\u0660-\u0669\u06F0-\u06F9\u0622-\u0626\u0629\u0649\u0671-\u0673\u06A9-\u06AB\u06C0\u06C1\u06C3\u06CC\u06CD\u06D0\u06D4\u06D5]/g;

export function normalizeArabic(text: string): string {
  return text
    .normalize('NFC')
    .replace(CONTROLS, '')
    .replace(DIACRITICS, '')
    .replace(FOLD_PATTERN, normalizeCharAt)
    .toLowerCase();
}

/** {@link normalizeArabic} plus whitespace collapsed: the key for comparing whole texts. */
export function normalizeForMatching(text: string): string {
  return normalizeArabic(text).replace(/\s+/g, ' ').trim();
}
