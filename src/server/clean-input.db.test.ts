import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signedIn, type TestApp, testApp } from '../../test/test-app.ts';

// Input that used to end in a server error now gets a 4xx that names the field.

describe('input the database cannot take', () => {
  let t: TestApp;
  let owner: Client;
  let org: { id: string; ownSpaceId: string };
  beforeAll(async () => {
    t = await testApp();
    owner = await signedIn(t, 'input@example.org', { admin: true });
    org = (await owner.post('/api/organizations', { ownSpace: true, organization: { name: 'Input Center', kind: 'union' } })).json;
  });
  afterAll(async () => t?.close());

  const fields = (res: { json: { errors?: { field: string }[] } }) => (res.json.errors ?? []).map((e) => e.field);

  it('refuses a NUL byte or a lone surrogate anywhere, naming where', async () => {
    const nulInQuery = await owner.get('/api/organizations?q=%00');
    expect(nulInQuery.status).toBe(422);
    expect(fields(nulInQuery)).toEqual(['q']);
    expect((await owner.get('/api/organizations?q=%ED%A0%80')).status).toBe(422);
    const nulInBody = await owner.post('/api/organizations', { ownSpace: true, organization: { name: 'Nul\u0000Org', kind: 'union' } });
    expect(nulInBody.status).toBe(422);
    expect(fields(nulInBody)).toEqual(['organization.name']);
    const surrogate = await owner.request('POST', '/api/organizations', '{"ownSpace":true,"organization":{"name":"Bad \\ud800","kind":"union"}}');
    expect(surrogate.status).toBe(422);
    expect(fields(surrogate)).toEqual(['organization.name']);
    expect((await owner.get(`/api/organizations/${org.id}%00`)).status).toBe(422);
  });

  it('answers an empty PATCH with 422, not an UPDATE without SET', async () => {
    const res = await owner.patch('/api/me', {});
    expect(res.status).toBe(422);
    expect(fields(res)).toEqual(['(body)']);
  });

  it('answers a duplicate with 409 naming the field, without quoting the stored value', async () => {
    const person = { name: 'Ana Example', languages: ['es'], externalId: 'VAN-12345' };
    expect((await owner.post(`/api/spaces/${org.ownSpaceId}/people`, person)).status).toBe(201);
    const again = await owner.post(`/api/spaces/${org.ownSpaceId}/people`, { ...person, name: 'Someone Else' });
    expect(again.status).toBe(409);
    expect(fields(again)).toEqual(['externalId']);
    expect(again.text).not.toContain('VAN-12345');
  });

  it('refuses an audit page number past bigint', async () => {
    const res = await owner.get(`/api/spaces/${org.ownSpaceId}/audit?before=99999999999999999999999`);
    expect(res.status).toBe(422);
    expect(fields(res)).toEqual(['before']);
  });

  it('still refuses a cross-site request before reading its body', async () => {
    const res = await new Client(t.app).request('POST', '/api/organizations', { organization: { name: 'x\u0000' } }, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
  });
});
