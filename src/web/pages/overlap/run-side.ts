import { api } from '../../api.ts';
import { distinctShuffled, type IdentifierKind } from '../../../overlap/psi-element.ts';
import type { PsiReply, PsiRequest } from '../../overlap/psi.worker.ts';
import { packBits, unpackPositions } from '../../../overlap/reveal.ts';

// This browser's side of a private overlap: its secret is made here and kept only in this tab
// (sessionStorage) between the two steps, then forgotten; the blinding runs on a worker thread.

export type Side = 'requester' | 'partner';
const secretKey = (runId: string, side: Side) => `overlap-secret:${runId}:${side}`;
const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

const sentKey = (runId: string, side: Side) => `overlap-sent:${runId}:${side}`;
export const holdsSecret = (runId: string, side: Side) => sessionStorage.getItem(secretKey(runId, side)) !== null;
export const holdsList = (runId: string, side: Side) => sessionStorage.getItem(sentKey(runId, side)) !== null;
export const forgetSecret = (runId: string, side: Side) => { sessionStorage.removeItem(secretKey(runId, side)); sessionStorage.removeItem(sentKey(runId, side)); };

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

/**
 * Step 1: one's own identifiers, shuffled, hashed and blinded with a new secret, sent. In a reveal
 * run, also which may be revealed, and the shuffled list is kept in this tab until the positions
 * of the shared ones come back.
 */
export async function sendMine(runId: string, side: Side, progress: (share: number) => void) {
  const base = `/overlap-runs/${runId}/sides/${side}`;
  const { kind, values, revealable } = await api.get<{ kind: IdentifierKind; values: string[]; revealable?: boolean[] }>(`${base}/identifiers`);
  const secret = crypto.getRandomValues(new Uint8Array(32));
  sessionStorage.setItem(secretKey(runId, side), toBase64(secret));
  const sent = distinctShuffled(values, randomBelow);
  if (revealable) sessionStorage.setItem(sentKey(runId, side), JSON.stringify(sent));
  const blinded = await inWorker({ op: 'hash-and-blind', kind, values: sent, secret }, progress);
  await api.bytes('PUT', `${base}/blinded`, blinded);
  if (revealable) {
    const may = new Map(values.map((v, i) => [v, revealable[i]!]));
    await api.bytes('PUT', `${base}/revealable`, packBits(sent.map((v) => may.get(v) ?? false)));
  }
}

/** A finished reveal run: one's own identifiers the other holds too, and both may share. The server gives them once; this tab then forgets its list. */
export async function revealShared(runId: string, side: Side): Promise<string[]> {
  const stored = sessionStorage.getItem(sentKey(runId, side));
  if (!stored) throw new Error('secret lost');
  const sent = JSON.parse(stored) as string[];
  const positions = unpackPositions(await api.bytes('GET', `/overlap-runs/${runId}/sides/${side}/matches`));
  sessionStorage.removeItem(sentKey(runId, side));
  return positions.map((p) => sent[p]!).sort();
}

/** Step 2, once the other side has sent its values: them blinded again, sent back; the secret is then forgotten. */
export async function blindTheirs(runId: string, side: Side, progress: (share: number) => void) {
  const stored = sessionStorage.getItem(secretKey(runId, side));
  if (!stored) throw new Error('secret lost');
  const base = `/overlap-runs/${runId}/sides/${side}`;
  const theirs = await api.bytes('GET', `${base}/their-blinded`);
  const again = await inWorker({ op: 'blind', points: theirs, secret: fromBase64(stored) }, progress);
  await api.bytes('PUT', `${base}/reblinded`, again);
  // The secret is done with; a reveal run's list waits for the shared positions.
  sessionStorage.removeItem(secretKey(runId, side));
}
