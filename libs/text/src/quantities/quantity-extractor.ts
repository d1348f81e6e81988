import { extractDatesFolded } from '../dates/date-extractor';
import { FoldedText, FoldedToken, foldText } from '../numbers/folded-text';
import { TokenNumber, readNumberAt } from '../numbers/number-parser';
import { CURRENCY_SIGNS, quantityLexicon } from './quantity-lexicon';
import type { CountedNoun, QuantityLexicon } from './quantity-lexicon';
import type { PhraseMatch } from '../numbers/phrase-matcher';
import type { Quantity, QuantityCategory } from './quantity.types';

export type { Quantity, QuantityCategory } from './quantity.types';

/**
 * Counts in the text, in text order. Numbers that are not counts are left
 * out: parts of dates and years, clock times, phone numbers, numbers in
 * URLs, hashtags and handles, labels ("رقم 58", "المادة 5"), list markers,
 * model names ("F-16", "كوفيد-19") and scores ("3-1"). What a number counts
 * comes from the noun after it; when that noun names people but not what
 * happened to them, from the nearest event word in the same clause
 * ("أكثر من ألف شخص ... أصيبوا" are injured); when nothing names it,
 * 'other'. Arabic and English words are both always on (articles mix them,
 * embedded posts especially); `language` adds the number, date and quantity
 * words of a language read only in its own texts (French, see the language
 * registry).
 */
export function extractQuantities(text: string, language?: string): Quantity[] {
  const folded = foldText(text);
  const tokens = folded.tokens();
  const lex = quantityLexicon(language);
  const quantities: Quantity[] = [];
  let blocked: BlockedSpans | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'punct') continue;
    const number = readNumberAt(tokens, i, language);
    if (number) {
      i = number.lastToken;
      blocked ??= blockedSpans(folded, language);
      if (!isCount(lex, folded, tokens, number, blocked)) continue;
      quantities.push(describe(lex, folded, tokens, number.firstToken, number.lastToken + 1, number));
      continue;
    }
    if (token.kind !== 'word') continue;
    const dual = lex.dualNouns.matchAt(tokens, i);
    if (dual) {
      quantities.push(describe(lex, folded, tokens, i, i, null, dual));
      i = dual.end - 1;
    }
  }
  return quantities;
}

interface BlockedSpans {
  /** Original offsets of date mentions. */
  dates: Array<[number, number]>;
  /** Folded offsets of URLs, hashtags, handles and e-mail addresses. */
  links: Array<[number, number]>;
}

