import { serveTask } from '../jobs/worker-task.ts';
import { blind, hashToCurve } from './psi.ts';
import type { IdentifierKind } from './psi-element.ts';

// One slice of a large list hashed and blinded, or blinded again, on its own thread.
export type PsiSlice = { op: 'hash-and-blind'; kind: IdentifierKind; values: string[]; secret: Uint8Array } | { op: 'blind'; points: Uint8Array; secret: Uint8Array };

serveTask<PsiSlice, Uint8Array>((slice) => (slice.op === 'blind' ? blind(slice.points, slice.secret) : blind(hashToCurve(slice.kind, slice.values), slice.secret)));
