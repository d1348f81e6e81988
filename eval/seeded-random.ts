/**
 * A seeded xorshift32 generator of numbers in [0, 1): the same seed draws
 * the same numbers on every run and machine, so a shuffled stream or a
 * search's pool can be drawn again.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}
