import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signedIn, type TestApp, testApp } from '../../test/test-app.ts';

// No lost updates: a write that sends the ETag it read is refused with 412 once someone else has
// changed the record, and gets the record as it is now.

describe.each(ENGINES)('record versions on %s', (engine) => {
  let t: TestApp;
  let ana: Awaited<ReturnType<typeof signedIn>>;
  let ben: Awaited<ReturnType<typeof signedIn>>;
  let org: { id: string; ownSpaceId: string };
  let alliance: { id: string; ownSpaceId: string };
  beforeAll(async () => {
    t = await testApp(engine);
    ana = await signedIn(t, 'ana-v@example.org', { admin: true });
    ben = await signedIn(t, 'ben-v@example.org');
    org = (await ana.post('/api/organizations', { ownSpace: true, organization: { name: 'Versioned Workers Center', kind: 'base_building' } })).json;
    alliance = (await ana.post('/api/organizations', { organization: { name: 'Versioned Alliance', kind: 'alliance' } })).json;
    for (const spaceId of [org.ownSpaceId, alliance.ownSpaceId]) expect((await ana.put(`/api/spaces/${spaceId}/roles`, { email: 'ben-v@example.org', role: 'member' })).status).toBe(200);
  });
  afterAll(async () => t?.close());

  const read = async (client: typeof ana, path: string) => {
    const res = await client.get(path);
    expect(res.status).toBe(200);
    return { etag: res.headers.get('etag')!, json: res.json };
  };

  it('refuses the second of two edits made from the same version, showing the record as it is now', async () => {
    const path = `/api/organizations/${org.id}`;
    const seenByAna = await read(ana, path);
    const seenByBen = await read(ben, path);
    expect(seenByAna.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const first = await ana.request('PUT', path, { name: 'Ana renamed it', kind: 'base_building' }, { 'if-match': seenByAna.etag });
    expect(first.status).toBe(200);
    const second = await ben.request('PUT', path, { name: 'Ben renamed it', kind: 'base_building', description: 'Ben adds a description' }, { 'if-match': seenByBen.etag });
    expect(second.status).toBe(412);
    expect(JSON.stringify(second.json.current)).toContain('Ana renamed it');
    expect(JSON.stringify((await read(ben, path)).json)).not.toContain('Ben renamed it');
    // With the current version, Ben's merged edit goes through.
    const merged = await ben.request('PUT', path, { name: 'Ana renamed it', kind: 'base_building', description: 'Ben adds a description' }, { 'if-match': second.headers.get('etag')! });
    expect(merged.status).toBe(200);
  });

  it('lets exactly one of fifty pairs of simultaneous edits through per pair', async () => {
    const path = `/api/organizations/${org.id}`;
    for (let i = 0; i < 50; i++) {
      const { etag } = await read(ana, path);
      const results = await Promise.all([
        ana.request('PUT', path, { name: `Ana ${i}`, kind: 'base_building' }, { 'if-match': etag }),
        ben.request('PUT', path, { name: `Ben ${i}`, kind: 'base_building' }, { 'if-match': etag }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    }
  });

  it('versions people and memberships too', async () => {
    const person = (await ana.post(`/api/spaces/${org.ownSpaceId}/people`, { name: 'Rosa V', languages: ['es'] })).json;
    const personPath = `/api/people/${person.id}`;
    const { etag } = await read(ana, personPath);
    expect((await ben.request('PUT', personPath, { name: 'Rosa Ve', languages: ['es'] }, { 'if-match': etag })).status).toBe(200);
    expect((await ana.request('PUT', personPath, { name: 'Rosa Vee', languages: ['es'] }, { 'if-match': etag })).status).toBe(412);

    const membership = (await ana.post(`/api/alliances/${alliance.id}/members`, { memberId: org.id })).json;
    const membershipPath = `/api/memberships/${membership.id}`;
    const m = await read(ana, membershipPath);
    expect((await ben.request('PATCH', membershipPath, { status: 'lapsed' }, { 'if-match': m.etag })).status).toBe(200);
    expect((await ana.request('PATCH', membershipPath, { role: 'anchor' }, { 'if-match': m.etag })).status).toBe(412);
  });

  it('versions a part of a record (a convening session, a vocabulary) by the page it is read from', async () => {
    const convening = (await ana.post(`/api/organizations/${alliance.id}/convenings`, { title: 'Versioned convening', kind: 'convening',
      startsAt: '2011-01-22T10:00', endsAt: '2011-01-22T16:00', timeZone: 'America/Los_Angeles' })).json;
    const session = (await ana.post(`/api/convenings/${convening.id}/sessions`, { title: 'Breakout', facilitator: 'Grace' })).json;
    const page = await read(ana, `/api/convenings/${convening.id}`);
    const bensPage = await read(ben, `/api/convenings/${convening.id}`);
    expect((await ben.request('PUT', `/api/sessions/${session.id}`, { title: 'Breakout', notes: 'Ben wrote the notes.' }, { 'if-match': bensPage.etag })).status).toBe(200);
    const stale = await ana.request('PUT', `/api/sessions/${session.id}`, { title: 'Breakout', notes: 'Ana wrote other notes.' }, { 'if-match': page.etag });
    expect(stale.status).toBe(412);
    expect(JSON.stringify(stale.json.current)).toContain('Ben wrote the notes.');

    const vocab = await read(ana, '/api/vocabularies');
    const issues = vocab.json.issue as { key: string; en: string; es: string }[];
    expect((await ana.request('PUT', '/api/vocabularies/issue', { terms: issues }, { 'if-match': vocab.etag })).status).toBe(200);
    expect((await ana.request('PUT', '/api/vocabularies/issue', { terms: [...issues, { key: 'water', en: 'Water', es: 'Agua' }] }, { 'if-match': '"stale"' })).status).toBe(412);
  });

  it('never stores a membership that ends before it starts, however its edits interleave', async () => {
    const membership = (await ana.post(`/api/alliances/${alliance.id}/members`, { memberId: (await ana.post('/api/organizations', { spaceId: alliance.ownSpaceId, organization: { name: 'Skew Org', kind: 'union' } })).json.id,
      startedOn: '2010-01-01', endedOn: '2012-01-01' })).json;
    const path = `/api/memberships/${membership.id}`;
    for (let i = 0; i < 20; i++) {
      await ana.patch(path, { startedOn: '2010-01-01', endedOn: '2012-01-01' });
      // Without If-Match: two edits, each fine alone, together an end before the start.
      await Promise.all([ana.patch(path, { startedOn: '2011-06-01' }), ben.patch(path, { endedOn: '2011-01-01' })]);
      const stored = await t.db.selectFrom('memberships').select(['started_on', 'ended_on']).where('id', '=', membership.id).executeTakeFirstOrThrow();
      expect(new Date(stored.started_on!).getTime()).toBeLessThanOrEqual(new Date(stored.ended_on!).getTime());
    }
  });
});
