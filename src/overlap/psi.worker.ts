import { serveTask } from '../jobs/worker-task.ts';
import { blind, hashToCurve, intersectionSize } from './psi.ts';
import type { IdentifierKind } from './psi-element.ts';

// One slice of a large list hashed and blinded, or blinded again, or two lists compared, on its own thread.
export type PsiTask =
  | { op: 'hash-and-blind'; kind: IdentifierKind; values: string[]; secret: Uint8Array }
  | { op: 'blind'; points: Uint8Array; secret: Uint8Array }
  | { op: 'count'; a: Uint8Array; b: Uint8Array };

serveTask<PsiTask, Uint8Array | number>((task) => {
  if (task.op === 'count') return intersectionSize(task.a, task.b);
  return task.op === 'blind' ? blind(task.points, task.secret) : blind(hashToCurve(task.kind, task.values), task.secret);
});
