import { identifyLanguage } from '../language/language-identifier';
import { normalizeForMatching } from '../normalize/arabic-normalizer';
import {
  ChromeLine,
  KEY_MAX_WORDS,
  classifyChromeLine,
  countWords,
  creditPrefixLength,
  isCommentsHeading,
  isContactLine,
  isCookieNotice,
  isDashedCredit,
  isMastheadRole,
  isPhoneCodeLine,
  relatedHeading,
} from './chrome-line-classifier';
import { extractReadableText } from './html-text-extractor';
import {
  isBulletedHeadline,
  isBulletLine,
  isHeadlineLike,
  isListItemLike,
  isNameLike,
  isParagraphLike,
  isSectionLabelLike,
} from './line-shape-heuristics';
import type { ChromeReason, ReadArticle, ReadArticleInput, RemovedSpan, Segment, TextSpan } from './read-article.types';
import { couldBeNearTitle, isNearTitle, titleKey } from './title-matcher';

export type {
  ArticleFormat,
  ChromeReason,
  ReadArticle,
  ReadArticleInput,
  RemovedSpan,
  Segment,
  SegmentKind,
  TextSpan,
} from './read-article.types';

/**
 * Reads a news page dump into its headline and paragraphs, dropping the page
 * chrome around them and saying why each piece went.
 *
 * The unit is the line: page dumps and readable-HTML text both put one block
 * per line. A line is dropped only when a rule recognises it (see
 * chrome-line-classifier) or when its position says so: section labels only
 * count above the first paragraph, related-links lists only under their
 * heading or as a run of bulleted headlines, and everything under a comment
 * box heading once the article has begun. Anything unrecognised is kept:
 * losing a paragraph costs more downstream than keeping a stray label.
 *
 * Offsets always point into `source`, so extraction can cite evidence
 * exactly; a credit glued to the first paragraph is dropped by moving the
 * paragraph's start, never by rewriting text.
 */

interface Line extends ChromeLine, TextSpan {}

/** Kept lines above the first paragraph that still count as page header. */
const HEADER_MAX_KEPT_LINES = 8;
/** Lines before the headline are kickers and labels when they are this short. */
const KICKER_MAX_WORDS = 8;
/** Three linked headlines in a row make a list, two might be an article's own bullets. */
const BULLET_RUN_MIN = 3;
/** Separators inside a page <title> between headline and site name. */
const TITLE_PART_SEPARATOR = /\s+[|–—\-·:»]\s+/;
const TITLE_PART_MIN_WORDS = 3;

