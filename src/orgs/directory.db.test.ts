import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signedIn, type TestApp, testApp } from '../../test/test-app.ts';

describe.each(ENGINES)('directory on %s', (engine) => {
let t: TestApp;
let admin: Awaited<ReturnType<typeof signedIn>>;
let allianceId: string;
let allianceSpaceId: string;

beforeAll(async () => {
  t = await testApp(engine);
  admin = await signedIn(t, 'coordinator@example.org', { admin: true });
  const res = await admin.post('/api/organizations', {
    organization: { name: 'Right to the City', kind: 'alliance', issues: ['housing'], location: { stateFips: '36' }, alliance: { functions: ['joint_action'], alliancePowerScale: 'national' } },
  });
  expect(res.status).toBe(201);
  allianceId = res.json.id;
  allianceSpaceId = res.json.ownSpaceId;
});
afterAll(async () => t?.close());

  it('answers health and serves an OpenAPI 3.1 document', async () => {
    expect((await admin.get('/api/health')).json).toEqual({ status: 'ok' });
    const doc = (await admin.get('/api/openapi.json')).json;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/organizations', '/api/alliances/{id}', '/api/people/{id}/contact']));
  });

  it('creates organizations in the alliance space and finds them by filters', async () => {
    const made = await admin.post('/api/organizations', {
      spaceId: allianceSpaceId,
      organization: { name: 'Miami Workers Center', kind: 'base_building', issues: ['housing'], constituencies: ['women'], capacities: [{ key: 'base', size: 800 }], location: { stateFips: '12', city: 'Miami' } },
    });
    expect(made.status, made.text).toBe(201);
    await admin.post('/api/organizations', { spaceId: allianceSpaceId, organization: { name: 'Tenant Research Lab', kind: 'research', location: { stateFips: '06' } } });

    const byState = await admin.get('/api/organizations?state=12');
    expect(byState.json.items.map((o: { name: string }) => o.name)).toEqual(['Miami Workers Center']);
    // A list entry carries what the list shows; the profile has the rest.
    expect(byState.json.items[0]).toEqual({ id: made.json.id, name: 'Miami Workers Center', shortName: null, kind: 'base_building', location: { stateFips: '12', city: 'Miami' }, issues: ['housing'] });
    const byCapacity = await admin.get('/api/organizations?capacity=base');
    expect(byCapacity.json.total).toBe(1);
    const byText = await admin.get('/api/organizations?q=tenant');
    expect(byText.json.items[0].name).toBe('Tenant Research Lab');
    const byKind = await admin.get('/api/organizations?kind=alliance');
    expect(byKind.json.items.map((o: { id: string }) => o.id)).toEqual([allianceId]);
  });

  it('rejects bad input naming the field, and writes nothing', async () => {
    const before = (await admin.get('/api/organizations')).json.total;
    const res = await admin.post('/api/organizations', {
      spaceId: allianceSpaceId, organization: { name: '', kind: 'church', website: 'not a url', location: { stateFips: '99' } },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const fields = res.json.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['organization.name', 'organization.kind', 'organization.website']));

    const unknownIssue = await admin.post('/api/organizations', { spaceId: allianceSpaceId, organization: { name: 'X', kind: 'union', issues: ['nonexistent_issue'], location: { stateFips: '99' } } });
    expect(unknownIssue.status).toBe(422);
    expect(unknownIssue.json.errors).toEqual(expect.arrayContaining([
      { field: 'issues[0]', message: 'unknown issue "nonexistent_issue"' },
      { field: 'location.stateFips', message: 'no US state has FIPS code 99' },
    ]));
    expect((await admin.get('/api/organizations')).json.total).toBe(before);
  });

  it('rejects malformed JSON with a problem', async () => {
    const res = await admin.request('POST', '/api/organizations', '{"organization":', { 'content-type': 'application/json' });
    expect([400, 422]).toContain(res.status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('adds members, nests alliances and refuses cycles', async () => {
    const sub = await admin.post('/api/organizations', { organization: { name: 'Homes for All', kind: 'alliance' } });
    const org = (await admin.get('/api/organizations?q=Miami')).json.items[0];
    expect((await admin.post(`/api/alliances/${allianceId}/members`, { memberId: sub.json.id, role: 'anchor' })).status).toBe(201);
    expect((await admin.post(`/api/alliances/${sub.json.id}/members`, { memberId: org.id })).status).toBe(201);

    const cycle = await admin.post(`/api/alliances/${sub.json.id}/members`, { memberId: allianceId });
    expect(cycle.status).toBe(409);
    expect(cycle.json.errors[0].field).toBe('memberId');
    const twice = await admin.post(`/api/alliances/${allianceId}/members`, { memberId: sub.json.id });
    expect(twice.status).toBe(409);

    const page = (await admin.get(`/api/alliances/${allianceId}`)).json;
    expect(page.members).toHaveLength(1);
    expect(page.members[0].name).toBe('Homes for All');
    // A member alliance's own members are listed on request, from its own members list.
    expect(page.members[0].memberCount).toBe(1);
    const nested = (await admin.get(`/api/alliances/${sub.json.id}/members`)).json;
    expect(nested.items.map((m: { name: string }) => m.name)).toEqual(['Miami Workers Center']);
    expect(page.coRepresentationGaps.map((g: { name: string }) => g.name)).toEqual(['Homes for All']);
    expect(page.coRepresentationGapsTotal).toBe(1);

    const orgPage = (await admin.get(`/api/organizations/${org.id}`)).json;
    expect(orgPage.alliances.map((a: { name: string }) => a.name)).toEqual(['Homes for All']);
    expect((await admin.get(`/api/organizations?alliance=${sub.json.id}`)).json.items.map((o: { name: string }) => o.name)).toEqual(['Miami Workers Center']);
  });

  it('audits writes with who and what changed, for owners only', async () => {
    const log = (await admin.get(`/api/spaces/${allianceSpaceId}/audit`)).json;
    const created = log.find((e: { entity: string; action: string; changes: any }) => e.entity === 'organization' && e.action === 'create' && e.changes.name?.[1] === 'Miami Workers Center');
    expect(created.user_email).toBe('coordinator@example.org');
    // Entries name what they speak of, so the page can say it in words; no id is left to decode.
    expect(created).toMatchObject({ user_name: 'coordinator', subject: 'Miami Workers Center' });
  });

  it('names in the audit log only records of the space whose log it is', async () => {
    const other = (await admin.post('/api/organizations', { organization: { name: 'Elsewhere Alliance', kind: 'alliance' } })).json;
    const planted = (await admin.post('/api/organizations', { spaceId: other.ownSpaceId, organization: { name: 'Planted Elsewhere', kind: 'union' } })).json;
    // An entry of this space pointing at the other space's record (as an attacker's id would) gets no name.
    const { insertAudit } = await import('../audit/audit.repository.ts');
    await insertAudit(t.db, [{ userId: null, spaceId: allianceSpaceId, action: 'update', entity: 'organization', entityId: planted.id, changes: { name: ['a', 'b'] } }]);
    const log = (await admin.get(`/api/spaces/${allianceSpaceId}/audit`)).json as { entity_id: string; subject: string | null }[];
    expect(log.find((e) => e.entity_id === planted.id)!.subject).toBeNull();
    const theirs = (await admin.get(`/api/spaces/${other.ownSpaceId}/audit`)).json as { entity_id: string; subject: string | null }[];
    expect(theirs.find((e) => e.entity_id === planted.id)!.subject).toBe('Planted Elsewhere');
  });

  it('refuses state-changing requests from another origin', async () => {
    const res = await admin.request('POST', '/api/organizations', { organization: { name: 'X', kind: 'alliance' } }, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
  });
});
