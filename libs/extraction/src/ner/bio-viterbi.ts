import { allowedAfter, LABEL_COUNT, OUTSIDE } from './ner-labels';

const L = LABEL_COUNT;

/**
 * The best BIO label sequence under first-order scores: `emission[i·L + l]`
 * for label l at token i, and `transition(i, out)` filling `out[p·L + l]`
 * with the score of label l at i after label p at i-1 (at i = 0 the label
 * before is O). Ill-formed pairs (I-X after anything but X) are never chosen.
 */
export function bioViterbi(n: number, emission: Float64Array, transition: (i: number, out: Float64Array) => void): Uint8Array {
  const labels = new Uint8Array(n);
  if (n === 0) return labels;
  const best = new Float64Array(n * L);
  const back = new Uint8Array(n * L);
  const trans = new Float64Array(L * L);
  transition(0, trans);
  for (let l = 0; l < L; l++) best[l] = allowedAfter(OUTSIDE, l) ? emission[l] + trans[OUTSIDE * L + l] : -Infinity;
  for (let i = 1; i < n; i++) {
    transition(i, trans);
    for (let l = 0; l < L; l++) {
      let top = -Infinity;
      let from = OUTSIDE;
      for (let p = 0; p < L; p++) {
        if (!allowedAfter(p, l)) continue;
        const s = best[(i - 1) * L + p] + trans[p * L + l];
        if (s > top) {
          top = s;
          from = p;
        }
      }
      best[i * L + l] = top + emission[i * L + l];
      back[i * L + l] = from;
    }
  }
  let last = OUTSIDE;
  for (let l = 1; l < L; l++) if (best[(n - 1) * L + l] > best[(n - 1) * L + last]) last = l;
  for (let i = n - 1; i >= 0; i--) {
    labels[i] = last;
    last = back[i * L + last];
  }
  return labels;
}
