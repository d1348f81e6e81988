import { foldWordWithOffsets } from './fold-word';
import { NerToken } from './ner-token';

/** Runs of letters, marks and digits, or one other visible character (the corpus makes every punctuation mark a token). */
const TOKEN = /[\p{L}\p{M}\p{N}\u200C\u200D]+|[^\s\p{L}\p{M}\p{N}\p{Cf}]/gu;
const ARABIC_LETTER = /^[\u0621-\u064A]/;

const CONJUNCTIONS = ['', 'و', 'ف'];
const PREPOSITIONS = ['', 'ب', 'ل', 'ك'];
const ENCLITICS = ['', 'ه', 'ها', 'هم', 'هما', 'هن', 'كم', 'نا'];
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
   */
  constructor(
    private readonly knows: (key: string) => boolean,
    private readonly personLike: (key: string) => boolean = () => false,
    private readonly isName: (key: string) => boolean = () => false,
  ) {}

  tokenize(text: string): NerToken[] {
    const out: NerToken[] = [];
    for (const m of text.matchAll(TOKEN)) {
      const word = m[0];
      const start = m.index;
      if (!ARABIC_LETTER.test(word)) {
        out.push({ text: word, start, end: start + word.length });
        continue;
      }
      this.split(word, start, out);
    }
    return out;
  }

  private split(word: string, start: number, out: NerToken[]): void {
    const { key, offsets } = foldWordWithOffsets(word);
    const whole = (): void => void out.push({ text: word, start, end: start + word.length });
    if (key.length <= MIN_CORE || this.knows(key)) return whole();
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
          if (prep && this.personLike(core) && !this.isName(core)) continue;
          best = { prefix: [conj, prep].filter(Boolean), suffix, pieces };
        }
      }
    }
    if (!best) return whole();
    // Key characters map back to written ones; diacritics and tatweel stay with the letter before them.
    const rawAt = (k: number): number => (k >= key.length ? word.length : offsets[k]);
    let k = 0;
    for (const clitic of best.prefix) {
      out.push({ text: word.slice(rawAt(k), rawAt(k + clitic.length)), start: start + rawAt(k), end: start + rawAt(k + clitic.length) });
      k += clitic.length;
    }
    const coreEnd = key.length - best.suffix.length;
    out.push({ text: word.slice(rawAt(k), rawAt(coreEnd)), start: start + rawAt(k), end: start + rawAt(coreEnd) });
    if (best.suffix) out.push({ text: word.slice(rawAt(coreEnd)), start: start + rawAt(coreEnd), end: start + word.length });
  }
}
