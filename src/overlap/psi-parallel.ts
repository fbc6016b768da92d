import os from 'node:os';
import { runInWorker } from '../jobs/worker-task.ts';
import { blind, hashToCurve, intersectionSize } from './psi.ts';
import { ELEMENT_BYTES, type IdentifierKind } from './psi-element.ts';
import type { PsiTask } from './psi.worker.ts';

// A side's work on a large list spread over the machine's cores (a million identifiers take
// minutes on one), and the server's comparison off its event loop; small lists are done at once
// on the calling thread.

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
  return inSlices(values.length, (from, to) => runInWorker<PsiTask, Uint8Array>(WORKER, { op: 'hash-and-blind', kind, values: values.slice(from, to), secret }, control()));
}

/** The other side's blinded values blinded again with one's secret, in the same order. */
export function blindAgain(points: Uint8Array, secret: Uint8Array): Promise<Uint8Array> {
  const count = points.length / ELEMENT_BYTES;
  if (count <= SMALL) return Promise.resolve(blind(points, secret));
  return inSlices(count, (from, to) => runInWorker<PsiTask, Uint8Array>(WORKER, { op: 'blind', points: points.slice(from * ELEMENT_BYTES, to * ELEMENT_BYTES), secret }, control()));
}

/** How many twice-blinded values the two lists share, compared on a worker thread when they are large. */
export function countShared(a: Uint8Array, b: Uint8Array): Promise<number> {
  if (a.length + b.length <= 2 * SMALL * ELEMENT_BYTES) return Promise.resolve(intersectionSize(a, b));
  return runInWorker<PsiTask, number>(WORKER, { op: 'count', a, b }, control());
}
