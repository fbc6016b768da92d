// Exact vote arithmetic: every vote value is a BigInt scaled by 10^decimals (fixed point), and
// every division or multiplication truncates toward zero at `decimals` places, as RCTab's
// BigDecimal arithmetic does (RoundingMode.DOWN). A value also remembers whether RCTab would
// carry it with `decimals` digits after the point ("8.0000") or as a whole number ("8"): RCTab's
// reports print BigDecimal.toString(), so the scale is part of the expected output.

/** A vote quantity: `value` counts units of 10^-decimals; `scaled` is BigDecimal's scale (decimals vs 0). */
export interface Dec { value: bigint; scaled: boolean }

export const ZERO: Dec = Object.freeze({ value: 0n, scaled: false });

export function pow10(decimals: number): bigint {
  return 10n ** BigInt(decimals);
}

export function addDec(a: Dec, b: Dec): Dec {
  return { value: a.value + b.value, scaled: a.scaled || b.scaled };
}

export function subDec(a: Dec, b: Dec): Dec {
  return { value: a.value - b.value, scaled: a.scaled || b.scaled };
}

/** Reads a plain decimal ("12", "0.25", "-3.5") exactly as written, scaled to `decimals` places; null when it has more places or is not a number. */
export function parseDecimal(text: string, decimals: number): Dec | null {
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  if (fraction.length > decimals) return null;
  const digits = `${m[2] || '0'}${fraction.padEnd(decimals, '0')}`;
  const value = BigInt(digits) * (m[1] === '-' ? -1n : 1n);
  return { value, scaled: fraction.length > 0 };
}

/** BigDecimal.toString() of a value with scale 0 (whole number) or `decimals`, including its scientific form for tiny values. */
export function formatJava(d: Dec, decimals: number): string {
  if (!d.scaled) {
    const unit = pow10(decimals);
    if (d.value % unit !== 0n) throw new Error(`internal: whole-number vote value ${d.value} is not a multiple of 10^${decimals}`);
    return (d.value / unit).toString();
  }
  if (decimals === 0) return d.value.toString();
  const negative = d.value < 0n;
  const coefficient = (negative ? -d.value : d.value).toString();
  const adjusted = coefficient.length - 1 - decimals;
  let text: string;
  if (adjusted >= -6) {
    text = coefficient.length > decimals
      ? `${coefficient.slice(0, coefficient.length - decimals)}.${coefficient.slice(coefficient.length - decimals)}`
      : `0.${'0'.repeat(decimals - coefficient.length)}${coefficient}`;
  } else {
    const mantissa = coefficient.length > 1 ? `${coefficient[0]}.${coefficient.slice(1)}` : coefficient;
    text = `${mantissa}E${adjusted}`;
  }
  return negative ? `-${text}` : text;
}

/** The value in plain notation with no trailing zeros ("10.3333", "8", "0.25"). */
export function formatPlain(value: bigint, decimals: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** floor(a / b) for non-negative a and positive b. */
export function divFloor(a: bigint, b: bigint): bigint {
  return a / b;
}

/** ceil(a / b) for non-negative a and positive b. */
export function divCeil(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}
