import { api } from '../../api.ts';
import { distinctShuffled, type IdentifierKind } from '../../../overlap/psi-element.ts';
import type { PsiReply, PsiRequest } from '../../overlap/psi.worker.ts';

// This browser's side of a private overlap: its secret is made here and kept only in this tab
// (sessionStorage) between the two steps, then forgotten; the blinding runs on a worker thread.

export type Side = 'requester' | 'partner';
const secretKey = (runId: string, side: Side) => `overlap-secret:${runId}:${side}`;
const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export const holdsSecret = (runId: string, side: Side) => sessionStorage.getItem(secretKey(runId, side)) !== null;
export const forgetSecret = (runId: string, side: Side) => sessionStorage.removeItem(secretKey(runId, side));

function inWorker(request: PsiRequest, progress: (share: number) => void): Promise<Uint8Array> {
  const worker = new Worker(new URL('../../overlap/psi.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Uint8Array>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<PsiReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') progress(reply.share);
      else { worker.terminate(); if (reply.type === 'done') resolve(reply.bytes); else reject(new Error(reply.message)); }
    };
    worker.onerror = (event) => { worker.terminate(); reject(new Error(event.message)); };
    worker.postMessage(request);
  });
}

const randomBelow = (below: number) => crypto.getRandomValues(new Uint32Array(1))[0]! % below;

/** Step 1: one's own identifiers, shuffled, hashed and blinded with a new secret, sent. */
export async function sendMine(runId: string, side: Side, progress: (share: number) => void) {
  const base = `/overlap-runs/${runId}/sides/${side}`;
  const { kind, values } = await api.get<{ kind: IdentifierKind; values: string[] }>(`${base}/identifiers`);
  const secret = crypto.getRandomValues(new Uint8Array(32));
  sessionStorage.setItem(secretKey(runId, side), toBase64(secret));
  const blinded = await inWorker({ op: 'hash-and-blind', kind, values: distinctShuffled(values, randomBelow), secret }, progress);
  await api.bytes('PUT', `${base}/blinded`, blinded);
}

/** Step 2, once the other side has sent its values: them blinded again, sent back; the secret is then forgotten. */
export async function blindTheirs(runId: string, side: Side, progress: (share: number) => void) {
  const stored = sessionStorage.getItem(secretKey(runId, side));
  if (!stored) throw new Error('secret lost');
  const base = `/overlap-runs/${runId}/sides/${side}`;
  const theirs = await api.bytes('GET', `${base}/their-blinded`);
  const again = await inWorker({ op: 'blind', points: theirs, secret: fromBase64(stored) }, progress);
  await api.bytes('PUT', `${base}/reblinded`, again);
  forgetSecret(runId, side);
}
