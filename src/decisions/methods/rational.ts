// Exact rational arithmetic on bigints. Vote tallies decide on exact thresholds ("at least 2/3"),
// and a float can put 2/3 of a weighted base a hair above or below the yes total; so every
// comparison here is made between exact fractions, and nothing is ever rounded.

/**
 * An exact fraction as it leaves this module: reduced, denominator positive, both parts decimal
 * integer strings. Strings because the parts can outgrow a double (weights multiply several
 * denominators) and bigints do not survive JSON.
 */
export interface ExactFraction { numerator: string; denominator: string }

/** Small integer ratio as people enter it in a rule: a threshold of 2/3, a quorum of 1/2. */
export interface Ratio { numerator: number; denominator: number }

export interface Rational { readonly n: bigint; readonly d: bigint }

export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('zero denominator');
  if (d < 0n) { n = -n; d = -d; }
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export const ZERO = rational(0n);
export const ONE = rational(1n);

export const add = (a: Rational, b: Rational) => rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const subtract = (a: Rational, b: Rational) => rational(a.n * b.d - b.n * a.d, a.d * b.d);
export const multiply = (a: Rational, b: Rational) => rational(a.n * b.n, a.d * b.d);
export const divide = (a: Rational, b: Rational) => rational(a.n * b.d, a.d * b.n);
export const sum = (values: Iterable<Rational>) => {
  let total = ZERO;
  for (const v of values) total = add(total, v);
  return total;
};

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
}

export const equals = (a: Rational, b: Rational) => compare(a, b) === 0;

/** Smallest integer not below r. */
export function ceiling(r: Rational): bigint {
  const q = r.n / r.d; // bigint division truncates toward zero
  return r.n > 0n && q * r.d !== r.n ? q + 1n : q;
}

/** Largest integer not above r. */
export function floor(r: Rational): bigint {
  const q = r.n / r.d;
  return r.n < 0n && q * r.d !== r.n ? q - 1n : q;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/**
 * The number as the person wrote it: 0.1 becomes exactly 1/10 (read from the shortest decimal
 * that round-trips, which is what `String` prints), not the binary double nearest to it. Shares
 * of 0.2 + 0.3 + 0.5 therefore sum to exactly 1.
 */
export function fromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError('not a finite number');
  const match = DECIMAL.exec(String(x));
  if (!match) throw new RangeError('unreadable number');
  const [, sign, whole, fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText) - fraction.length;
  let n = BigInt(`${sign}${whole}${fraction}`);
  let d = 1n;
  if (exponent >= 0) n *= 10n ** BigInt(exponent);
  else d = 10n ** BigInt(-exponent);
  return rational(n, d);
}

export const fromRatio = (r: Ratio) => rational(BigInt(r.numerator), BigInt(r.denominator));

const INTEGER = /^-?\d+$/;

export function isExactFraction(value: unknown): value is ExactFraction {
  if (typeof value !== 'object' || value === null) return false;
  const { numerator, denominator } = value as Record<string, unknown>;
  return typeof numerator === 'string' && typeof denominator === 'string'
    && INTEGER.test(numerator) && INTEGER.test(denominator) && BigInt(denominator) !== 0n;
}

export const fromExact = (f: ExactFraction) => rational(BigInt(f.numerator), BigInt(f.denominator));
export const toExact = (r: Rational): ExactFraction => ({ numerator: r.n.toString(), denominator: r.d.toString() });

/** For display only (bars, percentages); decisions never read it. */
export function toNumber(r: Rational): number {
  const whole = r.n / r.d;
  return Number(whole) + Number(r.n - whole * r.d) / Number(r.d);
}

/** An exact fraction's value as a double, for display (a percentage, a bar) and never for deciding. */
export const approximate = (f: ExactFraction) => toNumber(fromExact(f));
