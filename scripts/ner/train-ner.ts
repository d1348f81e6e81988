import {
  ArabicNerTokenizer,
  AveragedPerceptron,
  taggerTokenizer,
  bioViterbi,
  DocumentNamePropagator,
  kbTagAt,
  foldWord,
  nameRunCodes,
  LABEL_COUNT,
  NER_LABELS,
  NerFeatureExtractor,
  NerLexicon,
  NerModel,
  NerTagger,
  WordClusters,
  OUTSIDE,
  spansOf,
  TokenSpan,
  WINDOW,
  AFTER_END,
  BEFORE_START,
} from '@eventwire/extraction';
import { GazetteerMatcher, KnowledgeBase } from '@eventwire/kb';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { encodeRetokenized, encodeSentence, EncodedSentence } from './corpus-encoding';
import { CorpusSentence, DEV_FOLD, goldSpans, newsFanePath, readNewsFane, SENTENCES_PER_DOCUMENT, splitOf, TRAINING_TYPES } from './newsfane-corpus';

/**
 * npm run ner:train [-- --file NewsFANE.txt --max-epochs N --min-feature-count N --tokens extractor|corpus --out FILE --train-only --dev-only --dev-fold N --clusters FILE|none]
 * Trains the Arabic entity tagger (averaged perceptron, greedy BIO) on
 * NewsFANE Gold and writes libs/extraction/data/ner-model.json. The number
 * of epochs is chosen on the dev split (carved from the training part, see
 * `newsfane-corpus.ts`); the model then trains on train + dev. The held-out
 * split is never read here. Deterministic: sentences are visited in an
 * order drawn from a fixed seed, features are numbered in order of
 * appearance, so the same corpus and knowledge base give the same file.
 */
const REPO = resolve(__dirname, '..', '..', '..');
const argOf = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const file = newsFanePath(REPO, argOf('file'));
const maxEpochs = Number(argOf('max-epochs') ?? '20');
const out = resolve(argOf('out') ?? join(REPO, 'libs', 'extraction', 'data', 'ner-model.json'));
const SEED = 20140823;
const PROPAGATE = !process.argv.includes('--no-propagation');
/** `corpus`: learn from NewsFANE's own tokens; `extractor`: from the tokens the extractor's tokenizer cuts from its words. */
const TOKENS = argOf('tokens') ?? 'corpus';
if (TOKENS !== 'corpus' && TOKENS !== 'extractor') throw new Error(`--tokens must be corpus or extractor, not ${TOKENS}`);
const propagator = new DocumentNamePropagator();
/** Another dev fold (`--dev-fold N`, N = d % 10 of the dev documents) to cross-check a feature choice with `--dev-only`. */
const DEV_FOLD_CHOSEN = Number(argOf('dev-fold') ?? String(DEV_FOLD));
if (!Number.isInteger(DEV_FOLD_CHOSEN) || DEV_FOLD_CHOSEN < 0 || DEV_FOLD_CHOSEN > 9 || DEV_FOLD_CHOSEN % 5 === 4) throw new Error(`--dev-fold must be 0-9 other than 4 and 9, not ${DEV_FOLD_CHOSEN}`);
/** Features seen on fewer tokens than this in the training sentences get no weight: rarer ones fit the training text more than they generalise. */
const MIN_FEATURE_COUNT = Number(argOf('min-feature-count') ?? '2');
/** Words seen at least this often in training enter the tokenizer's vocabulary. */
const VOCABULARY_MIN_COUNT = 2;

interface Example {
  encoded: EncodedSentence;
  /** Document number (see newsfane-corpus.ts). */
  document: number;
  keys: string[];
  gold: Uint8Array;
  /** Feature strings of each token that do not depend on labels or on training counts. */
  base: string[][];
  /** `base` plus the word-count features, set by `withStatistics`. */
  features: string[][];
  /** Their ids once numbered (training) or looked up (dev). */
  ids?: number[][];
}

const kb = KnowledgeBase.bundled();
const matcher = new GazetteerMatcher(kb);
/** `--clusters FILE` trains with other word classes, `--clusters none` without any (default: the committed ones). */
const lexicon = new NerLexicon(kb, WordClusters.fromOption(argOf('clusters')));
const extractor = new NerFeatureExtractor(lexicon);

function goldLabels(sentence: CorpusSentence): Uint8Array {
  const labels = new Uint8Array(sentence.length).fill(OUTSIDE);
  for (const span of goldSpans(sentence)) {
    const type = TRAINING_TYPES[span.type];
    if (!type) continue;
    for (let t = span.start; t < span.end; t++) labels[t] = NER_LABELS.indexOf(`${t === span.start ? 'B' : 'I'}-${type}`);
  }
  return labels;
}

