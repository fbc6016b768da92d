// What one identifier becomes before anyone's key touches it: a point on Curve25519 found by
// hashing (SHA-256 with the protocol's name and the identifier's kind, so an email and a phone
// never meet), mapped onto the curve by Elligator 2 — never the twist, so a blinded value says
// nothing about the identifier — and given as the X25519 u-coordinate. Pure; the hashing and the
// map are passed in so the browser (libsodium in WebAssembly) and the server (native libsodium)
// share this code and give the same bytes.

export const ELEMENT_BYTES = 32;
export const PROTOCOL = 'crossroads-overlap-v1';
export type IdentifierKind = 'email' | 'phone' | 'name_address';
export const IDENTIFIER_KINDS: readonly IdentifierKind[] = ['email', 'phone', 'name_address'];

/** The text hashed for one identifier: the protocol, its kind and its normalized value. */
export const elementText = (kind: IdentifierKind, value: string) => `${PROTOCOL}|${kind}|${value}`;

/** Distinct values, in a random order (so an upload's order says nothing about the list's order). */
export function distinctShuffled(values: Iterable<string>, random: (below: number) => number): string[] {
  const out = [...new Set(values)];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = random(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
