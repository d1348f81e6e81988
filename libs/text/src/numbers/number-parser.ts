import { FoldedText, FoldedToken, foldText, withProclitics } from './folded-text';
import { byTextLanguage, ownTextLanguage } from '../languages/language-registry';
import { DEFINITE_NUMBER_ROLES, NumberWord, VagueCount, numberWordsOf } from './number-lexicon';

/**
 * A number as the text states it: digits ("2,500", "٢٥٠٠", "2.5 مليون"),
 * words ("خمسة وعشرون", "ثلاثة آلاف", "two hundred and fifty") or a vague
 * count ("عشرات", "hundreds of"), whose value is the least it can mean and
 * which is marked approximate.
 */
export interface ParsedNumber {
  value: number;
  approximate: boolean;
  /** Set for vague counts: "عشرات" → 'tens' (value 10), "المئات" → 'hundreds' (value 100). */
  vague: VagueCount | null;
  /** The number as written and its half-open offsets in the text given. */
  text: string;
  start: number;
  end: number;
}

/** A number read from tokens of a FoldedText: token indices and folded offsets, for extractors that look around it. */
export interface TokenNumber {
  value: number;
  approximate: boolean;
  vague: VagueCount | null;
  firstToken: number;
  lastToken: number;
  /** Folded offsets, after any proclitic glued to the first word ("وخمسة" starts at خ). */
  start: number;
  end: number;
  /** Written with digits (as opposed to words only). */
  digits: boolean;
}

/** Every number in the text, left to right, with offsets into it. */
export function findNumbers(text: string, language?: string | null): ParsedNumber[] {
  const folded = foldText(text);
  const tokens = folded.tokens();
  const found: ParsedNumber[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const number = readNumberAt(tokens, i, language);
    if (!number) continue;
    found.push(toParsed(folded, number));
    i = number.lastToken;
  }
  return found;
}

/** The value of a text that is one number and nothing else ("ثلاثمئة", "2.500", "dozens"); null otherwise. */
export function parseNumber(text: string, language?: string | null): ParsedNumber | null {
  const folded = foldText(text.trim());
  const tokens = folded.tokens();
  if (tokens.length === 0) return null;
  const number = readNumberAt(tokens, 0, language);
  if (!number || number.lastToken !== tokens.length - 1) return null;
  return toParsed(folded, number);
}

function toParsed(folded: FoldedText, n: TokenNumber): ParsedNumber {
  const start = folded.originalStart(n.start);
  const end = folded.originalEnd(n.end);
  return { value: n.value, approximate: n.approximate, vague: n.vague, text: folded.original.slice(start, end), start, end };
}

/**
 * Reads the number that starts at token `i`, or null when none does.
 *
 * Words combine by the rules of their roles (see NumberWord); a conjunction
 * ("و", "and") joins only parts that make one value in the language's
 * order, so "خمسة وعشرون" is 25 and "ألف و500" is 1,500, while "بين 10 و15"
 * stays two numbers.
 */
