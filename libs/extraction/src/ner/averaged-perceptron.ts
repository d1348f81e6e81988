/**
 * The averaged perceptron (Collins 2002) that trains the entity tagger:
 * multi-class, over integer feature ids, with lazy averaging so that an
 * update costs only the features it touches.
 *
 * Written here rather than taken from npm: the registry's candidates are a
 * native CRFsuite binding (`crfsuite`, a node-gyp build with no release for
 * years) and `wink-perceptron`, a plain classifier over string-keyed objects
 * whose weights cannot be read back per feature — and the tagger's speed
 * depends on summing a word's feature weights once and caching the sum
 * (see `ner-model.ts`). The algorithm is a few dozen lines.
 */
export class AveragedPerceptron {
  private weights: Float64Array;
  private totals: Float64Array;
  private stamps: Float64Array;
  private clock = 0;

  constructor(
    private featureCount: number,
    readonly labelCount: number,
  ) {
    this.weights = new Float64Array(featureCount * labelCount);
    this.totals = new Float64Array(featureCount * labelCount);
    this.stamps = new Float64Array(featureCount * labelCount);
  }

  /** Grows the tables for features first seen after construction. */
  ensure(featureCount: number): void {
    if (featureCount <= this.featureCount) return;
    const size = Math.max(featureCount, this.featureCount * 2) * this.labelCount;
    const grow = (a: Float64Array): Float64Array => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    this.weights = grow(this.weights);
    this.totals = grow(this.totals);
    this.stamps = grow(this.stamps);
    this.featureCount = size / this.labelCount;
  }

  /** Adds each feature's weights to `out` (which the caller zeroes). */
  score(features: ArrayLike<number>, out: Float64Array): void {
    const L = this.labelCount;
    for (let k = 0; k < features.length; k++) {
      const row = features[k] * L;
      for (let l = 0; l < L; l++) out[l] += this.weights[row + l];
    }
  }

  /** One example (sentence) seen: counts time for the averages. */
  tick(): void {
    this.clock++;
  }

  /** Moves weight from the guessed label to the true one on these features. */
  update(features: ArrayLike<number>, truth: number, guess: number): void {
    if (truth === guess) return;
    for (let k = 0; k < features.length; k++) {
      const row = features[k] * this.labelCount;
      this.bump(row + truth, 1);
      this.bump(row + guess, -1);
    }
  }

  /** Adds `delta` to one label's weight on these features (a transition seen with different labels before). */
  adjust(features: ArrayLike<number>, label: number, delta: number): void {
    for (let k = 0; k < features.length; k++) this.bump(features[k] * this.labelCount + label, delta);
  }

  /** The current (not averaged) weight of feature `f` for label `l`. */
  weight(f: number, l: number): number {
    return this.weights[f * this.labelCount + l];
  }

  private bump(at: number, delta: number): void {
    this.totals[at] += (this.clock - this.stamps[at]) * this.weights[at];
    this.stamps[at] = this.clock;
    this.weights[at] += delta;
  }

  /** The averaged weights, feature-major (`featureCount × labelCount`); training state is left untouched. */
  averaged(featureCount: number): Float64Array {
    const out = new Float64Array(featureCount * this.labelCount);
    const clock = Math.max(1, this.clock);
    for (let i = 0; i < out.length; i++) {
      const total = this.totals[i] + (this.clock - this.stamps[i]) * this.weights[i];
      out[i] = total / clock;
    }
    return out;
  }
}
