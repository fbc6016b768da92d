import { sql } from 'kysely';
import { countsInAlliance } from '../consent/consent.repository.ts';
import type { TaxStatus } from '../db/tables.ts';
import { passesFirewall } from '../firewall/firewall.repository.ts';
import type { Db } from '../db/database.ts';
import { conditionSql } from '../contacts/segment.repository.ts';
import type { Condition } from '../contacts/segment.ts';
import type { UniverseContact } from './turfs.ts';

export async function insertTarget(db: Db, t: { spaceId: string; name: string; goal: number; measure: string; dueOn: string | null; userId: string }) {
  return db.insertInto('outreach_targets').values({ space_id: t.spaceId, name: t.name, goal: t.goal, measure: t.measure as 'conversations', due_on: t.dueOn, created_by: t.userId })
    .returning('id').executeTakeFirstOrThrow();
}

export async function findTarget(db: Db, id: string) {
  return db.selectFrom('outreach_targets').select(['id', 'space_id as spaceId', 'name', 'goal', 'measure', 'due_on as dueOn']).where('id', '=', id).executeTakeFirst();
}

export async function listTargets(db: Db, spaceIds: string[]) {
  if (spaceIds.length === 0) return [];
  return db.selectFrom('outreach_targets').select(['id', 'space_id as spaceId', 'name', 'goal', 'measure', 'due_on as dueOn']).where('space_id', 'in', spaceIds).orderBy('created_at').execute();
}

/** Per space of the efforts counting toward a target (its space marked `reader`): attempts, conversations, distinct people reached. Counts only. */
export async function targetTallies(db: Db, targetId: string, targetSpaceId: string, reader: TaxStatus | null) {
  // Another organization's attempts count only for the people who may be counted in an alliance's
  // totals (consent), and only from efforts on the reader's side of the c3/c4 firewall.
  const { rows } = await sql<{ spaceId: string; attempts: number; conversations: number; peopleReached: number }>`
    select e.space_id as "spaceId", count(a.id)::int as attempts, count(a.id) filter (where a.result = 'contacted')::int as conversations,
      count(distinct a.contact_id) filter (where a.result = 'contacted')::int as "peopleReached"
    from outreach_efforts e left join outreach_attempts a on a.effort_id = e.id
      and (e.space_id = ${targetSpaceId} or ${countsInAlliance(sql`a.contact_id`, sql`a.space_id`)})
      and ${passesFirewall(reader, sql`a.space_id`, sql`(select c.work_for from contacts c where c.id = a.contact_id)`)}
    where e.target_id = ${targetId} and ${passesFirewall(reader, sql`e.space_id`, sql`e.tax_status`)} group by e.space_id`.execute(db);
  return rows;
}

export async function insertEffort(db: Db, e: { spaceId: string; name: string; kind: string; script: object; segmentId: string | null; targetId: string | null; taxStatus: TaxStatus | null; userId: string }) {
  return db.insertInto('outreach_efforts').values({
    space_id: e.spaceId, name: e.name, kind: e.kind as 'canvass', script: JSON.stringify(e.script), segment_id: e.segmentId, target_id: e.targetId, tax_status: e.taxStatus, created_by: e.userId,
  }).returning('id').executeTakeFirstOrThrow();
}

const effortColumns = ['id', 'space_id as spaceId', 'name', 'kind', 'script', 'segment_id as segmentId', 'target_id as targetId', 'tax_status as taxStatus', 'status', 'created_at as createdAt'] as const;

export async function findEffort(db: Db, id: string) {
  return db.selectFrom('outreach_efforts').select(effortColumns).where('id', '=', id).executeTakeFirst();
}

export async function listEfforts(db: Db, spaceId: string) {
  return db.selectFrom('outreach_efforts').select(effortColumns).where('space_id', '=', spaceId).orderBy('created_at', 'desc').execute();
}

/**
 * The effort's universe now: its segment's contacts (or all), without those already on one of its
 * turfs, nor those gathered for work on the other side of the c3/c4 firewall from the effort's (`mark`).
 */