export function readNumberAt(tokens: readonly FoldedToken[], i: number, language?: string | null): TokenNumber | null {
  const words = wordsFor(language);
  const spaceGroups = ownTextLanguage(language)?.groupsDigitsWithSpaces === true;
  const firstToken = tokens[i];
  if (!firstToken || firstToken.kind === 'punct') return null;
  let startOffset = firstToken.start;
  let total = 0;
  let group = 0;
  let lastRole: Role | null = null;
  let lastScale = Number.POSITIVE_INFINITY;
  let approximate = false;
  let vague: VagueCount | null = null;
  let several = false;
  let digits = false;
  let last = -1;

  let k = i;
  while (k < tokens.length) {
    const token = tokens[k]!;
    if (k > i && token.newlineBefore) break;
    let connector = false;
    let at = k;
    let read = classify(token, words);
    if (k > i && read.kind === 'dash') {
      // A dash joins only English tens and units ("twenty-five"); elsewhere it is a range or a score.
      const next = tokens[k + 1];
      const after = next && next.glued && token.glued ? classify(next, words) : NOTHING;
      if (lastRole !== 'ten' || after.kind !== 'word' || after.word.role !== 'unit' || !isLatin(next!)) break;
      at = k + 1;
      read = after;
    } else if (k > i && read.kind === 'connector') {
      // A connector joins only when a number part follows it directly.
      const next = tokens[k + 1];
      if (!next || next.newlineBefore) break;
      const after = classify(next, words);
      if (after.kind !== 'word' && after.kind !== 'digits') break;
      connector = true;
      at = k + 1;
      read = after;
    } else if (read.kind === 'word' && read.conj) {
      if (k === i) startOffset = token.start + read.prefix.length;
      else connector = true;
    }
    // A definite vague count keeps its article in the span ("المئات"); other proclitics are left out ("بالمئات" → "المئات").
    if (read.kind === 'word' && read.definite && k === i) startOffset = token.start + articleStart(read.prefix);
    if (read.kind !== 'word' && read.kind !== 'digits') {
      if (k === i && read.kind === 'article-a') {
        // "a hundred", "a dozen", "a few thousand": the article stands for one.
        const next = tokens[k + 1];
        const after = next ? classify(next, words) : NOTHING;
        if (after.kind === 'word' && (after.word.role === 'hundred' || after.word.role === 'scale' || after.word.role === 'value' || after.word.role === 'several')) {
          group = 1;
          lastRole = 'a';
          last = k;
          k++;
          continue;
        }
      }
      break;
    }
    const first = last < 0;

    if (read.kind === 'digits') {
      const from = at;
      if (first && spaceGroups) at = spaceGroupedEnd(tokens, at);
      const raw = at === from ? tokens[at]!.norm : tokens.slice(from, at + 1).map((t) => t.norm).join('');
      const value = parseDigits(raw, followedByScale(tokens, at, words));
      if (Number.isNaN(value)) break;
      if (first) {
        group = value;
      } else if (connector && isScaleRole(lastRole) && value < lastScale) {
        group += value;
      } else break;
      digits = true;
      lastRole = 'digits';
      last = at;
      k = at + 1;
      continue;
    }

    const { word } = read;
    if (first && read.definite && !DEFINITE_NUMBER_ROLES.has(word.role)) break;
    if (word.teenOnly) {
      const after = tokens[at + 1] ? classify(tokens[at + 1]!, words) : NOTHING;
      if (after.kind !== 'word' || after.word.role !== 'teen-ten' || after.conj) break;
    }
    let accepted = true;
    switch (word.role) {
      case 'unit':
      case 'ten':
        if (first) group = word.value;
        else if (connector && isScaleRole(lastRole) && word.value < lastScale) group += word.value;
        else if (connector && lastRole === 'unit' && word.role === 'ten' && group < 10) group += word.value;
        else if (!connector && lastRole === 'ten' && word.role === 'unit' && word.value < 10 && group % 10 === 0 && isLatin(token)) group += word.value;
        else if (lastRole === 'hundred' && isLatin(token) && group % 100 === 0) group += word.value;
        else if (!connector && lastRole === 'scale' && isLatin(token) && group === 0 && word.value < lastScale) group += word.value;
        else if (connector && lastRole === 'hundred' && word.value < 100) group += word.value;
        else accepted = false;
        if (accepted) lastRole = word.role === 'ten' ? 'ten' : 'unit';
        break;
      case 'teen-ten':
        if (first) {
          group = word.value;
          lastRole = 'unit';
        } else if (!connector && lastRole === 'unit' && group < 10) {
          group += word.value;
          lastRole = 'ten';
        } else if (connector && isScaleRole(lastRole) && word.value < lastScale) {
          group += word.value;
          lastRole = 'unit';
        } else accepted = false;
        break;
      case 'hundred':
        if (first || lastRole === 'a') group = 100;
        else if (several) group = 100;
        else if (!connector && (lastRole === 'unit' || lastRole === 'digits') && group < 10) group *= 100;
        else if (connector && isScaleRole(lastRole) && lastScale > 100) group += 100;
        else accepted = false;
        if (accepted) {
          lastRole = 'hundred';
          lastScale = 100;
        }
        break;
      case 'value':
        if (first || lastRole === 'a') group = word.value;
        else if (connector && isScaleRole(lastRole) && word.value < lastScale) group += word.value;
        else accepted = false;
        if (accepted) {
          lastRole = word.value >= 1000 ? 'scale' : 'unit';
          if (word.value >= 1000) lastScale = word.value >= 1_000_000 ? 1_000_000 : 1000;
        }
        break;
      case 'scale':
        if (connector) accepted = false;
        else if (group === 0 && total > 0 && word.value > lastScale) total *= word.value;
        else if (group === 0 && total === 0 && several) {
          total += word.value;
          approximate = true;
        } else if (group === 0 && total === 0 && !first && lastRole !== 'a') accepted = false;
        else {
          total += (group === 0 ? 1 : group) * word.value;
          group = 0;
        }
        if (accepted) {
          lastRole = 'scale';
          lastScale = word.value;
        }
        break;
      case 'plural-scale':
        if (connector) accepted = false;
        else if (first || several) {
          total += word.value;
          approximate = true;
          vague = word.vague ?? null;
        } else if (group > 0 && (lastRole === 'unit' || lastRole === 'ten' || lastRole === 'digits' || lastRole === 'vague')) {
          total += group * word.value;
          group = 0;
        } else accepted = false;
        if (accepted) {
          lastRole = 'scale';
          lastScale = word.value;
        }
        break;
      case 'vague':
        if (first || several) {
          group = word.value;
          approximate = true;
          vague = word.vague ?? null;
          lastRole = 'vague';
        } else accepted = false;
        break;
      case 'several': {
        // Only a modifier: "عدة مئات", "several hundred", "a few thousand".
        const next = tokens[at + 1];
        const after = next ? classify(next, words) : NOTHING;
        const modifies =
          (first || lastRole === 'a') &&
          after.kind === 'word' &&
          !after.conj &&
          (after.word.role === 'vague' || after.word.role === 'plural-scale' || after.word.role === 'hundred' || after.word.role === 'scale');
        if (!modifies) accepted = false;
        else {
          several = true;
          approximate = true;
          lastRole = 'several';
        }
        break;
      }
      case 'half':
        if (connector && lastRole === 'scale') total += lastScale / 2;
        else if (connector && (lastRole === 'unit' || lastRole === 'digits')) group += 0.5;
        else accepted = false;
        if (accepted) lastRole = 'half';
        break;
    }
    if (!accepted) break;
    last = at;
    k = at + 1;
    // English "tens of thousands", "hundreds of millions": "of" joins a vague count to its scale.
    if (lastRole === 'vague' && tokens[k]?.norm === 'of') {
      const after = tokens[k + 1] ? classify(tokens[k + 1]!, words) : NOTHING;
      if (after.kind === 'word' && (after.word.role === 'plural-scale' || after.word.role === 'scale')) k++;
    }
  }
  if (last < 0 || lastRole === 'several' || lastRole === 'a') return null;
  const value = total + group;
  if (!(value > 0) || !Number.isFinite(value)) return null;
  if (several && vague === null) vague = scaleVague(value);
  return { value, approximate, vague, firstToken: i, lastToken: last, start: startOffset, end: tokens[last]!.end, digits };
}

