import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/accounts/accounts.service.ts';
import { createOrganization } from '../src/orgs/organization.service.ts';
import { addMember, addRepresentative } from '../src/memberships/membership.service.ts';
import { createPerson } from '../src/people/person.service.ts';
import { grant } from '../src/spaces/spaces.service.ts';
import { upsertRole } from '../src/spaces/spaces.repository.ts';
import { roleAtLeast, type SpaceRole } from '../src/spaces/roles.ts';
import { Client, ENGINES, signedIn, type TestApp, testApp } from './test-app.ts';

// Every route × every role × a record in a space: the caller's role in the record's space
// decides; a caller with no role there gets 404 (no leak of existence), not 403.

type Caller = SpaceRole | 'outsider' | 'anonymous';
const CALLERS: Caller[] = ['owner', 'admin', 'member', 'viewer', 'outsider', 'anonymous'];

interface Records { spaceId: string; allianceId: string; orgId: string; personId: string; membershipId: string; seatId: string; grantId: string; otherSpaceId: string; memberCandidateId: string; bystanderUserId: string }
interface RouteCase { name: string; method: string; path: (r: Records) => string; body?: (r: Records) => unknown; need: SpaceRole; ok: number }

const orgBody = { name: 'Renamed Workers Center', kind: 'base_building' };
const proposalBody = { title: 'Adopt the charter', body: 'The charter text.', steps: [{ kind: 'vote', title: 'Vote', vote: { method: 'consent', electorate: { kind: 'organizations' } } }] };
const conveningBody = { title: 'Strategy session', kind: 'strategy_session', startsAt: '2011-01-27T09:30', endsAt: '2011-01-27T16:30', timeZone: 'America/Los_Angeles' };
const personBody = { name: 'Dolores Example', languages: ['es'], contact: { email: 'dolores@example.org' } };