export async function universeOf(db: Db, spaceId: string, effortId: string, condition: Condition | null, hiddenJobs: string[], mark: TaxStatus | null): Promise<UniverseContact[]> {
  const where = condition ? sql`and ${conditionSql(condition)}` : sql``;
  const hidden = hiddenJobs.length ? sql`and (c.import_job_id is null or c.import_job_id <> all(${hiddenJobs}::uuid[]))` : sql``;
  const { rows } = await sql<UniverseContact>`
    select c.id, c.zip, c.county_fips as "countyFips", c.household_key as "householdKey", c.last_name as "lastName" from contacts c
    where c.space_id = ${spaceId} and c.merged_into is null and not c.do_not_contact ${hidden} ${where}
      and ${passesFirewall(mark, sql`c.space_id`, sql`c.work_for`)}
      and not exists (select 1 from outreach_assignment_contacts ac join outreach_assignments s on s.id = ac.assignment_id
        where s.effort_id = ${effortId} and ac.contact_id = c.id)`.execute(db);
  return rows;
}

export async function insertAssignment(db: Db, a: { effortId: string; spaceId: string; name: string; contactIds: string[] }) {
  const { id } = await db.insertInto('outreach_assignments').values({ effort_id: a.effortId, space_id: a.spaceId, name: a.name }).returning('id').executeTakeFirstOrThrow();
  for (let i = 0; i < a.contactIds.length; i += 5000) {
    await db.insertInto('outreach_assignment_contacts').values(a.contactIds.slice(i, i + 5000).map((contactId, k) => ({ assignment_id: id, contact_id: contactId, position: i + k }))).execute();
  }
  return id;
}

export async function findAssignment(db: Db, id: string) {
  return db.selectFrom('outreach_assignments').select(['id', 'effort_id as effortId', 'space_id as spaceId', 'name', 'user_id as userId']).where('id', '=', id).executeTakeFirst();
}

export async function listAssignments(db: Db, effortId: string) {
  const { rows } = await sql<{ id: string; name: string; userId: string | null; userName: string | null; size: number; done: number }>`
    select s.id, s.name, s.user_id as "userId", u.display_name as "userName",
      (select count(*)::int from outreach_assignment_contacts ac where ac.assignment_id = s.id) as size,
      (select count(distinct a.contact_id)::int from outreach_attempts a where a.assignment_id = s.id) as done
    from outreach_assignments s left join users u on u.id = s.user_id where s.effort_id = ${effortId} order by s.created_at, s.name`.execute(db);
  return rows;
}

export async function listAssignmentsOfUser(db: Db, userId: string) {
  return db.selectFrom('outreach_assignments as s').innerJoin('outreach_efforts as e', 'e.id', 's.effort_id')
    .select(['s.id', 's.name', 'e.name as effortName', 'e.kind', 's.space_id as spaceId']).where('s.user_id', '=', userId).where('e.status', '=', 'active').execute();
}

export async function setAssignee(db: Db, id: string, userId: string | null) {
  await db.updateTable('outreach_assignments').set({ user_id: userId }).where('id', '=', id).execute();
}

export async function assignmentContacts(db: Db, assignmentId: string) {
  return db.selectFrom('outreach_assignment_contacts as ac').innerJoin('contacts as c', 'c.id', 'ac.contact_id')
    .select(['c.id', 'c.first_name as firstName', 'c.last_name as lastName', 'c.languages', 'c.city', 'c.zip', 'c.sealed', 'c.household_key as householdKey'])
    .innerJoin('outreach_assignments as s', 's.id', 'ac.assignment_id')
    .where('ac.assignment_id', '=', assignmentId).where('c.merged_into', 'is', null).whereRef('c.space_id', '=', 's.space_id').orderBy('ac.position').execute();
}

export async function contactsOnAssignment(db: Db, assignmentId: string, contactIds: string[]) {
  if (contactIds.length === 0) return new Set<string>();
  const rows = await db.selectFrom('outreach_assignment_contacts as ac').innerJoin('outreach_assignments as s', 's.id', 'ac.assignment_id')
    .innerJoin('contacts as c', 'c.id', 'ac.contact_id').whereRef('c.space_id', '=', 's.space_id')
    .select('ac.contact_id').where('ac.assignment_id', '=', assignmentId).where('ac.contact_id', 'in', contactIds).execute();
  return new Set(rows.map((r) => r.contact_id));
}

