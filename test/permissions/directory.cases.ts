// The directory, memberships, people, spaces, imports and exports, and the first routes of the
// later features, for the permission matrix (matrix.ts).
import { createOrganization } from '../../src/orgs/organization.service.ts';
import { addMember, addRepresentative } from '../../src/memberships/membership.service.ts';
import { createPerson } from '../../src/people/person.service.ts';
import { grant } from '../../src/spaces/spaces.service.ts';
import { upsertRole } from '../../src/spaces/spaces.repository.ts';
import type { GrantScope } from '../../src/spaces/roles.ts';
import type { TestApp } from '../test-app.ts';
import { BLANK, type Callers, foreignAlliance, type RouteCase } from './matrix.ts';

export interface DirectoryRecords { spaceId: string; allianceId: string; orgId: string; personId: string; membershipId: string; seatId: string; grantId: string; otherSpaceId: string; memberCandidateId: string; bystanderUserId: string; bystanderEmail: string; orgName: string; candidateName: string }

export const orgBody = { name: 'Renamed Workers Center', kind: 'base_building' };
const proposalBody = { title: 'Adopt the charter', body: 'The charter text.', steps: [{ kind: 'vote', title: 'Vote', vote: { method: 'consent', electorate: { kind: 'organizations' } } }] };
const conveningBody = { title: 'Strategy session', kind: 'strategy_session', startsAt: '2011-01-27T09:30', endsAt: '2011-01-27T16:30', timeZone: 'America/Los_Angeles' };
const personBody = { name: 'Dolores Example', languages: ['es'], contact: { email: 'dolores@example.org' } };

// The outsider's alliance holds the profile and representatives grants of every fixture space:
// profiles open to it (only people may not leak), changes stay refused, and people stay shut.
const SHARED_PROFILE = { expect: { outsider: 200 }, leak: /Foreign Person/ } as const;
const SEEN_NOT_CHANGED = { expect: { outsider: 403 } } as const;

