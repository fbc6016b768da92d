import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, signedIn, type TestApp, testApp } from '../../test/test-app.ts';

// A body over its route's limit is refused with 413 before it is read whole; imports may send more.

describe('request body limits', () => {
  let t: TestApp;
  beforeAll(async () => { t = await testApp(); });
  afterAll(async () => t?.close());

  it('refuses an anonymous 2 MB sign-in body with 413', async () => {
    const body = JSON.stringify({ email: 'x@example.org', password: 'p'.repeat(2 * 1024 * 1024) });
    const res = await t.app.request(`${ORIGIN}/api/auth/login`, { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' }, body });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('stops reading a streamed body (no length given) once it passes the limit', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(32);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 1600) controller.close(); // 100 MB if read to the end
        else controller.enqueue(chunk);
      },
    });
    const res = await t.app.request(`${ORIGIN}/api/auth/login`, {
      method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' }, body: stream, duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(40);
  });

  it('lets an import preview send more than 1 MB', async () => {
    const owner = await signedIn(t, 'limits@example.org', { admin: true });
    const org = (await owner.post('/api/organizations', { ownSpace: true, organization: { name: 'Limits Center', kind: 'base_building' } })).json;
    const csv = `name,kind\n${Array.from({ length: 60_000 }, (_, i) => `Organization number ${i},union`).join('\n')}\n`;
    expect(csv.length).toBeGreaterThan(1024 * 1024);
    const res = await owner.post(`/api/spaces/${org.ownSpaceId}/imports/preview`, { entity: 'organizations', csv });
    expect(res.status, res.text.slice(0, 200)).toBe(200);
    expect(res.json.total).toBe(60_000);
  });
});
