import { ELEMENT_BYTES } from './psi-element.ts';

// Revealing who is shared, for the contacts both organizations' consent allows. Each side sends,
// beside its blinded values, one bit per value in the same (shuffled) order: may this one be
// revealed. Once both sides' values are blinded twice, a shared value is revealed to both only if
// both bits are set; each side gets back positions in its own shuffled list, which only its own
// client can turn into identifiers. Pure: used by the server and by the sides' clients.

export function packBits(flags: readonly boolean[]): Uint8Array {
  const bits = new Uint8Array(Math.ceil(flags.length / 8));
  flags.forEach((flag, i) => { if (flag) bits[i >> 3]! |= 1 << (i & 7); });
  return bits;
}

export const bitAt = (bits: Uint8Array, i: number) => ((bits[i >> 3] ?? 0) >> (i & 7)) & 1;

/** The number of bytes that carry a bit for each of `count` values. */
export const bitsLength = (count: number) => Math.ceil(count / 8);

/**
 * The positions to reveal to each side. `requesterTwice`: the requester's values in its order,
 * blinded by both sides; `partnerTwice`: the partner's, in its order. A position is revealed when
 * its value is on both sides and both sides' bits for it are set.
 */
export function revealedPositions(requesterTwice: Uint8Array, partnerTwice: Uint8Array, requesterBits: Uint8Array, partnerBits: Uint8Array) {
  const partnerAt = new Map<string, number>();
  const partnerBuffer = Buffer.from(partnerTwice.buffer, partnerTwice.byteOffset, partnerTwice.byteLength);
  for (let j = 0; j < partnerTwice.length / ELEMENT_BYTES; j += 1) {
    if (bitAt(partnerBits, j)) partnerAt.set(partnerBuffer.toString('latin1', j * ELEMENT_BYTES, (j + 1) * ELEMENT_BYTES), j);
  }
  const requester: number[] = [];
  const partner: number[] = [];
  const requesterBuffer = Buffer.from(requesterTwice.buffer, requesterTwice.byteOffset, requesterTwice.byteLength);
  for (let i = 0; i < requesterTwice.length / ELEMENT_BYTES; i += 1) {
    if (!bitAt(requesterBits, i)) continue;
    const j = partnerAt.get(requesterBuffer.toString('latin1', i * ELEMENT_BYTES, (i + 1) * ELEMENT_BYTES));
    if (j === undefined) continue;
    requester.push(i);
    partner.push(j);
  }
  return { requester, partner: partner.sort((a, b) => a - b) };
}

export function packPositions(positions: readonly number[]): Uint8Array {
  const out = new Uint8Array(positions.length * 4);
  const view = new DataView(out.buffer);
  positions.forEach((p, i) => view.setUint32(i * 4, p, true));
  return out;
}

export function unpackPositions(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: bytes.length / 4 }, (_, i) => view.getUint32(i * 4, true));
}
