import { allowedAfter, LABEL_COUNT, OUTSIDE } from './ner-labels';

const L = LABEL_COUNT;
/** Scratch tables reused across calls (decoding is synchronous). */
let bestScores = new Float64Array(256 * L);
let backPointers = new Uint8Array(256 * L);
/** allowedAfter(p, l) at p·L + l. */
const ALLOWED = Uint8Array.from({ length: L * L }, (_, k) => Number(allowedAfter(Math.floor(k / L), k % L)));

/**
 * The best BIO label sequence under first-order scores: `emission[i·L + l]`
 * for label l at token i, and `transition(i)` giving at `[p·L + l]` the
 * score of label l at i after label p at i-1 (at i = 0 the label before is
 * O). Ill-formed pairs (I-X after anything but X) are never chosen.
 */
export function bioViterbi(n: number, emission: Float64Array, transition: (i: number) => Float64Array): Uint8Array {
  const labels = new Uint8Array(n);
  if (n === 0) return labels;
  if (bestScores.length < n * L) {
    bestScores = new Float64Array(2 * n * L);
    backPointers = new Uint8Array(2 * n * L);
  }
  const best = bestScores;
  const back = backPointers;
  let trans = transition(0);
  for (let l = 0; l < L; l++) best[l] = allowedAfter(OUTSIDE, l) ? emission[l] + trans[OUTSIDE * L + l] : -Infinity;
  for (let i = 1; i < n; i++) {
    trans = transition(i);
    for (let l = 0; l < L; l++) {
      let top = -Infinity;
      let from = OUTSIDE;
      for (let p = 0; p < L; p++) {
        if (ALLOWED[p * L + l] === 0) continue;
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