type Role = 'unit' | 'ten' | 'hundred' | 'scale' | 'vague' | 'several' | 'half' | 'digits' | 'a';

function articleStart(prefix: string): number {
  if (prefix.endsWith('لل')) return prefix.length;
  return prefix.endsWith('ال') ? prefix.length - 2 : prefix.length;
}

function followedByScale(tokens: readonly FoldedToken[], i: number, words: ClassifiedWords): boolean {
  const next = tokens[i + 1];
  if (!next || next.newlineBefore) return false;
  const read = classify(next, words);
  return read.kind === 'word' && !read.conj && (read.word.role === 'scale' || read.word.role === 'plural-scale');
}

/**
 * The last token of digits grouped by spaces from token `i` ("2 500", "1 200 000", often with a
 * no-break space): groups of exactly three digits one space apart, after a first group of one to three.
 */
function spaceGroupedEnd(tokens: readonly FoldedToken[], i: number): number {
  if (!/^\d{1,3}$/.test(tokens[i]!.norm)) return i;
  let end = i;
  for (;;) {
    const next = tokens[end + 1];
    if (!next || next.kind !== 'number' || next.newlineBefore || next.start !== tokens[end]!.end + 1 || !/^\d{3}$/.test(next.norm)) return end;
    end++;
  }
}

