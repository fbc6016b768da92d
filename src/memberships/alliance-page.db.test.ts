import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signedIn, type TestApp, testApp } from '../../test/test-app.ts';

// The alliance page opens on one page of members; the counts it shows cover the whole alliance.
describe.each(ENGINES)('alliance page members, a page at a time, on %s', (engine) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signedIn>>;
  let alliance: { id: string; ownSpaceId: string };
  const membershipOf = new Map<string, string>();
  const names = (list: Array<{ name: string }>) => list.map((m) => m.name);

  async function seatLeader(name: string) {
    const org = (await admin.get(`/api/organizations?q=${encodeURIComponent(name)}`)).json.items[0];
    const person = await admin.post(`/api/spaces/${alliance.ownSpaceId}/people`, { name: `${name} Leader`, languages: ['en'], affiliations: [{ organizationId: org.id, role: 'leader' }] });
    expect(person.status, person.text).toBe(201);
    expect((await admin.post(`/api/memberships/${membershipOf.get(name)}/representatives`, { personId: person.json.id, seat: 'leader' })).status).toBe(201);
  }

  beforeAll(async () => {
    t = await testApp(engine);
    admin = await signedIn(t, 'coordinator@example.org', { admin: true });
    alliance = (await admin.post('/api/organizations', { organization: { name: 'Grassroots Global Justice', kind: 'alliance' } })).json;
    const members: Array<[string, string, string]> = [['Golf Tenants', 'member', 'active'], ['Foxtrot Workers', 'member', 'left'], ['Echo Youth', 'member', 'prospect'],
      ['Delta Farmworkers', 'member', 'active'], ['Charlie Homes', 'member', 'active'], ['Bravo Union', 'member', 'active'], ['Zeta Anchor', 'anchor', 'active']];
    for (const [name, role, status] of members) {
      const org = await admin.post('/api/organizations', { spaceId: alliance.ownSpaceId, organization: { name, kind: 'base_building' } });
      const membership = await admin.post(`/api/alliances/${alliance.id}/members`, { memberId: org.json.id, role, status });
      expect(membership.status, membership.text).toBe(201);
      membershipOf.set(name, membership.json.id);
    }
    await seatLeader('Zeta Anchor');
    await seatLeader('Charlie Homes');
  });
  afterAll(async () => t?.close());

  it('opens on the first page, with counts and gaps across the whole alliance', async () => {
    const page = (await admin.get(`/api/alliances/${alliance.id}?membersLimit=3`)).json;
    expect(names(page.members)).toEqual(['Zeta Anchor', 'Bravo Union', 'Charlie Homes']);
    expect(page).toMatchObject({ membersTotal: 7, membersNotLeft: 6, coRepresentationGapsTotal: 3 });
    // Delta and Golf are not on this page, and still gaps; a prospect or a member who left is not.
    expect(names(page.coRepresentationGaps)).toEqual(['Bravo Union', 'Delta Farmworkers', 'Golf Tenants']);
    expect((await admin.get(`/api/alliances/${alliance.id}`)).json.members).toHaveLength(7);
  });

  it('pages through every member once, in the page order', async () => {
    const all = (await admin.get(`/api/alliances/${alliance.id}/members?limit=200`)).json;
    expect(all.total).toBe(7);
    const pages = [];
    for (let offset = 0; offset < all.total; offset += 3) {
      const page = (await admin.get(`/api/alliances/${alliance.id}/members?offset=${offset}&limit=3`)).json;
      expect(page.total).toBe(7);
      pages.push(...page.items);
    }
    expect(names(pages)).toEqual(names(all.items));
    expect(names(all.items)).toEqual(['Zeta Anchor', 'Bravo Union', 'Charlie Homes', 'Delta Farmworkers', 'Echo Youth', 'Foxtrot Workers', 'Golf Tenants']);
  });

  it('filters by gap, status, role and name, counting what matches', async () => {
    const list = async (query: string) => (await admin.get(`/api/alliances/${alliance.id}/members?${query}`)).json;
    const gaps = await list('withoutLeader=true&limit=2');
    expect([gaps.total, names(gaps.items)]).toEqual([3, ['Bravo Union', 'Delta Farmworkers']]);
    expect(names((await list('withoutLeader=true&offset=2')).items)).toEqual(['Golf Tenants']);
    expect(names((await list('status=left')).items)).toEqual(['Foxtrot Workers']);
    expect(names((await list('role=anchor')).items)).toEqual(['Zeta Anchor']);
    expect(names((await list('q=HOMES')).items)).toEqual(['Charlie Homes']);
    expect((await list('q=100%25')).total).toBe(0);
  });

  it('refuses page sizes beyond the limit, naming the field', async () => {
    const res = await admin.get(`/api/alliances/${alliance.id}?membersLimit=500`);
    expect(res.status).toBe(422);
    expect(res.json.errors[0].field).toBe('membersLimit');
    expect((await admin.get(`/api/alliances/${alliance.id}/members?status=gone`)).status).toBe(422);
  });

  it('closes a gap as soon as a leader is seated', async () => {
    await seatLeader('Delta Farmworkers');
    const page = (await admin.get(`/api/alliances/${alliance.id}?membersLimit=3`)).json;
    expect(page.coRepresentationGapsTotal).toBe(2);
    expect(names(page.coRepresentationGaps)).toEqual(['Bravo Union', 'Golf Tenants']);
  });
});
