import { addMember, addRepresentative } from '../src/memberships/membership.service.ts';
import { createOrganization } from '../src/orgs/organization.service.ts';
import type { OrganizationInput } from '../src/orgs/organization.schema.ts';
import { createPerson, linkAccount } from '../src/people/person.service.ts';
import type { Actor } from '../src/spaces/access.ts';
import { upsertRole } from '../src/spaces/spaces.repository.ts';
import { grant } from '../src/spaces/spaces.service.ts';
import { Client, signedIn, type TestApp } from './test-app.ts';

// An alliance with three member organizations, each in its own private space sharing its
// representatives with the alliance, and signed-in clients for everyone who plays a part:
//   coordinator — owns the alliance's space (and, for setup, the member spaces)
//   repX / altX — X's staff representative and its alternate
//   repY        — Y's staff representative
//   repZ        — Z's representative; Z is an observer, outside the default electorate
//   funder      — a viewer of the alliance's space, in no electorate
//   outsider    — signed in, with no role in the alliance

const org = (name: string, kind: OrganizationInput['kind'] = 'base_building'): OrganizationInput => ({ name, kind, sectors: [], issues: [], constituencies: [], capacities: [], location: {} });

export async function allianceWithMembers(t: TestApp, tag: string) {
  const coordinator = await signedIn(t, `coordinator-${tag}@example.org`, { admin: true });
  const actor: Actor = { userId: coordinator.userId, isWorkspaceAdmin: true };
  const alliance = await createOrganization(t.db, actor, null, org(`Alliance ${tag}`, 'alliance'));
  const allianceSpaceId = alliance.ownSpaceId!;
  const clients: Record<string, Client & { userId: string }> = { coordinator };
  for (const name of ['repX', 'altX', 'repY', 'repZ', 'funder', 'outsider']) clients[name] = await signedIn(t, `${name}-${tag}@example.org`);
  for (const name of ['repX', 'altX', 'repY', 'repZ']) await upsertRole(t.db, allianceSpaceId, clients[name]!.userId, 'member');
  await upsertRole(t.db, allianceSpaceId, clients.funder!.userId, 'viewer');

  const members: Record<string, { id: string; spaceId: string; membershipId: string; personIds: string[] }> = {};
  const seats: [string, string, 'staff' | 'alternate', string][] = [['X', 'repX', 'staff', 'Xochitl Rep'], ['X', 'altX', 'alternate', 'Xavier Alt'],
    ['Y', 'repY', 'staff', 'Yolanda Rep'], ['Z', 'repZ', 'staff', 'Zoe Rep']];
  for (const [key, role] of [['X', 'anchor'], ['Y', 'member'], ['Z', 'observer']] as const) {
    const member = await createOrganization(t.db, actor, null, org(`Member ${key} ${tag}`), { ownSpace: true });
    await grant(t.db, actor, member.ownSpaceId!, allianceSpaceId, 'representatives');
    const membership = await addMember(t.db, actor, alliance.id, { memberId: member.id, role, status: 'active' });
    members[key] = { id: member.id, spaceId: member.ownSpaceId!, membershipId: membership.id, personIds: [] };
  }
  for (const [key, client, seat, name] of seats) {
    const m = members[key]!;
    const personId = await createPerson(t.db, t.deps.box, actor, m.spaceId, { name, languages: ['en'], contact: {}, affiliations: [{ organizationId: m.id, role: 'staff' }] });
    await linkAccount(t.db, actor, personId, `${client}-${tag}@example.org`);
    await addRepresentative(t.db, actor, m.membershipId, { personId, seat });
    m.personIds.push(personId);
  }
  return { alliance, allianceSpaceId, members, clients, actor };
}

export type AllianceFixture = Awaited<ReturnType<typeof allianceWithMembers>>;

/** A proposal body: a meeting, then a vote with the given settings. */
export function proposalWith(vote: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    title: 'Adopt the 2010 work plan', body: 'Strategy areas, goals and anchors for 2010.',
    steps: [
      { kind: 'consultation', format: 'meeting', title: 'Regional meeting', startsOn: '2010-01-10', endsOn: '2010-01-10' },
      { kind: 'vote', title: 'Network ratification', vote: { electorate: { kind: 'organizations' }, ...vote } },
    ],
    ...extra,
  };
}