/** URLs, bare domains, e-mail addresses, hashtags and handles; link text is Latin, so the scan only starts on Latin letters, # and @. */
const LINKS = /(?:https?:\/\/|www\.)\S+|[#@][^\s#@]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|net|org|gov|edu|sa|ly|co|io)\b\S*/gi;
const MIGHT_LINK = /[#@]|https?:|www\.|\.(?:com|net|org|gov|edu|sa|ly|co|io)\b/i;

function blockedSpans(folded: FoldedText, language: string | undefined): BlockedSpans {
  const dates = extractDatesFolded(folded, language).map((m) => [m.start, m.end] as [number, number]);
  const links: Array<[number, number]> = [];
  if (MIGHT_LINK.test(folded.text)) {
    LINKS.lastIndex = 0;
    for (let m = LINKS.exec(folded.text); m !== null; m = LINKS.exec(folded.text)) links.push([m.index, m.index + m[0].length]);
  }
  return { dates, links };
}

function overlaps(spans: Array<[number, number]>, start: number, end: number): boolean {
  for (const [s, e] of spans) if (start < e && s < end) return true;
  return false;
}

const LIST_MARKS = new Set(['-', '.', ')', '/', '–', ':']);

/** Whether a number is a count rather than part of a date, time, phone number, link, label, name or score. */
function isCount(lex: QuantityLexicon, folded: FoldedText, tokens: readonly FoldedToken[], n: TokenNumber, blocked: BlockedSpans): boolean {
  const first = tokens[n.firstToken]!;
  const before = tokens[n.firstToken - 1];
  const after = tokens[n.lastToken + 1];
  if (overlaps(blocked.links, n.start, n.end)) return false;
  if (overlaps(blocked.dates, folded.originalStart(n.start), folded.originalEnd(n.end))) return false;

  if (n.digits) {
    const raw = first.norm;
    if (first.kind === 'number' && n.firstToken === n.lastToken) {
      // Phone and reference numbers: long digit runs, leading zeros, an international prefix.
      if (/^\d{8,}$/.test(raw) || (/^0\d{2,}/.test(raw) && !raw.includes('.') && !raw.includes(','))) return false;
      if (before?.norm === '+' && first.glued) return false;
      // A bare year: a count only when a counted noun follows ("2000 جندي").
      if (/^\d{4}$/.test(raw) && isYearLike(Number(raw)) && !lex.countedNouns.matchAt(tokens, n.lastToken + 1)) return false;
    }
    // Glued to letters or symbols: "F-16", "كوفيد-19", "G20", "5G", "الـ17", "10:30", "1/2".
    if (first.glued && before && (before.kind === 'word' ? isLatinWord(before) || before.norm === 'ال' : GLUE_MARKS.has(before.norm))) return false;
    if (after?.glued && (after.kind === 'word' ? isLatinWord(after) : after.norm === ':' || after.norm === '/') && tokens[n.lastToken + 2]?.glued) return false;
    if (after?.glued && after.kind === 'word' && isLatinWord(after)) return false;
    // Scores and ranges written with a dash: "3-1", "10-15".
    if (after && (after.norm === '-' || after.norm === '–') && tokens[n.lastToken + 2]?.kind === 'number') return false;
    if (before && (before.norm === '-' || before.norm === '–') && tokens[n.firstToken - 2]?.kind === 'number') return false;
  }
  // List markers: a number opening a line and followed by "-", ".", ")".
  if ((n.firstToken === 0 || first.newlineBefore) && after && LIST_MARKS.has(after.norm)) return false;
  // Labels: "رقم 58", "رقم (200)", "المادة 5", "الساعة 5".
  if (lex.labelWords.matchEndingAt(tokens, n.firstToken)) return false;
  if (before?.norm === '(' && lex.labelWords.matchEndingAt(tokens, n.firstToken - 1)) return false;
  if (lex.timeOfDay.matchAt(tokens, n.lastToken + 1)) return false;
  // Word numbers up to ten name a count only with their noun: "one of them", "كل واحد" are not counts.
  if (!n.digits && n.vague === null && n.value <= 10 && !countedNounAfter(lex, tokens, n.lastToken + 1) && !lex.percentWords.matchAt(tokens, n.lastToken + 1)) {
    return false;
  }
  return true;
}

const GLUE_MARKS = new Set(['-', ':', '/', '.', '+']);

function isYearLike(value: number): boolean {
  return (value >= 1900 && value <= 2100) || (value >= 1300 && value <= 1500);
}

function isLatinWord(token: FoldedToken): boolean {
  return token.kind === 'word' && token.norm.charCodeAt(0) < 0x80;
}

const CLAUSE_BREAKS = new Set(['.', '،', ',', '؛', ';', ':', '!', '?', '؟', '(', ')', '"', '«', '»', '“', '”', '[', ']']);
const SENTENCE_BREAKS = new Set(['.', '!', '?', '؟']);
const FORWARD_REACH = 10;
const BACKWARD_REACH = 4;
const COUNT_OF_REACH = 8;
const PEACEKEEPING_REACH = 12;

/**
 * Builds the quantity for the number on tokens [first, end) (or, for a
 * dual noun, `dual` alone), reading its qualifier, counted noun and
 * category from the tokens around it.
 */
function describe(
  lex: QuantityLexicon,
  folded: FoldedText,
  tokens: readonly FoldedToken[],
  first: number,
  end: number,
  number: TokenNumber | null,
  dual?: PhraseMatch<CountedNoun>,
): Quantity {
  const value = number ? number.value : 2;
  let spanStart = number ? number.start : tokens[first]!.start;
  let spanEnd = number ? number.end : tokens[dual!.end - 1]!.end;
  let unit: { start: number; end: number } | null = null;
  let category: QuantityCategory | null = null;
  let noun: CountedNoun | null = dual ? dual.value : null;
  let after = dual ? dual.end : end;
  if (dual) unit = { start: tokens[first]!.start, end: spanEnd };

  if (number) {
    const previous = tokens[first - 1];
    if (previous && CURRENCY_SIGNS.has(previous.norm)) {
      category = 'money';
      unit = { start: previous.start, end: previous.end };
      spanStart = previous.start;
    }
    const percent = tokens[end]?.norm === '%' ? { end: end + 1 } : lex.percentWords.matchAt(tokens, end);
    if (!category && percent) {
      category = 'percent';
      unit = { start: tokens[end]!.start, end: tokens[percent.end - 1]!.end };
      after = percent.end;
    }
    if (!category) {
      const found = countedNounAfter(lex, tokens, end);
      if (found) {
        noun = found.match.value;
        unit = { start: tokens[found.match.start]!.start, end: tokens[found.match.end - 1]!.end };
        after = found.match.end;
      }
    }
  }

  // Qualifier before ("أكثر من", "حوالي"), turned into a bound by a negation ("لن تستغرق أكثر من").
  let qualifier: Quantity['qualifier'] = null;
  let backwardFrom = first;
  const before = lex.qualifiersBefore.matchEndingAt(tokens, first);
  if (before) {
    qualifier = before.value;
    spanStart = Math.min(spanStart, tokens[before.start]!.start);
    backwardFrom = before.start;
    if (qualifier === 'more-than' || qualifier === 'less-than') {
      if (negatedBefore(lex, tokens, before.start)) qualifier = qualifier === 'more-than' ? 'at-most' : 'at-least';
    }
  }
  const afterQualifier = lex.qualifiersAfter.matchAt(tokens, after);
  if (afterQualifier && !qualifier) {
    qualifier = afterQualifier.value;
    after = afterQualifier.end;
  }
  if (unit) spanEnd = Math.max(spanEnd, unit.end);

  category ??= categorize(lex, tokens, backwardFrom, after, noun, unit !== null);
  if (category === 'troops' || (category === 'people' && noun === null)) {
    if (nearPeacekeeping(lex, tokens, backwardFrom, after)) category = 'peacekeepers';
  }

  let unitText: string | null = unit ? folded.originalSlice(unit.start, unit.end) : null;
  if (!unit && category === 'other') {
    const next = tokens[after];
    if (next && next.kind === 'word' && !next.newlineBefore && !lex.functionWords.has(next.norm)) {
      unitText = folded.originalSlice(next.start, next.end);
    }
  }
  const start = folded.originalStart(spanStart);
  const stop = folded.originalEnd(spanEnd);
  const quantity: Quantity = {
    value,
    approximate: (number?.approximate ?? false) || qualifier !== null,
    qualifier,
    category,
    text: folded.original.slice(start, stop),
    start,
    end: stop,
    unitText,
  };
  if (number?.vague) quantity.vague = number.vague;
  return quantity;
}

/** The counted noun right after the number: "50 مركبة", "عشرات المتظاهرين", "3 من الجنود", "50 armored vehicles". */
function countedNounAfter(lex: QuantityLexicon, tokens: readonly FoldedToken[], end: number): { match: PhraseMatch<CountedNoun> } | null {
  const next = tokens[end];
  if (!next || next.newlineBefore) return null;
  const direct = lex.countedNouns.matchAt(tokens, end);
  if (direct && !direct.conj) return { match: direct };
  if (lex.partitives.has(next.norm)) {
    // An elided partitive written with a typographic apostrophe leaves it a token of its own: "d’euros".
    const elided = tokens[end + 1]?.norm === '’' && tokens[end + 1]!.glued && tokens[end + 2]?.glued;
    const partitive = lex.countedNouns.matchAt(tokens, elided ? end + 2 : end + 1);
    if (partitive && !partitive.conj) return { match: partitive };
  }
  // English puts adjectives between: "50 armored vehicles", "3 Palestinian civilians".
  if (isLatinWord(next) && !lex.functionWords.has(next.norm)) {
    for (let k = end + 1; k <= end + 2; k++) {
      const token = tokens[k];
      if (!token || !isLatinWord(token)) break;
      const match = lex.countedNouns.matchAt(tokens, k);
      if (match) return { match };
    }
  }
  return null;
}

function negatedBefore(lex: QuantityLexicon, tokens: readonly FoldedToken[], start: number): boolean {
  for (let k = start - 1; k >= Math.max(0, start - 3); k--) {
    const token = tokens[k]!;
    if (CLAUSE_BREAKS.has(token.norm)) return false;
    if (lex.negations.matchAt(tokens, k)) return true;
  }
  return false;
}

/**
 * The category from the counted noun and the clause around the number.
 * Non-person nouns decide alone. Otherwise the nearest event word in the
 * clause (forward to the clause end or the next number, backward a few
 * words) decides; then the person noun; then "عدد X ... N" before it.
 */
function categorize(
  lex: QuantityLexicon,
  tokens: readonly FoldedToken[],
  backwardFrom: number,
  after: number,
  noun: CountedNoun | null,
  hasUnit: boolean,
): QuantityCategory {
  if (noun && !noun.personLike) return noun.category;
  const next = tokens[after];
  const unknownNext =
    !noun &&
    !hasUnit &&
    next !== undefined &&
    !next.newlineBefore &&
    next.kind === 'word' &&
    !lex.functionWords.has(next.norm) &&
    !lex.eventCues.startsWith(next) &&
    !startsNewPart(next);
  const cue = nearestEventCue(lex, tokens, backwardFrom, after);
  if (unknownNext) {
    // An unknown noun is what is counted ("200 رحلة"); only the word heading the number can still name the event ("إصابة المئات").
    return cue && cue.backward && cue.distance <= 1 ? cue.category : 'other';
  }
  if (cue) return cue.category;
  if (noun) return noun.category;
  const counted = countOfBefore(lex, tokens, backwardFrom);
  if (counted) return counted;
  return 'other';
}

/** A word that opens a new part of the clause rather than naming what is counted: "ويمكن", "وتضرروا", or a verb "نقلوا". */
function startsNewPart(token: FoldedToken): boolean {
  const norm = token.norm;
  if (norm.charCodeAt(0) < 0x0600) return false;
  if (norm.length > 3 && (norm[0] === 'و' || norm[0] === 'ف')) return true;
  return norm.length >= 4 && norm.endsWith('وا');
}

function nearestEventCue(
  lex: QuantityLexicon,
  tokens: readonly FoldedToken[],
  backwardFrom: number,
  after: number,
): { category: QuantityCategory; distance: number; backward: boolean } | null {
  let forward: { category: QuantityCategory; distance: number; backward: boolean } | null = null;
  for (let k = after; k < Math.min(tokens.length, after + FORWARD_REACH); k++) {
    const token = tokens[k]!;
    if (token.newlineBefore || CLAUSE_BREAKS.has(token.norm) || token.kind === 'number' || (k > after && readNumberAt(tokens, k))) break;
    const match = lex.eventCues.matchAt(tokens, k);
    // "قتل ثلاثة أشخاص وإصابة رابع": a cue joined by و opens a new part about others.
    if (match && match.conj) break;
    if (match) {
      forward = { category: match.value, distance: k - after + 1, backward: false };
      break;
    }
  }
  let backward: { category: QuantityCategory; distance: number; backward: boolean } | null = null;
  for (let k = backwardFrom - 1; k >= Math.max(0, backwardFrom - BACKWARD_REACH); k--) {
    const token = tokens[k]!;
    if (CLAUSE_BREAKS.has(token.norm) || token.kind === 'number' || tokens[k + 1]!.newlineBefore) break;
    const match = lex.eventCues.matchAt(tokens, k);
    if (match) {
      backward = { category: match.value, distance: backwardFrom - k, backward: true };
      break;
    }
  }
  if (forward && backward) return backward.distance <= forward.distance ? backward : forward;
  return forward ?? backward;
}

/** "إجمالي عدد قوات حفظ السلام سيبلغ حوالي 2500": the noun after "عدد" is what is counted. */
function countOfBefore(lex: QuantityLexicon, tokens: readonly FoldedToken[], backwardFrom: number): QuantityCategory | null {
  for (let k = backwardFrom - 1; k >= Math.max(0, backwardFrom - COUNT_OF_REACH); k--) {
    const token = tokens[k]!;
    if (CLAUSE_BREAKS.has(token.norm) || token.kind === 'number' || tokens[k + 1]!.newlineBefore) break;
    const countOf = lex.countOfCues.matchAt(tokens, k);
    if (!countOf) continue;
    const noun = lex.countedNouns.matchAt(tokens, countOf.end);
    if (noun) return noun.value.category;
    const cue = lex.eventCues.matchAt(tokens, countOf.end);
    if (cue) return cue.value;
  }
  return null;
}

function nearPeacekeeping(lex: QuantityLexicon, tokens: readonly FoldedToken[], backwardFrom: number, after: number): boolean {
  for (let k = backwardFrom - 1; k >= Math.max(0, backwardFrom - PEACEKEEPING_REACH); k--) {
    const token = tokens[k]!;
    if (SENTENCE_BREAKS.has(token.norm) || tokens[k + 1]!.newlineBefore) break;
    if (lex.peacekeepingCues.matchAt(tokens, k)) return true;
  }
  for (let k = after; k < Math.min(tokens.length, after + FORWARD_REACH); k++) {
    const token = tokens[k]!;
    if (SENTENCE_BREAKS.has(token.norm) || token.newlineBefore) break;
    if (lex.peacekeepingCues.matchAt(tokens, k)) return true;
  }
  return false;
}
