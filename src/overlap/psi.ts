import crypto from 'node:crypto';
import sodium from 'sodium-native';
import { edwardsToMontgomery } from './montgomery.ts';
import { ELEMENT_BYTES, elementText, type IdentifierKind } from './psi-element.ts';

// The private set intersection both sides run (Diffie–Hellman PSI on X25519, as in Meadows 1986
// and Huberman–Franklin–Hogg 1999): each side raises its hashed identifiers to its own secret,
// the other side raises them again to its secret, and since a·(b·H(x)) = b·(a·H(x)) the values
// that meet twice-blinded are the shared identifiers. The server only relays and compares;
// without a side's secret, a blinded value cannot be tested against a guessed identifier.

/** A fresh secret for one run, never stored or sent (X25519 clamps it). */
export function newSecret(): Uint8Array {
  return crypto.randomBytes(32);
}

/** Each value hashed onto the curve (see psi-element.ts), packed 32 bytes each. */
export function hashToCurve(kind: IdentifierKind, values: readonly string[]): Uint8Array {
  const edwards = new Uint8Array(values.length * ELEMENT_BYTES);
  const point = new Uint8Array(ELEMENT_BYTES);
  values.forEach((value, i) => {
    sodium.crypto_core_ed25519_from_uniform(point, crypto.createHash('sha256').update(elementText(kind, value)).digest());
    edwards.set(point, i * ELEMENT_BYTES);
  });
  return values.length ? edwardsToMontgomery(edwards) : edwards;
}

/** Every packed point multiplied by the secret. */
export function blind(points: Uint8Array, secret: Uint8Array): Uint8Array {
  if (points.length % ELEMENT_BYTES) throw new Error('blinded values come in 32 bytes each');
  const out = new Uint8Array(points.length);
  const result = new Uint8Array(ELEMENT_BYTES);
  for (let at = 0; at < points.length; at += ELEMENT_BYTES) {
    sodium.crypto_scalarmult(result, secret, points.subarray(at, at + ELEMENT_BYTES));
    out.set(result, at);
  }
  return out;
}

const keysOf = (packed: Uint8Array) => {
  const buffer = Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
  const keys: string[] = new Array(packed.length / ELEMENT_BYTES);
  for (let i = 0; i < keys.length; i += 1) keys[i] = buffer.toString('latin1', i * ELEMENT_BYTES, (i + 1) * ELEMENT_BYTES);
  return keys;
};

/** How many distinct values `a` and `b` share (both packed, 32 bytes each). */
export function intersectionSize(a: Uint8Array, b: Uint8Array): number {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const seen = new Set(keysOf(small));
  let shared = 0;
  for (const key of new Set(keysOf(large))) if (seen.has(key)) shared += 1;
  return shared;
}

// The X25519 u-coordinates of points of small order (libsodium's list, high bit ignored): a
// side that sent one would make the other side's multiplication fail, or collapse values.
const SMALL_ORDER = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800',
  '5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
];

/** How many packed values are points of small order (never made by hashing onto the curve and blinding). */
export function smallOrderValues(packed: Uint8Array): number {
  const buffer = Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
  let found = 0;
  const value = Buffer.alloc(ELEMENT_BYTES);
  for (let at = 0; at < buffer.length; at += ELEMENT_BYTES) {
    buffer.copy(value, 0, at, at + ELEMENT_BYTES);
    value[31]! &= 0x7f;
    if (SMALL_ORDER.includes(value.toString('hex'))) found += 1;
  }
  return found;
}

/** The number of values repeated in a packed list (a side's list must hold each identifier once). */
export function repeats(packed: Uint8Array): number {
  const keys = keysOf(packed);
  return keys.length - new Set(keys).size;
}
