import { insertAudit } from '../audit/audit.repository.ts';
import { diffRecords } from '../audit/diff.ts';
import type { Db } from '../db/database.ts';
import { getOrganization } from '../orgs/organization.service.ts';
import { findMembershipByPair } from '../memberships/membership.repository.ts';
import { findOrganization } from '../orgs/organization.repository.ts';
import { invalid, notFound } from '../server/problem.ts';
import { type Actor, requireRole, canSeeProfiles } from '../spaces/access.ts';
import type { SpaceRole } from '../spaces/roles.ts';
import { attendanceReport } from './attendance-report.ts';
import type { ConveningInput } from './convening.schema.ts';
import * as repo from './convening.repository.ts';

// Convenings of an alliance (or an organization with its own space): who hosts, who is invited,
// who registered and who came, sessions and what came out of them, follow-ups.

/** The space where an organization keeps its convenings and plans: its own. */
export async function holderSpace(db: Db, actor: Actor, organizationId: string, needed: SpaceRole) {
  const organization = await getOrganization(db, actor, organizationId);
  if (!organization.ownSpaceId) throw notFound('space of this organization');
  const role = await requireRole(db, actor, organization.ownSpaceId, needed, 'space of this organization');
  return { organization, spaceId: organization.ownSpaceId, role };
}

async function conveningIn(db: Db, actor: Actor, id: string, needed: SpaceRole) {
  const convening = await repo.findConvening(db, id);
  if (!convening) throw notFound('convening');
  const role = await requireRole(db, actor, convening.spaceId, needed, 'convening');
  return { convening, role };
}

/**
 * Organizations a convening may name (hosts, invited, participants' and owners' organizations):
 * those the caller can see, and the holder alliance's members (membership is shared even when a
 * member keeps its profile private).
 */
async function checkOrganizations(db: Db, actor: Actor, holderId: string, ids: string[], field: (i: number) => string) {
  for (const [i, id] of ids.entries()) {
    if (id === holderId || (await findMembershipByPair(db, holderId, id))) continue;
    const org = await findOrganization(db, id);
    const visible = org && (await canSeeProfiles(db, actor, org.spaceId));
    if (!visible) throw invalid([{ field: field(i), message: 'no such organization' }]);
  }
}

export async function createConvening(db: Db, actor: Actor, organizationId: string, input: ConveningInput) {
  const { spaceId } = await holderSpace(db, actor, organizationId, 'member');
  await checkOrganizations(db, actor, organizationId, input.hostIds, (i) => `hostIds[${i}]`);
  await checkOrganizations(db, actor, organizationId, input.invitedIds, (i) => `invitedIds[${i}]`);
  return db.transaction().execute(async (trx) => {
    const { id } = await repo.insertConvening(trx, { ...input, spaceId, organizationId, createdBy: actor.userId });
    await repo.setOrganizations(trx, 'convening_hosts', id, input.hostIds.length ? input.hostIds : [organizationId]);
    await repo.setOrganizations(trx, 'convening_invitations', id, input.invitedIds);
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'convening', entityId: id, changes: { title: [null, input.title] } }]);
    return { id };
  });
}

export async function updateConvening(db: Db, actor: Actor, id: string, input: ConveningInput) {
  const { convening } = await conveningIn(db, actor, id, 'member');
  await checkOrganizations(db, actor, convening.organizationId, input.hostIds, (i) => `hostIds[${i}]`);
  await checkOrganizations(db, actor, convening.organizationId, input.invitedIds, (i) => `invitedIds[${i}]`);
  await db.transaction().execute(async (trx) => {
    await repo.updateConvening(trx, id, input);
    await repo.setOrganizations(trx, 'convening_hosts', id, input.hostIds.length ? input.hostIds : [convening.organizationId]);
    await repo.setOrganizations(trx, 'convening_invitations', id, input.invitedIds);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: convening.spaceId, action: 'update', entity: 'convening', entityId: id,
      changes: { title: [convening.title, input.title], startsAt: [convening.startsAt, input.startsAt] } }]);
  });
}

export async function deleteConvening(db: Db, actor: Actor, id: string) {
  const { convening } = await conveningIn(db, actor, id, 'admin');
  await db.transaction().execute(async (trx) => {
    await repo.deleteConvening(trx, id);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: convening.spaceId, action: 'delete', entity: 'convening', entityId: id, changes: { title: [convening.title, null] } }]);
  });
}

export async function listConvenings(db: Db, actor: Actor, organizationId: string) {
  const { organization, role } = await holderSpace(db, actor, organizationId, 'viewer');
  return { organization: { id: organization.id, name: organization.name, kind: organization.kind }, role, convenings: await repo.listConvenings(db, organizationId) };
}

export async function getConvening(db: Db, actor: Actor, id: string) {
  const { convening, role } = await conveningIn(db, actor, id, 'viewer');
  const [hosts, invited, participants, sessions, followUps] = await Promise.all([
    repo.listOrganizations(db, 'convening_hosts', id), repo.listOrganizations(db, 'convening_invitations', id),
    repo.listParticipants(db, id), repo.listSessions(db, id), repo.listFollowUps(db, { conveningId: id }),
  ]);
  const items = await repo.listItems(db, sessions.map((s) => s.id));
  const organization = await findOrganization(db, convening.organizationId);
  return {
    ...convening, role, organizationName: organization?.name ?? '',
    hosts: hosts.map(({ spaceId: _s, ...h }) => h), invited: invited.map(({ spaceId: _s, ...o }) => o),
    participants, sessions: sessions.map((s) => ({ ...s, items: items.filter((i) => i.sessionId === s.id) })), followUps,
    report: attendanceReport(participants),
  };
}

