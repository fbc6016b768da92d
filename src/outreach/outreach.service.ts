import { findCounty } from '../areas/us-areas.ts';
import { markOf } from '../firewall/firewall.repository.ts';
import { checkFlow, checkOwnMark } from '../firewall/firewall.service.ts';
import { placeAfterResults } from '../ladder/ladder.service.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { findContact, runningContactImports } from '../contacts/contact.repository.ts';
import { openContact } from '../contacts/contact-sealing.ts';
import { ContactInputSchema } from '../contacts/contact.schema.ts';
import { createContact, readInput } from '../contacts/contact.service.ts';
import { contactsChanged } from '../contacts/contact-counts.ts';
import { findSegment } from '../contacts/segment.repository.ts';
import type { Condition } from '../contacts/segment.ts';
import type { SealedBox } from '../crypto/sealed-box.ts';
import { sealedPlace } from '../crypto/sealed-box.ts';
import type { Db } from '../db/database.ts';
import { invalid, notFound, Problem } from '../server/problem.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import { roleAtLeast } from '../spaces/roles.ts';
import { findRole } from '../spaces/spaces.repository.ts';
import { type EffortInput, RESULT_CODES, type Script, type SyncInput } from './outreach.schema.ts';
import * as repo from './outreach.repository.ts';
import { answerErrors, measureOf } from './results.ts';
import { cutTurfs } from './turfs.ts';

// Field outreach in an organization's own space: efforts, turfs, volunteers' packets and results.
// A target may belong to an alliance; the alliance then reads each member organization's counts
// toward it — never a contact, a list or an answer.

export async function createTarget(db: Db, actor: Actor, spaceId: string, input: { name: string; goal: number; measure: string; dueOn?: string | null }) {
  await requireRole(db, actor, spaceId, 'member', 'targets');
  const { id } = await repo.insertTarget(db, { spaceId, name: input.name, goal: input.goal, measure: input.measure, dueOn: input.dueOn ?? null, userId: actor.userId });
  await insertAudit(db, [{ userId: actor.userId, spaceId, action: 'create', entity: 'outreach_target', entityId: id, changes: { name: [null, input.name], goal: [null, input.goal] } }]);
  return id;
}

export async function listTargets(db: Db, actor: Actor, spaceId: string) {
  await requireRole(db, actor, spaceId, 'viewer', 'targets');
  return repo.listTargets(db, [spaceId]);
}

/** A target's progress: the total and each organization's count, built from counts alone. */
export async function targetProgress(db: Db, actor: Actor, targetId: string) {
  const target = await repo.findTarget(db, targetId);
  if (!target) throw notFound('target');
  await requireRole(db, actor, target.spaceId, 'viewer', 'target');
  const tallies = await repo.targetTallies(db, targetId, target.spaceId, (await markOf(db, target.spaceId)).taxStatus);
  const orgs = new Map((await repo.organizationsOfSpaces(db, tallies.map((t) => t.spaceId))).map((o) => [o.spaceId, o]));
  const byOrganization = tallies.map((t) => ({ organizationId: orgs.get(t.spaceId)?.id ?? null, name: orgs.get(t.spaceId)?.name ?? '', count: measureOf(target.measure, t) }))
    .sort((a, b) => b.count - a.count);
  const total = byOrganization.reduce((sum, o) => sum + o.count, 0);
  return { ...target, total, share: Math.min(1, total / target.goal), byOrganization };
}

async function requireEffort(db: Db, actor: Actor, id: string, needed: 'viewer' | 'member') {
  const effort = await repo.findEffort(db, id);
  if (!effort) throw notFound('effort');
  await requireRole(db, actor, effort.spaceId, needed, 'effort');
  return { ...effort, script: effort.script as Script };
}

export async function createEffort(db: Db, actor: Actor, spaceId: string, input: EffortInput) {
  await requireRole(db, actor, spaceId, 'member', 'efforts');
  const errors = [];
  if (input.segmentId && (await findSegment(db, input.segmentId))?.spaceId !== spaceId) errors.push({ field: 'segmentId', message: 'no such segment' });
  if (input.targetId) {
    const target = await repo.findTarget(db, input.targetId);
    const allowed = target && (target.spaceId === spaceId || (await repo.isActiveMemberOf(db, spaceId, target.spaceId)));
    if (!allowed) errors.push({ field: 'targetId', message: 'not a target of this organization or of an alliance it is an active member of' });
  }
  if (errors.length) throw invalid(errors);
  await checkOwnMark(db, actor, spaceId, 'outreach_effort', null, input.taxStatus);
  let taxStatus = input.taxStatus ?? null;
  const target = input.targetId ? await repo.findTarget(db, input.targetId) : undefined;
  if (target && target.spaceId !== spaceId) {
    await checkFlow(db, actor, { fromSpaceId: spaceId, toSpaceId: target.spaceId, recordMark: taxStatus, entity: 'outreach_effort', field: 'targetId' });
    // Unmarked work toward a marked alliance's target is work for that side: its turfs keep to it.
    if (!taxStatus && !(await markOf(db, spaceId)).taxStatus) taxStatus = (await markOf(db, target.spaceId)).taxStatus;
  }
  const { id } = await repo.insertEffort(db, { spaceId, name: input.name, kind: input.kind, script: input.script, segmentId: input.segmentId ?? null, targetId: input.targetId ?? null,
    taxStatus, userId: actor.userId });
  await insertAudit(db, [{ userId: actor.userId, spaceId, action: 'create', entity: 'outreach_effort', entityId: id, changes: { name: [null, input.name], kind: [null, input.kind] } }]);
  return id;
}