export const DIRECTORY_CASES: RouteCase<DirectoryRecords>[] = [
  { route: 'GET /api/spaces/{id}', name: 'read space', path: (r) => `/api/spaces/${r.spaceId}`, need: 'viewer', ok: 200, ...SHARED_PROFILE },
  { route: 'GET /api/organizations/{id}', name: 'read organization', path: (r) => `/api/organizations/${r.orgId}`, need: 'viewer', ok: 200, ...SHARED_PROFILE },
  { route: 'GET /api/alliances/{id}', name: 'read alliance page', path: (r) => `/api/alliances/${r.allianceId}`, need: 'viewer', ok: 200, ...SHARED_PROFILE },
  { route: 'GET /api/alliances/{id}/members', name: 'list alliance members', path: (r) => `/api/alliances/${r.allianceId}/members?limit=10`, need: 'viewer', ok: 200, ...SHARED_PROFILE },
  { route: 'GET /api/spaces/{id}/people', name: 'list people', path: (r) => `/api/spaces/${r.spaceId}/people`, need: 'viewer', ok: 200 },
  { route: 'GET /api/people/{id}', name: 'read person', path: (r) => `/api/people/${r.personId}`, need: 'viewer', ok: 200 },
  { route: 'GET /api/spaces/{id}/grants', name: 'list grants', path: (r) => `/api/spaces/${r.spaceId}/grants`, need: 'viewer', ok: 200, ...SHARED_PROFILE },
  { route: 'GET /api/people/{id}/contact', name: 'read contact', path: (r) => `/api/people/${r.personId}/contact`, need: 'member', ok: 200 },
  { route: 'POST /api/organizations', name: 'create organization', path: () => '/api/organizations', body: (r) => ({ spaceId: r.spaceId, organization: orgBody }), need: 'member', ok: 201, ...SEEN_NOT_CHANGED },
  { route: 'PUT /api/organizations/{id}', name: 'update organization', path: (r) => `/api/organizations/${r.orgId}`, body: () => orgBody, need: 'member', ok: 200, ...SEEN_NOT_CHANGED },
  { route: 'POST /api/alliances/{id}/members', name: 'add member', path: (r) => `/api/alliances/${r.allianceId}/members`, body: (r) => ({ memberId: r.memberCandidateId }), need: 'member', ok: 201, ...SEEN_NOT_CHANGED },
  { route: 'GET /api/memberships/{id}', name: 'read membership', path: (r) => `/api/memberships/${r.membershipId}`, need: 'viewer', ok: 200, ...SHARED_PROFILE },
  { route: 'PATCH /api/memberships/{id}', name: 'update membership', path: (r) => `/api/memberships/${r.membershipId}`, body: () => ({ status: 'lapsed' }), need: 'member', ok: 200, ...SEEN_NOT_CHANGED },
  { route: 'DELETE /api/memberships/{id}', name: 'remove membership', path: (r) => `/api/memberships/${r.membershipId}`, need: 'member', ok: 200, ...SEEN_NOT_CHANGED },
  { route: 'POST /api/memberships/{id}/representatives', name: 'seat representative', path: (r) => `/api/memberships/${r.membershipId}/representatives`, body: (r) => ({ personId: r.personId, seat: 'leader' }), need: 'member', ok: 201, expect: { outsider: 422 } /* the person is not theirs to see: 'no such person' */ },
  { route: 'DELETE /api/representatives/{id}', name: 'remove representative', path: (r) => `/api/representatives/${r.seatId}`, need: 'member', ok: 200, ...SEEN_NOT_CHANGED },
  { route: 'POST /api/spaces/{id}/people', name: 'create person', path: (r) => `/api/spaces/${r.spaceId}/people`, body: () => personBody, need: 'member', ok: 201, ...SEEN_NOT_CHANGED },
  { route: 'PUT /api/people/{id}', name: 'update person', path: (r) => `/api/people/${r.personId}`, body: () => personBody, need: 'member', ok: 200 },
  { route: 'DELETE /api/people/{id}', name: 'delete person', path: (r) => `/api/people/${r.personId}`, need: 'admin', ok: 200 },
  { route: 'DELETE /api/organizations/{id}', name: 'delete organization', path: (r) => `/api/organizations/${r.orgId}`, need: 'admin', ok: 200, ...SEEN_NOT_CHANGED },
  { route: 'GET /api/spaces/{id}/roles', name: 'list roles', path: (r) => `/api/spaces/${r.spaceId}/roles`, need: 'admin', ok: 200, ...SEEN_NOT_CHANGED },
  { route: 'PUT /api/spaces/{id}/roles', name: 'set role', path: (r) => `/api/spaces/${r.spaceId}/roles`, body: (r) => ({ email: r.bystanderEmail, role: 'member' }), need: 'admin', ok: 200, ...SEEN_NOT_CHANGED },
  { route: 'DELETE /api/spaces/{id}/roles/{userId}', name: 'remove role', path: (r) => `/api/spaces/${r.spaceId}/roles/${r.bystanderUserId}`, need: 'admin', ok: 200, ...SEEN_NOT_CHANGED },
  { route: 'POST /api/spaces/{id}/grants', name: 'give grant', path: (r) => `/api/spaces/${r.spaceId}/grants`, body: (r) => ({ toSpaceId: r.otherSpaceId, scope: 'people' }), need: 'admin', ok: 201, ...SEEN_NOT_CHANGED },
  { route: 'DELETE /api/grants/{id}', name: 'revoke grant', path: (r) => `/api/grants/${r.grantId}`, need: 'admin', ok: 200, ...SEEN_NOT_CHANGED },
  { route: 'GET /api/spaces/{id}/audit', name: 'read audit log', path: (r) => `/api/spaces/${r.spaceId}/audit`, need: 'owner', ok: 200, ...SEEN_NOT_CHANGED },
  { route: 'POST /api/spaces/{id}/imports/preview', name: 'preview import', path: (r) => `/api/spaces/${r.spaceId}/imports/preview`, body: () => ({ entity: 'organizations', csv: 'name,kind\nX,union\n' }), need: 'member', ok: 200, writesNothing: true, ...SEEN_NOT_CHANGED },
  { route: 'GET /api/spaces/{id}/export', name: 'export CSV', path: (r) => `/api/spaces/${r.spaceId}/export?format=csv&entity=organizations`, need: 'viewer', ok: 200, ...SHARED_PROFILE },
  { route: 'GET /api/alliances/{id}/proposals', name: 'list proposals', path: (r) => `/api/alliances/${r.allianceId}/proposals`, need: 'viewer', ok: 200 },
  { route: 'POST /api/alliances/{id}/proposals', name: 'create proposal', path: (r) => `/api/alliances/${r.allianceId}/proposals`, body: () => proposalBody, need: 'member', ok: 201 },
  { route: 'GET /api/alliances/{id}/decisions', name: 'read decision log', path: (r) => `/api/alliances/${r.allianceId}/decisions`, need: 'viewer', ok: 200 },
  { route: 'GET /api/alliances/{id}/decisions.csv', name: 'export decision log', path: (r) => `/api/alliances/${r.allianceId}/decisions.csv`, need: 'viewer', ok: 200 },
  { route: 'GET /api/alliances/{id}/committees', name: 'list committees', path: (r) => `/api/alliances/${r.allianceId}/committees`, need: 'viewer', ok: 200 },
  { route: 'POST /api/alliances/{id}/committees', name: 'create committee', path: (r) => `/api/alliances/${r.allianceId}/committees`, body: () => ({ name: 'Funders committee' }), need: 'admin', ok: 201 },
  { route: 'GET /api/organizations/{id}/convenings', name: 'list convenings', path: (r) => `/api/organizations/${r.allianceId}/convenings`, need: 'viewer', ok: 200 },
  { route: 'POST /api/organizations/{id}/convenings', name: 'create convening', path: (r) => `/api/organizations/${r.allianceId}/convenings`, body: () => conveningBody, need: 'member', ok: 201 },
  { route: 'GET /api/organizations/{id}/follow-ups', name: 'list follow-ups', path: (r) => `/api/organizations/${r.allianceId}/follow-ups`, need: 'viewer', ok: 200 },
  { route: 'GET /api/organizations/{id}/calendar-feed', name: 'calendar feed status', path: (r) => `/api/organizations/${r.allianceId}/calendar-feed`, need: 'viewer', ok: 200 },
  { route: 'POST /api/organizations/{id}/calendar-feed', name: 'make calendar feed address', path: (r) => `/api/organizations/${r.allianceId}/calendar-feed`, need: 'viewer', ok: 201 },
  { route: 'DELETE /api/organizations/{id}/calendar-feed', name: 'stop calendar feed address (none made yet: its success is in convenings.db.test)', path: (r) => `/api/organizations/${r.allianceId}/calendar-feed`, need: 'viewer', ok: 404, leak: /Foreign Person/ },
  { route: 'GET /api/organizations/{id}/goals', name: 'list goals', path: (r) => `/api/organizations/${r.allianceId}/goals`, need: 'viewer', ok: 200 },
  { route: 'POST /api/organizations/{id}/goals', name: 'create goal', path: (r) => `/api/organizations/${r.allianceId}/goals`, body: () => ({ statement: 'Win 500 summer jobs for youth by June' }), need: 'member', ok: 201 },
  { route: 'GET /api/organizations/{id}/work-plans', name: 'list work plans', path: (r) => `/api/organizations/${r.allianceId}/work-plans`, need: 'viewer', ok: 200 },
  { route: 'POST /api/organizations/{id}/work-plans', name: 'create work plan', path: (r) => `/api/organizations/${r.allianceId}/work-plans`, body: () => ({ title: '2011 plan' }), need: 'member', ok: 201 },
  { route: 'GET /api/organizations/{id}/campaigns', name: 'list campaigns', path: (r) => `/api/organizations/${r.allianceId}/campaigns`, need: 'viewer', ok: 200 },
  { route: 'POST /api/organizations/{id}/campaigns', name: 'create campaign', path: (r) => `/api/organizations/${r.allianceId}/campaigns`, body: () => ({ name: 'Summer jobs' }), need: 'member', ok: 201 },
  { route: 'GET /api/alliances/{id}/charter', name: 'read charter', path: (r) => `/api/alliances/${r.allianceId}/charter`, need: 'viewer', ok: 200 },
  { route: 'GET /api/alliances/{id}/alerts', name: 'list alerts', path: (r) => `/api/alliances/${r.allianceId}/alerts`, need: 'viewer', ok: 200 },
  { route: 'POST /api/alliances/{id}/alerts', name: 'send alert', path: (r) => `/api/alliances/${r.allianceId}/alerts`, body: () => ({ title: 'SB 1070', body: 'Mobilize', need: { organizers: 5 } }), need: 'admin', ok: 201 },
  { route: 'GET /api/alliances/{id}/network', name: 'read network', path: (r) => `/api/alliances/${r.allianceId}/network`, need: 'viewer', ok: 200 },
  { route: 'GET /api/alliances/{id}/priorities', name: 'read priorities', path: (r) => `/api/alliances/${r.allianceId}/priorities`, need: 'viewer', ok: 200, ...SHARED_PROFILE },
  { route: 'PUT /api/alliances/{id}/priorities', name: 'set priorities', path: (r) => `/api/alliances/${r.allianceId}/priorities`, body: () => ({ constituencies: ['youth'], stateFips: ['28'] }), need: 'admin', ok: 200, ...SEEN_NOT_CHANGED },
  { route: 'POST /api/alliances/{id}/ties/import', name: 'import ties', path: (r) => `/api/alliances/${r.allianceId}/ties/import`, body: (r) => ({ csv: `from,to,kind\n${r.orgName},${r.candidateName},funds\n`, commit: true }), need: 'member', ok: 200 },
  { route: 'POST /api/alliances/{id}/network/analyses', name: 'start network analysis', path: (r) => `/api/alliances/${r.allianceId}/network/analyses`, need: 'viewer', ok: 200, writesNothing: true },
  { route: 'POST /api/alliances/{id}/ties', name: 'record tie', path: (r) => `/api/alliances/${r.allianceId}/ties`, body: (r) => ({ fromId: r.orgId, toId: r.memberCandidateId, kind: 'introduced' }), need: 'member', ok: 201 },
  { route: 'GET /api/field/anatomy', name: 'field anatomy', path: (r) => `/api/field/anatomy?alliances=${r.allianceId}`, need: 'viewer', ok: 200, ...SHARED_PROFILE },
  { route: 'GET /api/alliances/{id}/allies', name: 'ally finder', path: (r) => `/api/alliances/${r.allianceId}/allies`, need: 'viewer', ok: 200, ...SHARED_PROFILE },
  { route: 'GET /api/organizations/{id}/power-maps', name: 'list power maps', path: (r) => `/api/organizations/${r.allianceId}/power-maps`, need: 'viewer', ok: 200 },
  { route: 'POST /api/organizations/{id}/power-maps', name: 'create power map', path: (r) => `/api/organizations/${r.allianceId}/power-maps`, body: () => ({ title: 'Who decides' }), need: 'member', ok: 201 },
  { route: 'GET /api/spaces/{id}/export', name: 'export Popolo', path: (r) => `/api/spaces/${r.spaceId}/export?format=popolo`, need: 'viewer', ok: 200, ...SHARED_PROFILE },
  { route: 'GET /api/spaces/{id}/export', name: 'export people CSV', path: (r) => `/api/spaces/${r.spaceId}/export?format=csv&entity=people`, need: 'viewer', ok: 200 },
  { route: 'GET /api/spaces/{id}/export', name: 'export memberships CSV', path: (r) => `/api/spaces/${r.spaceId}/export?format=csv&entity=memberships`, need: 'viewer', ok: 200, ...SHARED_PROFILE },
];

