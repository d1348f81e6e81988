import { ARABIC_CLITICS, stemCandidates } from '@eventwire/text';
import { foldWord } from './fold-word';
import { NerLexicon } from './ner-lexicon';

/** Relative positions whose word feeds a token's features: two neighbours each side. */
export const WINDOW = [-2, -1, 0, 1, 2] as const;
export const BEFORE_START = '<s>';
/** Training counts of a word: as O, inside a PER, a LOC and an ORG span. */
export type WordCounts = readonly [number, number, number, number];
export const STATISTICS_CLASSES = ['O', 'PER', 'LOC', 'ORG'] as const;
export const AFTER_END = '</s>';
/** Prefix of the transition feature of a label before and this word (`transitionFeatures`). */
export const WORD_TRANSITION = 't1w=';

const PROCLITIC_LETTERS = new Set([...ARABIC_CLITICS.conjunctions, ...ARABIC_CLITICS.prepositions]);
const LATIN_UPPER = /^\p{Lu}/u;
const LATIN_ALL_UPPER = /^[\p{Lu}\d.&-]+$/u;
const LATIN = /^[\p{Script=Latin}]/u;
const DIGITS = /^\d+([.,]\d+)*$/;
const HAS_DIGIT = /\d/;
const ARABIC = /^[\u0600-\u06FF]/;
/** Punctuation, Arabic included ("،", "؛"), which `shape` counts as Arabic script. */
const PUNCTUATION = /^[\p{P}\p{S}]+$/u;

/** How a word bears on the words after it (`NerFeatureExtractor.runCue`). */
export const RUN_NONE = 0;
export const RUN_ORGANIZATION = 1;
export const RUN_ROLE = 2;
export const RUN_BREAK = 3;
/** A run reaches this many words past its opener: long organisation names ("الاتحاد الدولي ل كرة القدم") and titles ("الرئيس الأمريكي جورج بوش"). */
export const MAX_RUN = 4;
const RUN_NAMES = ['', 'org', 'role'];

/**
 * The tagger's features, in four groups that the tagger combines and
 * caches differently:
 * - word features: what one word says at a relative position (-2..2) —
 *   its key, stem, affixes, script and shape, knowledge-base and cue
 *   classes. They depend on the word alone, so the tagger sums their
 *   weights once per distinct word and position;
 * - context features: the gazetteer's reading at and beside the token and
 *   the word pairs;
 * - run features: how far back, within a few words and with no
 *   punctuation or verb of saying between, an organisation head ("وزارة",
 *   "حزب") or a role ("الرئيس") opened the run the token is in — the
 *   window of two neighbours misses the end of a long name;
 * - transition features: the label before, alone and with this word or
 *   its gazetteer tag (first-order Viterbi decoding).
 */
export class NerFeatureExtractor {
  constructor(private readonly lexicon: NerLexicon) {}

  /** Features of a word seen from relative position `k`; `BEFORE_START`/`AFTER_END` outside the sentence. */
  wordFeatures(text: string, k: number): string[] {
    if (text === BEFORE_START || text === AFTER_END) return [`${k}w=${text}`];
    const norm = foldWord(text);
    const out = [`${k}w=${norm}`];
    for (const c of this.lexicon.of(norm)) out.push(`${k}lx=${c}`);
    if (k < -1 || k > 1) return out;
    const candidates = stemCandidates(norm);
    const stem = candidates[candidates.length - 1];
    if (stem !== norm) out.push(`${k}s=${stem}`);
    out.push(`${k}sh=${shape(text)}`);
    if (k !== 0) return out;
    if (PROCLITIC_LETTERS.has(norm[0]) && norm.length > 3) out.push(`p1=${norm[0]}`);
    if (norm.length >= 4) out.push(`p2=${norm.slice(0, 2)}`, `p3=${norm.slice(0, 3)}`, `x2=${norm.slice(-2)}`, `x3=${norm.slice(-3)}`);
    out.push(`x1=${norm.slice(-1)}`, `len=${Math.min(norm.length, 8)}`);
    if (stem !== norm) out.push(`x2s=${stem.slice(-2)}`);
    // Letter trigrams of the stem: transliterated foreign names share spellings ("سكي", "يتش", "ون") that no word list holds.
    if (stem.length >= 4 && ARABIC.test(stem)) for (let c = 0; c + 3 <= stem.length; c++) out.push(`c3=${stem.slice(c, c + 3)}`);
    return out;
  }