/**
 * A sentence to learn from: the corpus's own tokens, or (`tokenizer` given)
 * the tokens the extractor's tokenizer cuts from the same words.
 */
function example(sentence: CorpusSentence, document: number, tokenizer?: ArabicNerTokenizer): Example {
  const corpusGold = goldLabels(sentence);
  const { encoded, labels: gold } = tokenizer
    ? encodeRetokenized(sentence, corpusGold, kb, matcher, tokenizer)
    : { encoded: encodeSentence(sentence, kb, matcher), labels: corpusGold };
  const { tokens, kbTags } = encoded;
  const keys = tokens.map((t) => foldWord(t.text));
  const runs = new Uint8Array(tokens.length);
  nameRunCodes(tokens.length, (i) => extractor.runCue(tokens[i].text), runs);
  const features = tokens.map((_, i) => {
    const f: string[] = [];
    for (const k of WINDOW) {
      const j = i + k;
      f.push(...extractor.wordFeatures(j < 0 ? BEFORE_START : j >= tokens.length ? AFTER_END : tokens[j].text, k));
    }
    f.push(...extractor.kbFeatures(kbTagAt(kbTags, i - 1), kbTags[i], kbTagAt(kbTags, i + 1)), ...extractor.bigramFeatures(keys, i), ...extractor.runFeatures(runs[i]));
    return f;
  });
  return { encoded, document, keys, gold, base: features, features };
}

type Counts = [number, number, number, number];
/** Count class of a label: O, PER, LOC, ORG. */
const countClass = (label: number): number => (label === OUTSIDE ? 0 : ((label - 1) >> 1) + 1);

/** Word counts by class over the examples, in total and per document. */
function countWords(examples: readonly Example[]): { total: Map<string, Counts>; byDocument: Map<number, Map<string, Counts>> } {
  const total = new Map<string, Counts>();
  const byDocument = new Map<number, Map<string, Counts>>();
  const bump = (map: Map<string, Counts>, key: string, c: number): void => {
    let counts = map.get(key);
    if (!counts) map.set(key, (counts = [0, 0, 0, 0]));
    counts[c]++;
  };
  for (const ex of examples) {
    let doc = byDocument.get(ex.document);
    if (!doc) byDocument.set(ex.document, (doc = new Map()));
    ex.keys.forEach((key, i) => {
      bump(total, key, countClass(ex.gold[i]));
      bump(doc, key, countClass(ex.gold[i]));
    });
  }
  return { total, byDocument };
}

/** Adds the word-count features; with `leaveOut`, each example sees the counts without its own document. */
function withStatistics(examples: Example[], counts: ReturnType<typeof countWords>, leaveOut: boolean): void {
  for (const ex of examples) {
    const own = leaveOut ? counts.byDocument.get(ex.document) : undefined;
    const countsOf = (key: string): Counts | undefined => {
      const all = counts.total.get(key);
      const mine = own?.get(key);
      if (!all || !mine) return all;
      const rest: Counts = [all[0] - mine[0], all[1] - mine[1], all[2] - mine[2], all[3] - mine[3]];
      return rest[0] + rest[1] + rest[2] + rest[3] > 0 ? rest : undefined;
    };
    ex.features = ex.base.map((base, i) => {
      const f = [...base];
      for (const k of WINDOW) {
        const j = i + k;
        if (j >= 0 && j < ex.keys.length) f.push(...extractor.statisticsFeatures(ex.keys[j], k, countsOf));
      }
      return f;
    });
    ex.ids = undefined;
  }
}

/** Numbers feature strings in order of first appearance. */
class FeatureIds {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();

  id(name: string, grow: boolean): number {
    let id = this.ids.get(name);
    if (id === undefined && grow) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id ?? -1;
  }

  all(names: readonly string[], grow: boolean): number[] {
    return names.map((n) => this.id(n, grow)).filter((id) => id >= 0);
  }
}

