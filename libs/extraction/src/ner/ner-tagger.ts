import { bioViterbi } from './bio-viterbi';
import { foldWord } from './fold-word';
import { AFTER_END, BEFORE_START, kbTagAt, MAX_RUN, nameRunCodes, NerFeatureExtractor, WINDOW, WORD_TRANSITION, WordCounts } from './ner-feature-extractor';
import { LABEL_COUNT, NER_LABELS, spansOf, TokenSpan } from './ner-labels';
import { NerModel } from './ner-model';
import { NerToken, NerWord, NO_KB_TAG } from './ner-token';
import { WordPairTable } from './word-pair-table';

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
/** Window weights per word: W × L floats. */
const WINDOW_SIZE = W * L;

/** What the tagger keeps per distinct written word. */
interface WordEntry extends NerWord {
  text: string;
  key: string;
  /** The cache generation holding this word's window weights, and their offset in that generation's slab. */
  generation: number;
  at: number;
  /** Id of the key among the words of the model's word pairs, or -1 when no pair has it. */
  pairId: number;
  /** Its run cue (`NerFeatureExtractor.runCue`). */
  run: number;
  /** The label-pair weights at this word: `t1` plus the word's own `t1w`, (label before) × L; shared by words without `t1w` weights. */
  transition: Float64Array;
  /** `transition` plus the weights of `t1kb` with no gazetteer match; shared like `transition`. */
  outsideKb: Float64Array;
}

/**
 * Tags a tokenised sentence with BIO labels: first-order Viterbi over the
 * averaged perceptron's weights. A word's features are summed once per
 * distinct word and window position and cached, as are the gazetteer-tag
 * features, so a token costs five cached vectors, two word-pair probes, a
 * run vector and the 7 × 7 Viterbi step.
 *
 * The cache keeps recent words in two generations of `CACHE_GENERATION`
 * words: a word missed in the current generation is looked up in the
 * previous one and moved over. Each generation's summed weights lie in one
 * Float32Array (a slab, W × L floats per word), reused when the generation
 * after next starts: reading a token's neighbours touches the slab and
 * nothing else, where an array per word cost a pointer chase each.
 */
export class NerTagger {
  private words = new Map<string, WordEntry>();
  private previousWords = new Map<string, WordEntry>();
  private generation = 0;
  private slab = new Float32Array(CACHE_GENERATION * WINDOW_SIZE);
  private previousSlab = new Float32Array(CACHE_GENERATION * WINDOW_SIZE);
  /** Gazetteer-tag features by the tags before, at and after a token. */
  private readonly kbVectors = new Map<string, Map<string, Map<string, Float32Array>>>();
  private readonly kbTransitions = new Map<string, Float64Array>();
  private readonly labelTransitions: Float64Array;
  /** `labelTransitions` plus the no-match `t1kb` weights: the transition of most tokens. */
  private readonly plainOutsideKb: Float64Array;
  /** The gazetteer-tag features of a token with no match at or beside it. */
  private readonly plainKb: Float32Array;
  /** Ids of the words (keys) that occur in the model's word pairs. */
  private readonly pairIds = new Map<string, number>();
  /** `b-=a|b` and `b+=a|b` weight rows by the pair of word ids. */
  private readonly pairsBefore: WordPairTable;
  private readonly pairsAfter: WordPairTable;
  /** Keys of the words that have a transition feature of their own (`t1w=label|key`): a new word looks for its rows only then. */
  private readonly wordTransitionKeys = new Set<string>();
  private emission = new Float64Array(64 * L);
  private offsets = new Int32Array(64);
  private runs = new Uint8Array(64);
  /** Weights of each run code (index 0, outside a run, is empty). */
  private readonly runVectors: Float32Array[] = [];
  private readonly transitionSum = new Float64Array(L * L);

  constructor(
    private readonly model: NerModel,
    private readonly features: NerFeatureExtractor,
  ) {
    this.labelTransitions = new Float64Array(L * L);
    NER_LABELS.forEach((p, pi) => this.addRow(`t1=${p}`, this.labelTransitions, pi * L));
    this.plainOutsideKb = add(this.labelTransitions, this.kbTransition(NO_KB_TAG));
    this.plainKb = this.kbVector(NO_KB_TAG, NO_KB_TAG, NO_KB_TAG);
    for (let code = 0; code <= 2 * MAX_RUN; code++) {
      const v = new Float32Array(L);
      for (const f of features.runFeatures(code)) this.addRow(f, v, 0);
      this.runVectors.push(v);
    }
    // The pair features' names, known from the extractor, are parsed back once: no string is built per token.
    const probe = features.bigramFeatures(['\u0001', '\u0002'], 0);
    const [before, after] = probe.map((f) => f.slice(0, f.indexOf('=') + 1));
    const idOf = (key: string): number => {
      let id = this.pairIds.get(key);
      if (id === undefined) this.pairIds.set(key, (id = this.pairIds.size));
      return id;
    };
    const pairsBefore: [number, number, number][] = [];
    const pairsAfter: [number, number, number][] = [];
    model.forEachFeature((name, row) => {
      if (name.startsWith(WORD_TRANSITION)) this.wordTransitionKeys.add(name.slice(name.indexOf('|') + 1));
      const into = name.startsWith(before) ? pairsBefore : name.startsWith(after) ? pairsAfter : undefined;
      if (!into) return;
      const body = name.slice(before.length);
      const bar = body.indexOf('|');
      into.push([idOf(body.slice(0, bar)), idOf(body.slice(bar + 1)), row]);
    });
    this.pairsBefore = new WordPairTable(pairsBefore);
    this.pairsAfter = new WordPairTable(pairsAfter);
  }

