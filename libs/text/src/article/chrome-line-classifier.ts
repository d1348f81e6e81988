import { normalizeCharAt, normalizeForMatching } from '../normalize/arabic-normalizer';
import type { ChromePatterns, ChromeWords, LanguageModule } from '../languages/language-module';
import { byTextLanguage, everyTextLanguages } from '../languages/language-registry';
import type { ChromeReason } from './read-article.types';

/**
 * Line-level rules that recognise page chrome by its generic shape: the
 * phrases news sites put around an article (mastheads, share buttons, app
 * promos, comment boxes) in Arabic and English. Nothing here names a site or
 * copies a page: a rule earns its place by matching a kind of line, and the
 * reader only trusts it on lines short enough that prose cannot be mistaken
 * for it.
 *
 * Lexical rules match {@link ChromeLine.key}, the line after
 * normalizeForMatching, so that أ/إ/ا, ة/ه, ى/ي, tanween and tatweel spelling
 * variants all meet one pattern. Patterns are written in natural spelling and
 * folded the same way when compiled.
 */
export interface ChromeLine {
  /** The trimmed line as it stands in the source. */
  text: string;
  /** Whitespace-separated words. */
  words: number;
  /** normalizeForMatching(text) for lines of at most {@link KEY_MAX_WORDS} words, '' for longer ones. */
  key: string;
}

/** Lexical chrome is short; longer lines are prose and never get a key. */
export const KEY_MAX_WORDS = 15;
/** Cookie and comment-policy notices run to a few sentences, never to an article. */
const NOTICE_MAX_WORDS = 60;
/** "Contact the writer by SMS to …" footers, phone codes and all. */
const CONTACT_MAX_WORDS = 35;

/** Folds the Arabic letters of a pattern source as normalizeArabic folds text. */
function keyPattern(source: string, flags = ''): RegExp {
  return new RegExp(source.replace(/[\u0621-\u06FF]/g, normalizeCharAt), flags);
}

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The chrome phrases of a set of languages (see ChromeWords), compiled:
 * Arabic and English for every page, plus the page's own language when it
 * is one read only in its own texts (French).
 */
interface ChromeVocabulary {
  continuation: RegExp;
  share: RegExp;
  shareButtons: ReadonlySet<string>;
  promo: RegExp | null;
  copyright: RegExp;
  relatedHeading: RegExp;
  relatedInline: RegExp;
  dateLineOpener: RegExp | null;
  /** Every word a date line may hold; of them, anchors make it a date. */
  dateWords: ReadonlySet<string>;
  dateAnchors: ReadonlySet<string>;
}