/** mulberry32: a small seeded generator, for the visiting order. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Viterbi over weights read through `weight(featureId, label)`. */
function decode(ex: Example, ids: FeatureIds, weight: (f: number, l: number) => number): Uint8Array {
  const n = ex.features.length;
  const staticIds = (ex.ids ??= ex.features.map((names) => ids.all(names, false)));
  const emission = new Float64Array(n * LABEL_COUNT);
  staticIds.forEach((fs, i) => {
    for (const f of fs) for (let l = 0; l < LABEL_COUNT; l++) emission[i * LABEL_COUNT + l] += weight(f, l);
  });
  const out = new Float64Array(LABEL_COUNT * LABEL_COUNT);
  return bioViterbi(n, emission, (i) => {
    out.fill(0);
    for (let p = 0; p < LABEL_COUNT; p++) {
      for (const f of ids.all(extractor.transitionFeatures(NER_LABELS[p], ex.keys[i], ex.encoded.kbTags[i]), false)) {
        for (let l = 0; l < LABEL_COUNT; l++) out[p * LABEL_COUNT + l] += weight(f, l);
      }
    }
    return out;
  });
}

/** Structured perceptron: decode each sentence with the current weights and move them from the guess to the gold path. */
function train(examples: Example[], epochs: number, seed: number, afterEpoch?: (epoch: number, weights: Float64Array, ids: FeatureIds) => void): { ids: FeatureIds; weights: Float64Array } {
  const ids = new FeatureIds();
  const seen = new Map<string, number>();
  for (const ex of examples) for (const names of ex.features) for (const name of names) seen.set(name, (seen.get(name) ?? 0) + 1);
  for (const ex of examples) ex.ids = ex.features.map((names) => ids.all(names.filter((name) => seen.get(name)! >= MIN_FEATURE_COUNT), true));
  const model = new AveragedPerceptron(ids.names.length, LABEL_COUNT);
  const next = random(seed);
  const order = examples.map((_, i) => i);
  const weight = (f: number, l: number): number => model.weight(f, l);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const e of order) {
      const ex = examples[e];
      const guess = decode(ex, ids, weight);
      model.tick();
      for (let i = 0; i < guess.length; i++) {
        const [g, p] = [ex.gold[i], guess[i]];
        const [gp, pp] = i === 0 ? [OUTSIDE, OUTSIDE] : [ex.gold[i - 1], guess[i - 1]];
        if (g !== p) model.update(ex.ids![i], g, p);
        if (g === p && gp === pp) continue;
        const goldTransition = ids.all(extractor.transitionFeatures(NER_LABELS[gp], ex.keys[i], ex.encoded.kbTags[i]), true);
        model.ensure(ids.names.length);
        model.adjust(goldTransition, g, 1);
        model.adjust(ids.all(extractor.transitionFeatures(NER_LABELS[pp], ex.keys[i], ex.encoded.kbTags[i]), false), p, -1);
      }
    }
    afterEpoch?.(epoch, model.averaged(ids.names.length), ids);
  }
  return { ids, weights: model.averaged(ids.names.length) };
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

function f1(t: Tally): number {
  return t.tp === 0 ? 0 : (2 * t.tp) / (2 * t.tp + t.fp + t.fn);
}

/** Entity-level exact-match scores per type over the training classes. */
function score(examples: Example[], predict: (ex: Example) => ArrayLike<number>): Record<string, Tally> {
  const tally: Record<string, Tally> = { PER: { tp: 0, fp: 0, fn: 0 }, LOC: { tp: 0, fp: 0, fn: 0 }, ORG: { tp: 0, fp: 0, fn: 0 } };
  const key = (s: TokenSpan): string => `${s.type}:${s.start}:${s.end}`;
  // Names found in a document are propagated through it, as the extractor does through an article.
  const predicted: TokenSpan[][] = [];
  for (let d = 0; d < examples.length; d += SENTENCES_PER_DOCUMENT) {
    const doc = examples.slice(d, d + SENTENCES_PER_DOCUMENT);
    const found = doc.map((ex) => spansOf(predict(ex)));
    predicted.push(...(PROPAGATE ? propagator.propagate(doc.map((ex) => ex.keys), found) : found));
  }
  for (const [e, ex] of examples.entries()) {
    const gold = new Set(spansOf(ex.gold).map(key));
    const found = predicted[e];
    for (const s of found) {
      if (gold.delete(key(s))) tally[s.type].tp++;
      else tally[s.type].fp++;
    }
    for (const g of gold) tally[g.split(':')[0]].fn++;
  }
  return tally;
}

const macro = (t: Record<string, Tally>): number => (f1(t.PER) + f1(t.LOC) + f1(t.ORG)) / 3;
const show = (t: Record<string, Tally>): string =>
  ['PER', 'LOC', 'ORG'].map((type) => `${type} ${f1(t[type]).toFixed(3)}`).join('  ') + `  macro ${macro(t).toFixed(3)}`;

