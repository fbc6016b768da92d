// Bit-for-bit stand-ins for the few Java library behaviours that decide RCTab's output:
// java.util.Random (random tie-breaks), Collections.shuffle (generated permutations), and the
// iteration order of java.util.HashMap / HashSet, which decides the order in which RCTab lists
// candidates elected or eliminated in the same round and which tied candidate a random draw picks
// after a previous-round comparison.

const MULTIPLIER = 0x5deece66dn;
const ADDEND = 0xbn;
const MASK = (1n << 48n) - 1n;

/** java.util.Random: a 48-bit linear congruential generator. */
export class JavaRandom {
  private seed: bigint;

  constructor(seed: bigint) {
    this.seed = (BigInt.asIntN(64, seed) ^ MULTIPLIER) & MASK;
  }

  /** Random.next(bits): the top `bits` bits of the new state, as a signed 32-bit int. */
  next(bits: number): number {
    this.seed = (this.seed * MULTIPLIER + ADDEND) & MASK;
    return Number(BigInt.asIntN(32, this.seed >> BigInt(48 - bits)));
  }

  nextDouble(): number {
    return (this.next(26) * 2 ** 27 + this.next(27)) * 2 ** -53;
  }

  nextInt(bound: number): number {
    if (!(bound > 0)) throw new Error('bound must be positive');
    let r = this.next(31);
    const m = bound - 1;
    if ((bound & m) === 0) return Number((BigInt(bound) * BigInt(r)) >> 31n);
    for (let u = r; ((u - (r = u % bound) + m) | 0) < 0; u = this.next(31));
    return r;
  }
}

/** Collections.shuffle(list, random), in place. */
export function javaShuffle<T>(list: T[], random: JavaRandom): void {
  for (let i = list.length; i > 1; i--) {
    const j = random.nextInt(i);
    const tmp = list[i - 1] as T;
    list[i - 1] = list[j] as T;
    list[j] = tmp;
  }
}

/** String.hashCode(). */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** Table size of a `new HashMap<>()` after `size` insertions (it doubles past 3/4 full). */
export function grownCapacity(size: number): number {
  let capacity = 16;
  while (size > capacity * 0.75) capacity *= 2;
  return capacity;
}

/** Table size of `new HashSet<>(collection)` for a collection of `size` elements. */
export function copiedSetCapacity(size: number): number {
  const wanted = Math.max(Math.floor(Math.fround(size / 0.75)) + 1, 16);
  let capacity = 1;
  while (capacity < wanted) capacity *= 2;
  return capacity;
}

/**
 * The iteration order of a Java HashMap/HashSet holding `keys` (given in insertion order) in a
 * table of `capacity` buckets: by bucket, and by insertion order within a bucket (a resize keeps
 * that relative order). Tree bins (8+ keys in one bucket) are not modelled.
 */
export function javaHashOrder<T>(keys: readonly T[], nameOf: (key: T) => string, capacity: number): T[] {
  const bucket = (key: T) => {
    const h = javaStringHash(nameOf(key));
    return (h ^ (h >>> 16)) & (capacity - 1);
  };
  return keys.map((key, i) => ({ key, i, b: bucket(key) }))
    .sort((x, y) => x.b - y.b || x.i - y.i)
    .map((e) => e.key);
}

/** String.compareTo order (UTF-16 code units), as Collections.sort uses. */
export function compareJavaStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