function isScaleRole(role: Role | null): boolean {
  return role === 'scale' || role === 'hundred';
}

function isLatin(token: FoldedToken): boolean {
  return token.norm.charCodeAt(0) < 0x80;
}

function scaleVague(value: number): VagueCount | null {
  if (value >= 1_000_000_000) return 'billions';
  if (value >= 1_000_000) return 'millions';
  if (value >= 1000) return 'thousands';
  if (value >= 100) return 'hundreds';
  return null;
}

type Classified =
  | { kind: 'digits' }
  | { kind: 'word'; word: NumberWord; conj: boolean; definite: boolean; prefix: string }
  | { kind: 'connector' }
  | { kind: 'dash' }
  | { kind: 'article-a' }
  | { kind: 'none' };

const NOTHING: Classified = { kind: 'none' };
const CONNECTOR: Classified = { kind: 'connector' };
const ARTICLE_A: Classified = { kind: 'article-a' };

const DIGITS: Classified = { kind: 'digits' };
const DASH: Classified = { kind: 'dash' };

function classify(token: FoldedToken, words: ClassifiedWords): Classified {
  if (token.kind === 'number') return DIGITS;
  if (token.kind === 'punct') return token.norm === '-' ? DASH : NOTHING;
  const norm = token.norm;
  if (norm === 'و' || norm === 'and') return CONNECTOR;
  if (norm === 'a' || norm === 'an') return ARTICLE_A;
  return words.get(norm) ?? NOTHING;
}

type ClassifiedWords = ReadonlyMap<string, Classified>;

/**
 * Every number word with each proclitic sequence Arabic glues to it
 * (conjunction و ف, preposition ب ل ك, article ال, ل + ال written لل), so a
 * token is classified with one map lookup. Definite forms are kept only for
 * roles that are read with the article.
 */
function prefixedWords(numberWords: ReadonlyMap<string, NumberWord>): ClassifiedWords {
  const map = new Map<string, Classified>();
  for (const [word, entry] of numberWords) {
    for (const { form, prefix, conj, definite } of withProclitics(word, DEFINITE_NUMBER_ROLES.has(entry.role))) {
      if (!map.has(form)) map.set(form, { kind: 'word', word: entry, conj, definite, prefix });
    }
  }
  return map;
}

/** Arabic and English words in every text; a language read only in its own texts (French) adds its words there. */
const wordsFor = byTextLanguage((modules) => prefixedWords(numberWordsOf(modules)));

/**
 * Digits with separators. Both "2,500" and "2.500" are 2500 (Arabic
 * outlets write either); a separator followed by other than three digits
 * is a decimal point ("2.5", "2,5"); with both kinds the last one is the
 * decimal point ("1,234.5", "1.234,5").
 */
export function parseDigits(raw: string, beforeScaleWord = false): number {
  const dot = raw.lastIndexOf('.');
  const comma = raw.lastIndexOf(',');
  if (dot < 0 && comma < 0) return Number(raw);
  if (dot >= 0 && comma >= 0) {
    const decimal = dot > comma ? '.' : ',';
    const grouping = decimal === '.' ? /,/g : /\./g;
    return Number(raw.replace(grouping, '').replace(decimal, '.'));
  }
  const sep = dot >= 0 ? '.' : ',';
  const parts = raw.split(sep);
  // Before مليون/ألف/million a lone separator is a decimal point: "1.200 مليار" is 1.2 billion.
  const grouped =
    parts.length > 1 && parts[0]!.length <= 3 && parts.slice(1).every((p) => p.length === 3) && !(beforeScaleWord && parts.length === 2);
  if (grouped) return Number(parts.join(''));
  if (parts.length === 2) return Number(`${parts[0]}.${parts[1]}`);
  return Number.NaN;
}
