import { FoldedToken, foldText } from '../numbers/folded-text';
import type { PhraseMatch } from '../numbers/phrase-matcher';
import { quoteLexicon } from './quote-lexicon';
import type { QuoteCueKind, QuoteLexicon } from './quote-lexicon';

/**
 * Quoted speech: `text`/`start`/`end` are the words inside the quotation
 * marks, `speaker*` the words naming who spoke when the text says so, `cue`
 * the reporting word that ties them ("قال", "حسب بيان", "said").
 */
export interface Quote {
  text: string;
  start: number;
  end: number;
  speaker: string | null;
  speakerStart: number | null;
  speakerEnd: number | null;
  cue: string | null;
}

/** Quotes of up to this many words are scare quotes or names ("ضبط النفس", "فيسبوك"), not speech. */
const SCARE_QUOTE_MAX_WORDS = 3;

/**
 * Quoted speech in «...», “...” and "..." (straight quotes pair within a
 * paragraph), outermost only, each with its speaker where the sentence
 * names one: a reporting verb before the quote and the subject after it
 * ("وقال شويغو خلال مؤتمر عبر الفيديو: "..."" → شويغو), the source after
 * the quote ("..."، حسب بيان الأمانة العامة), the English "X said" /
 * "said X". A reporting verb with no subject continues the previous
 * speaker ("وتابع: "...""). The words are the language modules'; `language`
 * adds those of a language read only in its own texts (French "a déclaré",
 * "selon").
 */
export function extractQuotes(text: string, language?: string | null): Quote[] {
  const lex = quoteLexicon(language);
  const folded = foldText(text);
  const tokens = folded.tokens();
  const quotes: Quote[] = [];
  let previous: { speaker: Span | null; closeToken: number } | null = null;
  for (const span of quoteSpans(folded.text)) {
    const inner = folded.text.slice(span.open + 1, span.close);
    if (countWords(inner) <= SCARE_QUOTE_MAX_WORDS) continue;
    const openToken = tokenAt(tokens, span.open);
    const closeToken = tokenAt(tokens, span.close);
    if (openToken < 0 || closeToken < 0) continue;
    const floor: number = previous ? previous.closeToken + 1 : 0;
    let attribution: Attribution | null = attributionBefore(lex, tokens, openToken, floor) ?? attributionAfter(lex, tokens, closeToken);
    if (attribution && attribution.speaker === null && attribution.continues && previous?.speaker) {
      attribution = { ...attribution, speaker: previous.speaker };
    }
    const trimmed = trimSpan(folded.text, span.open + 1, span.close);
    const start = folded.originalStart(trimmed.start);
    const end = folded.originalEnd(trimmed.end);
    const speaker: Span | null = attribution?.speaker ?? null;
    quotes.push({
      text: folded.original.slice(start, end),
      start,
      end,
      speaker: speaker ? folded.originalSlice(tokens[speaker.first]!.start, tokens[speaker.last]!.end) : null,
      speakerStart: speaker ? folded.originalStart(tokens[speaker.first]!.start) : null,
      speakerEnd: speaker ? folded.originalEnd(tokens[speaker.last]!.end) : null,
      cue: attribution ? folded.originalSlice(tokens[attribution.cue.start]!.start, tokens[attribution.cue.end - 1]!.end) : null,
    });
    previous = { speaker, closeToken };
  }
  return quotes;
}

interface QuoteSpan {
  /** Folded offsets of the opening and closing marks. */
  open: number;
  close: number;
}

const PAIRS: Readonly<Record<string, string>> = { '«': '»', '“': '”', '„': '“' };

/**
 * Pairs quotation marks paragraph by paragraph. Guillemets and curly quotes
 * pair as opening/closing marks; straight quotes, and a lone ” used for
 * both (as some Arabic sites do), pair left to right. Spans inside another
 * are dropped: the outer quote holds them.
 */
function quoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let opened: Array<{ mark: string; at: number }> = [];
  let straight = -1;
  let curlyOpens: boolean | null = null;
  QUOTE_MARKS.lastIndex = 0;
  for (let m = QUOTE_MARKS.exec(text); m !== null; m = QUOTE_MARKS.exec(text)) {
    const ch = m[0];
    const i = m.index;
    if (ch === '\n') {
      opened = [];
      straight = -1;
      curlyOpens = null;
      continue;
    }
    // Whether this paragraph uses “ as an opening mark; if not, ” is used both ways.
    curlyOpens ??= paragraphHas(text, i, '“');
    const lowOpened = opened.some((o) => o.mark === '„');
    if (ch === '"' || (ch === '”' && !curlyOpens)) {
      if (straight < 0) straight = i;
      else {
        spans.push({ open: straight, close: i });
        straight = -1;
      }
    } else if (PAIRS[ch] !== undefined && !(ch === '“' && lowOpened)) {
      opened.push({ mark: ch, at: i });
    } else {
      for (let k = opened.length - 1; k >= 0; k--) {
        if (PAIRS[opened[k]!.mark] === ch) {
          spans.push({ open: opened[k]!.at, close: i });
          opened.length = k;
          break;
        }
      }
    }
  }
  spans.sort((a, b) => a.open - b.open || b.close - a.close);
  const outer: QuoteSpan[] = [];
  for (const span of spans) {
    const last = outer[outer.length - 1];
    if (last && span.open < last.close) continue;
    outer.push(span);
  }
  return outer;
}

