import { insertAudit } from '../audit/audit.repository.ts';
import { diffRecords } from '../audit/diff.ts';
import type { Db } from '../db/database.ts';
import { findOrganization } from '../orgs/organization.repository.ts';
import type { Organization } from '../orgs/organization.schema.ts';
import { getOrganization } from '../orgs/organization.service.ts';
import { findPerson } from '../people/person.repository.ts';
import { conflict, forbidden, invalid, notFound } from '../server/problem.ts';
import { type Actor, requireAccess, canSeeProfiles } from '../spaces/access.ts';
import { findRole, listReadableSpaceIds, loadReach } from '../spaces/spaces.repository.ts';
import { roleAtLeast } from '../spaces/roles.ts';
import { gapOf, memberView } from './alliance-page.ts';
import * as repo from './membership.repository.ts';
import type { MembershipInput } from './membership.schema.ts';

export async function allianceSpace(db: Db, actor: Actor, allianceId: string): Promise<{ alliance: Organization; spaceId: string }> {
  const alliance = await getOrganization(db, actor, allianceId);
  if (alliance.kind !== 'alliance' || !alliance.ownSpaceId) throw notFound('alliance');
  return { alliance, spaceId: alliance.ownSpaceId };
}

export async function addMember(db: Db, actor: Actor, allianceId: string, input: MembershipInput) {
  const { alliance, spaceId } = await allianceSpace(db, actor, allianceId);
  await requireAccess(db, actor, spaceId, 'member');
  const member = await findOrganization(db, input.memberId);
  const visible = member && (await canSeeProfiles(db, actor, member.spaceId));
  if (!member || !visible) throw invalid([{ field: 'memberId', message: 'no such organization' }]);
  if (await repo.findMembershipByPair(db, allianceId, input.memberId)) {
    throw conflict(`${member.name} is already in ${alliance.name}.`, 'memberId');
  }
  if (await repo.wouldCreateCycle(db, allianceId, input.memberId)) {
    throw conflict(`${alliance.name} is itself a member (directly or through other alliances) of ${member.name}; memberships cannot form a cycle.`, 'memberId');
  }
  return db.transaction().execute(async (trx) => {
    const membership = await repo.insertMembership(trx, spaceId, {
      allianceId, memberId: input.memberId, role: input.role, status: input.status, startedOn: input.startedOn ?? null, endedOn: input.endedOn ?? null,
    });
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'membership', entityId: membership.id,
      changes: { member: [null, member.name], role: [null, input.role], status: [null, input.status] } }]);
    return membership;
  });
}

async function membershipInWritableSpace(db: Db, actor: Actor, id: string) {
  const membership = await repo.findMembership(db, id);
  if (!membership) throw notFound('membership');
  await requireAccess(db, actor, membership.spaceId, 'member');
  return membership;
}

export async function getMembership(db: Db, actor: Actor, id: string) {
  const membership = await repo.findMembership(db, id);
  if (!membership) throw notFound('membership');
  await requireAccess(db, actor, membership.spaceId, 'viewer');
  return membership;
}

export async function updateMembership(db: Db, actor: Actor, id: string, patch: Parameters<typeof repo.updateMembership>[2]) {
  await membershipInWritableSpace(db, actor, id);
  return db.transaction().execute(async (trx) => {
    // Start and end are checked against the row as it is now, locked: two edits at once (one
    // moving the start, one the end) cannot both pass and store an end before the start.
    const before = await repo.lockMembership(trx, id);
    if (!before) throw notFound('membership');
    const startedOn = patch.startedOn === undefined ? before.startedOn : patch.startedOn;
    const endedOn = patch.endedOn === undefined ? before.endedOn : patch.endedOn;
    if (startedOn && endedOn && startedOn > endedOn) {
      throw invalid([{ field: 'endedOn', message: 'ends before it starts' }]);
    }
    const after = await repo.updateMembership(trx, id, patch);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: before.spaceId, action: 'update', entity: 'membership', entityId: id, changes: diffRecords(before, after) }]);
    return after;
  });
}

export async function removeMembership(db: Db, actor: Actor, id: string) {
  const before = await membershipInWritableSpace(db, actor, id);
  await db.transaction().execute(async (trx) => {
    await repo.deleteMembership(trx, id);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: before.spaceId, action: 'delete', entity: 'membership', entityId: id, changes: diffRecords(before, null) }]);
  });
}

/**
 * Seats a person of the member organization on its membership. Either side may do it: a member of
 * the alliance's space, or a member of the person's own organization space.
 */