/** Words seen at least VOCABULARY_MIN_COUNT times, Arabic: what the tokenizer knows besides the lexicon's names. */
function vocabularyOf(counts: Map<string, Counts>): string[] {
  return [...counts].filter(([k, c]) => c[0] + c[1] + c[2] + c[3] >= VOCABULARY_MIN_COUNT && /^[\u0621-\u064A]/.test(k)).map(([k]) => k);
}

const started = Date.now();
const sentences = readNewsFane(file);
const splitSentences = (tokenizer?: ArabicNerTokenizer): { trainPart: Example[]; devPart: Example[] } => {
  const parts = { trainPart: [] as Example[], devPart: [] as Example[] };
  sentences.forEach((sentence, s) => {
    const split = splitOf(s, DEV_FOLD_CHOSEN);
    const document = Math.floor(s / SENTENCES_PER_DOCUMENT);
    if (split === 'train') parts.trainPart.push(example(sentence, document, tokenizer));
    else if (split === 'dev') parts.devPart.push(example(sentence, document, tokenizer));
  });
  return parts;
};
let { trainPart, devPart } = splitSentences();
// --tokens extractor: learn from the extractor's tokens, cut with the vocabulary and word counts of the training part's corpus tokens.
if (TOKENS === 'extractor') {
  const counts = countWords(trainPart).total;
  const tokenizer = taggerTokenizer(new Set(vocabularyOf(counts)), (key) => counts.get(key), lexicon);
  ({ trainPart, devPart } = splitSentences(tokenizer));
}
const trainCounts = countWords(trainPart);
withStatistics(trainPart, trainCounts, true);
withStatistics(devPart, trainCounts, false);
process.stdout.write(`NewsFANE: ${sentences.length} sentences; train ${trainPart.length}, dev ${devPart.length} (held-out not read)\n`);

// Epochs: the best macro F1 on dev.
let bestEpoch = 1;
let bestDev = -1;
const devByEpoch: Record<number, string> = {};
train(trainPart, maxEpochs, SEED, (epoch, weights, ids) => {
  for (const ex of devPart) ex.ids = undefined;
  const t = score(devPart, (ex) => decode(ex, ids, (f, l) => weights[f * LABEL_COUNT + l]));
  devByEpoch[epoch] = show(t);
  process.stdout.write(`epoch ${epoch}: dev ${show(t)}\n`);
  if (macro(t) > bestDev) {
    bestDev = macro(t);
    bestEpoch = epoch;
  }
});

process.stdout.write(`chosen: ${bestEpoch} epochs (dev ${devByEpoch[bestEpoch]}); training on train + dev\n`);
// --dev-only stops here: the dev figures are all a comparison of features needs.
if (process.argv.includes('--dev-only')) process.exit(0);
// --train-only keeps dev out of the final model too, to study its errors on dev.
const all = process.argv.includes('--train-only') ? trainPart : [...trainPart, ...devPart];
const allCounts = countWords(all);
withStatistics(all, allCounts, true);
const final = train(all, bestEpoch, SEED);
const seen = [...allCounts.total].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const vocabulary = vocabularyOf(new Map(seen));
const statistics = Object.fromEntries(seen);
const json = NerModel.toJson(final.ids.names, final.weights, vocabulary, statistics, {
  data: 'NewsFANE Gold (Alotaibi & Lee, COLING 2014), CC BY-SA 3.0',
  split: `documents of 50 consecutive sentences; held-out d % 5 = 4 (unused), dev d % 10 = ${DEV_FOLD_CHOSEN} (epochs chosen on it), trained on the rest${process.argv.includes('--train-only') ? '' : ' + dev'}`,
  wordClasses: lexicon.clusters === null ? 'none' : { digest: lexicon.clusters.digest, words: lexicon.clusters.size },
  tokens: TOKENS === 'extractor' ? "the extractor's tokenizer over the corpus's words" : "the corpus's",
  epochs: bestEpoch,
  dev: devByEpoch[bestEpoch],
  seed: SEED,
  minFeatureCount: MIN_FEATURE_COUNT,
  sentences: all.length,
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(json)}\n`);

// The stored model, quantised, through the tagger the extractor uses: its dev figures should be those of the chosen epoch.
const tagger = new NerTagger(NerModel.fromJson(json), extractor);
const check = score(devPart, (ex) => tagger.labels(ex.encoded.tokens, ex.encoded.kbTags));
process.stdout.write(
  `wrote ${out}: ${json.features.length} features, ${vocabulary.length} vocabulary words, ${(JSON.stringify(json).length / 1048576).toFixed(1)} MiB, ` +
    `${((Date.now() - started) / 1000).toFixed(0)} s\nstored model on dev (trained on it, so higher than above): ${show(check)}\n`,
);
