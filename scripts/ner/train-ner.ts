import {
  AveragedPerceptron,
  bioViterbi,
  kbTagAt,
  foldWord,
  LABEL_COUNT,
  NER_LABELS,
  NerFeatureExtractor,
  NerLexicon,
  NerModel,
  NerTagger,
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
import { encodeSentence, EncodedSentence } from './corpus-encoding';
import { CorpusSentence, goldSpans, newsFanePath, readNewsFane, splitOf, TRAINING_TYPES } from './newsfane-corpus';

/**
 * npm run ner:train [-- --file NewsFANE.txt --max-epochs N --out FILE]
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
const maxEpochs = Number(argOf('max-epochs') ?? '15');
const out = resolve(argOf('out') ?? join(REPO, 'libs', 'extraction', 'data', 'ner-model.json'));
const SEED = 20140823;
/** Words seen at least this often in training enter the tokenizer's vocabulary. */
const VOCABULARY_MIN_COUNT = 2;

interface Example {
  encoded: EncodedSentence;
  keys: string[];
  gold: Uint8Array;
  /** Feature strings of each token that do not depend on labels. */
  features: string[][];
  /** Their ids once numbered (training) or looked up (dev). */
  ids?: number[][];
}

const kb = KnowledgeBase.bundled();
const matcher = new GazetteerMatcher(kb);
const lexicon = new NerLexicon(kb);
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

function example(sentence: CorpusSentence): Example {
  const encoded = encodeSentence(sentence, kb, matcher);
  const { tokens, kbTags } = encoded;
  const keys = tokens.map((t) => foldWord(t.text));
  const features = tokens.map((_, i) => {
    const f: string[] = [];
    for (const k of WINDOW) {
      const j = i + k;
      f.push(...extractor.wordFeatures(j < 0 ? BEFORE_START : j >= tokens.length ? AFTER_END : tokens[j].text, k));
    }
    f.push(...extractor.kbFeatures(kbTagAt(kbTags, i - 1), kbTags[i], kbTagAt(kbTags, i + 1)), ...extractor.bigramFeatures(keys, i));
    return f;
  });
  return { encoded, keys, gold: goldLabels(sentence), features };
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
  return bioViterbi(n, emission, (i, out) => {
    out.fill(0);
    for (let p = 0; p < LABEL_COUNT; p++) {
      for (const f of ids.all(extractor.transitionFeatures(NER_LABELS[p], ex.keys[i], ex.encoded.kbTags[i]), false)) {
        for (let l = 0; l < LABEL_COUNT; l++) out[p * LABEL_COUNT + l] += weight(f, l);
      }
    }
  });
}

/** Structured perceptron: decode each sentence with the current weights and move them from the guess to the gold path. */
function train(examples: Example[], epochs: number, afterEpoch?: (epoch: number, weights: Float64Array, ids: FeatureIds) => void): { ids: FeatureIds; weights: Float64Array } {
  const ids = new FeatureIds();
  for (const ex of examples) ex.ids = ex.features.map((names) => ids.all(names, true));
  const model = new AveragedPerceptron(ids.names.length, LABEL_COUNT);
  const next = random(SEED);
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
  for (const ex of examples) {
    const gold = new Set(spansOf(ex.gold).map(key));
    const found = spansOf(predict(ex));
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

const started = Date.now();
const sentences = readNewsFane(file);
const trainPart: Example[] = [];
const devPart: Example[] = [];
sentences.forEach((sentence, s) => {
  const split = splitOf(s);
  if (split === 'train') trainPart.push(example(sentence));
  else if (split === 'dev') devPart.push(example(sentence));
});
process.stdout.write(`NewsFANE: ${sentences.length} sentences; train ${trainPart.length}, dev ${devPart.length} (held-out not read)\n`);

// Epochs: the best macro F1 on dev.
let bestEpoch = 1;
let bestDev = -1;
const devByEpoch: Record<number, string> = {};
train(trainPart, maxEpochs, (epoch, weights, ids) => {
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
const all = [...trainPart, ...devPart];
const final = train(all, bestEpoch);
const counts = new Map<string, number>();
for (const ex of all) for (const k of ex.keys) counts.set(k, (counts.get(k) ?? 0) + 1);
const vocabulary = [...counts].filter(([k, n]) => n >= VOCABULARY_MIN_COUNT && /^[\u0621-\u064A]/.test(k)).map(([k]) => k).sort();
const json = NerModel.toJson(final.ids.names, final.weights, vocabulary, {
  data: 'NewsFANE Gold (Alotaibi & Lee, COLING 2014), CC BY-SA 3.0',
  split: 'documents of 50 consecutive sentences; held-out d % 5 = 4 (unused), dev d % 10 = 1 (epochs chosen on it), trained on the rest + dev',
  epochs: bestEpoch,
  dev: devByEpoch[bestEpoch],
  seed: SEED,
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
