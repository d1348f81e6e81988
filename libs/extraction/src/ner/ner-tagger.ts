import { bioViterbi } from './bio-viterbi';
import { foldWord } from './fold-word';
import { AFTER_END, BEFORE_START, kbTagAt, NerFeatureExtractor, WINDOW, WordCounts } from './ner-feature-extractor';
import { LABEL_COUNT, NER_LABELS, spansOf, TokenSpan } from './ner-labels';
import { NerModel } from './ner-model';
import { NerToken, NerWord, NO_KB_TAG } from './ner-token';

const L = LABEL_COUNT;
const W = WINDOW.length;
/** WINDOW is -HALF_WINDOW..HALF_WINDOW in order. */
const HALF_WINDOW = (W - 1) / 2;
/**
 * Distinct words whose summed weights are kept, per generation: a word
 * missed in the current generation is looked up in the previous one and
 * moved over, so the cache keeps what recent articles use in at most twice
 * this many entries.
 */
const CACHE_GENERATION = 64_000;

/** What the tagger keeps per distinct written word. */
interface WordEntry extends NerWord {
  key: string;
  /** Summed word-feature weights at each window position: W × L. */
  window: Float32Array;
  /** The label-pair weights at this word: `t1` plus the word's own `t1w`, (label before) × L; shared by words without `t1w` weights. */
  transition: Float64Array;
  /** `transition` plus the weights of `t1kb` with no gazetteer match; shared like `transition`. */
  outsideKb: Float64Array;
  /** Weight rows of the pairs (this word, next word) and (this word as the one before, next word), by the next word's key. */
  pairsAfter: ReadonlyMap<string, number> | undefined;
  pairsBefore: ReadonlyMap<string, number> | undefined;
}

/**
 * Tags a tokenised sentence with BIO labels: first-order Viterbi over the
 * averaged perceptron's weights. A word's features are summed once per
 * distinct word and window position and cached, as are the gazetteer-tag
 * features, and word pairs are looked up in maps built at load, so a token
 * costs five cached vectors, two pair lookups and the 7 × 7 Viterbi step.
 */
export class NerTagger {
  private words = new Map<string, WordEntry>();
  private previousWords = new Map<string, WordEntry>();
  /** Gazetteer-tag features by the tags before, at and after a token. */
  private readonly kbVectors = new Map<string, Map<string, Map<string, Float32Array>>>();
  private readonly kbTransitions = new Map<string, Float64Array>();
  private readonly labelTransitions: Float64Array;
  /** `labelTransitions` plus the no-match `t1kb` weights: the transition of most tokens. */
  private readonly plainOutsideKb: Float64Array;
  /** `b-=a|b` and `b+=a|b` weights as first word → second word → weight row. */
  private readonly pairsBefore = new Map<string, Map<string, number>>();
  private readonly pairsAfter = new Map<string, Map<string, number>>();
  private emission = new Float64Array(64 * L);
  private readonly transitionSum = new Float64Array(L * L);

  constructor(
    private readonly model: NerModel,
    private readonly features: NerFeatureExtractor,
  ) {
    this.labelTransitions = new Float64Array(L * L);
    NER_LABELS.forEach((p, pi) => this.addRow(`t1=${p}`, this.labelTransitions, pi * L));
    this.plainOutsideKb = add(this.labelTransitions, this.kbTransition(NO_KB_TAG));
    // The pair features' names, known from the extractor, are parsed back once: no string is built per token.
    const probe = features.bigramFeatures(['\u0001', '\u0002'], 0);
    const [before, after] = probe.map((f) => f.slice(0, f.indexOf('=') + 1));
    model.forEachFeature((name, row) => {
      const into = name.startsWith(before) ? this.pairsBefore : name.startsWith(after) ? this.pairsAfter : undefined;
      if (!into) return;
      const body = name.slice(before.length);
      const bar = body.indexOf('|');
      let second = into.get(body.slice(0, bar));
      if (!second) into.set(body.slice(0, bar), (second = new Map()));
      second.set(body.slice(bar + 1), row);
    });
  }

