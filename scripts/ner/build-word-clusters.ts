import { foldWord, NerLexicon, NerModel, taggerTokenizer, WordClusterFile, WORD_CLUSTER_FORMAT } from '@eventwire/extraction';
import { KnowledgeBase } from '@eventwire/kb';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readSaudiNewsNet } from '../../eval/saudinewsnet-reader';
import { seededRandom } from '../../eval/seeded-random';

/**
 * npm run ner:clusters [-- --dir SAUDINEWSNET_DIR --out FILE --clusters N --coarse N --min-count N]
 *
 * Word classes for the entity tagger, learned from unannotated news: each
 * word of the SaudiNewsNet folder (default the dev week,
 * ../shared/eval/dev/saudinewsnet) is described by the words seen just
 * before and after it (positive pointwise mutual information over the most
 * frequent context words, one and two places away), and the words are
 * grouped by spherical k-means into `--clusters` fine classes, whose centres
 * are grouped again into `--coarse` classes. Words used alike land together:
 * "حزب", "حركة", "جماعة"; the region's parties and clubs beside the ones
 * NewsFANE annotates. The tagger reads a word's classes as features, so a
 * name training never saw still shares weight with names that it did (the
 * classical use of distributional word classes in NER: Miller et al. 2004,
 * Ratinov & Roth 2009).
 *
 * Written here because no package in npm.tsv does word clustering: Brown
 * clustering proper is quadratic in the classes over a vocabulary this size,
 * k-means on context vectors is the usual cheaper stand-in.
 *
 * Tokens are those the tagger cuts (the bundled model's vocabulary decides
 * the clitic splits), keys folded as the tagger folds them. Deterministic:
 * a fixed seed draws the starting centres.
 */
const REPO = resolve(__dirname, '..', '..', '..');
const argOf = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const dir = resolve(argOf('dir') ?? resolve(REPO, '..', 'shared', 'eval', 'dev', 'saudinewsnet'));
const out = resolve(argOf('out') ?? join(REPO, 'libs', 'extraction', 'data', 'word-clusters.json'));
const FINE = Number(argOf('clusters') ?? '256');
const COARSE = Number(argOf('coarse') ?? '32');
/** Words seen fewer times get no class: their contexts are too few to place them. */
const MIN_COUNT = Number(argOf('min-count') ?? '8');
const MAX_WORDS = Number(argOf('max-words') ?? '60000');
/** Context words: the most frequent tokens (punctuation included), each at the offsets below. */
const CONTEXT_WORDS = Number(argOf('context-words') ?? '1500');
const OFFSETS = [-2, -1, 1, 2] as const;
const ITERATIONS = 20;
const SEED = 20150721;

const log = (line: string): void => console.error(line);

function tokenizeCorpus(): string[][] {
  const model = NerModel.bundled();
  const lexicon = new NerLexicon(KnowledgeBase.bundled(), null);
  const tokenizer = taggerTokenizer(model.vocabulary, (key) => model.statistics.get(key), lexicon);
  const articles = readSaudiNewsNet(dir);
  const seen = new Set<string>();
  const docs: string[][] = [];
  for (const article of articles) {
    const text = `${article.title}\n${article.content}`;
    // The corpus repeats some articles word for word (a crawl sees a page twice): count each text once.
    if (seen.has(text)) continue;
    seen.add(text);
    docs.push(tokenizer.tokenize(text).map((t) => foldWord(t.text)));
  }
  log(`${articles.length} articles, ${docs.length} distinct texts, ${docs.reduce((s, d) => s + d.length, 0)} tokens`);
  return docs;
}

const WORDLIKE = /[\p{L}]/u;

interface Vectors {
  words: string[];
  /** CSR rows: PPMI over context dimensions, L2-normalised. */
  start: Uint32Array;
  dims: Uint32Array;
  values: Float32Array;
  dimCount: number;
}