export async function addRepresentative(db: Db, actor: Actor, membershipId: string, input: { personId: string; seat: string }) {
  const membership = await repo.findMembership(db, membershipId);
  if (!membership) throw notFound('membership');
  await requireAccess(db, actor, membership.spaceId, 'viewer');
  const person = await findPerson(db, input.personId);
  const member = await findOrganization(db, membership.memberId);
  if (!person || !member) throw invalid([{ field: 'personId', message: 'no such person' }]);
  const canWrite = roleAtLeast(await findRole(db, actor.userId, membership.spaceId), 'member')
    || roleAtLeast(await findRole(db, actor.userId, person.spaceId), 'member');
  if (!canWrite) {
    if (await findRole(db, actor.userId, person.spaceId)) throw forbidden();
    throw invalid([{ field: 'personId', message: 'no such person' }]);
  }
  if (person.spaceId !== member.spaceId) {
    throw invalid([{ field: 'personId', message: `this person is not one of ${member.name}'s people` }]);
  }
  return db.transaction().execute(async (trx) => {
    const seat = await repo.insertRepresentative(trx, membership.spaceId, { membershipId, personId: input.personId, seat: input.seat });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: membership.spaceId, action: 'create', entity: 'representative', entityId: seat.id,
      changes: { membership: [null, membershipId], seat: [null, input.seat] } }]);
    return seat;
  });
}

export async function removeRepresentative(db: Db, actor: Actor, id: string) {
  const seat = await repo.findRepresentative(db, id);
  if (!seat) throw notFound('representative');
  await requireAccess(db, actor, seat.space_id, 'member');
  await db.transaction().execute(async (trx) => {
    await repo.deleteRepresentative(trx, id);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: seat.space_id, action: 'delete', entity: 'representative', entityId: id }]);
  });
}

// The page names this many co-representation gaps; the rest are counted and listed on request.
export const GAP_PREVIEW = 20;

/** An alliance whose profile the actor may read, with what the actor can reach (404 otherwise). */
async function readableAlliance(db: Db, actor: Actor, allianceId: string) {
  const [reach, alliance] = await Promise.all([loadReach(db, actor.userId), findOrganization(db, allianceId)]);
  // The same rule as requireAccess(…, 'viewer', 'profile'), answered from the reach already loaded.
  if (!alliance || !reach.profileReadable.has(alliance.spaceId)) throw notFound('organization');
  if (alliance.kind !== 'alliance' || !alliance.ownSpaceId) throw notFound('alliance');
  return { alliance, spaceId: alliance.ownSpaceId, reach };
}

/**
 * The alliance page: the alliance, one page of its members (representatives named only where
 * their organization shares them), and, across all its members, how many there are and which
 * current ones have no leader representative (the first few named, the rest a count).
 */
export async function getAlliancePage(db: Db, actor: Actor, allianceId: string, page = { offset: 0, limit: 50 }) {
  const { alliance, spaceId, reach } = await readableAlliance(db, actor, allianceId);
  const [counts, members, gaps] = await Promise.all([
    repo.summarizeMembers(db, allianceId),
    repo.listMembers(db, allianceId, {}, page),
    repo.listMembers(db, allianceId, { withoutLeader: true }, { offset: 0, limit: GAP_PREVIEW }),
  ]);
  return {
    alliance, role: reach.roleIn.get(spaceId) ?? null,
    members: members.map((r) => memberView(r, reach, spaceId)),
    membersTotal: counts.total, membersNotLeft: counts.notLeft,
    coRepresentationGaps: gaps.map((r) => gapOf(memberView(r, reach, spaceId))),
    coRepresentationGapsTotal: counts.withoutLeader,
  };
}

/** A page of an alliance's members, optionally filtered, with how many match. */
export async function listAllianceMembers(db: Db, actor: Actor, allianceId: string, filter: repo.MemberFilter, page: { offset: number; limit: number }) {
  const { spaceId, reach } = await readableAlliance(db, actor, allianceId);
  const [total, rows] = await Promise.all([repo.countMembers(db, allianceId, filter), repo.listMembers(db, allianceId, filter, page)]);
  return { total, items: rows.map((r) => memberView(r, reach, spaceId)) };
}

/** An organization's profile with the alliances it belongs to that the actor can see. */
export async function getOrganizationPage(db: Db, actor: Actor, organizationId: string) {
  const organization = await getOrganization(db, actor, organizationId);
  const readable = new Set(await listReadableSpaceIds(db, actor.userId, 'profile'));
  const alliances = (await repo.listAlliancesOf(db, organizationId)).filter((a) => readable.has(a.allianceSpaceId))
    .map(({ allianceSpaceId: _s, ...a }) => a);
  return { organization, alliances };
}
