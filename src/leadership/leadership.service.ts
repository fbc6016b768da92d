import { insertAudit } from '../audit/audit.repository.ts';
import { findContact } from '../contacts/contact.repository.ts';
import { contactsChanged } from '../contacts/contact-counts.ts';
import type { SealedBox } from '../crypto/sealed-box.ts';
import type { Db } from '../db/database.ts';
import { placeAfterResults } from '../ladder/ladder.service.ts';
import { findLadder } from '../ladder/ladder.repository.ts';
import { DEFAULT_LADDER, type Ladder } from '../ladder/ladder.ts';
import { invalid, notFound } from '../server/problem.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import type { AttendanceInput, CohortInput } from './leadership.schema.ts';
import * as repo from './leadership.repository.ts';

// Leadership development in an organization's own space: who a contact is in the directory and
// who recruited them, which convenings they came to (the organization's own, its alliances', those
// it hosts or is invited to), and leadership cohorts with mentors and trainings. Only a role in
// the space opens any of it, like the contacts themselves.

async function contactIn(db: Db, actor: Actor, id: string, needed: 'viewer' | 'member') {
  const contact = await findContact(db, id);
  if (!contact || contact.mergedInto) throw notFound('contact');
  await requireRole(db, actor, contact.spaceId, needed, 'contact');
  return contact;
}

export async function setContactLinks(db: Db, box: SealedBox, actor: Actor, contactId: string, links: { personId?: string | null; recruitedBy?: string | null }) {
  const contact = await contactIn(db, actor, contactId, 'member');
  if (links.personId && !(await repo.findPersonIn(db, contact.spaceId, links.personId))) {
    throw invalid([{ field: 'personId', message: 'no such person in this organization\'s directory' }]);
  }
  if (links.recruitedBy) {
    const recruiter = await findContact(db, links.recruitedBy);
    if (!recruiter || recruiter.mergedInto || recruiter.spaceId !== contact.spaceId) throw invalid([{ field: 'recruitedBy', message: 'no such contact' }]);
    if (recruiter.id === contactId || (await repo.recruitsDownFrom(db, contactId, recruiter.id))) {
      throw invalid([{ field: 'recruitedBy', message: 'this contact recruited them: recruitment cannot go in a circle' }]);
    }
  }
  await db.transaction().execute(async (trx) => {
    await repo.setContactLinks(trx, contactId, links);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: contact.spaceId, action: 'update', entity: 'contact', entityId: contactId,
      changes: { ...(links.personId !== undefined ? { personId: [contact.personId, links.personId] } : {}),
        ...(links.recruitedBy !== undefined ? { recruitedBy: [contact.recruitedBy, links.recruitedBy] } : {}) } }]);
  });
  contactsChanged(contact.spaceId);
  // Recruiting and being someone in the directory both count on the ladder.
  // (The recruiter before, if any, has one fewer recruit.)
  const recruiters = [links.recruitedBy, links.recruitedBy !== undefined ? contact.recruitedBy : null].filter((id): id is string => Boolean(id));
  await placeAfterResults(db, box, contact.spaceId, [contactId, ...recruiters]);
}

/** The organization of a space, for a space that is an organization's own (404 otherwise). */
async function organizationOf(db: Db, spaceId: string) {
  const organization = await repo.organizationOfSpace(db, spaceId);
  if (!organization) throw notFound('organization of this space');
  return organization;
}

/** Convenings the space's contacts can be recorded at, latest first. */
export async function listConvenings(db: Db, actor: Actor, spaceId: string, kind?: string) {
  await requireRole(db, actor, spaceId, 'viewer', 'convenings');
  const organization = await organizationOf(db, spaceId);
  return { items: (await repo.pageReachableConvenings(db, organization.id, spaceId, actor.userId, { kind, offset: 0, limit: 200 })).rows };
}

async function reachableConvening(db: Db, actor: Actor, spaceId: string, conveningId: string) {
  const organization = await organizationOf(db, spaceId);
  const { rows: [convening] } = await repo.pageReachableConvenings(db, organization.id, spaceId, actor.userId, { ids: [conveningId], offset: 0, limit: 1 });
  return convening;
}

/** Records contacts at a convening (a sign-in sheet, or a list checked afterwards); the ladder follows. */
export async function recordAttendance(db: Db, box: SealedBox, actor: Actor, spaceId: string, input: AttendanceInput, source: 'manual' | 'sign_in' | 'osdi' = input.source) {
  await requireRole(db, actor, spaceId, 'member', 'contacts');
  const convening = await reachableConvening(db, actor, spaceId, input.conveningId);
  if (!convening) throw invalid([{ field: 'conveningId', message: 'no such convening for this organization' }]);
  const ids = [...new Set(input.contactIds)];
  const found = new Set((await repo.contactsOfSpace(db, spaceId, ids)).map((c) => c.id));
  const missing = input.contactIds.findIndex((id) => !found.has(id));
  if (missing >= 0) throw invalid([{ field: `contactIds[${missing}]`, message: 'no such contact' }]);
  const recorded = await db.transaction().execute(async (trx) => {
    const rows = await repo.upsertAttendance(trx, convening, ids.map((contactId) => ({ spaceId, contactId, status: input.status, source, userId: actor.userId })));
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'contact_attendance', entityId: input.conveningId,
      changes: { contacts: [null, ids.length], status: [null, input.status] } }]);
    return rows;
  });
  const moved = await placeAfterResults(db, box, spaceId, ids);
  return { recorded: recorded.length, movedOnLadder: moved, items: recorded };
}

