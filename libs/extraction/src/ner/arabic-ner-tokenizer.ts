import { ARABIC_CLITICS, Token, WordInterner, WordSlot } from '@eventwire/text';
import { foldWordWithOffsets } from './fold-word';
import type { WordCounts } from './ner-feature-extractor';
import type { NerLexicon } from './ner-lexicon';
import { NerToken, NerWord } from './ner-token';

/** Letters, marks, digits and the zero-width (non-)joiner make words; other visible characters are tokens of one character. */
const WORD_CHAR = /[\p{L}\p{M}\p{N}\u200C\u200D]/u;
const SKIPPED = /[\s\p{Cf}]/u;
const OTHER = 0;
const WORD = 1;
const SKIP = 2;
const UNSEEN = 255;
const CLASS_OF_UNIT = new Uint8Array(0x10000).fill(UNSEEN);

function classOf(code: number): number {
  let c = CLASS_OF_UNIT[code];
  if (c === UNSEEN) {
    const ch = String.fromCharCode(code);
    c = code >= 0xd800 && code <= 0xdfff ? WORD : WORD_CHAR.test(ch) ? WORD : SKIPPED.test(ch) ? SKIP : OTHER;
    CLASS_OF_UNIT[code] = c;
  }
  return c;
}

const ARABIC_LETTER = /^[\u0621-\u064A]/;

/**
 * One token of a written word, linked to the next: a word of one token (most
 * words) is one object, so tokenizing reads one cached object per word.
 */
interface Piece {
  /** Kept, so every later lookup of it reuses one string. */
  text: string;
  /** The tagger's weights of `text`, when the tokenizer has a `lookup`. */
  word: NerWord | undefined;
  /** Offsets within the written word. */
  start: number;
  end: number;
  next: Piece | undefined;
}

const CONJUNCTIONS = ['', ...ARABIC_CLITICS.conjunctions];
const PREPOSITIONS = ['', ...ARABIC_CLITICS.prepositions];
const ENCLITICS = ['', ...ARABIC_CLITICS.enclitics];
/** Whether `prep` may be read off before `core` (`CliticWords.boundPrepositions`). */
function boundBefore(prep: string, core: string): boolean {
  const only = ARABIC_CLITICS.boundPrepositions?.[prep];
  return only === undefined || core.startsWith(ARABIC_CLITICS.article) || only.includes(core);
}
/** Distinct written words whose pieces are kept. */
const CACHED_WORDS = 128_000;
/** Shortest word left after peeling clitics. */
const MIN_CORE = 2;

/**
 * Cuts text into the tokens of the training corpus (NewsFANE): words and
 * single punctuation marks, with the conjunctions و ف, the prepositions
 * ب ل ك and the pronoun suffixes (ه ها هم ...) as tokens of their own
 * where the corpus writes them apart ("و قال", "ب بغداد", "اجهزت ها").
 *
 * A written word is split only when it is not itself a known word and the
 * word left after the clitics is: known means seen in training (the model's
 * vocabulary) or part of a name or cue in the knowledge-base lexicon. So
 * "وزير" and "بلير" stay whole while "وروسيا" becomes "و" + "روسيا"; an
 * unknown word stays whole, where the tagger still reads its prefixes. A
 * preposition is not split off a person's name (see the constructor).
 * Offsets point into the given text, so spans map back to the article.
 */
export class ArabicNerTokenizer {
  /**
   * `knows`: the key is a word (of training or of the knowledge base).
   * `isName`: the key is a name the knowledge base lists; with `personLike`
   * (training saw the key mostly in persons' names) it keeps a person's name
   * from being read as a preposition + another name ("برايس" is not
   * "ب" + "رايس") unless the knowledge base knows the shorter one.
   * `nameLike`: training saw the key mostly in names of any kind; with
   * `isName` it decides whether a preposition is read off before the article
   * ("بالعراق" is "ب" + "العراق", "بالجيش" stays whole): the corpus writes
   * a preposition apart before a name with the article and keeps it on a
   * common noun (in NewsFANE's training documents 84 of 111 such splits of
   * "ب" are before names, while 758 of 761 words written whole with "بال"
   * are not names), so a split off a common noun reads to the tagger as a
   * name after it.
   * `lookup`: the tagger's weights of a token, kept with the word.
   */
  constructor(
    private readonly knows: (key: string) => boolean,
    private readonly personLike: (key: string) => boolean = () => false,
    private readonly isName: (key: string) => boolean = () => false,
    private readonly lookup?: (text: string) => NerWord,
    private readonly nameLike: (key: string) => boolean = () => true,
  ) {}

  /** Recently seen words' pieces. */
  private readonly pieces = new WordInterner<Piece>((word) => this.cut(word), CACHED_WORDS);
  /** A word's pieces kept on the record of the text tokenizer's word (see `tokenize`). */
  private readonly piecesOfWord = new WordSlot((token) => this.cut(token.text));

