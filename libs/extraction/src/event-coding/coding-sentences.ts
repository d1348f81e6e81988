import type { Mention } from '@eventwire/contracts';
import { tokenize, Token, WordSlot } from '@eventwire/text';
import { lemmatizeNoun, lemmatizeVerb } from 'wink-lemmatizer';
import { EventLexicons, LEXICON_BIT, TriggerValue } from './event-lexicons';
import { PhraseLexicon, PhraseMatch, tokenForms } from './phrase-lexicon';

/** A title or paragraph of the article, with its offset in the body (spans are body offsets). */
export interface CodingSegment {
  kind: 'title' | 'paragraph';
  text: string;
  start: number;
  /** `tokenize(text)` (local offsets), when the caller already has it; not modified. */
  tokens?: readonly Token[];
}

export interface Sentence {
  segment: number;
  /** Body offsets. */
  start: number;
  end: number;
  tokens: Token[];
  forms: string[][];
  /** Per token, a bit per lexicon ({@link LEXICON_BIT}) whose entries may start at it. */
  starts: number[];
  weight: number;
  /** Indexes of tokens a colon stands before: "الخارجية الأمريكية: نراقب ..." quotes its speaker, who is not the subject after it. */
  colons: number[];
}

interface WordForms {
  forms: string[];
  starts: number;
}

/** Weight of a trigger by where it is: the title names the main event, later paragraphs drift into background. */
export const TITLE_WEIGHT = 3;
export const LEAD_WEIGHT = 2;
const BODY_WEIGHT = 1;
/** Paragraphs after the lead that still count: background and link lists live further down. */
const CODED_PARAGRAPHS = 5;
/** Characters of title and paragraphs read for triggers: six news sentences rarely take more. */
const MAX_CODED_CHARS = 1_500;
/** At most this many sentences are coded (title included): news puts its main event first, and event coders such as Phoenix read only the opening sentences of a story. */
const MAX_SENTENCES = 6;
/** English modals that carry a trigger of their own ("must"): finite, like an inflected verb. */
export const MODALS = new Set(['must']);

/**
 * Cuts the title and the first paragraphs of an article into the sentences
 * the event coder reads, each with its tokens at body offsets, the lookup
 * forms of every token and which lexicons may match from it. The forms are
 * worked out once per word, not once per occurrence: lemmatizing and
 * proclitic splitting are the same wherever the word stands.
 */
export class SentenceReader {
  /** Lookup forms of a word: lemmatizing and proclitic splitting are the same for every occurrence of a word. */
  private readonly wordForms = new WordSlot((t: Token) => this.wordFormsOf(t));

  constructor(private readonly lexicons: EventLexicons) {}

  /** Title and the first paragraphs, cut into sentences and tokenized once; offsets are body offsets. */
  sentences(segments: readonly CodingSegment[]): Sentence[] {
    const out: Sentence[] = [];
    let paragraphs = 0;
    let budget = MAX_CODED_CHARS;
    segments.forEach((segment, index) => {
      let weight = TITLE_WEIGHT;
      if (segment.kind === 'paragraph') {
        paragraphs++;
        if (paragraphs > CODED_PARAGRAPHS + 1) return;
        weight = paragraphs === 1 ? LEAD_WEIGHT : BODY_WEIGHT;
      }
      if (budget <= 0 || out.length >= MAX_SENTENCES) return;
      // An article with no paragraph breaks is one long paragraph: only its opening is coded, so only that is tokenized.
      const text = segment.text.length > budget ? segment.text.slice(0, budget) : segment.text;
      budget -= text.length;
      // Tokens at body offsets: copies of the caller's, or fresh ones shifted in place.
      let tokens: Token[];
      if (segment.tokens) {
        tokens = [];
        for (const t of segment.tokens) {
          if (t.end > text.length) break;
          tokens.push({ ...t, start: t.start + segment.start, end: t.end + segment.start });
        }
      } else {
        tokens = tokenize(text);
        for (const t of tokens) {
          t.start += segment.start;
          t.end += segment.start;
        }
      }
      let from = 0;
      let colons: number[] = [];
      for (let i = 1; i <= tokens.length; i++) {
        if (i < tokens.length) {
          const gap = gapKind(segment.text, tokens[i - 1], tokens[i], segment.start);
          if (gap === GAP_COLON) colons.push(i - from);
          if (gap !== GAP_SENTENCE) continue;
        }
        const part = tokens.slice(from, i);
        if (part.length > 0 && out.length < MAX_SENTENCES) {
          const words = this.formsOf(part);
          out.push({
            segment: index,
            start: part[0].start,
            end: part[part.length - 1].end,
            tokens: part,
            forms: words.map((w) => w.forms),
            starts: words.map((w) => w.starts),
            weight,
            colons,
          });
        }
        from = i;
        colons = [];
      }
    });
    return out;
  }