export async function listAttendance(db: Db, actor: Actor, spaceId: string, conveningId: string) {
  await requireRole(db, actor, spaceId, 'viewer', 'contacts');
  const convening = await reachableConvening(db, actor, spaceId, conveningId);
  if (!convening) throw notFound('convening');
  return { convening, items: await repo.attendanceAt(db, spaceId, conveningId) };
}

export async function deleteAttendance(db: Db, box: SealedBox, actor: Actor, id: string) {
  const record = await repo.findAttendance(db, id);
  if (!record) throw notFound('attendance');
  await requireRole(db, actor, record.spaceId, 'member', 'attendance');
  await db.transaction().execute(async (trx) => {
    await repo.deleteAttendance(trx, id);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: record.spaceId, action: 'delete', entity: 'contact_attendance', entityId: id, changes: null }]);
  });
  await placeAfterResults(db, box, record.spaceId, [record.contactId]);
}

export async function contactAttendance(db: Db, actor: Actor, contactId: string) {
  await contactIn(db, actor, contactId, 'viewer');
  return { items: await repo.attendanceOf(db, contactId) };
}

// Cohorts.

async function checkTrainings(db: Db, actor: Actor, spaceId: string, ids: string[]) {
  const organization = await organizationOf(db, spaceId);
  const { rows } = await repo.pageReachableConvenings(db, organization.id, spaceId, actor.userId, { ids, offset: 0, limit: ids.length || 1 });
  const reachable = new Set(rows.map((c) => c.id));
  const missing = ids.findIndex((id) => !reachable.has(id));
  if (missing >= 0) throw invalid([{ field: `trainingIds[${missing}]`, message: 'no such convening for this organization' }]);
}

export async function createCohort(db: Db, actor: Actor, spaceId: string, input: CohortInput) {
  await requireRole(db, actor, spaceId, 'member', 'cohorts');
  const trainingIds = [...new Set(input.trainingIds)];
  await checkTrainings(db, actor, spaceId, trainingIds);
  return db.transaction().execute(async (trx) => {
    const { id } = await repo.insertCohort(trx, { spaceId, name: input.name, description: input.description ?? null, startsOn: input.startsOn ?? null, endsOn: input.endsOn ?? null, userId: actor.userId });
    await repo.setTrainings(trx, id, spaceId, trainingIds);
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'leadership_cohort', entityId: id, changes: { name: [null, input.name] } }]);
    return { id };
  });
}

export async function listCohorts(db: Db, actor: Actor, spaceId: string) {
  await requireRole(db, actor, spaceId, 'viewer', 'cohorts');
  return { items: await repo.listCohorts(db, spaceId) };
}

async function cohortIn(db: Db, actor: Actor, id: string, needed: 'viewer' | 'member' | 'admin') {
  const cohort = await repo.findCohort(db, id);
  if (!cohort) throw notFound('cohort');
  await requireRole(db, actor, cohort.spaceId, needed, 'cohort');
  return cohort;
}

/**
 * A cohort with its trainings, its members (mentor, step on the ladder, trainings attended) and
 * its progress: how many completed, the share of trainings attended, and how many members stand
 * higher (or lower) on the ladder than before their first move since it began.
 */
export async function getCohort(db: Db, actor: Actor, id: string) {
  const cohort = await cohortIn(db, actor, id, 'viewer');
  const [trainings, members, stored] = await Promise.all([repo.trainingsOf(db, id), repo.membersOf(db, id), findLadder(db, cohort.spaceId)]);
  const ladder: Ladder = stored ? { steps: stored.steps as Ladder['steps'], rules: [] } : DEFAULT_LADDER;
  const rank = new Map(ladder.steps.map((s, i) => [s.key, i]));
  const since = cohort.startsOn ? new Date(`${cohort.startsOn}T00:00:00Z`) : new Date(cohort.createdAt);
  // Each member's net movement since the cohort began: from the step before their first move to the step after their last.
  const span = new Map<string, { from: string | null; to: string }>();
  for (const m of await repo.movesOfMembers(db, id, since)) span.set(m.contactId, { from: span.get(m.contactId)?.from ?? m.fromStep, to: m.toStep });
  const net = [...span.values()].filter((m) => m.from !== null).map((m) => (rank.get(m.to) ?? 0) - (rank.get(m.from!) ?? 0));
  const seats = members.length * trainings.length;
  return {
    ...cohort, trainings, members, ladder: ladder.steps,
    progress: {
      members: members.length,
      active: members.filter((m) => m.status === 'active').length,
      completed: members.filter((m) => m.status === 'completed').length,
      left: members.filter((m) => m.status === 'left').length,
      withMentor: members.filter((m) => m.mentorId).length,
      trainingAttendanceRate: seats ? members.reduce((s, m) => s + m.trainingsAttended, 0) / seats : null,
      movedUp: net.filter((d) => d > 0).length,
      movedDown: net.filter((d) => d < 0).length,
    },
  };
}

