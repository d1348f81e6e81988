import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const WORD_CLUSTER_FORMAT = 'eventwire-word-clusters/1';

/** The committed word classes, written by `npm run ner:clusters`. */
export const BUNDLED_WORD_CLUSTERS = join(__dirname, '..', '..', 'data', 'word-clusters.json');

/** Word classes as stored: each folded word's coarse and fine class. */
export interface WordClusterFile {
  format: string;
  /** Where the classes come from: corpus, licence, method. */
  provenance: Record<string, unknown>;
  classes: Record<string, [number, number]>;
}

/**
 * Distributional word classes learned from unannotated news
 * (`scripts/ner/build-word-clusters.ts`): words used in alike contexts share
 * a class, so the tagger's weights for a class carry to its words that
 * training never saw.
 */
export class WordClusters {
  private static bundledInstance: WordClusters | null | undefined;

  private constructor(
    private readonly classes: ReadonlyMap<string, readonly string[]>,
    readonly provenance: Record<string, unknown>,
    /** A digest of the classes: a model trained with them records it, and is refused with other classes. */
    readonly digest: string,
  ) {}

  /** The committed classes, or null when the data file is absent. */
  static bundled(): WordClusters | null {
    if (WordClusters.bundledInstance === undefined) WordClusters.bundledInstance = existsSync(BUNDLED_WORD_CLUSTERS) ? WordClusters.fromFile(BUNDLED_WORD_CLUSTERS) : null;
    return WordClusters.bundledInstance;
  }

  /**
   * The classes a `--clusters` option names: the committed ones when absent,
   * none for `none`, else the file it names (scripts' shared reading).
   */
  static fromOption(value: string | null | undefined): WordClusters | null {
    if (value === undefined || value === null || value === '') return WordClusters.bundled();
    return value === 'none' ? null : WordClusters.fromFile(resolve(value));
  }

  static fromFile(path: string): WordClusters {
    return WordClusters.fromJson(JSON.parse(readFileSync(path, 'utf8')) as WordClusterFile);
  }

  static fromJson(file: WordClusterFile): WordClusters {
    if (file.format !== WORD_CLUSTER_FORMAT) throw new Error(`unknown word-cluster format "${file.format}"`);
    const classes = new Map<string, readonly string[]>();
    for (const [word, [coarse, fine]] of Object.entries(file.classes)) classes.set(word, [`wc:${coarse}`, `wf:${fine}`]);
    return new WordClusters(classes, file.provenance, createHash('sha256').update(JSON.stringify(file.classes)).digest('hex').slice(0, 16));
  }

  /** The class names of a folded word (`wc:N` coarse, `wf:N` fine), none when it has no class. */
  of(key: string): readonly string[] {
    return this.classes.get(key) ?? [];
  }

  get size(): number {
    return this.classes.size;
  }
}

/** What a model records of the word classes it was trained with (`provenance.wordClasses`). */
export interface TrainedWordClasses {
  digest: string;
  words: number;
}

/**
 * Refuses a tagger whose lexicon has other word classes than its model was
 * trained with: the model's class weights would be read for the wrong words.
 * A model that records none was trained without classes (or before them):
 * extra classes are then features it has no weights for, harmless.
 */
export function checkWordClasses(trained: unknown, clusters: WordClusters | null): string | null {
  if (trained === undefined || trained === null || trained === 'none') return null;
  const digest = (trained as TrainedWordClasses).digest;
  if (clusters === null) return `the model was trained with word classes ${digest}, the lexicon has none`;
  return clusters.digest === digest ? null : `the model was trained with word classes ${digest}, the lexicon has ${clusters.digest}`;
}