function alternation(phrases: readonly string[]): string {
  return phrases.map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

/** Folds the Arabic letters of a word as normalizeArabic folds text, and drops tatweel. */
function keyWord(word: string): string {
  return word.replace(/[\u0621-\u06FF]/g, normalizeCharAt).replace(/\u0640/g, '').toLowerCase();
}

function compileVocabulary(modules: readonly LanguageModule[]): ChromeVocabulary {
  const all = (pick: (chrome: ChromeWords) => readonly string[]): string[] => modules.flatMap((module) => pick(module.chrome));
  const related = `(${alternation(all((c) => c.relatedHeadings))})`;
  const promo = all((c) => c.promoLines);
  const dateOpeners = all((c) => c.dateLineOpeners);
  const copyrightOpeners = ['©', '(c)', ...all((c) => c.copyrightOpeners)];
  return {
    continuation: keyPattern(`^[\\s.…(\\[«"'-]*(${alternation(all((c) => c.continuationLines))})[\\s.…)\\]»"'-]*$`),
    share: keyPattern(`^(${alternation(all((c) => c.shareOpeners))}|(${alternation(all((c) => c.shareLines))})[\\s:]*$)`),
    shareButtons: new Set(all((c) => c.shareButtons).map(keyWord)),
    promo: promo.length > 0 ? keyPattern(`^(${alternation(promo)})[\\s:.!]*$`) : null,
    copyright: keyPattern(`^(${alternation(copyrightOpeners)})|${alternation(all((c) => c.copyrightAnywhere))}`),
    relatedHeading: keyPattern(`^${related}[\\s:.]*$`),
    relatedInline: keyPattern(`^${related}\\s*[:\\-–]\\s*\\S+\\s+\\S+`),
    dateLineOpener: dateOpeners.length > 0 ? keyPattern(`^(${alternation(dateOpeners)})\\s`) : null,
    dateWords: new Set([...all((c) => c.dateLineAnchors), ...all((c) => c.dateLineFillers), ...all((c) => c.relativeTimeWords)].map(keyWord)),
    dateAnchors: new Set([...all((c) => c.dateLineAnchors), ...all((c) => c.relativeTimeWords)].map(keyWord)),
  };
}

/** The chrome phrases read on a page identified as `language`. */
const vocabularyFor = byTextLanguage(compileVocabulary);

/** The fragments of one chrome rule (ChromePatterns) of every language read in every text, Arabic's first. */
function fragments(pick: (patterns: ChromePatterns) => readonly string[] | undefined): string {
  return everyTextLanguages.flatMap((module) => pick(module.chrome.patterns ?? {}) ?? []).join('|');
}

/**
 * Slider and pager links glued before a line ("Next Previous عين اليوم – واس").
 * Two of them at least: one alone ("التالي نص البيان") is ordinary prose.
 */
const PAGER_LINK = fragments((p) => p.pagerLinks);
const PAGER_PREFIX = new RegExp(`^(?:(?:${PAGER_LINK})\\s+)+(?:${PAGER_LINK})(?:\\s+|$)`, 'i');

const URL_ONLY = /^(?:https?:\/\/|www\.)\S+$/;
const APP_PROMO = keyPattern(`^(${fragments((p) => p.appPromoVerbs)})(\\s|$).*(${fragments((p) => p.appPromoTargets)})`);

const COOKIE = new RegExp(fragments((p) => p.cookieNotices), 'i');
const CONSENT_BUTTON = keyPattern(`^(${fragments((p) => p.consentButtons)})[\\s.!]*$`);

const IMAGE_CAPTION = keyPattern(fragments((p) => p.imageCaptions));

const SOURCE_LINE = keyPattern(`${fragments((p) => p.sourceLines)}|^[(\\[\\-–—\\s]*(${fragments((p) => p.sourceAgencies)})[)\\]\\s.]*$`);

const MASTHEAD_ROLE = `(${fragments((p) => p.mastheadRoles)})`;
const MASTHEAD = keyPattern(`^${MASTHEAD_ROLE}(\\s*[:\\-–]\\s*[^.،,:]{2,40})?$`);
const MASTHEAD_ROLE_ONLY = keyPattern(`^${MASTHEAD_ROLE}[\\s:]*$`);

const BYLINE_LEAD = keyPattern(`^(${fragments((p) => p.bylineLeads)})\\s*:\\s*\\S`);
const ENGLISH_BY = /^by\s+\p{Lu}/iu;
const CONTACT = keyPattern(fragments((p) => p.contactLines));
const EMAIL_OR_HANDLE_ONLY = new RegExp(`^(?:(?:${fragments((p) => p.handleLabels)})\\s*:?\\s*)?(?:[\\w.+-]+@[\\w-]+\\.[\\w.]+|@\\w+)$`, 'i');
/**
 * A dash between two parts of a credit: a hyphen or dash spaced on at least
 * one side, or a tatweel spaced on both (a tatweel touching a letter is the
 * "بـ" of ordinary prose).
 */
const CREDIT_DASH = String.raw`(?:\s+[-–—]\s*|\s*[-–—]\s+|\s+ـ+\s+)`;
/** Credits may list several names ("فلان، فلان") or a photo credit in brackets. */
const CREDIT_PART = String.raw`[^\d.!?؟:;"«»{}\-–—ـ]{2,40}`;
/** "Name – Outlet", "Outlet – City", "Name- Outlet- City:" — two or three short parts, no digits, no sentence punctuation. */
const NAME_DASH_OUTLET = new RegExp(`^${CREDIT_PART}(?:${CREDIT_DASH}${CREDIT_PART}){1,2}\\s*:?$`);
const NAME_DASH_OUTLET_MAX_WORDS = 10;
/** A photo credit in brackets after a byline: "(تصوير: فلان)". */
const TRAILING_BRACKETS = /\s*\([^()]*\)\s*$/;

const DATE_TOKEN_SPLIT = /[\s/\-.,:،|()[\]–—]+/;
const NUMBER_TOKEN = /^\d+(?:ه|م|ء|st|nd|rd|th)?$/;
const YEAR_TOKEN = /^\d{4}(?:ه|م|ء)?$/;
const DATE_MAX_WORDS = 12;

const COMMENTS_HEADING = keyPattern(`^(${fragments((p) => p.commentHeadings)})[\\s:.]*$`);
const COMMENTS_MAX_WORDS = 6;

const RELATED_INLINE_MAX_WORDS = 30;

const WIRE_CREDIT_START = new RegExp(`^(?:${fragments((p) => p.wireCreditStarts)})\\s`);
/** ة and ى only end Arabic words: one followed by a letter marks two words glued together by the page's markup. */
const GLUED_WORD_END = /[\u0629\u0649](?=[\u0621-\u064A])/;
const GLUE_SEARCH_CHARS = 60;
const CREDIT_MAX_WORDS = 6;
const DASHED_DATELINE = new RegExp(String.raw`^([^\d.!?؟:،,;"«»\n]{2,50}?${CREDIT_DASH}[^\d.!?؟:،,;"«»\n]{2,50}?)\s*:\s+`);
const WIRE_DATELINE = new RegExp(
  `^(?:[A-Z][A-Za-z .'-]{1,40}|[\\u0621-\\u064A][\\u0621-\\u064A ]{1,30})\\s*\\((?:${fragments((p) => p.datelineAgencies)})\\)\\s*[-–—:]\\s*`,
);
const CAPS_DATELINE = /^[A-Z]{2,}(?:[ ,.'-]+[A-Z]{2,}){0,3}\s+[-–—]\s+/;
const MIN_WORDS_AFTER_CREDIT = 5;

export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 0x20;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

function isDateLine(key: string, words: number, vocabulary: ChromeVocabulary): boolean {
  if (words > DATE_MAX_WORDS) return false;
  let anchored = false;
  let numbers = 0;
  for (const token of key.split(DATE_TOKEN_SPLIT)) {
    if (token === '') continue;
    if (NUMBER_TOKEN.test(token)) {
      numbers++;
      if (YEAR_TOKEN.test(token)) anchored = true;
    } else if (vocabulary.dateWords.has(token)) {
      if (vocabulary.dateAnchors.has(token)) anchored = true;
    } else {
      return false;
    }
  }
  return anchored ? numbers > 0 : numbers >= 2;
}

function isShareLine(key: string, vocabulary: ChromeVocabulary): boolean {
  if (vocabulary.share.test(key) || URL_ONLY.test(key)) return true;
  const tokens = key.split(/[\s|/·•,]+/).filter((token) => token !== '');
  return tokens.length >= 2 && tokens.every((token) => vocabulary.shareButtons.has(token));
}

/** Chrome that a line shows on its own, whatever stands around it; null when the line may be content. */
export function classifyChromeLine(line: ChromeLine, language?: string | null): ChromeReason | null {
  const vocabulary = vocabularyFor(language);
  if (!HAS_WORD_CHAR.test(line.text)) return 'empty';
  const pager = PAGER_PREFIX.exec(line.text);
  if (pager) {
    const rest = line.text.slice(pager[0].length).trim();
    if (rest === '') return 'share-link';
    const words = countWords(rest);
    return classifyChromeLine({ text: rest, words, key: words <= KEY_MAX_WORDS ? normalizeForMatching(rest) : '' }, language);
  }
  if (line.words > NOTICE_MAX_WORDS) return null;
  if (COOKIE.test(line.text)) return 'cookie-notice';
  if (line.words <= CONTACT_MAX_WORDS && line.text.includes('@') && CONTACT.test(line.text)) return 'byline';
  if (line.words > KEY_MAX_WORDS) return null;
  const key = line.key;
  if (CONTACT.test(key)) return 'byline';
  if (vocabulary.continuation.test(key)) return 'continuation-marker';
  if (isShareLine(key, vocabulary)) return 'share-link';
  if (vocabulary.promo?.test(key)) return 'app-promo';
  if (APP_PROMO.test(key)) return 'app-promo';
  if (CONSENT_BUTTON.test(key)) return 'cookie-notice';
  if (IMAGE_CAPTION.test(key)) return 'image-caption';
  if (SOURCE_LINE.test(key) && line.words <= 10) return 'source-line';
  if ((MASTHEAD.test(key) && line.words <= 9) || vocabulary.copyright.test(key)) return 'site-header';
  if (BYLINE_LEAD.test(key) && line.words <= 8) return 'byline';
  if (ENGLISH_BY.test(line.text) && line.words <= 6) return 'byline';
  if (EMAIL_OR_HANDLE_ONLY.test(line.text)) return 'byline';
  if (isDateLine(key, line.words, vocabulary) || (line.words <= DATE_MAX_WORDS && vocabulary.dateLineOpener?.test(key))) return 'date-line';
  return null;
}

/**
 * A dashed credit ("عين اليوم – الرياض", "Name- Outlet- City:"). Only the
 * reader can tell where it stands: above or below the article it is a
 * byline, between paragraphs the same shape is a fixture ("الصومال - النيجر")
 * or a subheading.
 */
export function isDashedCredit(line: ChromeLine): boolean {
  const text = line.text.replace(PAGER_PREFIX, '').replace(TRAILING_BRACKETS, '');
  return line.words <= NAME_DASH_OUTLET_MAX_WORDS + 2 && countWords(text) <= NAME_DASH_OUTLET_MAX_WORDS && NAME_DASH_OUTLET.test(text);
}

/** A masthead role standing alone ("رئيس التحرير"): the next short line is the person holding it. */
export function isMastheadRole(line: ChromeLine): boolean {
  return line.words <= 6 && MASTHEAD_ROLE_ONLY.test(line.key);
}

/** A contact footer, after which bare phone codes ("88591 - Stc") still belong to it. */
export function isContactLine(line: ChromeLine): boolean {
  return line.key !== '' ? CONTACT.test(line.key) : CONTACT.test(line.text);
}

const PHONE_CODE = /\d{4,}/;
export function isPhoneCodeLine(line: ChromeLine): boolean {
  return line.words <= 4 && PHONE_CODE.test(line.text);
}

/** The heading of a comment box: it and everything after it belong to the page, not the article. */
export function isCommentsHeading(line: ChromeLine): boolean {
  return line.words <= COMMENTS_MAX_WORDS && COMMENTS_HEADING.test(line.key);
}

export function isCookieNotice(line: ChromeLine): boolean {
  return (line.words <= NOTICE_MAX_WORDS && COOKIE.test(line.text)) || (line.key !== '' && CONSENT_BUTTON.test(line.key));
}

/**
 * 'heading' for a related-links heading on its own line (a list follows),
 * 'inline' for a heading and one linked headline on the same line
 * ("اقرأ أيضا: …"), null otherwise.
 */
export function relatedHeading(line: ChromeLine, language?: string | null): 'heading' | 'inline' | null {
  const vocabulary = vocabularyFor(language);
  if (line.key === '') return null;
  if (vocabulary.relatedHeading.test(line.key)) return 'heading';
  return line.words <= RELATED_INLINE_MAX_WORDS && vocabulary.relatedInline.test(line.key) ? 'inline' : null;
}

/**
 * Length of a credit glued before the first sentence of the body, 0 when
 * there is none or it cannot be told from the sentence safely. Three shapes:
 * a wire credit run into the first word ("وكالات موقع السلطةقال …", told by a
 * word-final letter followed by a letter), a dashed dateline ending in a colon
 * ("واس- باريس: …"), and a wire dateline ("LONDON (Reuters) - …").
 */
export function creditPrefixLength(text: string): number {
  let end = 0;
  if (WIRE_CREDIT_START.test(text)) {
    const glue = GLUED_WORD_END.exec(text.slice(0, GLUE_SEARCH_CHARS));
    if (glue && countWords(text.slice(0, glue.index + 1)) <= CREDIT_MAX_WORDS) end = glue.index + 1;
  }
  if (end === 0) {
    const dateline = DASHED_DATELINE.exec(text);
    if (dateline && countWords(dateline[1]) <= CREDIT_MAX_WORDS) end = dateline[0].length;
  }
  if (end === 0) {
    const wire = WIRE_DATELINE.exec(text) ?? CAPS_DATELINE.exec(text);
    if (wire) end = wire[0].length;
  }
  if (end === 0 || countWords(text.slice(end)) < MIN_WORDS_AFTER_CREDIT) return 0;
  return end;
}

