import type { OverlapTransport } from '../src/overlap/overlap-side.ts';
import type { Client } from './test-app.ts';

/** One side of a private overlap reaching its run over HTTP, as a browser does (for tests). */
export function httpTransport(client: Client, runId: string, side: 'requester' | 'partner'): OverlapTransport {
  const base = `/api/overlap-runs/${runId}/sides/${side}`;
  const ok = <T>(res: { status: number; json: unknown }) => {
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.json)}`);
    return res.json as T;
  };
  return {
    identifiers: async () => ok(await client.get(`${base}/identifiers`)),
    sendBlinded: async (bytes) => { ok(await client.bytes('PUT', `${base}/blinded`, bytes)); },
    theirBlinded: async () => { const res = await client.bytes('GET', `${base}/their-blinded`); ok({ status: res.status, json: null }); return res.data; },
    sendReblinded: async (bytes) => ok(await client.bytes('PUT', `${base}/reblinded`, bytes)),
    sendRevealable: async (bytes) => ok(await client.bytes('PUT', `${base}/revealable`, bytes)),
    matches: async () => { const res = await client.bytes('GET', `${base}/matches`); ok({ status: res.status, json: null }); return res.data; },
  };
}
