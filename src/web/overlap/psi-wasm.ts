import { edwardsToMontgomery } from '../../overlap/montgomery.ts';
import { ELEMENT_BYTES, elementText, type IdentifierKind } from '../../overlap/psi-element.ts';

// The browser's side of the private overlap: the same steps as src/overlap/psi.ts with libsodium
// compiled to WebAssembly instead of the native one, so a browser and the command line give the
// same bytes (psi-wasm.test.ts checks it).

/** The part of libsodium-wrappers this needs. */
export interface SodiumWasm {
  crypto_hash_sha256(message: string): Uint8Array;
  crypto_core_ed25519_from_uniform(uniform: Uint8Array): Uint8Array;
  crypto_scalarmult(secret: Uint8Array, point: Uint8Array): Uint8Array;
}

const SLICE = 1000;

/** One's own identifiers hashed onto the curve and blinded with one's secret; `progress` gets the share done. */
export function hashAndBlindWasm(sodium: SodiumWasm, kind: IdentifierKind, values: string[], secret: Uint8Array, progress: (share: number) => void = () => {}): Uint8Array {
  const out = new Uint8Array(values.length * ELEMENT_BYTES);
  for (let from = 0; from < values.length; from += SLICE) {
    const slice = values.slice(from, from + SLICE);
    const edwards = new Uint8Array(slice.length * ELEMENT_BYTES);
    slice.forEach((value, i) => edwards.set(sodium.crypto_core_ed25519_from_uniform(sodium.crypto_hash_sha256(elementText(kind, value))), i * ELEMENT_BYTES));
    const points = edwardsToMontgomery(edwards);
    for (let i = 0; i < slice.length; i += 1) out.set(sodium.crypto_scalarmult(secret, points.subarray(i * ELEMENT_BYTES, (i + 1) * ELEMENT_BYTES)), (from + i) * ELEMENT_BYTES);
    progress(Math.min(1, (from + slice.length) / values.length));
  }
  return out;
}

/** The other side's blinded values blinded again with one's secret, in their order. */
export function blindWasm(sodium: SodiumWasm, points: Uint8Array, secret: Uint8Array, progress: (share: number) => void = () => {}): Uint8Array {
  const out = new Uint8Array(points.length);
  const count = points.length / ELEMENT_BYTES;
  for (let i = 0; i < count; i += 1) {
    out.set(sodium.crypto_scalarmult(secret, points.subarray(i * ELEMENT_BYTES, (i + 1) * ELEMENT_BYTES)), i * ELEMENT_BYTES);
    if (i % SLICE === SLICE - 1) progress((i + 1) / count);
  }
  progress(1);
  return out;
}
