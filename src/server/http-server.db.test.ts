// The real HTTP server, over a socket: repeated reads answered from the read cache before the
// app must look and behave exactly like the app's own answers, and never outlive a write, a
// sign-out or the caller they were made for.
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../accounts/accounts.service.ts';
import { ENGINES, ORIGIN, PASSWORD, type TestApp, testApp } from '../../test/test-app.ts';
import { createHttpServer } from './http-server.ts';

describe.each(ENGINES)('the HTTP server on %s', (engine) => {
  let t: TestApp;
  let server: ReturnType<typeof createHttpServer>;
  let base: string;
  let allianceId: string;

  let owner: string; // the alliance's owner's session cookie

  async function signIn(email: string, options: { newAccount?: boolean; isWorkspaceAdmin?: boolean } = {}) {
    if (options.newAccount !== false) await createUser(t.db, { email, displayName: email, password: PASSWORD, isWorkspaceAdmin: options.isWorkspaceAdmin });
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    return res.headers.getSetCookie()[0]!.split(';')[0]!;
  }
  const get = async (path: string, cookie: string, headers: Record<string, string> = {}) => {
    const res = await fetch(base + path, { headers: { cookie, ...headers } });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
  const write = (method: string, path: string, cookie: string, body: unknown) => fetch(base + path, {
    method, headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify(body),
  });

  let appCalls = 0; // requests that reached the app, past the server's read-cache shortcut
  beforeAll(async () => {
    t = await testApp(engine);
    server = createHttpServer((request, env) => { appCalls++; return t.app.fetch(request, env); });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
    await t?.close();
  });

  it('answers a repeated read with the same body and headers, security headers included', async () => {
    const cookie = owner = await signIn('owner@example.org', { isWorkspaceAdmin: true });
    const made = await write('POST', '/api/organizations', cookie, { organization: { name: 'Pushback Network', kind: 'alliance', location: { stateFips: '35' } } });
    expect(made.status, await made.clone().text()).toBe(201);
    allianceId = ((await made.json()) as { id: string }).id;
    for (const path of ['/api/organizations?q=pushback', `/api/alliances/${allianceId}`]) {
      const first = await get(path, cookie);
      const callsBefore = appCalls;
      const again = await get(path, cookie);
      expect(appCalls, 'a repeated read is answered before the app').toBe(callsBefore);
      expect(first.status).toBe(200);
      expect(again.status).toBe(200);
      expect(again.text).toBe(first.text);
      for (const name of ['content-type', 'cache-control', 'content-security-policy', 'x-content-type-options', 'x-frame-options', 'content-length']) {
        expect(again.headers.get(name), name).toBe(first.headers.get(name));
      }
      expect(again.headers.get('cache-control')).toBe('no-store');
      expect(again.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('keeps a read for a few seconds, drops it at the first write through the app, and gives a fresh one on request', async () => {
    const cookie = owner;
    const path = '/api/organizations?q=pushback';
    const name = async (headers?: Record<string, string>) => (JSON.parse((await get(path, cookie, headers)).text) as { items: Array<{ name: string }> }).items[0]!.name;
    expect(await name()).toBe('Pushback Network');
    // A write behind the app's back (as the CLI's would be) is seen once the entry expires…
    await sql`update organizations set name = 'Pushback Network (renamed outside)' where id = ${allianceId}`.execute(t.db);
    expect(await name()).toBe('Pushback Network');
    // …or at once by a client that asks for a fresh answer.
    const callsBefore = appCalls;
    expect(await name({ 'cache-control': 'no-cache' })).toBe('Pushback Network (renamed outside)');
    expect(appCalls).toBe(callsBefore + 1);
    const renamed = await write('PUT', `/api/organizations/${allianceId}`, cookie, { name: 'The Pushback Network', kind: 'alliance', location: { stateFips: '35' } });
    expect(renamed.status, await renamed.text()).toBe(200);
    expect(await name()).toBe('The Pushback Network');
  });

  it('never hands a cached read to a signed-out session or to another caller', async () => {
    // A second session of the owner's, signed out below; the first one stays signed in.
    const cookie = await signIn('owner@example.org', { newAccount: false });
    const path = `/api/alliances/${allianceId}`;
    expect((await get(path, cookie)).status).toBe(200);
    expect((await get(path, cookie)).status).toBe(200);
    const outsider = await signIn('outsider@example.org');
    const signedOut = await fetch(`${base}/api/auth/logout`, { method: 'POST', headers: { cookie, origin: ORIGIN } });
    expect(signedOut.status).toBeLessThan(300);
    // The owner's other session fills the cache again; the signed-out one must still be refused.
    expect((await get(path, owner)).status).toBe(200);
    expect((await get(path, owner)).status).toBe(200);
    expect((await get(path, cookie)).status).toBe(401);
    expect((await get(path, `crossroads_session=${'x'.repeat(43)}`)).status).toBe(401);
    // The same path for a caller without a role in the alliance's space: their own answer.
    expect((await get(path, outsider)).status).toBe(404);
  });
});
