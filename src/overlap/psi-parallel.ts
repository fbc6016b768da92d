import os from 'node:os';
import { runInWorker } from '../jobs/worker-task.ts';
import { blind, hashToCurve } from './psi.ts';
import { ELEMENT_BYTES, type IdentifierKind } from './psi-element.ts';
import type { PsiSlice } from './psi.worker.ts';

// A side's work on a large list spread over the machine's cores (a million identifiers take
// minutes on one); a small list is done at once on the calling thread.

const WORKER = new URL('./psi.worker.ts', import.meta.url);
const SMALL = 5_000;

const control = () => ({ signal: new AbortController().signal, report: () => {} });

async function inSlices(count: number, run: (from: number, to: number) => Promise<Uint8Array>): Promise<Uint8Array> {
  const workers = Math.max(1, Math.min(os.availableParallelism(), Math.ceil(count / SMALL)));
  const size = Math.ceil(count / workers);
  const parts = await Promise.all(Array.from({ length: workers }, (_, w) => run(w * size, Math.min(count, (w + 1) * size))));
  const out = new Uint8Array(count * ELEMENT_BYTES);
  let at = 0;
  for (const part of parts) { out.set(part, at); at += part.length; }
  return out;
}

/** One's own identifiers hashed onto the curve and blinded with one's secret. */
export function hashAndBlind(kind: IdentifierKind, values: string[], secret: Uint8Array): Promise<Uint8Array> {
  if (values.length <= SMALL) return Promise.resolve(blind(hashToCurve(kind, values), secret));
  return inSlices(values.length, (from, to) => runInWorker<PsiSlice, Uint8Array>(WORKER, { op: 'hash-and-blind', kind, values: values.slice(from, to), secret }, control()));
}

/** The other side's blinded values blinded again with one's secret, in the same order. */
export function blindAgain(points: Uint8Array, secret: Uint8Array): Promise<Uint8Array> {
  const count = points.length / ELEMENT_BYTES;
  if (count <= SMALL) return Promise.resolve(blind(points, secret));
  return inSlices(count, (from, to) => runInWorker<PsiSlice, Uint8Array>(WORKER, { op: 'blind', points: points.slice(from * ELEMENT_BYTES, to * ELEMENT_BYTES), secret }, control()));
}
