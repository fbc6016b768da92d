// HyperLogLog (Flajolet, Fusy, Gandouet, Meunier 2007): a sketch of a set of hashed identifiers
// from which the set's size can be estimated, and whose union with another sketch is exact
// (register by register, the larger value). 2^14 one-byte registers: 16 KB a sketch, a relative
// standard error of 1.04/√16384 ≈ 0.81%. A register holds only the longest run of leading zeros
// seen among the hashes that fall in it: an identifier cannot be read back from a sketch.

export const PRECISION = 14;
export const REGISTERS = 1 << PRECISION;
export const RELATIVE_STANDARD_ERROR = 1.04 / Math.sqrt(REGISTERS);
const REST_BITS = 32 - PRECISION;

export function emptySketch(): Uint8Array {
  return new Uint8Array(REGISTERS);
}

/** Adds one identifier's hash (at least 8 uniformly random bytes) to the sketch. */
export function addHash(sketch: Uint8Array, hash: Uint8Array) {
  const high = ((hash[0]! << 24) | (hash[1]! << 16) | (hash[2]! << 8) | hash[3]!) >>> 0;
  const low = ((hash[4]! << 24) | (hash[5]! << 16) | (hash[6]! << 8) | hash[7]!) >>> 0;
  const index = high >>> REST_BITS;
  const rest = high & ((1 << REST_BITS) - 1);
  // The position of the first 1 among the 64 − PRECISION bits after the index.
  const rank = rest !== 0 ? Math.clz32(rest) - PRECISION + 1 : low !== 0 ? REST_BITS + Math.clz32(low) + 1 : REST_BITS + 33;
  if (rank > sketch[index]!) sketch[index] = rank;
}

/** The union of sketches: exactly the sketch of the union of their sets. */
export function union(sketches: readonly Uint8Array[]): Uint8Array {
  const out = emptySketch();
  for (const s of sketches) {
    if (s.length !== REGISTERS) throw new Error(`a sketch has ${REGISTERS} registers`);
    for (let i = 0; i < REGISTERS; i += 1) if (s[i]! > out[i]!) out[i] = s[i]!;
  }
  return out;
}

// Ertl's improved estimator ("New cardinality estimation algorithms for HyperLogLog sketches",
// 2017), from the histogram of register values: unbiased from a handful of identifiers to
// billions, without the original's switch to linear counting or its bias around 2.5·m–5·m.
const MAX_RANK = REST_BITS + 33;
const ALPHA_INFINITY = 1 / (2 * Math.LN2);

function sigma(x: number): number {
  if (x === 1) return Infinity;
  let y = 1;
  let z = x;
  for (let previous = -1; previous !== z;) {
    x *= x;
    previous = z;
    z += x * y;
    y += y;
  }
  return z;
}

function tau(x: number): number {
  if (x === 0 || x === 1) return 0;
  let y = 1;
  let z = 1 - x;
  for (let previous = -1; previous !== z;) {
    x = Math.sqrt(x);
    previous = z;
    y *= 0.5;
    z -= (1 - x) ** 2 * y;
  }
  return z / 3;
}

/** The estimated number of distinct identifiers added to the sketch. */
export function estimate(sketch: Uint8Array): number {
  const counts = new Array<number>(MAX_RANK + 1).fill(0);
  for (let i = 0; i < REGISTERS; i += 1) counts[sketch[i]!]! += 1;
  let z = REGISTERS * tau(1 - counts[MAX_RANK]! / REGISTERS);
  for (let k = MAX_RANK - 1; k >= 1; k -= 1) z = 0.5 * (z + counts[k]!);
  z += REGISTERS * sigma(counts[0]! / REGISTERS);
  return (ALPHA_INFINITY * REGISTERS * REGISTERS) / z;
}
