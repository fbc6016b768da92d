import { blindAgain, hashAndBlind } from './psi-parallel.ts';
import { distinctShuffled, type IdentifierKind } from './psi-element.ts';
import { newSecret } from './psi.ts';
import { packBits, unpackPositions } from './reveal.ts';
import crypto from 'node:crypto';

// One organization's side of a private overlap, as its own client runs it (the command line, or
// a test acting as that organization): its secret is made here, used twice, and never leaves.

/** How a side reaches the run: over HTTP, or through the services in the same process. */
export interface OverlapTransport {
  identifiers(): Promise<{ kind: IdentifierKind; values: string[]; revealable?: boolean[] }>;
  sendBlinded(bytes: Uint8Array): Promise<void>;
  theirBlinded(): Promise<Uint8Array>;
  sendReblinded(bytes: Uint8Array): Promise<{ done: boolean }>;
  /** Reveal runs only. */
  sendRevealable?(bits: Uint8Array): Promise<{ done: boolean }>;
  matches?(): Promise<Uint8Array>;
}

export function overlapSide(transport: OverlapTransport) {
  const secret = newSecret();
  // One's own values in the order sent: a reveal run's positions point into it.
  let sent: string[] = [];
  return {
    /** Step 1: one's own identifiers, shuffled, hashed and blinded (and, in a reveal run, which may be revealed). Returns how many were sent. */
    async sendMine(): Promise<number> {
      const { kind, values, revealable } = await transport.identifiers();
      sent = distinctShuffled(values, (below) => crypto.randomInt(below));
      await transport.sendBlinded(await hashAndBlind(kind, sent, secret));
      if (revealable) {
        const may = new Map(values.map((v, i) => [v, revealable[i]!]));
        await transport.sendRevealable!(packBits(sent.map((v) => may.get(v) ?? false)));
      }
      return sent.length;
    },
    /** After a reveal run is done: one's own identifiers the other side holds too, and both may share. */
    async revealed(): Promise<string[]> {
      return unpackPositions(await transport.matches!()).map((p) => sent[p]!);
    },
    /** Step 2, once the other side has sent its values: them blinded again, in their order. */
    async blindTheirs(): Promise<{ done: boolean }> {
      return transport.sendReblinded(await blindAgain(await transport.theirBlinded(), secret));
    },
  };
}