  /**
   * `words`: `tokenize` of the same text from `@eventwire/text`, when the
   * caller has it. Where one of its words spans exactly what this tokenizer
   * reads as a word (nearly always), the pieces are kept on that word's
   * record, and found there without looking the word up again.
   */
  tokenize(text: string, words?: readonly Token[]): NerToken[] {
    const out: NerToken[] = [];
    const n = text.length;
    let i = 0;
    let w = 0;
    while (i < n) {
      const c = classOf(text.charCodeAt(i));
      if (c === SKIP) {
        i++;
        continue;
      }
      let end = i + 1;
      if (c === WORD) while (end < n && classOf(text.charCodeAt(end)) === WORD) end++;
      let first: Piece | undefined;
      if (words !== undefined && c === WORD) {
        while (w < words.length && words[w].start < i) w++;
        const word = words[w];
        if (word !== undefined && word.start === i && word.end === end) first = this.piecesOfWord.of(word);
      }
      first ??= this.pieces.intern(text, i, end);
      for (let piece: Piece | undefined = first; piece !== undefined; piece = piece.next) {
        out.push({ text: piece.text, start: i + piece.start, end: i + piece.end, word: piece.word });
      }
      i = end;
    }
    return out;
  }

  private cut(word: string): Piece {
    const cuts = ARABIC_LETTER.test(word) ? this.split(word) : [0, word.length];
    const texts = cuts.slice(1).map((end, k) => (k === 0 && end === word.length ? word : word.slice(cuts[k], end)));
    const pieces = texts.map((text, k): Piece => ({ text, word: this.lookup?.(text), start: cuts[k], end: cuts[k + 1], next: undefined }));
    for (let k = 0; k + 1 < pieces.length; k++) pieces[k].next = pieces[k + 1];
    return pieces[0];
  }

  /** Where a written Arabic word is cut into tokens: offsets from 0 to its length. */
  private split(word: string): number[] {
    const { key, offsets } = foldWordWithOffsets(word);
    if (key.length <= MIN_CORE || this.knows(key)) return [0, word.length];
    let best: { prefix: string[]; suffix: string; pieces: number } | undefined;
    for (const conj of CONJUNCTIONS) {
      if (conj && !key.startsWith(conj)) continue;
      for (const prep of PREPOSITIONS) {
        if (prep && key[conj.length] !== prep) continue;
        const from = conj.length + prep.length;
        for (const suffix of ENCLITICS) {
          const pieces = Number(conj !== '') + Number(prep !== '') + Number(suffix !== '');
          if (pieces === 0 || (best && best.pieces <= pieces)) continue;
          if (suffix && !key.endsWith(suffix)) continue;
          const core = key.slice(from, key.length - suffix.length);
          if (core.length < MIN_CORE || !this.knows(core)) continue;
          if (prep && !boundBefore(prep, core)) continue;
          if (prep && core.startsWith(ARABIC_CLITICS.article) && !this.nameLike(core) && !this.isName(core)) continue;
          if (prep && this.personLike(core) && !this.isName(core)) continue;
          best = { prefix: [conj, prep].filter(Boolean), suffix, pieces };
        }
      }
    }
    if (!best) return [0, word.length];
    // Key characters map back to written ones; diacritics and tatweel stay with the letter before them.
    const rawAt = (k: number): number => (k >= key.length ? word.length : offsets[k]);
    const cuts = [0];
    let k = 0;
    for (const clitic of best.prefix) {
      k += clitic.length;
      cuts.push(rawAt(k));
    }
    if (best.suffix) cuts.push(rawAt(key.length - best.suffix.length));
    cuts.push(word.length);
    return cuts;
  }
}

/**
 * The tokenizer the tagger reads with: the words of its training
 * (`vocabulary`, and `statistics`: how often each was in a person's name,
 * a place's, an organisation's or none) and the lexicon's names and cues.
 * The tagger builds it from its model; training, from its own counts.
 */
export function taggerTokenizer(
  vocabulary: ReadonlySet<string>,
  statistics: (key: string) => WordCounts | undefined,
  lexicon: NerLexicon,
  lookup?: (text: string) => NerWord,
): ArabicNerTokenizer {
  return new ArabicNerTokenizer(
    (key) => vocabulary.has(key) || lexicon.knows(key),
    (key) => {
      const counts = statistics(key);
      return counts !== undefined && counts[1] * 2 >= counts[0] + counts[1] + counts[2] + counts[3];
    },
    (key) => lexicon.isName(key),
    lookup,
    (key) => {
      const counts = statistics(key);
      return counts !== undefined && counts[0] < counts[1] + counts[2] + counts[3];
    },
  );
}