const QUOTE_MARKS = /["«»“”„\n]/g;

/** Whether the paragraph around offset `at` contains `mark`. */
function paragraphHas(text: string, at: number, mark: string): boolean {
  const start = text.lastIndexOf('\n', at) + 1;
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  const found = text.indexOf(mark, start);
  return found >= 0 && found < end;
}

function countWords(text: string): number {
  const words = text.trim().split(/\s+/);
  return words.filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Index of the token that starts at folded offset `at`, or -1. */
function tokenAt(tokens: readonly FoldedToken[], at: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = tokens[mid]!.start;
    if (start === at) return mid;
    if (start < at) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

interface Span {
  first: number;
  last: number;
}

interface Attribution {
  cue: PhraseMatch<QuoteCueKind>;
  speaker: Span | null;
  /** A reporting verb that can go on with the previous speaker when it names none ("وتابع:"). */
  continues: boolean;
}

const HARD_BREAKS = new Set([':', '.', '!', '?', '؟', '"', '«', '»', '“', '”', '(', ')', '؛', ';', '-', '–', '—']);
const COMMAS = new Set(['،', ',']);
const SPEAKER_MAX_TOKENS = 8;
const BACK_REACH = 40;

/** The nearest reporting word before the quote, in its sentence, with the speaker it names. */
function attributionBefore(lex: QuoteLexicon, tokens: readonly FoldedToken[], openToken: number, floor: number): Attribution | null {
  let found: Attribution | null = null;
  for (let k = openToken - 1; k >= Math.max(floor, openToken - BACK_REACH); k--) {
    const token = tokens[k]!;
    if (token.norm === '.' || token.norm === '!' || token.norm === '?' || token.norm === '؟') break;
    const cue = lex.cues.matchAt(tokens, k);
    if (cue && cue.end <= openToken) {
      const attribution = attribute(lex, tokens, cue, openToken);
      if (attribution.speaker) return attribution;
      // "وتابع برايس قائلا إن ...": the participle names nobody; the verb before it does.
      found ??= attribution;
      if (cue.value !== 'participle' && cue.value !== 'quoting') return found;
    }
    if (tokens[k]!.newlineBefore) break;
  }
  return found;
}

/** A source or reporting verb right after the quote: '"..."، حسب بيان الأمانة العامة', '"...," said Smith', '"...," Smith said'. */
function attributionAfter(lex: QuoteLexicon, tokens: readonly FoldedToken[], closeToken: number): Attribution | null {
  let k = closeToken + 1;
  while (tokens[k] && COMMAS.has(tokens[k]!.norm) && !tokens[k]!.newlineBefore) k++;
  if (!tokens[k] || tokens[k]!.newlineBefore) return null;
  for (let j = k; j < Math.min(tokens.length, k + 6); j++) {
    const token = tokens[j]!;
    if (j > k && (token.newlineBefore || HARD_BREAKS.has(token.norm))) break;
    const cue = lex.cues.matchAt(tokens, j);
    if (!cue) continue;
    if (cue.value === 'subject-verb' && j > k) {
      return { cue, speaker: trimSpeaker(lex, tokens, k, j - 1), continues: false };
    }
    if (j === k) return attribute(lex, tokens, cue, tokens.length, true);
  }
  return null;
}

function attribute(lex: QuoteLexicon, tokens: readonly FoldedToken[], cue: PhraseMatch<QuoteCueKind>, limit: number, afterQuote = false): Attribution {
  const kind = cue.value;
  if (kind === 'subject-verb') {
    // "Psaki said:" names the speaker before the verb; after a quote, '"...", said Smith' names it after.
    const before = afterQuote ? null : subjectBefore(lex, tokens, cue.start);
    return { cue, speaker: before ?? subjectAfter(lex, tokens, cue.end, limit), continues: true };
  }
  if (kind === 'quoting') return { cue, speaker: sourceBeforeQuoting(lex, tokens, cue.start), continues: false };
  if (kind === 'participle') return { cue, speaker: null, continues: true };
  const fronted = frontedSubject(lex, tokens, cue.start);
  if (fronted) return { cue, speaker: fronted, continues: false };
  let from = cue.end;
  if (kind === 'source') {
    // "حسب بيان الأمانة العامة": the statement's author is the speaker.
    while (tokens[from] && lex.statementWords.has(tokens[from]!.norm)) from++;
  }
  return { cue, speaker: subjectAfter(lex, tokens, from, limit), continues: kind === 'continuing-verb' };
}

/** Words after the reporting verb up to a stop word, split at commas into the title and the name. */
function subjectAfter(lex: QuoteLexicon, tokens: readonly FoldedToken[], from: number, limit: number): Span | null {
  const segments: Span[] = [];
  let segmentStart = -1;
  let k = from;
  for (; k < Math.min(limit, from + SPEAKER_MAX_TOKENS + 2); k++) {
    const token = tokens[k]!;
    if (k > from && token.newlineBefore) break;
    if (HARD_BREAKS.has(token.norm) || (token.kind === 'word' && (isStop(lex, token) || lex.cues.startsWith(token)))) break;
    if (COMMAS.has(token.norm)) {
      if (segmentStart >= 0) segments.push({ first: segmentStart, last: k - 1 });
      segmentStart = -1;
      continue;
    }
    if (token.kind !== 'word') break;
    if (segmentStart < 0) segmentStart = k;
  }
  if (segmentStart >= 0) segments.push({ first: segmentStart, last: k - 1 });
  if (segments.length === 0) return null;
  const [first] = segments;
  if (segments.length > 1 && opensWithTitle(lex, tokens, first!)) {
    const name = segments.slice(1).find((s) => !opensWithTitle(lex, tokens, s) && !tokens[s.first]!.norm.startsWith('ال'));
    if (name) return trimSpeaker(lex, tokens, name.first, name.last);
  }
  return trimSpeaker(lex, tokens, first!.first, first!.last);
}

function isStop(lex: QuoteLexicon, token: FoldedToken): boolean {
  const norm = token.norm;
  if (lex.subjectStops.has(norm)) return true;
  // Single letters are proclitics written apart ("بـ", "لـ") before a quote or name.
  return norm.length === 1;
}

function opensWithTitle(lex: QuoteLexicon, tokens: readonly FoldedToken[], span: Span): boolean {
  const norm = tokens[span.first]!.norm;
  return lex.titleWords.has(norm) || (norm.startsWith('ال') && span.last > span.first);
}

function trimSpeaker(lex: QuoteLexicon, tokens: readonly FoldedToken[], first: number, last: number): Span | null {
  while (first <= last && tokens[first]!.kind !== 'word') first++;
  while (last >= first && tokens[last]!.kind !== 'word') last--;
  if (first > last) return null;
  if (last - first + 1 > SPEAKER_MAX_TOKENS) last = first + SPEAKER_MAX_TOKENS - 1;
  if (first === last && lex.pronouns.has(tokens[first]!.norm)) return null;
  return { first, last };
}

/**
 * Arabic puts the subject before the verb in two common frames: "وكان
 * رئيس الوزراء نيكول باشينيان قد أعلن" (كان X قد VERB) and "أما الاتحاد
 * الأوروبي فدعا" (أما X فـVERB).
 */
function frontedSubject(lex: QuoteLexicon, tokens: readonly FoldedToken[], verb: number): Span | null {
  const verbToken = tokens[verb]!;
  const afterQad = tokens[verb - 1]?.norm === 'قد';
  const withFa = verbToken.norm.startsWith('ف');
  if (!afterQad && !withFa) return null;
  const end = afterQad ? verb - 2 : verb - 1;
  for (let k = end; k >= Math.max(0, end - SPEAKER_MAX_TOKENS); k--) {
    const token = tokens[k]!;
    if (HARD_BREAKS.has(token.norm)) return null;
    if (afterQad ? KANA.has(token.norm) : token.norm === 'اما') return k + 1 <= end ? trimSpeaker(lex, tokens, k + 1, end) : null;
  }
  return null;
}

const KANA = new Set(['كان', 'كانت', 'وكان', 'وكانت']);

/** "نقلت وسائل إعلام عن وزارة الصحة قولها": the speaker sits between "عن" and "قولها". */
function sourceBeforeQuoting(lex: QuoteLexicon, tokens: readonly FoldedToken[], quoting: number): Span | null {
  for (let k = quoting - 1; k >= Math.max(0, quoting - SPEAKER_MAX_TOKENS - 1); k--) {
    const token = tokens[k]!;
    if (HARD_BREAKS.has(token.norm)) return null;
    if (token.norm === 'عن') return k + 1 < quoting ? trimSpeaker(lex, tokens, k + 1, quoting - 1) : null;
  }
  return null;
}

/** "White House spokeswoman Jen Psaki said": the words before an English reporting verb, back to a clause break. */
function subjectBefore(lex: QuoteLexicon, tokens: readonly FoldedToken[], verb: number): Span | null {
  let first = verb;
  for (let k = verb - 1; k >= Math.max(0, verb - 6); k--) {
    const token = tokens[k]!;
    if (token.kind !== 'word' || token.newlineBefore || lex.clauseWordsBeforeVerb.has(token.norm)) break;
    first = k;
    if (tokens[k]!.newlineBefore) break;
  }
  if (first === verb) return null;
  return trimSpeaker(lex, tokens, first, verb - 1);
}