export async function addParticipant(db: Db, actor: Actor, conveningId: string, input: { name: string; organizationId?: string | null;
  capacity: 'staff' | 'leader' | 'member' | 'guest'; registered: boolean; attended: boolean }) {
  const { convening } = await conveningIn(db, actor, conveningId, 'member');
  if (input.organizationId) await checkOrganizations(db, actor, convening.organizationId, [input.organizationId], () => 'organizationId');
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertParticipant(trx, { spaceId: convening.spaceId, conveningId, name: input.name, organizationId: input.organizationId ?? null,
      capacity: input.capacity, registered: input.registered, attended: input.attended });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: convening.spaceId, action: 'create', entity: 'participant', entityId: row.id, changes: { convening: [null, convening.title] } }]);
    return row;
  });
}

async function participantIn(db: Db, actor: Actor, id: string) {
  const participant = await repo.findParticipant(db, id);
  if (!participant) throw notFound('participant');
  await requireRole(db, actor, participant.spaceId, 'member', 'participant');
  return participant;
}

export async function updateParticipant(db: Db, actor: Actor, id: string, patch: Parameters<typeof repo.updateParticipant>[2]) {
  const participant = await participantIn(db, actor, id);
  const { capacity, registered, attended } = participant;
  const after = { capacity: patch.capacity ?? capacity, registered: patch.registered ?? registered, attended: patch.attended ?? attended };
  await db.transaction().execute(async (trx) => {
    await repo.updateParticipant(trx, id, patch);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: participant.spaceId, action: 'update', entity: 'participant', entityId: id,
      changes: diffRecords({ capacity, registered, attended }, after) }]);
  });
}

export async function removeParticipant(db: Db, actor: Actor, id: string) {
  const participant = await participantIn(db, actor, id);
  await db.transaction().execute(async (trx) => {
    await repo.deleteParticipant(trx, id);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: participant.spaceId, action: 'delete', entity: 'participant', entityId: id }]);
  });
}

export async function addSession(db: Db, actor: Actor, conveningId: string, input: { title: string; facilitator?: string | null; notes?: string | null }) {
  const { convening } = await conveningIn(db, actor, conveningId, 'member');
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertSession(trx, { spaceId: convening.spaceId, conveningId, title: input.title, facilitator: input.facilitator ?? null, notes: input.notes ?? null });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: convening.spaceId, action: 'create', entity: 'session', entityId: row.id,
      changes: { convening: [null, convening.title], title: [null, input.title] } }]);
    return row;
  });
}

export async function updateSession(db: Db, actor: Actor, id: string, input: { title: string; facilitator?: string | null; notes?: string | null }) {
  const session = await repo.findSession(db, id);
  if (!session) throw notFound('session');
  await requireRole(db, actor, session.spaceId, 'member', 'session');
  await db.transaction().execute(async (trx) => {
    await repo.updateSession(trx, id, { title: input.title, facilitator: input.facilitator ?? null, notes: input.notes ?? null });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: session.spaceId, action: 'update', entity: 'session', entityId: id, changes: { title: [session.title, input.title] } }]);
  });
}

export async function addSessionItem(db: Db, actor: Actor, sessionId: string, input: { kind: 'goal' | 'proposal'; text: string }) {
  const session = await repo.findSession(db, sessionId);
  if (!session) throw notFound('session');
  await requireRole(db, actor, session.spaceId, 'member', 'session');
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertItem(trx, { spaceId: session.spaceId, sessionId, kind: input.kind, text: input.text });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: session.spaceId, action: 'create', entity: 'session_item', entityId: row.id,
      changes: { session: [null, session.title], kind: [null, input.kind] } }]);
    return row;
  });
}

export async function addFollowUp(db: Db, actor: Actor, conveningId: string, input: { text: string; ownerOrganizationId?: string | null;
  ownerName?: string | null; dueOn?: string | null; sessionItemId?: string | null }) {
  const { convening } = await conveningIn(db, actor, conveningId, 'member');
  if (input.ownerOrganizationId) await checkOrganizations(db, actor, convening.organizationId, [input.ownerOrganizationId], () => 'ownerOrganizationId');
  if (input.sessionItemId && (await repo.findItem(db, input.sessionItemId))?.conveningId !== conveningId) {
    throw invalid([{ field: 'sessionItemId', message: 'not from a session of this convening' }]);
  }
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertFollowUp(trx, { spaceId: convening.spaceId, conveningId, sessionItemId: input.sessionItemId ?? null, text: input.text,
      ownerOrganizationId: input.ownerOrganizationId ?? null, ownerName: input.ownerName ?? null, dueOn: input.dueOn ?? null });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: convening.spaceId, action: 'create', entity: 'follow_up', entityId: row.id,
      changes: { convening: [null, convening.title], text: [null, input.text], dueOn: [null, input.dueOn ?? null] } }]);
    return row;
  });
}

export async function setFollowUpDone(db: Db, actor: Actor, id: string, done: boolean) {
  const followUp = await repo.findFollowUp(db, id);
  if (!followUp) throw notFound('follow-up');
  await requireRole(db, actor, followUp.spaceId, 'member', 'follow-up');
  await db.transaction().execute(async (trx) => {
    await repo.setFollowUpDone(trx, id, done);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: followUp.spaceId, action: 'update', entity: 'follow_up', entityId: id, changes: { done: [followUp.doneAt !== null, done] } }]);
  });
}

/** Every follow-up of the organization's convenings; `overdue` keeps the open ones past due. */
export async function listFollowUps(db: Db, actor: Actor, organizationId: string, options: { overdue: boolean; today?: string }) {
  const { spaceId } = await holderSpace(db, actor, organizationId, 'viewer');
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  return repo.listFollowUps(db, { spaceId, overdueOn: options.overdue ? today : undefined });
}