const ROUTES: RouteCase[] = [
  { name: 'read space', method: 'GET', path: (r) => `/api/spaces/${r.spaceId}`, need: 'viewer', ok: 200 },
  { name: 'read organization', method: 'GET', path: (r) => `/api/organizations/${r.orgId}`, need: 'viewer', ok: 200 },
  { name: 'read alliance page', method: 'GET', path: (r) => `/api/alliances/${r.allianceId}`, need: 'viewer', ok: 200 },
  { name: 'list alliance members', method: 'GET', path: (r) => `/api/alliances/${r.allianceId}/members?limit=10`, need: 'viewer', ok: 200 },
  { name: 'list people', method: 'GET', path: (r) => `/api/spaces/${r.spaceId}/people`, need: 'viewer', ok: 200 },
  { name: 'read person', method: 'GET', path: (r) => `/api/people/${r.personId}`, need: 'viewer', ok: 200 },
  { name: 'list grants', method: 'GET', path: (r) => `/api/spaces/${r.spaceId}/grants`, need: 'viewer', ok: 200 },
  { name: 'read contact', method: 'GET', path: (r) => `/api/people/${r.personId}/contact`, need: 'member', ok: 200 },
  { name: 'create organization', method: 'POST', path: () => '/api/organizations', body: (r) => ({ spaceId: r.spaceId, organization: orgBody }), need: 'member', ok: 201 },
  { name: 'update organization', method: 'PUT', path: (r) => `/api/organizations/${r.orgId}`, body: () => orgBody, need: 'member', ok: 200 },
  { name: 'add member', method: 'POST', path: (r) => `/api/alliances/${r.allianceId}/members`, body: (r) => ({ memberId: r.memberCandidateId }), need: 'member', ok: 201 },
  { name: 'update membership', method: 'PATCH', path: (r) => `/api/memberships/${r.membershipId}`, body: () => ({ status: 'lapsed' }), need: 'member', ok: 200 },
  { name: 'remove membership', method: 'DELETE', path: (r) => `/api/memberships/${r.membershipId}`, need: 'member', ok: 200 },
  { name: 'seat representative', method: 'POST', path: (r) => `/api/memberships/${r.membershipId}/representatives`, body: (r) => ({ personId: r.personId, seat: 'leader' }), need: 'member', ok: 201 },
  { name: 'remove representative', method: 'DELETE', path: (r) => `/api/representatives/${r.seatId}`, need: 'member', ok: 200 },
  { name: 'create person', method: 'POST', path: (r) => `/api/spaces/${r.spaceId}/people`, body: () => personBody, need: 'member', ok: 201 },
  { name: 'update person', method: 'PUT', path: (r) => `/api/people/${r.personId}`, body: () => personBody, need: 'member', ok: 200 },
  { name: 'delete person', method: 'DELETE', path: (r) => `/api/people/${r.personId}`, need: 'admin', ok: 200 },
  { name: 'delete organization', method: 'DELETE', path: (r) => `/api/organizations/${r.orgId}`, need: 'admin', ok: 200 },
  { name: 'list roles', method: 'GET', path: (r) => `/api/spaces/${r.spaceId}/roles`, need: 'admin', ok: 200 },
  { name: 'set role', method: 'PUT', path: (r) => `/api/spaces/${r.spaceId}/roles`, body: () => ({ email: 'bystander@example.org', role: 'member' }), need: 'admin', ok: 200 },
  { name: 'remove role', method: 'DELETE', path: (r) => `/api/spaces/${r.spaceId}/roles/${r.bystanderUserId}`, need: 'admin', ok: 200 },
  { name: 'give grant', method: 'POST', path: (r) => `/api/spaces/${r.spaceId}/grants`, body: (r) => ({ toSpaceId: r.otherSpaceId, scope: 'people' }), need: 'admin', ok: 201 },
  { name: 'revoke grant', method: 'DELETE', path: (r) => `/api/grants/${r.grantId}`, need: 'admin', ok: 200 },
  { name: 'read audit log', method: 'GET', path: (r) => `/api/spaces/${r.spaceId}/audit`, need: 'owner', ok: 200 },
  { name: 'preview import', method: 'POST', path: (r) => `/api/spaces/${r.spaceId}/imports/preview`, body: () => ({ entity: 'organizations', csv: 'name,kind\nX,union\n' }), need: 'member', ok: 200 },
  { name: 'export CSV', method: 'GET', path: (r) => `/api/spaces/${r.spaceId}/export?format=csv&entity=organizations`, need: 'viewer', ok: 200 },
  { name: 'list proposals', method: 'GET', path: (r) => `/api/alliances/${r.allianceId}/proposals`, need: 'viewer', ok: 200 },
  { name: 'create proposal', method: 'POST', path: (r) => `/api/alliances/${r.allianceId}/proposals`, body: () => proposalBody, need: 'member', ok: 201 },
  { name: 'read decision log', method: 'GET', path: (r) => `/api/alliances/${r.allianceId}/decisions`, need: 'viewer', ok: 200 },
  { name: 'export decision log', method: 'GET', path: (r) => `/api/alliances/${r.allianceId}/decisions.csv`, need: 'viewer', ok: 200 },
  { name: 'list committees', method: 'GET', path: (r) => `/api/alliances/${r.allianceId}/committees`, need: 'viewer', ok: 200 },
  { name: 'create committee', method: 'POST', path: (r) => `/api/alliances/${r.allianceId}/committees`, body: () => ({ name: 'Funders committee' }), need: 'admin', ok: 201 },
  { name: 'list convenings', method: 'GET', path: (r) => `/api/organizations/${r.allianceId}/convenings`, need: 'viewer', ok: 200 },
  { name: 'create convening', method: 'POST', path: (r) => `/api/organizations/${r.allianceId}/convenings`, body: () => conveningBody, need: 'member', ok: 201 },
  { name: 'list follow-ups', method: 'GET', path: (r) => `/api/organizations/${r.allianceId}/follow-ups`, need: 'viewer', ok: 200 },
  { name: 'calendar feed address', method: 'GET', path: (r) => `/api/organizations/${r.allianceId}/calendar-feed`, need: 'viewer', ok: 200 },
  { name: 'list goals', method: 'GET', path: (r) => `/api/organizations/${r.allianceId}/goals`, need: 'viewer', ok: 200 },
  { name: 'create goal', method: 'POST', path: (r) => `/api/organizations/${r.allianceId}/goals`, body: () => ({ statement: 'Win 500 summer jobs for youth by June' }), need: 'member', ok: 201 },
  { name: 'list work plans', method: 'GET', path: (r) => `/api/organizations/${r.allianceId}/work-plans`, need: 'viewer', ok: 200 },
  { name: 'create work plan', method: 'POST', path: (r) => `/api/organizations/${r.allianceId}/work-plans`, body: () => ({ title: '2011 plan' }), need: 'member', ok: 201 },
  { name: 'list campaigns', method: 'GET', path: (r) => `/api/organizations/${r.allianceId}/campaigns`, need: 'viewer', ok: 200 },
  { name: 'create campaign', method: 'POST', path: (r) => `/api/organizations/${r.allianceId}/campaigns`, body: () => ({ name: 'Summer jobs' }), need: 'member', ok: 201 },
  { name: 'read charter', method: 'GET', path: (r) => `/api/alliances/${r.allianceId}/charter`, need: 'viewer', ok: 200 },
  { name: 'list alerts', method: 'GET', path: (r) => `/api/alliances/${r.allianceId}/alerts`, need: 'viewer', ok: 200 },
  { name: 'send alert', method: 'POST', path: (r) => `/api/alliances/${r.allianceId}/alerts`, body: () => ({ title: 'SB 1070', body: 'Mobilize', need: { organizers: 5 } }), need: 'admin', ok: 201 },
  { name: 'read network', method: 'GET', path: (r) => `/api/alliances/${r.allianceId}/network`, need: 'viewer', ok: 200 },
  { name: 'read priorities', method: 'GET', path: (r) => `/api/alliances/${r.allianceId}/priorities`, need: 'viewer', ok: 200 },
  { name: 'set priorities', method: 'PUT', path: (r) => `/api/alliances/${r.allianceId}/priorities`, body: () => ({ constituencies: ['youth'], stateFips: ['28'] }), need: 'admin', ok: 200 },
  { name: 'import ties', method: 'POST', path: (r) => `/api/alliances/${r.allianceId}/ties/import`, body: () => ({ csv: 'from,to,kind\nA,B,funds\n' }), need: 'member', ok: 200 },
  { name: 'start network analysis', method: 'POST', path: (r) => `/api/alliances/${r.allianceId}/network/analyses`, need: 'viewer', ok: 200 },
  { name: 'record tie', method: 'POST', path: (r) => `/api/alliances/${r.allianceId}/ties`, body: (r) => ({ fromId: r.orgId, toId: r.memberCandidateId, kind: 'introduced' }), need: 'member', ok: 201 },
  { name: 'field anatomy', method: 'GET', path: (r) => `/api/field/anatomy?alliances=${r.allianceId}`, need: 'viewer', ok: 200 },
  { name: 'ally finder', method: 'GET', path: (r) => `/api/alliances/${r.allianceId}/allies`, need: 'viewer', ok: 200 },
  { name: 'list power maps', method: 'GET', path: (r) => `/api/organizations/${r.allianceId}/power-maps`, need: 'viewer', ok: 200 },
  { name: 'create power map', method: 'POST', path: (r) => `/api/organizations/${r.allianceId}/power-maps`, body: () => ({ title: 'Who decides' }), need: 'member', ok: 201 },
  { name: 'export Popolo', method: 'GET', path: (r) => `/api/spaces/${r.spaceId}/export?format=popolo`, need: 'viewer', ok: 200 },
];

