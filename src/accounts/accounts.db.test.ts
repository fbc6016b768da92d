import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from './accounts.service.ts';
import { Client, ENGINES, type TestApp, testApp } from '../../test/test-app.ts';

describe.each(ENGINES)('sign-in on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine);
    await createUser(t.db, { email: 'ana@example.org', displayName: 'Ana', password: 'a good long password' });
  });
  afterAll(async () => t?.close());

  it('sets an HttpOnly, SameSite session cookie and signs out', async () => {
    const client = new Client(t.app);
    expect((await client.get('/api/me')).status).toBe(401);
    const res = await client.post('/api/auth/login', { email: 'ANA@example.org', password: 'a good long password' });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await client.get('/api/me')).json.email).toBe('ana@example.org');
    await client.post('/api/auth/logout');
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('slows password guessing down after five failures', async () => {
    const client = new Client(t.app);
    for (let i = 0; i < 5; i++) expect((await client.post('/api/auth/login', { email: 'ana@example.org', password: `wrong ${i}` })).status).toBe(401);
    const blocked = await client.post('/api/auth/login', { email: 'ana@example.org', password: 'a good long password' });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('content-type')).toContain('application/problem+json');
  });

  it('needs the origin on sign-in too (no login CSRF)', async () => {
    const client = new Client(t.app);
    const res = await client.request('POST', '/api/auth/login', { email: 'x@example.org', password: 'whatever' }, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
  });
});