/** Stores attempts once each: an id already stored (a retry) is skipped. Returns how many were new. */
export async function insertAttempts(db: Db, attempts: { id: string; effortId: string; spaceId: string; assignmentId: string; contactId: string; result: string;
  answers: Record<string, unknown>; notesSealed: string | null; madeBy: string; madeAt: string }[]) {
  if (attempts.length === 0) return 0;
  const result = await db.insertInto('outreach_attempts').values(attempts.map((a) => ({
    id: a.id, effort_id: a.effortId, space_id: a.spaceId, assignment_id: a.assignmentId, contact_id: a.contactId, result: a.result,
    answers: JSON.stringify(a.answers), notes_sealed: a.notesSealed, made_by: a.madeBy, made_at: a.madeAt,
  }))).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** Which of these attempt ids are stored, and where: a retry must name the same assignment. */
export async function storedAttempts(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('outreach_attempts').select(['id', 'assignment_id as assignmentId']).where('id', 'in', ids).execute();
}

export async function effortResults(db: Db, effortId: string) {
  const { rows } = await sql<{ result: string; n: number }>`select result, count(*)::int as n from outreach_attempts where effort_id = ${effortId} group by result order by n desc`.execute(db);
  const answers = await sql<{ question: string; answer: string; n: number }>`
    select q.key as question, q.value #>> '{}' as answer, count(*)::int as n from outreach_attempts a, jsonb_each(a.answers) q
    where a.effort_id = ${effortId} group by 1, 2 order by 1, 3 desc`.execute(db);
  return { results: rows, answers: answers.rows };
}

/** Whether the organization whose own space this is is an active member of the alliance whose space is `allianceSpaceId`. */
export async function isActiveMemberOf(db: Db, memberSpaceId: string, allianceSpaceId: string) {
  const row = await db.selectFrom('memberships as m').innerJoin('organizations as o', 'o.id', 'm.member_id').innerJoin('organizations as a', 'a.id', 'm.alliance_id')
    .select('m.id').where('o.own_space_id', '=', memberSpaceId).where('a.own_space_id', '=', allianceSpaceId).where('m.status', '=', 'active').executeTakeFirst();
  return row !== undefined;
}

export async function organizationsOfSpaces(db: Db, spaceIds: string[]) {
  if (spaceIds.length === 0) return [];
  return db.selectFrom('organizations').select(['id', 'name', 'own_space_id as spaceId']).where('own_space_id', 'in', spaceIds).execute();
}

export async function addToAssignment(db: Db, assignmentId: string, contactIds: string[]) {
  if (contactIds.length === 0) return;
  const { max } = await db.selectFrom('outreach_assignment_contacts').select((eb) => eb.fn.max('position').as('max')).where('assignment_id', '=', assignmentId).executeTakeFirstOrThrow();
  await db.insertInto('outreach_assignment_contacts').values(contactIds.map((id, i) => ({ assignment_id: assignmentId, contact_id: id, position: Number(max ?? 0) + 1 + i })))
    .onConflict((oc) => oc.doNothing()).execute();
}

export async function countEfforts(db: Db, spaceId: string) {
  const row = await db.selectFrom('outreach_efforts').select((eb) => eb.fn.countAll<number>().as('n')).where('space_id', '=', spaceId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function pageEfforts(db: Db, spaceId: string, limit: number, offset: number) {
  const { rows } = await sql<{ id: string; name: string; kind: string; script: object; createdAt: Date; updatedAt: Date; createdBy: string | null; total: number }>`
    select e.id, e.name, e.kind, e.script, e.created_at as "createdAt", e.updated_at as "updatedAt", e.created_by as "createdBy",
      (select count(*)::int from outreach_attempts a where a.effort_id = e.id) as total
    from outreach_efforts e where e.space_id = ${spaceId} order by e.created_at, e.id limit ${limit} offset ${offset}`.execute(db);
  return rows;
}

export async function countAttempts(db: Db, effortId: string, question?: string) {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from outreach_attempts where effort_id = ${effortId} ${question ? sql`and answers ? ${question}` : sql``}`.execute(db);
  return rows[0]!.n;
}

export async function pageAttempts(db: Db, effortId: string, limit: number, offset: number, question?: string) {
  return db.selectFrom('outreach_attempts').select(['id', 'contact_id as contactId', 'result', 'answers', 'made_at as madeAt', 'made_by as madeBy'])
    .where('effort_id', '=', effortId).$if(question !== undefined, (q) => q.where(sql<boolean>`answers ? ${question!}`))
    .orderBy('made_at').orderBy('id').limit(limit).offset(offset).execute();
}