  /** Label indices (into `NER_LABELS`) of each token; `kbTags[i]` is the gazetteer's tag of token i. */
  labels(tokens: readonly NerToken[], kbTags: readonly string[]): Uint8Array {
    const n = tokens.length;
    const entries = tokens.map((t) => (t.word as WordEntry | undefined) ?? this.entry(t.text));
    const before = this.entry(BEFORE_START);
    const after = this.entry(AFTER_END);
    if (this.emission.length < n * L) this.emission = new Float64Array(2 * n * L);
    const emission = this.emission;
    emission.fill(0, 0, n * L);
    const { weights } = this.model;
    for (let i = 0; i < n; i++) {
      const base = i * L;
      for (let w = 0; w < W; w++) {
        const j = i + w - HALF_WINDOW;
        const v = (j < 0 ? before : j >= n ? after : entries[j]).window;
        for (let l = 0, at = w * L; l < L; l++, at++) emission[base + l] += v[at];
      }
      const kb = this.kbVector(kbTagAt(kbTags, i - 1), kbTags[i], kbTagAt(kbTags, i + 1));
      for (let l = 0; l < L; l++) emission[base + l] += kb[l];
      const entry = entries[i];
      const rowBefore = (i > 0 ? entries[i - 1] : before).pairsBefore?.get(entry.key);
      if (rowBefore !== undefined) for (let l = 0; l < L; l++) emission[base + l] += weights[rowBefore + l];
      const rowAfter = entry.pairsAfter?.get((i + 1 < n ? entries[i + 1] : after).key);
      if (rowAfter !== undefined) for (let l = 0; l < L; l++) emission[base + l] += weights[rowAfter + l];
    }
    const sum = this.transitionSum;
    return bioViterbi(n, emission, (i) => {
      const entry = entries[i];
      // Most tokens match nothing in the gazetteer: their sum is cached on the word.
      if (kbTags[i] === NO_KB_TAG) return entry.outsideKb;
      const word = entry.transition;
      const kb = this.kbTransition(kbTags[i]);
      for (let k = 0; k < L * L; k++) sum[k] = word[k] + kb[k];
      return sum;
    });
  }

  /** Entity spans over token indices. */
  tag(tokens: readonly NerToken[], kbTags: readonly string[]): TokenSpan[] {
    return spansOf(this.labels(tokens, kbTags));
  }

  /** The weights of a written word, for tokens to carry (`NerToken.word`). */
  word(text: string): NerWord {
    return this.entry(text);
  }

  private readonly countsOf = (key: string): WordCounts | undefined => this.model.statistics.get(key);

  private entry(text: string): WordEntry {
    let entry = this.words.get(text);
    if (entry) return entry;
    entry = this.previousWords.get(text) ?? this.weigh(text);
    if (this.words.size >= CACHE_GENERATION) {
      this.previousWords = this.words;
      this.words = new Map();
    }
    this.words.set(text, entry);
    return entry;
  }

  private weigh(text: string): WordEntry {
    const key = text === BEFORE_START || text === AFTER_END ? text : foldWord(text);
    const window = new Float32Array(W * L);
    WINDOW.forEach((k, w) => {
      for (const f of this.features.wordFeatures(text, k)) this.addRow(f, window, w * L);
      if (text !== BEFORE_START && text !== AFTER_END) for (const f of this.features.statisticsFeatures(key, k, this.countsOf)) this.addRow(f, window, w * L);
    });
    let transition = this.labelTransitions;
    NER_LABELS.forEach((p, pi) => {
      if (this.model.row(`t1w=${p}|${key}`) < 0) return;
      if (transition === this.labelTransitions) transition = Float64Array.from(this.labelTransitions);
      this.addRow(`t1w=${p}|${key}`, transition, pi * L);
    });
    const outsideKb = transition === this.labelTransitions ? this.plainOutsideKb : add(transition, this.kbTransition(NO_KB_TAG));
    return { key, window, transition, outsideKb, pairsAfter: this.pairsAfter.get(key), pairsBefore: this.pairsBefore.get(key) };
  }
  private kbVector(before: string, at: string, after: string): Float32Array {
    let byAt = this.kbVectors.get(before);
    if (!byAt) this.kbVectors.set(before, (byAt = new Map()));
    let byAfter = byAt.get(at);
    if (!byAfter) byAt.set(at, (byAfter = new Map()));
    let v = byAfter.get(after);
    if (!v) {
      v = new Float32Array(L);
      for (const f of this.features.kbFeatures(before, at, after)) this.addRow(f, v, 0);
      byAfter.set(after, v);
    }
    return v;
  }

  private kbTransition(tag: string): Float64Array {
    let v = this.kbTransitions.get(tag);
    if (!v) {
      v = new Float64Array(L * L);
      for (let p = 0; p < L; p++) this.addRow(`t1kb=${NER_LABELS[p]}|${tag}`, v, p * L);
      this.kbTransitions.set(tag, v);
    }
    return v;
  }

  /** Adds a feature's weight row to `out` at `at`. */
  private addRow(feature: string, out: Float32Array | Float64Array, at: number): void {
    const row = this.model.row(feature);
    if (row < 0) return;
    for (let l = 0; l < L; l++) out[at + l] += this.model.weights[row + l];
  }
}

function add(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let k = 0; k < a.length; k++) out[k] = a[k] + b[k];
  return out;
}