/** A fresh alliance space F with one of everything, each caller holding its role in F. */
export async function directoryRecords(t: TestApp, clients: Callers, bystander: { id: string; email: string }, n: number,
  outsiderGrants: GrantScope[] = ['profile', 'representatives']): Promise<DirectoryRecords> {
  // The outsider's alliance holds every grant but people's: profiles open, people stay shut (exports too).
  const { owner: ownerActor, alliance, spaceId } = await foreignAlliance(t, clients, n, { outsiderGrants });
  await upsertRole(t.db, spaceId, bystander.id, 'viewer');
  const base = BLANK;
  const org = await createOrganization(t.db, ownerActor, spaceId, { ...base, name: `Foreign Org ${n}`, kind: 'union' });
  const candidate = await createOrganization(t.db, ownerActor, spaceId, { ...base, name: `Candidate ${n}`, kind: 'faith' });
  const membership = await addMember(t.db, ownerActor, alliance.id, { memberId: org.id, role: 'member', status: 'active' });
  const personId = await createPerson(t.db, t.deps.box, ownerActor, spaceId, { name: `Foreign Person ${n}`, languages: ['en'], contact: { email: `p${n}@example.org` }, affiliations: [{ organizationId: org.id, role: 'staff' }] });
  const seat = await addRepresentative(t.db, ownerActor, membership.id, { personId, seat: 'staff' });
  const other = await createOrganization(t.db, ownerActor, null, { ...base, name: `Other Alliance ${n}`, kind: 'alliance' });
  const grantId = (await grant(t.db, ownerActor, spaceId, other.ownSpaceId!, 'profile'))!;
  return { spaceId, allianceId: alliance.id, orgId: org.id, personId, membershipId: membership.id, seatId: seat.id, grantId, otherSpaceId: other.ownSpaceId!, memberCandidateId: candidate.id, bystanderUserId: bystander.id, bystanderEmail: bystander.email,
    orgName: org.name, candidateName: candidate.name };
}

