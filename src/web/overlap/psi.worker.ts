import sodium from 'libsodium-wrappers-sumo';
import type { IdentifierKind } from '../../overlap/psi-element.ts';
import { blindWasm, hashAndBlindWasm } from './psi-wasm.ts';

// The blinding off the page's thread: thousands of curve multiplications would freeze the screen.
export type PsiRequest = { op: 'hash-and-blind'; kind: IdentifierKind; values: string[]; secret: Uint8Array } | { op: 'blind'; points: Uint8Array; secret: Uint8Array };
export type PsiReply = { type: 'progress'; share: number } | { type: 'done'; bytes: Uint8Array } | { type: 'error'; message: string };

const post = (reply: PsiReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(reply, transfer);

self.onmessage = async (event: MessageEvent<PsiRequest>) => {
  try {
    await sodium.ready;
    const request = event.data;
    const progress = (share: number) => post({ type: 'progress', share });
    const bytes = request.op === 'blind' ? blindWasm(sodium, request.points, request.secret, progress) : hashAndBlindWasm(sodium, request.kind, request.values, request.secret, progress);
    post({ type: 'done', bytes }, [bytes.buffer]);
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
