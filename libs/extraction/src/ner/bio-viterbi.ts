import { allowedAfter, LABEL_COUNT, OUTSIDE } from './ner-labels';

const L = LABEL_COUNT;
/** Scratch tables reused across calls (decoding is synchronous). */
let bestScores = new Float64Array(256 * L);
let backPointers = new Uint8Array(256 * L);
/**
 * The labels each label may follow, ascending (so the first best wins a tie,
 * as in a scan of every label): `FROM[FROM_START[l] .. FROM_START[l + 1])`.
 * An I-X follows only B-X or I-X, so the step looks at 34 pairs, not 49.
 */
const FROM_LISTS = Array.from({ length: L }, (_, l) => Array.from({ length: L }, (_, p) => p).filter((p) => allowedAfter(p, l)));
const FROM = Uint8Array.from(FROM_LISTS.flat());
const FROM_START = Uint8Array.from([0, ...FROM_LISTS.map((_, l) => FROM_LISTS.slice(0, l + 1).flat().length)]);

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
    const previous = (i - 1) * L;
    for (let l = 0; l < L; l++) {
      let top = -Infinity;
      let from = OUTSIDE;
      for (let k = FROM_START[l]; k < FROM_START[l + 1]; k++) {
        const p = FROM[k];
        const s = best[previous + p] + trans[p * L + l];
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
