import { allowedAfter, LABEL_COUNT, OUTSIDE } from './ner-labels';

const L = LABEL_COUNT;
/** Scratch tables reused across calls (decoding is synchronous). */
let bestScores = new Float64Array(256 * L);
let backPointers = new Uint8Array(256 * L);

/**
 * The labels allowed before each label l are one run, FIRST_BEFORE[l] to
 * LAST_BEFORE[l] (all of them before O and B-X; B-X and I-X before I-X), so
 * a step loops over that run with no test per pair. Checked against
 * `allowedAfter` here, so a change of label layout fails at load rather
 * than decoding wrongly.
 */
const FIRST_BEFORE = new Uint8Array(L);
const LAST_BEFORE = new Uint8Array(L);
for (let l = 0; l < L; l++) {
  const allowed = Array.from({ length: L }, (_, p) => p).filter((p) => allowedAfter(p, l));
  FIRST_BEFORE[l] = allowed[0];
  LAST_BEFORE[l] = allowed[allowed.length - 1];
  if (allowed.length !== LAST_BEFORE[l] - FIRST_BEFORE[l] + 1) throw new Error(`labels allowed before label ${l} are not one run`);
}

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
    const at = i * L;
    for (let l = 0; l < L; l++) {
      let top = -Infinity;
      let from = OUTSIDE;
      // Ascending, ties to the first: the order the choice between equal scores depends on.
      for (let p = FIRST_BEFORE[l], last = LAST_BEFORE[l]; p <= last; p++) {
        const s = best[previous + p] + trans[p * L + l];
        if (s > top) {
          top = s;
          from = p;
        }
      }
      best[at + l] = top + emission[at + l];
      back[at + l] = from;
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