export async function updateCohort(db: Db, actor: Actor, id: string, input: CohortInput) {
  const cohort = await cohortIn(db, actor, id, 'member');
  const trainingIds = [...new Set(input.trainingIds)];
  await checkTrainings(db, actor, cohort.spaceId, trainingIds);
  const before = await repo.trainingsOf(db, id);
  await db.transaction().execute(async (trx) => {
    await repo.updateCohort(trx, id, { name: input.name, description: input.description ?? null, startsOn: input.startsOn ?? null, endsOn: input.endsOn ?? null });
    await repo.setTrainings(trx, id, cohort.spaceId, trainingIds);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: cohort.spaceId, action: 'update', entity: 'leadership_cohort', entityId: id, changes: { name: [cohort.name, input.name], trainingIds: [before.map((x) => x.id), trainingIds] } }]);
  });
}

export async function deleteCohort(db: Db, box: SealedBox, actor: Actor, id: string) {
  const cohort = await cohortIn(db, actor, id, 'admin');
  const members = await repo.membersOf(db, id);
  await db.transaction().execute(async (trx) => {
    await repo.deleteCohort(trx, id);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: cohort.spaceId, action: 'delete', entity: 'leadership_cohort', entityId: id, changes: { name: [cohort.name, null] } }]);
  });
  // A completed cohort may have been why someone stood where they stand.
  await placeAfterResults(db, box, cohort.spaceId, members.map((m) => m.contactId));
}

async function checkPeople(db: Db, spaceId: string, contactId: string | null, mentorId: string | null) {
  const ids = [contactId, mentorId].filter((x): x is string => Boolean(x));
  const found = new Set((await repo.contactsOfSpace(db, spaceId, ids)).map((c) => c.id));
  if (contactId && !found.has(contactId)) throw invalid([{ field: 'contactId', message: 'no such contact' }]);
  if (mentorId && !found.has(mentorId)) throw invalid([{ field: 'mentorId', message: 'no such contact' }]);
  if (mentorId && mentorId === contactId) throw invalid([{ field: 'mentorId', message: 'a mentor is someone else' }]);
}

export async function addMember(db: Db, actor: Actor, cohortId: string, input: { contactId: string; mentorId?: string | null; notes?: string | null }) {
  const cohort = await cohortIn(db, actor, cohortId, 'member');
  await checkPeople(db, cohort.spaceId, input.contactId, input.mentorId ?? null);
  return db.transaction().execute(async (trx) => {
    const { id } = await repo.insertMember(trx, { spaceId: cohort.spaceId, cohortId, contactId: input.contactId, mentorId: input.mentorId ?? null, notes: input.notes ?? null });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: cohort.spaceId, action: 'create', entity: 'cohort_member', entityId: id, changes: { cohortId: [null, cohortId] } }]);
    return { id };
  });
}

export async function updateMember(db: Db, box: SealedBox, actor: Actor, id: string, input: { mentorId?: string | null; status: 'active' | 'completed' | 'left'; notes?: string | null }) {
  const member = await repo.findMember(db, id);
  if (!member) throw notFound('cohort member');
  await requireRole(db, actor, member.spaceId, 'member', 'cohort member');
  const mentorId = input.mentorId ?? null;
  await checkPeople(db, member.spaceId, null, mentorId);
  if (mentorId === member.contactId) throw invalid([{ field: 'mentorId', message: 'a mentor is someone else' }]);
  await db.transaction().execute(async (trx) => {
    await repo.updateMember(trx, id, { mentorId, status: input.status, notes: input.notes ?? null });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: member.spaceId, action: 'update', entity: 'cohort_member', entityId: id,
      changes: { status: [member.status, input.status], mentorId: [member.mentorId, mentorId] } }]);
  });
  // Completing a cohort can be a rule of the ladder.
  await placeAfterResults(db, box, member.spaceId, [member.contactId]);
}

export async function removeMember(db: Db, box: SealedBox, actor: Actor, id: string) {
  const member = await repo.findMember(db, id);
  if (!member) throw notFound('cohort member');
  await requireRole(db, actor, member.spaceId, 'member', 'cohort member');
  await db.transaction().execute(async (trx) => {
    await repo.deleteMember(trx, id);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: member.spaceId, action: 'delete', entity: 'cohort_member', entityId: id, changes: null }]);
  });
  await placeAfterResults(db, box, member.spaceId, [member.contactId]);
}
