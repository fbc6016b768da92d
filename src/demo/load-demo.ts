import { insertUser } from '../accounts/accounts.repository.ts';
import { hashPassword } from '../accounts/password.ts';
import type { AppDeps } from '../server/context.ts';
import { loadDemoDiscussions } from './demo-discussions.ts';
import { loadDemoLibrary } from './demo-library.ts';
import { loadDemoSurveys } from './demo-surveys.ts';
import { loadDemoCampaigns } from './demo-campaigns.ts';
import { loadDemoConvenings } from './demo-convenings.ts';
import { loadDemoDecisions } from './demo-decisions.ts';
import { addMember, addRepresentative } from '../memberships/membership.service.ts';
import { createOrganization } from '../orgs/organization.service.ts';
import { createPerson } from '../people/person.service.ts';
import type { Actor } from '../spaces/access.ts';
import { contribute as contributeToReach } from '../reach/reach.service.ts';
import { insertGrant, upsertRole } from '../spaces/spaces.repository.ts';
import { loadDemoContacts, loadDemoSharing } from './demo-contacts.ts';
import { loadDemoFunding } from './demo-funding.ts';
import { DEMO_MEMBERSHIPS, DEMO_ORGANIZATIONS, DEMO_PEOPLE } from './demo-data.ts';

export const DEMO_PASSWORD = 'crossroads-demo';
export const DEMO_USERS = {
  coordinator: { email: 'coordinator@example.org', name: 'Alex Rivera (demo coordinator)' },
  organizer: { email: 'organizer@example.org', name: 'Marisol Vega (demo organizer)' },
  funder: { email: 'funder@example.org', name: 'Jordan Lee (demo funder)' },
};

/**
 * Loads the demo workspace through the same services the app uses, so it obeys the same rules:
 * alliances get shared spaces run by the coordinator; each organization with people gets its own
 * private space run by its own staff account, which shares its profile and representatives with
 * its alliances (and nothing else); other organizations are directory entries in the space of
 * the first alliance they belong to. Returns null when the demo is already there.
 */