function isSpace(code: number): boolean {
  return (
    code <= 0x20 ||
    code === 0xa0 ||
    (code >= 0x2000 && code <= 0x200f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function scanLines(source: string): Line[] {
  const lines: Line[] = [];
  let position = 0;
  while (position <= source.length) {
    let newline = source.indexOf('\n', position);
    if (newline < 0) newline = source.length;
    let start = position;
    let end = newline;
    while (start < end && isSpace(source.charCodeAt(start))) start++;
    while (end > start && isSpace(source.charCodeAt(end - 1))) end--;
    if (end > start) {
      const text = source.slice(start, end);
      const words = countWords(text);
      lines.push({ start, end, text, words, key: words <= KEY_MAX_WORDS ? normalizeForMatching(text) : '' });
    }
    position = newline + 1;
  }
  return lines;
}

/** Rules that need only the line and the lines just before it. */
function classifyInSequence(lines: Line[], language: string | null): (ChromeReason | null)[] {
  const reasons: (ChromeReason | null)[] = new Array<ChromeReason | null>(lines.length).fill(null);
  let articleBegun = false;
  let inComments = false;
  let related: 'none' | 'any' | 'bullets' | 'first-item' = 'none';
  let previous: 'none' | 'masthead-role' | 'contact' = 'none';

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (inComments) {
      reasons[i] = isCookieNotice(line) ? 'cookie-notice' : 'comments-notice';
      continue;
    }
    if (related !== 'none') {
      if (related === 'first-item') related = isBulletLine(line.text) ? 'bullets' : 'any';
      if (isListItemLike(line) && (related === 'any' || isBulletLine(line.text))) {
        reasons[i] = 'related-list';
        continue;
      }
      related = 'none';
    }
    const after = previous;
    previous = 'none';

    const reason = classifyChromeLine(line, language);
    if (reason !== null) {
      reasons[i] = reason;
      if (reason === 'site-header' && isMastheadRole(line)) previous = 'masthead-role';
      else if (reason === 'byline' && isContactLine(line)) previous = 'contact';
      continue;
    }
    if (after === 'masthead-role' && isNameLike(line)) {
      reasons[i] = 'site-header';
      continue;
    }
    if (after === 'contact' && isPhoneCodeLine(line)) {
      reasons[i] = 'byline';
      previous = 'contact';
      continue;
    }
    if (isCommentsHeading(line)) {
      reasons[i] = 'comments-notice';
      // A comment heading above the article is a widget in the header; only below it does it end the article.
      inComments = articleBegun;
      continue;
    }
    const heading = relatedHeading(line, language);
    if (heading !== null) {
      reasons[i] = 'related-list';
      if (heading === 'heading') related = 'first-item';
      continue;
    }
    if (!articleBegun && isDashedCredit(line)) {
      reasons[i] = 'byline';
      continue;
    }
    if (isParagraphLike(line)) articleBegun = true;
  }

  const lastProse = lastProseLine(lines, reasons);
  for (let i = lastProse + 1; i < lines.length; i++) {
    if (reasons[i] === null && isDashedCredit(lines[i])) reasons[i] = 'byline';
  }
  markBulletedHeadlineRuns(lines, reasons, lastProse);
  return reasons;
}

function lastProseLine(lines: Line[], reasons: (ChromeReason | null)[]): number {
  let last = lines.length - 1;
  while (last >= 0 && (reasons[last] !== null || !isParagraphLike(lines[last]))) last--;
  return last;
}

/**
 * A related-links list without a heading: a trailing list, after the last
 * paragraph, whose every item is a bulleted headline. Lists inside the
 * article (interview highlights, action points, products) and lists with
 * any item that is not headline-shaped are content.
 */
function markBulletedHeadlineRuns(lines: Line[], reasons: (ChromeReason | null)[], lastProse: number): void {
  let runStart = -1;
  let allHeadlines = true;
  for (let i = lastProse + 1; i <= lines.length; i++) {
    const inRun = i < lines.length && reasons[i] === null && isBulletLine(lines[i].text);
    if (inRun) {
      if (runStart < 0) [runStart, allHeadlines] = [i, true];
      allHeadlines &&= isBulletedHeadline(lines[i]);
      continue;
    }
    if (runStart >= 0 && allHeadlines && i - runStart >= BULLET_RUN_MIN) {
      for (let j = runStart; j < i; j++) reasons[j] = 'related-list';
    }
    runStart = -1;
  }
}

/** Index one past the page header: the first kept paragraph, or the kept-line budget, whichever comes first. */
function headerEnd(lines: Line[], reasons: (ChromeReason | null)[]): number {
  let kept = 0;
  for (let i = 0; i < lines.length; i++) {
    if (reasons[i] !== null) continue;
    if (isParagraphLike(lines[i]) || kept === HEADER_MAX_KEPT_LINES) return i;
    kept++;
  }
  return lines.length;
}

interface TitleChoice {
  title: string | null;
  /** Index of the line holding the title, -1 when it is not in the text. */
  line: number;
}

/** Lines a known headline may stand on even if a rule took them for chrome (a dashed headline looks like a byline). */
function mayHoldKnownTitle(reason: ChromeReason | null): boolean {
  return reason === null || reason === 'byline' || reason === 'section-label' || reason === 'date-line';
}

function findLine(lines: Line[], reasons: (ChromeReason | null)[], end: number, key: string, length: number): number {
  for (let i = 0; i < end; i++) {
    if (!mayHoldKnownTitle(reasons[i]) || !couldBeNearTitle(lines[i].text.length, length)) continue;
    if (isNearTitle(titleKey(lines[i].text), key)) return i;
  }
  return -1;
}

function chooseTitle(
  lines: Line[],
  reasons: (ChromeReason | null)[],
  end: number,
  given: string | null,
  pageTitle: string | null,
): TitleChoice {
  if (given !== null) return { title: given, line: findLine(lines, reasons, end, titleKey(given), given.length) };
  if (pageTitle !== null) {
    const parts = [pageTitle, ...pageTitle.split(TITLE_PART_SEPARATOR).filter((part) => countWords(part) >= TITLE_PART_MIN_WORDS)];
    for (const part of parts) {
      const line = findLine(lines, reasons, end, titleKey(part), part.length);
      if (line >= 0) return { title: lines[line].text, line };
    }
    const longest = parts.slice(1).reduce((best, part) => (part.length > best.length ? part : best), '');
    return { title: longest !== '' ? longest.trim() : pageTitle, line: -1 };
  }
  for (let i = 0; i < end; i++) {
    if (reasons[i] === null && isHeadlineLike(lines[i])) return { title: lines[i].text, line: i };
  }
  return { title: null, line: -1 };
}

function markHeader(lines: Line[], reasons: (ChromeReason | null)[], end: number, titleLine: number): void {
  for (let i = 0; i < end; i++) {
    if (reasons[i] !== null || i === titleLine) continue;
    if (isSectionLabelLike(lines[i]) || (i < titleLine && lines[i].words <= KICKER_MAX_WORDS)) reasons[i] = 'section-label';
  }
}

function markTitleRepeats(lines: Line[], reasons: (ChromeReason | null)[], title: string, titleLine: number): void {
  const key = titleKey(title);
  for (let i = 0; i < lines.length; i++) {
    if (i === titleLine || !mayHoldKnownTitle(reasons[i]) || !couldBeNearTitle(lines[i].text.length, title.length)) continue;
    if (isNearTitle(titleKey(lines[i].text), key)) reasons[i] = 'duplicate-title';
  }
}

function displayTitle(title: string | null | undefined): string | null {
  const trimmed = title?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
}

function languageOfArticle(source: string, segments: Segment[]): string | null {
  const weights = new Map<string, number>();
  for (const segment of segments) {
    if (segment.kind !== 'paragraph' || segment.language === null) continue;
    weights.set(segment.language, (weights.get(segment.language) ?? 0) + segment.end - segment.start);
  }
  let best: string | null = null;
  let bestWeight = 0;
  for (const [language, weight] of weights) {
    if (weight > bestWeight) [best, bestWeight] = [language, weight];
  }
  if (best !== null || segments.length === 0) return best;
  // Every segment alone was too short to tell: together they may not be.
  return identifyLanguage(segments.map((segment) => source.slice(segment.start, segment.end)).join('\n'));
}

export function readArticle(input: ReadArticleInput): ReadArticle {
  const page = input.format === 'html' ? extractReadableText(input.body ?? '') : null;
  const source = page ? page.text : (input.body ?? '');
  const lines = scanLines(source);
  // The page's language decides which chrome phrases beyond Arabic and English are read (French on a French page).
  const reasons = classifyInSequence(lines, identifyLanguage(source));
  const end = headerEnd(lines, reasons);
  const { title, line: titleLine } = chooseTitle(lines, reasons, end, displayTitle(input.title), displayTitle(page?.title));
  if (titleLine >= 0) reasons[titleLine] = null;
  markHeader(lines, reasons, end, titleLine);
  if (title !== null) markTitleRepeats(lines, reasons, title, titleLine);

  const segments: Segment[] = [];
  const removed: RemovedSpan[] = [];
  let firstParagraph = true;
  for (let i = 0; i < lines.length; i++) {
    const { start, end: lineEnd, text } = lines[i];
    const reason = reasons[i];
    if (reason !== null) {
      removed.push({ start, end: lineEnd, reason });
      continue;
    }
    if (i === titleLine) {
      segments.push({ kind: 'title', start, end: lineEnd, language: identifyLanguage(text) });
      continue;
    }
    let paragraphStart = start;
    if (firstParagraph) {
      firstParagraph = false;
      const credit = creditPrefixLength(text);
      if (credit > 0) {
        let creditEnd = start + credit;
        while (creditEnd > start && isSpace(source.charCodeAt(creditEnd - 1))) creditEnd--;
        removed.push({ start, end: creditEnd, reason: 'byline' });
        paragraphStart = start + credit;
        while (paragraphStart < lineEnd && isSpace(source.charCodeAt(paragraphStart))) paragraphStart++;
      }
    }
    const paragraph = paragraphStart === start ? text : source.slice(paragraphStart, lineEnd);
    segments.push({ kind: 'paragraph', start: paragraphStart, end: lineEnd, language: identifyLanguage(paragraph) });
  }

  const titleSegment = titleLine >= 0 ? lines[titleLine] : null;
  return {
    source,
    title,
    titleSpan: titleSegment ? { start: titleSegment.start, end: titleSegment.end } : null,
    language: languageOfArticle(source, segments),
    segments,
    removed,
  };
}

/** The article's paragraphs (not its title) as one text, a blank line between paragraphs. */
export function keptText(article: ReadArticle): string {
  const paragraphs: string[] = [];
  for (const segment of article.segments) {
    if (segment.kind === 'paragraph') paragraphs.push(article.source.slice(segment.start, segment.end));
  }
  return paragraphs.join('\n\n');
}