export async function listEfforts(db: Db, actor: Actor, spaceId: string) {
  await requireRole(db, actor, spaceId, 'viewer', 'efforts');
  return repo.listEfforts(db, spaceId);
}

export async function getEffort(db: Db, actor: Actor, id: string) {
  const effort = await requireEffort(db, actor, id, 'viewer');
  return { ...effort, assignments: await repo.listAssignments(db, id), ...(await repo.effortResults(db, id)) };
}

/** Cuts the effort's universe (contacts not yet on one of its turfs) into new turfs. */
export async function cutEffortTurfs(db: Db, actor: Actor, id: string, request: { by: 'zip' | 'county' | 'size'; size: number }) {
  const effort = await requireEffort(db, actor, id, 'member');
  const segment = effort.segmentId ? await findSegment(db, effort.segmentId) : undefined;
  const mark = (await markOf(db, effort.spaceId)).taxStatus ?? effort.taxStatus;
  const universe = await repo.universeOf(db, effort.spaceId, id, (segment?.definition as Condition | undefined) ?? null, await runningContactImports(db, effort.spaceId), mark);
  // Names in no language: the ZIP code, the county, or a number (the screens say "turf" or "list").
  const placeName = (place: string | null) => (place === null ? '—' : request.by === 'county' ? findCounty(place)?.name ?? place : place);
  const turfs = cutTurfs(universe, request.by, request.size, (place) => (request.by === 'size' ? '#' : placeName(place)));
  await db.transaction().execute(async (trx) => {
    for (const turf of turfs) await repo.insertAssignment(trx, { effortId: id, spaceId: effort.spaceId, name: turf.name, contactIds: turf.contactIds });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: effort.spaceId, action: 'create', entity: 'outreach_assignment', entityId: id, changes: { turfs: turfs.length, contacts: universe.length } }]);
  });
  return repo.listAssignments(db, id);
}

async function requireAssignment(db: Db, actor: Actor, id: string, forField: boolean) {
  const assignment = await repo.findAssignment(db, id);
  if (!assignment) throw notFound('assignment');
  const role = await findRole(db, actor.userId, assignment.spaceId);
  if (!role) throw notFound('assignment');
  // The volunteer it is assigned to (any role in the space) works it; otherwise members and up.
  if (!(forField && assignment.userId === actor.userId) && !roleAtLeast(role, 'member')) await requireRole(db, actor, assignment.spaceId, 'member');
  return assignment;
}

export async function assign(db: Db, actor: Actor, id: string, userId: string | null) {
  const assignment = await requireAssignment(db, actor, id, false);
  if (userId && !(await findRole(db, userId, assignment.spaceId))) throw invalid([{ field: 'userId', message: 'this person has no role in the organization\'s space' }]);
  await repo.setAssignee(db, id, userId);
  await insertAudit(db, [{ userId: actor.userId, spaceId: assignment.spaceId, action: 'update', entity: 'outreach_assignment', entityId: id, changes: { userId: [assignment.userId, userId] } }]);
}

export async function myAssignments(db: Db, actor: Actor) {
  return repo.listAssignmentsOfUser(db, actor.userId);
}

/**
 * What a volunteer's phone downloads to work offline: the script, the result codes and the
 * contacts with what the effort needs (addresses for a canvass, phones for calls and texts).
 * Opening those details is logged.
 */
export async function packet(db: Db, box: SealedBox, actor: Actor, id: string) {
  const assignment = await requireAssignment(db, actor, id, true);
  const effort = (await repo.findEffort(db, assignment.effortId))!;
  const rows = await repo.assignmentContacts(db, id);
  await insertAudit(db, [{ userId: actor.userId, spaceId: assignment.spaceId, action: 'read_sensitive', entity: 'outreach_assignment', entityId: id, changes: { contacts: rows.length } }]);
  const needsPhone = effort.kind !== 'canvass';
  return {
    assignment: { id, name: assignment.name }, effort: { id: effort.id, name: effort.name, kind: effort.kind, script: effort.script as Script },
    results: RESULT_CODES,
    contacts: rows.map((r) => {
      const d = openContact(box, r.id, r.sealed);
      return { id: r.id, firstName: r.firstName, lastName: r.lastName, languages: r.languages, city: r.city, zip: r.zip, household: r.householdKey?.slice(0, 8) ?? null,
        street: d.street ?? null, ...(needsPhone ? { phone: d.phone ?? null } : {}) };
    }),
  };
}