  /**
   * Lookup forms of the tokens. An Arabic word that is itself a known agent
   * word ("وزارة", "وزير") is not stripped of what looks like a proclitic:
   * "وزارة" is a ministry, not "and" + "زارة" (visited him).
   */
  private formsOf(tokens: readonly Token[]): WordForms[] {
    return tokens.map((t) => this.wordForms.of(t));
  }

  private wordFormsOf(t: Token): WordForms {
    const { triggers, agents, contexts, intent, wholeWords } = this.lexicons;
    let forms = tokenForms(t);
    if (forms.length > 1 && wholeWords.has(forms[0])) forms = [forms[0]];
    const bit = (lexicon: PhraseLexicon<unknown>, value: number): number => (forms.some((f) => lexicon.startsWith(f)) ? value : 0);
    const starts = bit(triggers, LEXICON_BIT.triggers) | bit(agents, LEXICON_BIT.agents) | bit(contexts, LEXICON_BIT.contexts) | bit(intent, LEXICON_BIT.intent);
    return { forms, starts };
  }
}

/** Which tokens of a sentence (from `offset`) may start a match of the lexicon with this bit. */
export function mayStart(sentence: Sentence, bit: number, offset = 0): (i: number) => boolean {
  return (i) => (sentence.starts[offset + i] & bit) !== 0;
}

/**
 * A trigger word inside a name is part of the name: "Asia-Pacific Economic
 * Cooperation", "Amnesty International", and in English a capitalised word
 * that does not open the sentence ("a March rally", "the Relief
 * Coordinator") is taken for one even when the gazetteer does not know it.
 */
export function insideName(sentence: Sentence, match: PhraseMatch<TriggerValue>, names: readonly Mention[]): boolean {
  // The first and last tokens are lexicon words; what a gap lets in between may well be a name ("أرسلت تركيا قوات").
  const words = match.last - 1 === match.first ? [match.first] : [match.first, match.last - 1];
  return words.some((i) => {
    const token = sentence.tokens[i];
    if (names.some((m) => m.start < token.end && token.start < m.end)) return true;
    return i > 0 && /^\p{Lu}\p{Ll}/u.test(token.text);
  });
}

/** An English word inflected as a verb and not as a noun ("demanded", "sent"): a finite verb, likelier the main event than a noun. */
export function finiteVerb(token: Token): boolean {
  if (MODALS.has(token.norm)) return true;
  if (!/^[a-z]+$/.test(token.norm)) return false;
  return lemmatizeVerb(token.norm) !== token.norm && lemmatizeNoun(token.norm) === token.norm;
}

/** A negation (one of `negations`, the lookup forms of the lexicon's negation words, or "n't") in the two words before token `first`. */
export function negated(sentence: Sentence, first: number, negations: ReadonlySet<string>): boolean {
  for (let i = Math.max(0, first - 2); i < first; i++) {
    if (sentence.forms[i].some((f) => negations.has(f)) || sentence.tokens[i].norm.endsWith("n't")) return true;
  }
  return false;
}

/** The tokens of the sentence a body span overlaps, as first and one past the last index. */
export function tokenSpan(sentence: Sentence, start: number, end: number): [number, number] | undefined {
  let first = -1;
  let last = -1;
  sentence.tokens.forEach((t, i) => {
    if (t.end > start && t.start < end) {
      if (first === -1) first = i;
      last = i + 1;
    }
  });
  return first === -1 ? undefined : [first, last];
}

/** The words of tokens `first` to `last` (exclusive), joined by single spaces. */
export function textOf(sentence: Sentence, first: number, last: number): string {
  return sentence.tokens
    .slice(first, last)
    .map((t) => t.text)
    .join(' ');
}

const GAP_WORD = 0;
const GAP_COLON = 1;
const GAP_SENTENCE = 2;

/**
 * What separates two tokens: a sentence end (line break, ? ! ؟ ؛ ;, or a
 * full stop not after a single capital, as in "U.S."), a colon, or neither.
 * A loop over the few characters between them: this runs for every word.
 */
function gapKind(text: string, previous: Token, next: Token, offset: number): number {
  let kind = GAP_WORD;
  for (let i = previous.end - offset; i < next.start - offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x3f || c === 0x21 || c === 0x061f || c === 0x061b || c === 0x3b) return GAP_SENTENCE;
    if (c === 0x2e && !(previous.text.length === 1 && previous.text >= 'A' && previous.text <= 'Z')) return GAP_SENTENCE;
    if (c === 0x3a) kind = GAP_COLON;
  }
  return kind;
}
