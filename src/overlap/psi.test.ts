import crypto from 'node:crypto';
import fc from 'fast-check';
import sodium from 'sodium-native';
import { describe, expect, it } from 'vitest';
import { edwardsToMontgomery } from './montgomery.ts';
import { blind, hashToCurve, intersectionSize, newSecret, repeats, smallOrderValues } from './psi.ts';
import { blindAgain, hashAndBlind } from './psi-parallel.ts';

// Both sides of the protocol run here without a server: what each sends, what the other returns.
function overlap(mine: string[], theirs: string[]) {
  const a = newSecret();
  const b = newSecret();
  const aBlinded = blind(hashToCurve('email', mine), a);
  const bBlinded = blind(hashToCurve('email', theirs), b);
  return intersectionSize(blind(aBlinded, b), blind(bBlinded, a));
}

const emails = fc.uniqueArray(fc.emailAddress(), { maxLength: 40 });

describe('private set intersection', () => {
  it('counts exactly the identifiers both lists hold, for random lists', () => {
    fc.assert(fc.property(emails, emails, fc.uniqueArray(fc.emailAddress(), { maxLength: 20 }), (onlyMine, onlyTheirs, shared) => {
      const mine = [...new Set([...onlyMine, ...shared])];
      const theirs = [...new Set([...onlyTheirs, ...shared])];
      const truth = mine.filter((e) => theirs.includes(e)).length;
      expect(overlap(mine, theirs)).toBe(truth);
    }), { numRuns: 60, seed: 16 });
  });

  it('counts 0 for an empty list and everything for identical lists', () => {
    const list = Array.from({ length: 50 }, (_, i) => `person${i}@example.org`);
    expect(overlap([], list)).toBe(0);
    expect(overlap(list, [])).toBe(0);
    expect(overlap([], [])).toBe(0);
    expect(overlap(list, [...list].reverse())).toBe(50);
  });

  it('never lets a blinded value be matched without both secrets', () => {
    const a = newSecret();
    const b = newSecret();
    const point = hashToCurve('email', ['ana@example.org']);
    const once = blind(point, a);
    // A guess hashed by someone holding only b (the server holds neither) does not meet a's value.
    expect(Buffer.from(blind(point, b)).equals(Buffer.from(once))).toBe(false);
    expect(Buffer.from(point).equals(Buffer.from(once))).toBe(false);
    // The same email as a phone number is another element.
    expect(Buffer.from(hashToCurve('phone', ['ana@example.org'])).equals(Buffer.from(point))).toBe(false);
  });

  it('maps identifiers onto the curve as libsodium does, one inversion for a whole batch', () => {
    const edwards = new Uint8Array(32 * 64);
    const point = new Uint8Array(32);
    for (let i = 0; i < 64; i += 1) {
      sodium.crypto_core_ed25519_from_uniform(point, crypto.randomBytes(32));
      edwards.set(point, i * 32);
    }
    const converted = edwardsToMontgomery(edwards);
    const expected = new Uint8Array(32);
    for (let i = 0; i < 64; i += 1) {
      sodium.crypto_sign_ed25519_pk_to_curve25519(expected, edwards.subarray(i * 32, i * 32 + 32));
      expect(Buffer.from(converted.subarray(i * 32, i * 32 + 32)).equals(Buffer.from(expected))).toBe(true);
    }
  });

  it('tells points of small order from blinded identifiers', () => {
    const honest = blind(hashToCurve('email', Array.from({ length: 200 }, (_, i) => `p${i}@x.org`)), newSecret());
    expect(smallOrderValues(honest)).toBe(0);
    const zero = new Uint8Array(32);
    const one = new Uint8Array(32); one[0] = 1;
    const order8 = Buffer.from('e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b880', 'hex'); // high bit set: still refused
    expect(smallOrderValues(new Uint8Array([...zero, ...honest.subarray(0, 32), ...one, ...order8]))).toBe(3);
  });

  it('counts distinct shared values, whatever repeats a list holds', () => {
    const [a, b] = [hashToCurve('email', ['x@x.org', 'y@x.org']), hashToCurve('email', ['x@x.org'])];
    expect(intersectionSize(new Uint8Array([...a, ...a.subarray(0, 32)]), b)).toBe(1);
  });

  it('finds repeated values in a list', () => {
    const packed = hashToCurve('email', ['a@x.org', 'b@x.org']);
    expect(repeats(packed)).toBe(0);
    expect(repeats(new Uint8Array([...packed, ...packed.subarray(0, 32)]))).toBe(1);
  });

  it('gives the same values on worker threads as on the calling thread, for a list large enough to split', async () => {
    const list = Array.from({ length: 12_000 }, (_, i) => `p${i}@example.org`);
    const secret = newSecret();
    const parallel = await hashAndBlind('email', list, secret);
    expect(Buffer.from(parallel).equals(Buffer.from(blind(hashToCurve('email', list), secret)))).toBe(true);
    const other = newSecret();
    expect(Buffer.from(await blindAgain(parallel, other)).equals(Buffer.from(blind(parallel, other)))).toBe(true);
  }, 60_000);
});
