/** One training example: features, label (0 or 1) and how much it counts. */
export interface Example {
  x: readonly number[];
  y: 0 | 1;
  weight: number;
}

export interface LogisticFit {
  weights: number[];
  bias: number;
  /** Weighted mean log-loss on the training examples. */
  loss: number;
}

/**
 * L2-regularised logistic regression with example weights, fitted by full-
 * batch gradient descent with Adam. Written here because the packaged ones
 * (ml-logistic-regression) take no example weights and no regularisation,
 * and the model is ten numbers: what runs in the clusterer is a dot product
 * and a sigmoid. Deterministic: weights start at zero, examples in order.
 */
export function fitLogistic(examples: readonly Example[], options: { l2?: number; epochs?: number; rate?: number } = {}): LogisticFit {
  const { l2 = 1e-3, epochs = 800, rate = 0.05 } = options;
  const d = examples[0]?.x.length ?? 0;
  const w = new Array<number>(d + 1).fill(0); // the last one is the bias
  const m = new Array<number>(d + 1).fill(0);
  const v = new Array<number>(d + 1).fill(0);
  const total = examples.reduce((s, e) => s + e.weight, 0) || 1;
  let loss = 0;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const g = new Array<number>(d + 1).fill(0);
    loss = 0;
    for (const e of examples) {
      let z = w[d]!;
      for (let i = 0; i < d; i++) z += w[i]! * e.x[i]!;
      const p = 1 / (1 + Math.exp(-z));
      const err = (p - e.y) * e.weight;
      for (let i = 0; i < d; i++) g[i]! += err * e.x[i]!;
      g[d]! += err;
      loss -= e.weight * (e.y === 1 ? Math.log(Math.max(p, 1e-12)) : Math.log(Math.max(1 - p, 1e-12)));
    }
    for (let i = 0; i <= d; i++) {
      const grad = g[i]! / total + (i < d ? l2 * w[i]! : 0);
      m[i] = 0.9 * m[i]! + 0.1 * grad;
      v[i] = 0.999 * v[i]! + 0.001 * grad * grad;
      const mh = m[i]! / (1 - 0.9 ** epoch);
      const vh = v[i]! / (1 - 0.999 ** epoch);
      w[i]! -= (rate * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  return { weights: w.slice(0, d), bias: w[d]!, loss: loss / total };
}