  /** Label indices (into `NER_LABELS`) of each token; `kbTags[i]` is the gazetteer's tag of token i. */
  labels(tokens: readonly NerToken[], kbTags: readonly string[]): Uint8Array {
    const n = tokens.length;
    // The sentence's words (and the edges) must sit in one generation's slab: start the next one now if they might not fit.
    if (this.words.size + n + 2 > CACHE_GENERATION) this.nextGeneration();
    const entries: WordEntry[] = new Array<WordEntry>(n);
    for (let i = 0; i < n; i++) {
      const word = tokens[i].word as WordEntry | undefined;
      entries[i] = word !== undefined && word.generation === this.generation ? word : this.entry(tokens[i].text);
    }
    const before = this.entry(BEFORE_START);
    const after = this.entry(AFTER_END);
    if (this.emission.length < n * L) {
      this.emission = new Float64Array(2 * n * L);
      this.offsets = new Int32Array(2 * n + 2 * HALF_WINDOW);
      this.runs = new Uint8Array(2 * n);
    }
    const runs = this.runs;
    nameRunCodes(n, (i) => entries[i].run, runs);
    const emission = this.emission;
    emission.fill(0, 0, n * L);
    // Slab offsets of the words at -HALF_WINDOW..n-1+HALF_WINDOW, sentence edges included.
    const offsets = this.offsets;
    for (let j = -HALF_WINDOW; j < n + HALF_WINDOW; j++) offsets[j + HALF_WINDOW] = (j < 0 ? before : j >= n ? after : entries[j]).at;
    const slab = this.slab;
    const { weights } = this.model;
    for (let i = 0; i < n; i++) {
      const base = i * L;
      for (let w = 0; w < W; w++) {
        const at = offsets[i + w] + w * L;
        for (let l = 0; l < L; l++) emission[base + l] += slab[at + l];
      }
      // Most tokens and both their neighbours match nothing in the gazetteer: that vector is kept at hand.
      const plain = kbTags[i] === NO_KB_TAG && i > 0 && i + 1 < n && kbTags[i - 1] === NO_KB_TAG && kbTags[i + 1] === NO_KB_TAG;
      const kb = plain ? this.plainKb : this.kbVector(kbTagAt(kbTags, i - 1), kbTags[i], kbTagAt(kbTags, i + 1));
      for (let l = 0; l < L; l++) emission[base + l] += kb[l];
      if (runs[i] !== 0) {
        const run = this.runVectors[runs[i]];
        for (let l = 0; l < L; l++) emission[base + l] += run[l];
      }
      const id = entries[i].pairId;
      if (id < 0) continue;
      const previous = (i > 0 ? entries[i - 1] : before).pairId;
      const rowBefore = previous < 0 ? -1 : this.pairsBefore.get(previous, id);
      if (rowBefore >= 0) for (let l = 0; l < L; l++) emission[base + l] += weights[rowBefore + l];
      const next = (i + 1 < n ? entries[i + 1] : after).pairId;
      const rowAfter = next < 0 ? -1 : this.pairsAfter.get(id, next);
      if (rowAfter >= 0) for (let l = 0; l < L; l++) emission[base + l] += weights[rowAfter + l];
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
    const entry = this.words.get(text);
    if (entry) return entry;
    if (this.words.size >= CACHE_GENERATION) this.nextGeneration();
    const previous = this.previousWords.get(text);
    const at = this.words.size * WINDOW_SIZE;
    if (previous) {
      this.slab.set(this.previousSlab.subarray(previous.at, previous.at + WINDOW_SIZE), at);
      previous.generation = this.generation;
      previous.at = at;
      this.words.set(text, previous);
      return previous;
    }
    const weighed = this.weigh(text, at);
    this.words.set(text, weighed);
    return weighed;
  }

  /** The current generation becomes the previous one; the words of the one before are dropped and their slab reused. */
  private nextGeneration(): void {
    this.previousWords = this.words;
    this.words = new Map();
    [this.previousSlab, this.slab] = [this.slab, this.previousSlab];
    this.generation++;
  }

  /** Sums a word's weights into the current slab at `at`. */
  private weigh(text: string, at: number): WordEntry {
    const key = text === BEFORE_START || text === AFTER_END ? text : foldWord(text);
    const window = new Float32Array(WINDOW_SIZE);
    WINDOW.forEach((k, w) => {
      for (const f of this.features.wordFeatures(text, k)) this.addRow(f, window, w * L);
      if (text !== BEFORE_START && text !== AFTER_END) for (const f of this.features.statisticsFeatures(key, k, this.countsOf)) this.addRow(f, window, w * L);
    });
    this.slab.set(window, at);
    let transition = this.labelTransitions;
    // Most words have no transition feature of their own: seven feature names built and looked up per new word, saved.
    if (this.wordTransitionKeys.has(key)) {
      NER_LABELS.forEach((p, pi) => {
        if (this.model.row(`${WORD_TRANSITION}${p}|${key}`) < 0) return;
        if (transition === this.labelTransitions) transition = Float64Array.from(this.labelTransitions);
        this.addRow(`${WORD_TRANSITION}${p}|${key}`, transition, pi * L);
      });
    }
    const outsideKb = transition === this.labelTransitions ? this.plainOutsideKb : add(transition, this.kbTransition(NO_KB_TAG));
    return { text, key, generation: this.generation, at, pairId: this.pairIds.get(key) ?? -1, run: this.features.runCue(text), transition, outsideKb };
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
