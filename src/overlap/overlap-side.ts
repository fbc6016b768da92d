import { blindAgain, hashAndBlind } from './psi-parallel.ts';
import { distinctShuffled, type IdentifierKind } from './psi-element.ts';
import { newSecret } from './psi.ts';
import crypto from 'node:crypto';

// One organization's side of a private overlap, as its own client runs it (the command line, or
// a test acting as that organization): its secret is made here, used twice, and never leaves.

/** How a side reaches the run: over HTTP, or through the services in the same process. */
export interface OverlapTransport {
  identifiers(): Promise<{ kind: IdentifierKind; values: string[] }>;
  sendBlinded(bytes: Uint8Array): Promise<void>;
  theirBlinded(): Promise<Uint8Array>;
  sendReblinded(bytes: Uint8Array): Promise<{ done: boolean }>;
}

export function overlapSide(transport: OverlapTransport) {
  const secret = newSecret();
  return {
    /** Step 1: one's own identifiers, shuffled, hashed and blinded. Returns how many were sent. */
    async sendMine(): Promise<number> {
      const { kind, values } = await transport.identifiers();
      const shuffled = distinctShuffled(values, (below) => crypto.randomInt(below));
      await transport.sendBlinded(await hashAndBlind(kind, shuffled, secret));
      return shuffled.length;
    },
    /** Step 2, once the other side has sent its values: them blinded again, in their order. */
    async blindTheirs(): Promise<{ done: boolean }> {
      return transport.sendReblinded(await blindAgain(await transport.theirBlinded(), secret));
    },
  };
}