function expected(route: RouteCase, caller: Caller): number {
  if (caller === 'anonymous') return 401;
  if (caller === 'outsider') return 404;
  return roleAtLeast(caller, route.need) ? route.ok : 403;
}

describe.each(ENGINES)('permission matrix on %s', (engine) => {
  let t: TestApp;
  const clients = {} as Record<Caller, Client & { userId?: string }>;
  let n = 0;
  let outsiderSpaceId: string;
  let bystanderUserId: string;

  beforeAll(async () => {
    t = await testApp(engine);
    for (const caller of CALLERS.filter((c) => c !== 'anonymous')) {
      clients[caller] = await signedIn(t, `${caller}@example.org`, { admin: caller === 'owner' });
    }
    clients.anonymous = new Client(t.app);
    bystanderUserId = (await createUser(t.db, { email: 'bystander@example.org', displayName: 'Bystander', password: 'a long enough password' })).id;
    // The outsider owns a space of their own, which must not help them into anyone else's.
    const outsiderAlliance = await createOrganization(t.db, { userId: clients.outsider.userId!, isWorkspaceAdmin: true }, null,
      { name: 'Outsider Alliance', kind: 'alliance', sectors: [], issues: [], constituencies: [], capacities: [], location: {} });
    outsiderSpaceId = outsiderAlliance.ownSpaceId!;
  });
  afterAll(async () => t?.close());

  /** A fresh alliance space F with one of everything, each caller holding its role in F. */
  async function foreignRecords(): Promise<Records> {
    n += 1;
    const ownerActor = { userId: clients.owner.userId!, isWorkspaceAdmin: true };
    const alliance = await createOrganization(t.db, ownerActor, null, { name: `Foreign Alliance ${n}`, kind: 'alliance', sectors: [], issues: [], constituencies: [], capacities: [], location: {} });
    const spaceId = alliance.ownSpaceId!;
    for (const role of ['admin', 'member', 'viewer'] as const) await upsertRole(t.db, spaceId, clients[role].userId!, role);
    await upsertRole(t.db, spaceId, bystanderUserId, 'viewer');
    const base = { sectors: [], issues: [], constituencies: [], capacities: [], location: {} };
    const org = await createOrganization(t.db, ownerActor, spaceId, { ...base, name: `Foreign Org ${n}`, kind: 'union' });
    const candidate = await createOrganization(t.db, ownerActor, spaceId, { ...base, name: `Candidate ${n}`, kind: 'faith' });
    const membership = await addMember(t.db, ownerActor, alliance.id, { memberId: org.id, role: 'member', status: 'active' });
    const personId = await createPerson(t.db, t.deps.box, ownerActor, spaceId, { name: `Foreign Person ${n}`, languages: ['en'], contact: { email: `p${n}@example.org` }, affiliations: [{ organizationId: org.id, role: 'staff' }] });
    const seat = await addRepresentative(t.db, ownerActor, membership.id, { personId, seat: 'staff' });
    const other = await createOrganization(t.db, ownerActor, null, { ...base, name: `Other Alliance ${n}`, kind: 'alliance' });
    const grantId = (await grant(t.db, ownerActor, spaceId, other.ownSpaceId!, 'profile'))!;
    return { spaceId, allianceId: alliance.id, orgId: org.id, personId, membershipId: membership.id, seatId: seat.id, grantId, otherSpaceId: other.ownSpaceId!, memberCandidateId: candidate.id, bystanderUserId };
  }

  for (const route of ROUTES) {
    it(`${route.method} ${route.name}`, async () => {
      const results: string[] = [];
      for (const caller of CALLERS) {
        const records = await foreignRecords();
        const res = await clients[caller].request(route.method, route.path(records), route.body?.(records));
        const want = expected(route, caller);
        if (res.status !== want) results.push(`${caller}: got ${res.status}, want ${want} (${res.text.slice(0, 120)})`);
        if (caller === 'outsider' || caller === 'anonymous') {
          // A refusal never carries the record's data.
          expect(res.text).not.toMatch(/Foreign (Org|Person)/);
        }
      }
      expect(results).toEqual([]);
    });
  }

  it('keeps foreign records out of directory and people searches', async () => {
    await foreignRecords();
    const directory = await clients.outsider.get('/api/organizations?q=Foreign');
    expect(directory.status).toBe(200);
    expect(directory.json.items.filter((o: { name: string }) => o.name.startsWith('Foreign'))).toEqual([]);
    const viewerSees = await clients.viewer.get('/api/organizations?q=Foreign%20Org');
    expect(viewerSees.json.total).toBeGreaterThan(0);
  });

  it('lets a profile grant show the profile, not the people, and stops at revocation', async () => {
    const r = await foreignRecords();
    const given = await clients.owner.post(`/api/spaces/${r.spaceId}/grants`, { toSpaceId: outsiderSpaceId, scope: 'profile' });
    expect(given.status).toBe(201);
    expect((await clients.outsider.get(`/api/organizations/${r.orgId}`)).status).toBe(200);
    const inDirectory = async () => (await clients.outsider.get(`/api/organizations?q=${encodeURIComponent(`Foreign Org ${n}`)}`)).json.total;
    expect(await inDirectory()).toBe(1);
    expect((await clients.outsider.put(`/api/organizations/${r.orgId}`, orgBody)).status).toBe(403);
    expect((await clients.outsider.get(`/api/people/${r.personId}`)).status).toBe(404);
    expect((await clients.outsider.get(`/api/spaces/${r.spaceId}/people`)).status).toBe(404);
    expect((await clients.owner.delete(`/api/grants/${given.json.id}`)).status).toBe(200);
    expect((await clients.outsider.get(`/api/organizations/${r.orgId}`)).status).toBe(404);
    // Revoking takes effect at once, cached directory pages included.
    expect(await inDirectory()).toBe(0);
  });
});