/**
 * Results and sign-ups from a phone, as often as it likes: each attempt and sign-up carries an id
 * made on the phone, so one sent twice is stored once, and two phones never write over each
 * other (every attempt is its own row). Sign-ups become contacts on this turf; one marked as
 * attended (a house meeting's sign-in sheet) also counts as an attempt with result "attended".
 */
export async function sync(db: Db, box: SealedBox, actor: Actor, id: string, input: SyncInput) {
  const assignment = await requireAssignment(db, actor, id, true);
  const effort = (await repo.findEffort(db, assignment.effortId))!;
  const script = effort.script as Script;
  const signupIds = new Set(input.signups.map((s) => s.id));
  const onTurf = await repo.contactsOnAssignment(db, id, input.attempts.map((a) => a.contactId));
  const stored = new Map((await repo.storedAttempts(db, input.attempts.map((a) => a.id))).map((a) => [a.id, a.assignmentId]));
  const errors = input.attempts.flatMap((a, i) => [
    ...(onTurf.has(a.contactId) || signupIds.has(a.contactId) ? [] : [{ field: `attempts[${i}].contactId`, message: 'not a contact of this assignment' }]),
    ...(stored.has(a.id) && stored.get(a.id) !== id ? [{ field: `attempts[${i}].id`, message: 'already used by another assignment' }] : []),
    ...answerErrors(script, a.answers, `attempts[${i}]`),
  ]);
  if (errors.length) throw invalid(errors);

  // A sign-up id already stored must be one this turf made (a retry): any other contact's id would
  // put someone else's details on this turf. Every new sign-up is checked before any is written.
  const onThisTurf = await repo.contactsOnAssignment(db, id, input.signups.map((s) => s.id));
  const fresh: { id: string; input: ReturnType<typeof ContactInputSchema.parse> }[] = [];
  const signupErrors: { field: string; message: string }[] = [];
  for (const [i, s] of input.signups.entries()) {
    const stored = await findContact(db, s.id);
    if (stored) {
      if (!onThisTurf.has(s.id)) signupErrors.push({ field: `signups[${i}].id`, message: 'already used by another assignment' });
      continue;
    }
    const contact = ContactInputSchema.parse({ firstName: s.firstName, lastName: s.lastName, email: s.email, phone: s.phone, zip: s.zip, tags: s.attended ? ['sign-in sheet'] : [] });
    try {
      readInput(contact);
      fresh.push({ id: s.id, input: contact });
    } catch (err) {
      if (!(err instanceof Problem)) throw err;
      signupErrors.push(...err.errors.map((e) => ({ field: `signups[${i}].${e.field}`, message: e.message })));
    }
  }
  if (signupErrors.length) throw invalid(signupErrors);
  let signupsCreated = 0;
  for (const s of fresh) {
    // Gathered by this effort: in an unmarked space, for the effort's side of the c3/c4 firewall.
    await createContact(db, box, actor, assignment.spaceId, { ...s.input, workFor: effort.taxStatus }, 'field', s.id, 'viewer');
    await repo.addToAssignment(db, id, [s.id]);
    signupsCreated += 1;
  }
  const attempts = [
    ...input.attempts.map((a) => ({ ...a, notesSealed: a.notes ? box.seal(a.notes, sealedPlace('outreach_attempts', 'notes_sealed', a.id)) : null })),
    ...input.signups.filter((s) => s.attended).map((s) => ({ id: s.id, contactId: s.id, result: 'attended', answers: {}, notesSealed: null, madeAt: s.madeAt })),
  ].map((a) => ({ id: a.id, effortId: effort.id, spaceId: assignment.spaceId, assignmentId: id, contactId: a.contactId, result: a.result, answers: a.answers,
    notesSealed: a.notesSealed, madeBy: actor.userId, madeAt: a.madeAt }));
  const recorded = await repo.insertAttempts(db, attempts);
  if (recorded || signupsCreated) {
    await insertAudit(db, [{ userId: actor.userId, spaceId: assignment.spaceId, action: 'create', entity: 'outreach_attempt', entityId: id, changes: { recorded, signups: signupsCreated } }]);
    await placeAfterResults(db, box, assignment.spaceId, attempts.map((a) => a.contactId), actor.userId);
    contactsChanged(assignment.spaceId);
  }
  return { recorded, alreadyRecorded: attempts.length - recorded, signupsCreated };
}
