// Reproducible randomness for sampling and node orders: the same seed gives the same result on
// every machine, so an analysis shown in the app can be recomputed and checked.

/** A uniform generator in [0, 1) (mulberry32: tiny state, fast, good enough for sampling). */
export type RandomSource = () => number;

export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform integer in [0, bound). */
export function randomBelow(random: RandomSource, bound: number): number {
  return Math.floor(random() * bound);
}

/** Fisher–Yates shuffle in place. */
export function shuffleInPlace(values: Int32Array, random: RandomSource): Int32Array {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = values[i]!;
    values[i] = values[j]!;
    values[j] = swap;
  }
  return values;
}