  /**
   * What training said about a word at relative position `k` (-1..1), from
   * its counts outside and inside each type of entity: how often it was
   * seen (bucketed) and which type, if any, it usually belonged to. While
   * training, the counts leave out the word's own document, so the weights
   * learn how far such counts carry over to text never seen.
   */
  statisticsFeatures(key: string, k: number, countsOf: (key: string) => WordCounts | undefined): string[] {
    if (k < -1 || k > 1) return [];
    return countFeatures(countsOf(key), `${k}`);
  }

  /** The gazetteer's tags at and beside a token (few distinct triples: the tagger caches their weights). */
  kbFeatures(before: string, at: string, after: string): string[] {
    return ['bias', `kb0=${at}`, `kb-1=${before}`, `kb+1=${after}`, `kb-1|0=${before}|${at}`, `kb0|+1=${at}|${after}`];
  }

  /** Word pairs around position `i` (keys are the folded words). */
  bigramFeatures(keys: readonly string[], i: number): string[] {
    const key = (j: number): string => (j < 0 ? BEFORE_START : j >= keys.length ? AFTER_END : keys[j]);
    return [`b-=${key(i - 1)}|${key(i)}`, `b+=${key(i)}|${key(i + 1)}`];
  }

  /** Whether a word opens a run (an organisation head, a role), breaks one (punctuation, a verb of saying) or neither. */
  runCue(text: string): number {
    if (text === BEFORE_START || text === AFTER_END) return RUN_BREAK;
    if (PUNCTUATION.test(text)) return RUN_BREAK;
    const classes = this.lexicon.of(foldWord(text));
    if (classes.includes('org-cue') || classes.includes('~org-cue')) return RUN_ORGANIZATION;
    if (classes.includes('role') || classes.includes('~role')) return RUN_ROLE;
    return classes.includes('speech') || classes.includes('~speech') ? RUN_BREAK : RUN_NONE;
  }

  /** Features of a token's run code (`nameRunCodes`); none outside a run. */
  runFeatures(code: number): string[] {
    if (code === 0) return [];
    const opener = Math.ceil(code / MAX_RUN);
    return [`run=${RUN_NAMES[opener]}:${code - (opener - 1) * MAX_RUN}`];
  }

  /** Features of the pair (label before, this label), as strings to look up: the label before, with this word and with its gazetteer tag. */
  transitionFeatures(previous: string, key: string, kbTag: string): string[] {
    return [`t1=${previous}`, `${WORD_TRANSITION}${previous}|${key}`, `t1kb=${previous}|${kbTag}`];
  }
}

/** Gazetteer tag of token j, with the sentence edges as tags of their own. */
export function kbTagAt(kbTags: readonly string[], j: number): string {
  return j < 0 ? BEFORE_START : j >= kbTags.length ? AFTER_END : kbTags[j];
}

/**
 * The run code of each of `n` tokens from the run cue of each
 * (`NerFeatureExtractor.runCue`): 0 outside a run, else
 * (opener - 1) × MAX_RUN + the distance from the opener (1..MAX_RUN).
 */
export function nameRunCodes(n: number, cueAt: (i: number) => number, out: Uint8Array): void {
  let opener = RUN_NONE;
  let distance = 0;
  for (let i = 0; i < n; i++) {
    out[i] = opener === RUN_NONE ? 0 : (opener - 1) * MAX_RUN + distance;
    const cue = cueAt(i);
    if (cue === RUN_ORGANIZATION || cue === RUN_ROLE) [opener, distance] = [cue, 1];
    else if (cue === RUN_BREAK || distance === MAX_RUN) opener = RUN_NONE;
    else distance++;
  }
}

function countFeatures(counts: WordCounts | undefined, prefix: string): string[] {
  const total = counts ? counts[0] + counts[1] + counts[2] + counts[3] : 0;
  const out = [`${prefix}fq=${total === 0 ? 0 : total === 1 ? 1 : total < 5 ? 2 : total < 20 ? 3 : 4}`];
  if (!counts || total === 0) return out;
  STATISTICS_CLASSES.forEach((name, c) => {
    const share = counts[c] / total;
    if (share >= 0.5) out.push(`${prefix}pr=${name}`);
    else if (share > 0 && c > 0) out.push(`${prefix}pr~=${name}`);
  });
  return out;
}

function shape(text: string): string {
  if (ARABIC.test(text)) return HAS_DIGIT.test(text) ? 'ar-digit' : 'ar';
  if (DIGITS.test(text)) return 'num';
  if (LATIN.test(text)) {
    if (LATIN_ALL_UPPER.test(text)) return text.length === 1 ? 'Lat1' : 'LAT';
    return LATIN_UPPER.test(text) ? 'Lat' : 'lat';
  }
  if (HAS_DIGIT.test(text)) return 'mix';
  return 'punct';
}
