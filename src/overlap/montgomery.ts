// Edwards25519 points (as libsodium encodes them) turned into the Montgomery u-coordinates that
// X25519 multiplies: u = (1 + y) / (1 − y) mod 2^255 − 19. libsodium's own conversion also checks
// the point's subgroup, which costs a scalar multiplication each; our points come from
// `from_uniform`, which already clears the cofactor, so a batch shares one field inversion
// (Montgomery's trick) and costs a few multiplications per point. Pure: the browser runs it too.

const P = 2n ** 255n - 19n;

function readY(bytes: Uint8Array, at: number): bigint {
  let y = 0n;
  for (let i = at + 31; i >= at; i -= 1) y = (y << 8n) | BigInt(i === at + 31 ? bytes[i]! & 0x7f : bytes[i]!);
  return y;
}

function writeLittleEndian(value: bigint, out: Uint8Array, at: number) {
  let v = value;
  for (let i = 0; i < 32; i += 1) { out[at + i] = Number(v & 0xffn); v >>= 8n; }
}

function power(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = base % P;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % P;
    b = (b * b) % P;
    e >>= 1n;
  }
  return result;
}

/** Converts `count` 32-byte Edwards points packed in `edwards` into Montgomery u-coordinates, packed the same way. */
export function edwardsToMontgomery(edwards: Uint8Array, count = edwards.length / 32): Uint8Array {
  const out = new Uint8Array(count * 32);
  const ys: bigint[] = new Array(count);
  const prefix: bigint[] = new Array(count);
  let running = 1n;
  for (let i = 0; i < count; i += 1) {
    const y = readY(edwards, i * 32);
    const denominator = (1n - y + P) % P;
    if (denominator === 0n) throw new Error('the identity point has no Montgomery form');
    ys[i] = y;
    prefix[i] = running;
    running = (running * denominator) % P;
  }
  let inverse = power(running, P - 2n);
  for (let i = count - 1; i >= 0; i -= 1) {
    const y = ys[i]!;
    const denominator = (1n - y + P) % P;
    const inv = (inverse * prefix[i]!) % P; // 1 / denominator_i
    inverse = (inverse * denominator) % P;
    writeLittleEndian(((1n + y) * inv) % P, out, i * 32);
  }
  return out;
}
