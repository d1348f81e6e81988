import { detectAll } from 'tinyld';

/**
 * Language of a piece of text as ISO 639-1, or null when the text is too
 * short or has too few letters to say.
 *
 * Script comes first because it is cheap and certain: text that is mostly
 * Arabic script can only be Arabic, Persian or Urdu here, and n-gram models
 * are at their least reliable on exactly the short lines (names, captions,
 * tweets) a news page is full of. Arabic-script text with no Persian/Urdu
 * letters is answered without calling tinyld at all, which keeps the
 * per-paragraph cost of an Arabic corpus to one pass over the characters.
 */

/** Fewer letters than this and no answer is better than a guess. */
const MIN_LETTERS = 10;
/** Latin text needs more: short English, Spanish and Dutch lines share most n-grams. */
const MIN_LATIN_LETTERS = 15;
/** Share of the letters a script needs before it decides the candidate set. */
const SCRIPT_MAJORITY = 0.5;
/** Persian/Urdu-only letters per Arabic-script letter below which the text is Arabic: a stray ی or ک in a name or an outlet (أردو بوینت) is common in Arabic news. */
const PERSO_ARABIC_MIN_RATIO = 0.02;
/** tinyld accuracy at which it may overrule the script guard. */
const CONFIDENT = 0.9;
/**
 * tinyld's accuracy is a share of summed n-gram scores, not a probability (a
 * clean Russian sentence tops out at 0.18), so beyond the letter minimums the
 * only floor is that something scored at all.
 */
const MIN_ACCURACY = Number.MIN_VALUE;

const ARABIC_SCRIPT_LANGUAGES = ['ar', 'fa', 'ur'];

/**
 * Latin-script languages tinyld knows, minus Latin and the constructed ones
 * (Esperanto, Volapük, Klingon): those win on URL debris and never occur here.
 */
const LATIN_LANGUAGES = [
  'en', 'fr', 'de', 'es', 'pt', 'it', 'nl', 'af', 'id', 'tl', 'vi', 'ga', 'cs', 'sk', 'sr',
  'da', 'sv', 'no', 'fi', 'is', 'hu', 'ro', 'pl', 'lt', 'et', 'lv', 'tr', 'tk', 'rn',
];

/** Every real language tinyld knows that has an ISO 639-1 code. */
const ALL_LANGUAGES = [
  ...LATIN_LANGUAGES, ...ARABIC_SCRIPT_LANGUAGES,
  'am', 'ja', 'zh', 'ko', 'my', 'th', 'km', 'bn', 'ta', 'hi', 'gu', 'kn', 'te',
  'el', 'mk', 'bg', 'be', 'ru', 'uk', 'hy', 'he', 'yi', 'tt', 'kk', 'mn',
];

/** URLs, e-mail addresses and @handles carry letters but no language. */
const NON_LINGUISTIC = /(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+|\b(?:pic\.twitter\.com|t\.co)\/\S*|@\w+/gi;
const NON_LINGUISTIC_HINT = /[@/]|www\./;

interface ScriptCounts {
  letters: number;
  arabic: number;
  latin: number;
  /** Letters of Persian and Urdu that Arabic does not use. */
  persoArabic: number;
  /** Of those, the ones only Urdu uses. */
  urduOnly: number;
}

function isArabicScript(code: number): boolean {
  return (
    (code >= 0x0620 && code <= 0x064a) ||
    (code >= 0x066e && code <= 0x06d3) ||
    code === 0x06d5 ||
    (code >= 0x06ee && code <= 0x06ff) ||
    (code >= 0x0750 && code <= 0x077f) ||
    (code >= 0x08a0 && code <= 0x08ff) ||
    (code >= 0xfb50 && code <= 0xfdff) ||
    (code >= 0xfe70 && code <= 0xfefc)
  );
}

function isUrduOnly(code: number): boolean {
  // ٹ ڈ ڑ ں ھ ہ ے ۓ
  return code === 0x0679 || code === 0x0688 || code === 0x0691 || code === 0x06ba || code === 0x06be || code === 0x06c1 || code === 0x06d2 || code === 0x06d3;
}

function isPersoArabic(code: number): boolean {
  // پ چ ژ گ ک ی plus the Urdu-only letters
  return code === 0x067e || code === 0x0686 || code === 0x0698 || code === 0x06af || code === 0x06a9 || code === 0x06cc || isUrduOnly(code);
}

const OTHER_LETTER = /\p{L}/u;

function countScripts(text: string): ScriptCounts {
  const counts: ScriptCounts = { letters: 0, arabic: 0, latin: 0, persoArabic: 0, urduOnly: 0 };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)) {
      counts.latin++;
      counts.letters++;
    } else if (code < 0x0370) {
      continue;
    } else if (isArabicScript(code)) {
      if (code === 0x0640) continue; // tatweel stretches a word, it is not a letter
      counts.arabic++;
      counts.letters++;
      if (isPersoArabic(code)) {
        counts.persoArabic++;
        if (isUrduOnly(code)) counts.urduOnly++;
      }
    } else if (OTHER_LETTER.test(text[i])) {
      counts.letters++;
    }
  }
  return counts;
}

/** The best tinyld answer within `candidates`, or null when it is too unsure. */
function bestOf(text: string, candidates: string[], minAccuracy: number): string | null {
  const [top] = detectAll(text, { only: candidates });
  return top && top.accuracy >= minAccuracy && candidates.includes(top.lang) ? top.lang : null;
}

function identifyArabicScript(text: string, counts: ScriptCounts): string | null {
  if (counts.arabic < MIN_LETTERS) return null;
  if (counts.persoArabic < counts.arabic * PERSO_ARABIC_MIN_RATIO) return 'ar';
  const [top] = detectAll(text, { only: ALL_LANGUAGES });
  if (top && top.accuracy >= CONFIDENT && !ARABIC_SCRIPT_LANGUAGES.includes(top.lang)) return top.lang;
  return bestOf(text, ARABIC_SCRIPT_LANGUAGES, 0) ?? (counts.urduOnly > 0 ? 'ur' : 'fa');
}

export function identifyLanguage(text: string): string | null {
  const linguistic = NON_LINGUISTIC_HINT.test(text) ? text.replace(NON_LINGUISTIC, ' ') : text;
  const counts = countScripts(linguistic);
  if (counts.letters < MIN_LETTERS) return null;
  if (counts.arabic >= counts.letters * SCRIPT_MAJORITY) return identifyArabicScript(linguistic, counts);
  if (counts.latin >= counts.letters * SCRIPT_MAJORITY) {
    if (counts.latin < MIN_LATIN_LETTERS) return null;
    return bestOf(linguistic.replace(/#/g, ' '), LATIN_LANGUAGES, MIN_ACCURACY);
  }
  return bestOf(linguistic, ALL_LANGUAGES, MIN_ACCURACY);
}