export async function loadDemoWorkspace(deps: AppDeps) {
  const { db, box } = deps;
  const existing = await db.selectFrom('users').select('id').where('email', '=', DEMO_USERS.coordinator.email).executeTakeFirst();
  if (existing) return null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const user = (email: string, displayName: string, isWorkspaceAdmin = false) =>
    insertUser(db, { email, displayName, passwordHash, isWorkspaceAdmin }).then((u): Actor => ({ userId: u.id, isWorkspaceAdmin }));
  const coordinator = await user(DEMO_USERS.coordinator.email, DEMO_USERS.coordinator.name, true);
  const funder = await user(DEMO_USERS.funder.email, DEMO_USERS.funder.name);

  const orgIds = new Map<string, string>();
  const spaceOf = new Map<string, string>(); // org key → the space its record lives in
  const staffOf = new Map<string, Actor>(); // org key → the account running its own space

  // 1. Alliances, each with its shared space.
  for (const demo of DEMO_ORGANIZATIONS.filter((o) => o.input.kind === 'alliance')) {
    const org = await createOrganization(db, coordinator, null, demo.input);
    orgIds.set(demo.key, org.id);
    spaceOf.set(demo.key, org.ownSpaceId!);
    staffOf.set(demo.key, coordinator);
  }
  // 2. Organizations whose people are in the demo: their own private space and staff account.
  const withPeople = new Set(DEMO_PEOPLE.flatMap((p) => p.affiliations.map((a) => a.orgKey)));
  let first = true;
  for (const demo of DEMO_ORGANIZATIONS.filter((o) => o.input.kind !== 'alliance' && withPeople.has(o.key))) {
    const staff = first
      ? await user(DEMO_USERS.organizer.email, DEMO_USERS.organizer.name, true)
      : await user(`staff.${demo.key.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}@example.org`, `${demo.input.shortName ?? demo.input.name} staff (demo)`, true);
    first = false;
    const org = await createOrganization(db, staff, null, demo.input, { ownSpace: true });
    staff.isWorkspaceAdmin = false;
    await db.updateTable('users').set({ is_workspace_admin: false }).where('id', '=', staff.userId).execute();
    orgIds.set(demo.key, org.id);
    spaceOf.set(demo.key, org.ownSpaceId!);
    staffOf.set(demo.key, staff);
  }
  // 3. Everyone else: a directory entry kept by the first alliance that lists them.
  for (const demo of DEMO_ORGANIZATIONS.filter((o) => !orgIds.has(o.key))) {
    const allianceKey = DEMO_MEMBERSHIPS.find((m) => m.memberKey === demo.key)?.allianceKey ?? DEMO_ORGANIZATIONS.find((o) => o.input.kind === 'alliance')!.key;
    const org = await createOrganization(db, coordinator, spaceOf.get(allianceKey)!, demo.input);
    orgIds.set(demo.key, org.id);
    spaceOf.set(demo.key, spaceOf.get(allianceKey)!);
  }

  // 4. Memberships. Members with their own space share their profile and representatives with
  // the alliance first, and their staff take part in the alliance's space.
  const membershipIds = new Map<string, string>();
  for (const m of DEMO_MEMBERSHIPS) {
    const allianceSpace = spaceOf.get(m.allianceKey)!;
    const memberSpace = spaceOf.get(m.memberKey)!;
    const staff = staffOf.get(m.memberKey);
    if (memberSpace !== allianceSpace) {
      for (const scope of ['profile', 'representatives'] as const) {
        await insertGrant(db, { fromSpaceId: memberSpace, toSpaceId: allianceSpace, scope, userId: staff?.userId ?? coordinator.userId });
      }
    }
    if (staff && staff !== coordinator) await upsertRole(db, allianceSpace, staff.userId, 'member');
    const membership = await addMember(db, coordinator, orgIds.get(m.allianceKey)!, {
      memberId: orgIds.get(m.memberKey)!, role: m.role, status: m.status, startedOn: m.startedOn ?? null,
    });
    membershipIds.set(`${m.allianceKey}>${m.memberKey}`, membership.id);
  }

  // 5. People, in their organization's space, and their seats on its memberships.
  const personIds = new Map<string, string>();
  for (const p of DEMO_PEOPLE) {
    const home = p.affiliations[0]!.orgKey;
    const staff = staffOf.get(home) ?? coordinator;
    const personId = await createPerson(db, box, staff, spaceOf.get(home)!, {
      name: p.name, languages: p.languages, contact: { email: p.email, phone: p.phone },
      affiliations: p.affiliations.filter((a) => spaceOf.get(a.orgKey) === spaceOf.get(home) || a.orgKey === home)
        .map((a) => ({ organizationId: orgIds.get(a.orgKey)!, role: a.role })),
    });
    personIds.set(p.key, personId);
    // A person sits only on their own organization's memberships.
    for (const seat of p.seats.filter((s) => s.memberKey === home)) {
      const membershipId = membershipIds.get(`${seat.allianceKey}>${seat.memberKey}`);
      if (membershipId) await addRepresentative(db, staff, membershipId, { personId, seat: seat.seat });
    }
  }

  // 6. The funder reads the Inter-Alliance Dialogue (or the first alliance).
  const iad = DEMO_ORGANIZATIONS.find((o) => /inter-alliance/i.test(o.input.name)) ?? DEMO_ORGANIZATIONS.find((o) => o.input.kind === 'alliance')!;
  await upsertRole(db, spaceOf.get(iad.key)!, funder.userId, 'viewer');

  // 7. The IAD's decisions: voters, the funders committee, one decision taken, the 2010 work plan in draft.
  const { committeeId } = await loadDemoDecisions(deps, { coordinator, passwordHash, iadId: orgIds.get(iad.key)!, iadSpaceId: spaceOf.get(iad.key)!, orgIds, personIds });
  // 8. Convenings, goals identified and work plans, the IAD's 2010 plan sent for ratification.
  await loadDemoConvenings(db, { coordinator, orgIds, committeeId });
  // 9. The ports campaign, the IAD's answer to SB 1070, its charter draft and stage.
  await loadDemoCampaigns(db, { coordinator, orgIds });
  // 9b. The IAD's relationship surveys (two closed waves and one open), its discussions and its library (the seeds).
  await loadDemoSurveys(deps, { coordinator, iadId: orgIds.get(iad.key)!, orgIds });
  const library = await loadDemoLibrary(db, { coordinator, iadSpaceId: spaceOf.get(iad.key)! });
  await loadDemoDiscussions(deps, { iadId: orgIds.get(iad.key)!, coordinator, attach: library.proposalId });

  // 10. The base: generated contacts for the first member organization with a space of its own and
  // for a fellow member of one of its alliances with a space of its own (SCOPE and CAUSE, both in
  // California Calls), so the two can count privately the people they share.
  const withSpace = [...staffOf.entries()].filter(([key, staff]) => staff !== coordinator && spaceOf.get(key));
  const [firstKey] = withSpace[0]!;
  const alliancesOfFirst = new Set(DEMO_MEMBERSHIPS.filter((m) => m.memberKey === firstKey && m.status === 'active').map((m) => m.allianceKey));
  const fellow = withSpace.find(([key]) => key !== firstKey && DEMO_MEMBERSHIPS.some((m) => m.memberKey === key && m.status === 'active' && alliancesOfFirst.has(m.allianceKey)));
  const bases = [withSpace[0]!, fellow ?? withSpace[1]!];
  await loadDemoContacts(db, box, bases.map(([key, actor]) => ({ actor, spaceId: spaceOf.get(key)! })));
  await loadDemoSharing(db, box, bases.map(([key, actor]) => ({ actor, spaceId: spaceOf.get(key)! })));
  // 11. Grants from the funders the seeds name to the IAD and California Calls, their re-grants, a member's other income.
  const californiaCalls = DEMO_ORGANIZATIONS.find((o) => o.input.name === 'California Calls')!;
  await loadDemoFunding(db, coordinator, { iadSpaceId: spaceOf.get(iad.key)!, californiaCallsSpaceId: spaceOf.get(californiaCalls.key)!, orgIds,
    base: bases[0] ? { actor: bases[0][1], spaceId: spaceOf.get(bases[0][0])! } : undefined });

  // 12. Both bases count themselves into California Calls' unduplicated reach.
  for (const [key, actor] of bases) await contributeToReach(db, box, actor, spaceOf.get(key)!, spaceOf.get(californiaCalls.key)!);

  return { organizations: DEMO_ORGANIZATIONS.length, memberships: DEMO_MEMBERSHIPS.length, people: DEMO_PEOPLE.length };
}
