import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signedIn, type TestApp, testApp } from '../../test/test-app.ts';

describe.each(ENGINES)('people and representatives on %s', (engine) => {
  let t: TestApp;
  let coordinator: Awaited<ReturnType<typeof signedIn>>;
  let organizer: Awaited<ReturnType<typeof signedIn>>;
  let alliance: { id: string; ownSpaceId: string };
  let org: { id: string; ownSpaceId: string };

  beforeAll(async () => {
    t = await testApp(engine);
    coordinator = await signedIn(t, 'coordinator@example.org', { admin: true });
    organizer = await signedIn(t, 'organizer@example.org', { admin: true });
    alliance = (await coordinator.post('/api/organizations', { organization: { name: 'Pushback Network', kind: 'alliance' } })).json;
    org = (await organizer.post('/api/organizations', { ownSpace: true, organization: { name: 'Tenants United', kind: 'base_building' } })).json;
  });
  afterAll(async () => t?.close());

  it('seals contact details at rest and audits every read', async () => {
    const created = await organizer.post(`/api/spaces/${org.ownSpaceId}/people`, {
      name: 'Rosa Example', languages: ['es', 'en'], contact: { email: 'rosa@example.org', phone: '+1 555 0101' },
      affiliations: [{ organizationId: org.id, role: 'leader' }],
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json).not.toHaveProperty('contact');
    expect(created.json.hasContact).toBe(true);

    const stored = await t.db.selectFrom('people').select(['contact_sealed', 'email_hash']).where('id', '=', created.json.id).executeTakeFirstOrThrow();
    expect(stored.contact_sealed).not.toContain('rosa');
    expect(stored.contact_sealed).not.toContain('555');

    const contact = await organizer.get(`/api/people/${created.json.id}/contact`);
    expect(contact.json).toEqual({ email: 'rosa@example.org', phone: '+1 555 0101' });
    const log = (await organizer.get(`/api/spaces/${org.ownSpaceId}/audit`)).json;
    const reads = log.filter((e: { action: string; entity_id: string }) => e.action === 'read_sensitive' && e.entity_id === created.json.id);
    expect(reads).toHaveLength(1);
    expect(JSON.stringify(log)).not.toContain('rosa@example.org');
  });

  it('names the field at fault for bad people input and writes nothing', async () => {
    const before = (await organizer.get(`/api/spaces/${org.ownSpaceId}/people`)).json.total;
    const res = await organizer.post(`/api/spaces/${org.ownSpaceId}/people`, { name: 'X', languages: ['spanish'], contact: { email: 'not-an-email' } });
    expect(res.status).toBe(422);
    expect(res.json.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['languages[0]', 'contact.email']));
    expect((await organizer.get(`/api/spaces/${org.ownSpaceId}/people`)).json.total).toBe(before);
  });

  it('shows representatives to the alliance only through a representatives grant', async () => {
    await organizer.post(`/api/spaces/${org.ownSpaceId}/grants`, { toSpaceId: alliance.ownSpaceId, scope: 'profile' });
    const membership = await coordinator.post(`/api/alliances/${alliance.id}/members`, { memberId: org.id, role: 'member' });
    expect(membership.status, membership.text).toBe(201);
    const staff = await organizer.post(`/api/spaces/${org.ownSpaceId}/people`, { name: 'Sam Staffer', languages: ['en'], affiliations: [{ organizationId: org.id, role: 'staff' }] });
    const leader = await organizer.post(`/api/spaces/${org.ownSpaceId}/people`, { name: 'Lupe Leader', languages: ['es'], affiliations: [{ organizationId: org.id, role: 'leader' }] });
    // The organizer holds no role in the alliance space yet: seating their own person still needs to see the membership.
    await coordinator.put(`/api/spaces/${alliance.ownSpaceId}/roles`, { email: 'organizer@example.org', role: 'member' });
    expect((await organizer.post(`/api/memberships/${membership.json.id}/representatives`, { personId: staff.json.id, seat: 'staff' })).status).toBe(201);

    let page = (await coordinator.get(`/api/alliances/${alliance.id}`)).json;
    expect(page.members[0].representatives[0].name).toBeNull();
    expect(page.coRepresentationGaps.map((g: { name: string }) => g.name)).toEqual(['Tenants United']);
    expect((await coordinator.get(`/api/people/${staff.json.id}`)).status).toBe(404);

    await organizer.post(`/api/spaces/${org.ownSpaceId}/grants`, { toSpaceId: alliance.ownSpaceId, scope: 'representatives' });
    expect((await organizer.post(`/api/memberships/${membership.json.id}/representatives`, { personId: leader.json.id, seat: 'leader' })).status).toBe(201);
    page = (await coordinator.get(`/api/alliances/${alliance.id}`)).json;
    expect(page.members[0].representatives.map((r: { name: string }) => r.name).sort()).toEqual(['Lupe Leader', 'Sam Staffer']);
    expect(page.coRepresentationGaps).toEqual([]);
    expect((await coordinator.get(`/api/people/${staff.json.id}`)).status).toBe(200);
    // Still never the contact details (visible person, so 403), nor the organization's other people.
    expect((await coordinator.get(`/api/people/${staff.json.id}/contact`)).status).toBe(403);
    expect((await coordinator.get(`/api/spaces/${org.ownSpaceId}/people`)).status).toBe(404);
  });

  it('refuses to seat someone who is not one of the member organization\'s people', async () => {
    const other = (await coordinator.post(`/api/spaces/${alliance.ownSpaceId}/people`, { name: 'Alliance Staffer' })).json;
    const membershipId = (await coordinator.get(`/api/alliances/${alliance.id}`)).json.members[0].id;
    const res = await coordinator.post(`/api/memberships/${membershipId}/representatives`, { personId: other.id, seat: 'alternate' });
    expect(res.status).toBe(422);
    expect(res.json.errors[0].field).toBe('personId');
  });

  it('remembers the language per user and changes passwords', async () => {
    expect((await organizer.patch('/api/me', { locale: 'es' })).json.locale).toBe('es');
    expect((await organizer.get('/api/me')).json.locale).toBe('es');
    expect((await organizer.patch('/api/me', { locale: 'fr' })).status).toBe(422);
    const wrong = await organizer.post('/api/me/password', { currentPassword: 'nope', newPassword: 'a much longer password' });
    expect(wrong.status).toBe(422);
    expect(wrong.json.errors[0].field).toBe('currentPassword');
    expect((await organizer.post('/api/me/password', { currentPassword: 'correct horse battery', newPassword: 'a much longer password' })).status).toBe(200);
  });
});
