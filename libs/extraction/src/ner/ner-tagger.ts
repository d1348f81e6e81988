import { bioViterbi } from './bio-viterbi';
import { foldWord } from './fold-word';
import { AFTER_END, BEFORE_START, kbTagAt, NerFeatureExtractor, WINDOW, WordCounts } from './ner-feature-extractor';
import { LABEL_COUNT, NER_LABELS, spansOf, TokenSpan } from './ner-labels';
import { NerModel } from './ner-model';
import { NerToken } from './ner-token';

const L = LABEL_COUNT;
const W = WINDOW.length;
/** Distinct words whose summed weights are kept; past this the cache starts again (a news day has far fewer). */
const MAX_CACHED_WORDS = 200_000;

/** What the tagger keeps per distinct written word. */
interface WordEntry {
  key: string;
  /** Summed word-feature weights at each window position: W × L. */
  window: Float32Array;
  /** The word's `t1w` weights: (label before) × L. */
  transition: Float32Array;
}

/**
 * Tags a tokenised sentence with BIO labels: first-order Viterbi over the
 * averaged perceptron's weights. A word's features are summed once per
 * distinct word and window position and cached, as are the gazetteer-tag
 * features, so a token costs five cached vectors, two word-pair lookups and
 * the 7 × 7 Viterbi step.
 */
export class NerTagger {
  private readonly words = new Map<string, WordEntry>();
  private readonly kbVectors = new Map<string, Float32Array>();
  private readonly kbTransitions = new Map<string, Float32Array>();
  private readonly labelTransitions: Float32Array;

  constructor(
    private readonly model: NerModel,
    private readonly features: NerFeatureExtractor,
  ) {
    this.labelTransitions = new Float32Array(L * L);
    NER_LABELS.forEach((p, pi) => this.addRow(`t1=${p}`, this.labelTransitions, pi * L));
  }

  /** Label indices (into `NER_LABELS`) of each token; `kbTags[i]` is the gazetteer's tag of token i. */
  labels(tokens: readonly NerToken[], kbTags: readonly string[]): Uint8Array {
    const n = tokens.length;
    const entries = tokens.map((t) => this.word(t.text));
    const keys = entries.map((e) => e.key);
    const before = this.word(BEFORE_START).window;
    const after = this.word(AFTER_END).window;
    const emission = new Float64Array(n * L);
    for (let i = 0; i < n; i++) {
      const base = i * L;
      for (let w = 0; w < W; w++) {
        const j = i + WINDOW[w];
        const v = j < 0 ? before : j >= n ? after : entries[j].window;
        for (let l = 0; l < L; l++) emission[base + l] += v[w * L + l];
      }
      const kb = this.kbVector(kbTagAt(kbTags, i - 1), kbTags[i], kbTagAt(kbTags, i + 1));
      for (let l = 0; l < L; l++) emission[base + l] += kb[l];
      for (const f of this.features.bigramFeatures(keys, i)) {
        const row = this.model.row(f);
        if (row >= 0) for (let l = 0; l < L; l++) emission[base + l] += this.model.weights[row + l];
      }
    }
    return bioViterbi(n, emission, (i, out) => {
      const word = entries[i].transition;
      const kb = this.kbTransition(kbTags[i]);
      for (let k = 0; k < L * L; k++) out[k] = this.labelTransitions[k] + word[k] + kb[k];
    });
  }

  /** Entity spans over token indices. */
  tag(tokens: readonly NerToken[], kbTags: readonly string[]): TokenSpan[] {
    return spansOf(this.labels(tokens, kbTags));
  }

  private readonly countsOf = (key: string): WordCounts | undefined => this.model.statistics.get(key);

  private word(text: string): WordEntry {
    let entry = this.words.get(text);
    if (entry) return entry;
    const key = text === BEFORE_START || text === AFTER_END ? text : foldWord(text);
    const window = new Float32Array(W * L);
    WINDOW.forEach((k, w) => {
      for (const f of this.features.wordFeatures(text, k)) this.addRow(f, window, w * L);
      if (text !== BEFORE_START && text !== AFTER_END) for (const f of this.features.statisticsFeatures(key, k, this.countsOf)) this.addRow(f, window, w * L);
    });
    const transition = new Float32Array(L * L);
    NER_LABELS.forEach((p, pi) => this.addRow(`t1w=${p}|${key}`, transition, pi * L));
    entry = { key, window, transition };
    if (this.words.size >= MAX_CACHED_WORDS) this.words.clear();
    this.words.set(text, entry);
    return entry;
  }

  private kbVector(before: string, at: string, after: string): Float32Array {
    const cacheKey = `${before} ${at} ${after}`;
    let v = this.kbVectors.get(cacheKey);
    if (!v) {
      v = new Float32Array(L);
      for (const f of this.features.kbFeatures(before, at, after)) this.addRow(f, v, 0);
      this.kbVectors.set(cacheKey, v);
    }
    return v;
  }

  private kbTransition(tag: string): Float32Array {
    let v = this.kbTransitions.get(tag);
    if (!v) {
      v = new Float32Array(L * L);
      for (let p = 0; p < L; p++) this.addRow(`t1kb=${NER_LABELS[p]}|${tag}`, v, p * L);
      this.kbTransitions.set(tag, v);
    }
    return v;
  }

  /** Adds a feature's weight row to `out` at `at`. */
  private addRow(feature: string, out: Float32Array, at: number): void {
    const row = this.model.row(feature);
    if (row < 0) return;
    for (let l = 0; l < L; l++) out[at + l] += this.model.weights[row + l];
  }
}