function contextVectors(docs: string[][]): Vectors {
  const freq = new Map<string, number>();
  for (const doc of docs) for (const w of doc) freq.set(w, (freq.get(w) ?? 0) + 1);
  const byCount = [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const contextIndex = new Map(byCount.slice(0, CONTEXT_WORDS).map(([w], i) => [w, i]));
  const words = byCount.filter(([w, c]) => c >= MIN_COUNT && WORDLIKE.test(w)).slice(0, MAX_WORDS).map(([w]) => w);
  const wordIndex = new Map(words.map((w, i) => [w, i]));
  const dimCount = CONTEXT_WORDS * OFFSETS.length;
  const rows = words.map(() => new Map<number, number>());
  const dimTotals = new Float64Array(dimCount);
  let total = 0;
  for (const doc of docs) {
    for (let i = 0; i < doc.length; i++) {
      const w = wordIndex.get(doc[i]);
      if (w === undefined) continue;
      OFFSETS.forEach((offset, o) => {
        const j = i + offset;
        const c = j < 0 || j >= doc.length ? undefined : contextIndex.get(doc[j]);
        if (c === undefined) return;
        const d = o * CONTEXT_WORDS + c;
        rows[w].set(d, (rows[w].get(d) ?? 0) + 1);
        dimTotals[d]++;
        total++;
      });
    }
  }
  // Context counts smoothed to the power 0.75 (Levy et al. 2015): rare contexts get less of the PMI.
  const smoothed = dimTotals.map((c) => c ** 0.75);
  const smoothedTotal = smoothed.reduce((s, c) => s + c, 0);
  const start = new Uint32Array(words.length + 1);
  const dims: number[] = [];
  const values: number[] = [];
  rows.forEach((row, w) => {
    let rowTotal = 0;
    for (const c of row.values()) rowTotal += c;
    const entries: [number, number][] = [];
    for (const [d, c] of row) {
      const pmi = Math.log((c / rowTotal) / (smoothed[d] / smoothedTotal));
      if (pmi > 0) entries.push([d, pmi]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(entries.reduce((s, [, v]) => s + v * v, 0)) || 1;
    for (const [d, v] of entries) {
      dims.push(d);
      values.push(v / norm);
    }
    start[w + 1] = dims.length;
  });
  log(`${words.length} words with a class, ${dimCount} context dimensions, ${total} context counts, ${dims.length} non-zero`);
  return { words, start, dims: Uint32Array.from(dims), values: Float32Array.from(values), dimCount };
}

/** Spherical k-means over sparse unit rows (`rowsOf`) or dense unit rows; returns each row's class and the centres (dense, unit). */
function sphericalKMeans(
  count: number,
  dimCount: number,
  k: number,
  dot: (row: number, centresT: Float32Array, scores: Float64Array) => void,
  addTo: (row: number, centre: Float64Array) => void,
  random: () => number,
): { assignment: Int32Array; centres: Float32Array } {
  const centresT = new Float32Array(dimCount * k);
  const assignment = new Int32Array(count).fill(-1);
  const picked = new Set<number>();
  while (picked.size < Math.min(k, count)) picked.add(Math.floor(random() * count));
  [...picked].forEach((row, c) => {
    const centre = new Float64Array(dimCount);
    addTo(row, centre);
    for (let d = 0; d < dimCount; d++) centresT[d * k + c] = centre[d];
  });
  const scores = new Float64Array(k);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    let moved = 0;
    for (let r = 0; r < count; r++) {
      scores.fill(0);
      dot(r, centresT, scores);
      let best = 0;
      for (let c = 1; c < k; c++) if (scores[c] > scores[best]) best = c;
      if (assignment[r] !== best) moved++;
      assignment[r] = best;
    }
    const sums = Array.from({ length: k }, () => new Float64Array(dimCount));
    for (let r = 0; r < count; r++) addTo(r, sums[assignment[r]]);
    sums.forEach((sum, c) => {
      const norm = Math.sqrt(sum.reduce((s, v) => s + v * v, 0));
      // An emptied class restarts from a random row, so k classes stay in use.
      if (norm === 0) addTo(Math.floor(random() * count), sum);
      const n = Math.sqrt(sum.reduce((s, v) => s + v * v, 0)) || 1;
      for (let d = 0; d < dimCount; d++) centresT[d * k + c] = sum[d] / n;
    });
    log(`k=${k} iteration ${iteration + 1}: ${moved} moved`);
    if (moved === 0) break;
  }
  const centres = new Float32Array(k * dimCount);
  for (let c = 0; c < k; c++) for (let d = 0; d < dimCount; d++) centres[c * dimCount + d] = centresT[d * k + c];
  return { assignment, centres };
}

const docs = tokenizeCorpus();
const vectors = contextVectors(docs);
const random = seededRandom(SEED);
const fine = sphericalKMeans(
  vectors.words.length,
  vectors.dimCount,
  FINE,
  (row, centresT, scores) => {
    for (let p = vectors.start[row]; p < vectors.start[row + 1]; p++) {
      const base = vectors.dims[p] * FINE;
      const v = vectors.values[p];
      for (let c = 0; c < FINE; c++) scores[c] += v * centresT[base + c];
    }
  },
  (row, centre) => {
    for (let p = vectors.start[row]; p < vectors.start[row + 1]; p++) centre[vectors.dims[p]] += vectors.values[p];
  },
  random,
);
const coarse = sphericalKMeans(
  FINE,
  vectors.dimCount,
  COARSE,
  (row, centresT, scores) => {
    for (let d = 0; d < vectors.dimCount; d++) {
      const v = fine.centres[row * vectors.dimCount + d];
      if (v === 0) continue;
      for (let c = 0; c < COARSE; c++) scores[c] += v * centresT[d * COARSE + c];
    }
  },
  (row, centre) => {
    for (let d = 0; d < vectors.dimCount; d++) centre[d] += fine.centres[row * vectors.dimCount + d];
  },
  random,
);

const classes: Record<string, [number, number]> = {};
vectors.words.forEach((word, w) => {
  const f = fine.assignment[w];
  classes[word] = [coarse.assignment[f], f];
});
const file: WordClusterFile = {
  format: WORD_CLUSTER_FORMAT,
  provenance: {
    source: 'SaudiNewsNet (M. Alhagri, 2015), https://github.com/parallelfold/SaudiNewsNet, CC BY-NC-SA 4.0',
    days: 'the .zip files of the folder given (default the dev week, 2015-07-21..27)',
    script: 'scripts/ner/build-word-clusters.ts (npm run ner:clusters)',
    method: `spherical k-means over PPMI context vectors (offsets ${OFFSETS.join(',')}, ${CONTEXT_WORDS} context words), ${FINE} fine classes, ${COARSE} coarse classes of their centres, seed ${SEED}`,
    documents: docs.length,
    minCount: MIN_COUNT,
  },
  classes,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(file)}\n`);
log(`wrote ${out}: ${vectors.words.length} words`);
