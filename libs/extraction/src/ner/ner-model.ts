import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABEL_COUNT, NER_LABELS } from './ner-labels';
import { NerModelError } from './ner-model.error';
import type { WordCounts } from './ner-feature-extractor';

export const NER_MODEL_FORMAT = 'eventwire-ner-perceptron/1';

/** The committed model file, written by `npm run ner:train`. */
export const BUNDLED_NER_MODEL = join(__dirname, '..', '..', 'data', 'ner-model.json');

/** The model as stored: averaged perceptron weights quantised to 16 bits, feature-major. */
export interface NerModelFile {
  format: string;
  labels: readonly string[];
  /** Where the weights come from and how they were chosen: data, split, epochs, dev figures. */
  provenance: Record<string, unknown>;
  features: string[];
  /** weight = int16 × scale. */
  scale: number;
  /** Base64 of little-endian int16, `features.length × labels.length`. */
  weights: string;
  /** Words seen in training at least twice, normalised: the tokenizer splits clitics only into words it knows. */
  vocabulary: string[];
  /** Training counts of each word seen, as O, PER, LOC, ORG: `word → [o, per, loc, org]`. */
  statistics: Record<string, [number, number, number, number]>;
}

/**
 * A trained tagger model in memory: the weight row of each feature. Loading
 * is a JSON parse, a base64 decode and one map of feature strings (well
 * under a second for the bundled model).
 */
export class NerModel {
  private static bundledInstance: NerModel | undefined;

  private readonly index = new Map<string, number>();

  private constructor(
    readonly weights: Float32Array,
    features: readonly string[],
    readonly vocabulary: ReadonlySet<string>,
    readonly statistics: ReadonlyMap<string, WordCounts>,
    readonly provenance: Record<string, unknown>,
  ) {
    features.forEach((f, i) => this.index.set(f, i));
  }

  static bundled(): NerModel {
    NerModel.bundledInstance ??= NerModel.fromFile(BUNDLED_NER_MODEL);
    return NerModel.bundledInstance;
  }

  static fromFile(path: string): NerModel {
    return NerModel.fromJson(JSON.parse(readFileSync(path, 'utf8')) as NerModelFile);
  }

  static fromJson(file: NerModelFile): NerModel {
    if (file.format !== NER_MODEL_FORMAT) throw new NerModelError(`unknown model format "${file.format}"`);
    if (file.labels.join(' ') !== NER_LABELS.join(' ')) throw new NerModelError(`model labels ${file.labels.join(' ')} are not the tagger's`);
    const bytes = Buffer.from(file.weights, 'base64');
    if (bytes.length !== file.features.length * LABEL_COUNT * 2) throw new NerModelError('weights do not match the feature count');
    const weights = new Float32Array(file.features.length * LABEL_COUNT);
    for (let i = 0; i < weights.length; i++) weights[i] = bytes.readInt16LE(i * 2) * file.scale;
    return new NerModel(weights, file.features, new Set(file.vocabulary), new Map(Object.entries(file.statistics ?? {})), file.provenance);
  }

  /** Quantises averaged weights into the stored form, dropping features whose every weight rounds to zero. */
  static toJson(
    features: readonly string[],
    weights: Float64Array,
    vocabulary: readonly string[],
    statistics: Record<string, [number, number, number, number]>,
    provenance: Record<string, unknown>,
  ): NerModelFile {
    let max = 0;
    for (const w of weights) max = Math.max(max, Math.abs(w));
    const scale = max > 0 ? max / 32767 : 1;
    const kept: string[] = [];
    const rows: number[] = [];
    features.forEach((feature, f) => {
      for (let l = 0; l < LABEL_COUNT; l++) {
        if (Math.round(weights[f * LABEL_COUNT + l] / scale) !== 0) {
          kept.push(feature);
          rows.push(f);
          return;
        }
      }
    });
    const bytes = Buffer.alloc(kept.length * LABEL_COUNT * 2);
    rows.forEach((f, k) => {
      for (let l = 0; l < LABEL_COUNT; l++) bytes.writeInt16LE(Math.round(weights[f * LABEL_COUNT + l] / scale), (k * LABEL_COUNT + l) * 2);
    });
    return { format: NER_MODEL_FORMAT, labels: [...NER_LABELS], provenance, features: kept, scale, weights: bytes.toString('base64'), vocabulary: [...vocabulary], statistics };
  }

  /** Row of a feature in `weights` (× label count), or -1 when the model never learned it. */
  row(feature: string): number {
    const i = this.index.get(feature);
    return i === undefined ? -1 : i * LABEL_COUNT;
  }

  /** Every feature with its row. */
  forEachFeature(visit: (feature: string, row: number) => void): void {
    for (const [feature, i] of this.index) visit(feature, i * LABEL_COUNT);
  }

  get featureCount(): number {
    return this.index.size;
  }
}
