import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database.ts';

// Attendance of an organization's contacts at convenings, and its leadership cohorts. Everything
// here lives in the organization's own space; a convening held by an alliance is referred to by
// id, and only its title, kind and dates are read.

/** The organization whose own space this is (null for a space of no organization). */
export async function organizationOfSpace(db: Db, spaceId: string) {
  return db.selectFrom('organizations').select(['id', 'name']).where('own_space_id', '=', spaceId).executeTakeFirst();
}

/**
 * The convenings whose record of who facilitated an organization trusts: those it holds or
 * hosts, and its alliances' (not those another organization merely invited it to). As SQL over `v`.
 */
export function ownOrAllianceConvening(organizationId: string): RawBuilder<boolean> {
  return sql<boolean>`(v.organization_id = ${organizationId}
    or exists (select 1 from convening_hosts h where h.convening_id = v.id and h.organization_id = ${organizationId})
    or exists (select 1 from memberships m where m.alliance_id = v.organization_id and m.member_id = ${organizationId} and m.status = 'active'))`;
}

/**
 * Convenings an organization's people can be recorded at, as `userId` may see them: those it
 * holds, and those it hosts, is invited to or whose alliance it belongs to — the latter only
 * where the caller holds a role in the holder's space, the rule of the convening's own page.
 */
function reachableConvening(organizationId: string, userId: string): RawBuilder<boolean> {
  return sql<boolean>`(v.organization_id = ${organizationId} or ((${ownOrAllianceConvening(organizationId)}
    or exists (select 1 from convening_invitations i where i.convening_id = v.id and i.organization_id = ${organizationId}))
    and exists (select 1 from space_roles r where r.space_id = v.space_id and r.user_id = ${userId})))`;
}

export interface ConveningSummary {
  id: string; title: string; kind: string; startsAt: string; endsAt: string; timeZone: string; holderName: string;
  description: string | null; place: string | null; createdAt: Date; updatedAt: Date;
  /** How many of the space's contacts are recorded at it (OSDI's total_accepted). */
  accepted: number;
}

/** A page of those convenings, latest first, optionally of a kind or among ids, with how many of the space's contacts are recorded at each. */
export async function pageReachableConvenings(db: Db, organizationId: string, spaceId: string, userId: string,
  options: { kind?: string; ids?: string[]; offset: number; limit: number }) {
  const kind = options.kind ? sql`and v.kind = ${options.kind}` : sql``;
  const ids = options.ids ? sql`and v.id = any(${options.ids}::uuid[])` : sql``;
  const where = sql`${reachableConvening(organizationId, userId)} ${kind} ${ids}`;
  const { rows: [counted] } = await sql<{ n: number }>`select count(*)::int as n from convenings v where ${where}`.execute(db);
  const { rows } = await sql<ConveningSummary>`
    select v.id, v.title, v.kind, v.starts_at as "startsAt", v.ends_at as "endsAt", v.time_zone as "timeZone", o.name as "holderName",
      v.description, v.place, v.created_at as "createdAt", v.updated_at as "updatedAt",
      (select count(*)::int from contact_attendance a where a.convening_id = v.id and a.space_id = ${spaceId}) as accepted
    from convenings v join organizations o on o.id = v.organization_id
    where ${where} order by v.starts_at desc, v.id offset ${options.offset} limit ${options.limit}`.execute(db);
  return { total: counted?.n ?? 0, rows };
}

export async function contactsOfSpace(db: Db, spaceId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('contacts').select(['id', 'first_name as firstName', 'last_name as lastName']).where('space_id', '=', spaceId)
    .where('merged_into', 'is', null).where('id', 'in', ids).execute();
}

/**
 * Records contacts at a convening, keeping its title, kind and start with each record. A later
 * "registered" (an RSVP synced again) never undoes "came" or "did not come".
 */
export async function upsertAttendance(db: Db, convening: ConveningSummary, rows: { spaceId: string; contactId: string; status: 'registered' | 'attended' | 'no_show';
  source: 'manual' | 'sign_in' | 'osdi'; userId: string | null }[]) {
  if (rows.length === 0) return [];
  return db.insertInto('contact_attendance').values(rows.map((r) => ({
    space_id: r.spaceId, contact_id: r.contactId, convening_id: convening.id, title: convening.title, kind: convening.kind, starts_at: convening.startsAt,
    status: r.status, source: r.source, recorded_by: r.userId,
  }))).onConflict((oc) => oc.columns(['contact_id', 'convening_id']).doUpdateSet({
    status: sql`case when excluded.status = 'registered' then contact_attendance.status else excluded.status end`,
    source: sql`excluded.source`, recorded_by: sql`excluded.recorded_by`, updated_at: new Date(),
  })).returning(['id', 'contact_id as contactId']).execute();
}

const attendanceColumns = ['a.id', 'a.contact_id as contactId', 'a.convening_id as conveningId', 'a.status', 'a.source', 'a.created_at as createdAt', 'a.updated_at as updatedAt'] as const;

export async function findAttendance(db: Db, id: string) {
  return db.selectFrom('contact_attendance as a').select([...attendanceColumns, 'a.space_id as spaceId']).where('a.id', '=', id).executeTakeFirst();
}

export async function deleteAttendance(db: Db, id: string) {
  await db.deleteFrom('contact_attendance').where('id', '=', id).execute();
}

/** This space's contacts recorded at a convening, with their names. */
export async function attendanceAt(db: Db, spaceId: string, conveningId: string) {
  return db.selectFrom('contact_attendance as a').innerJoin('contacts as c', 'c.id', 'a.contact_id')
    .select([...attendanceColumns, 'c.first_name as firstName', 'c.last_name as lastName'])
    .where('a.space_id', '=', spaceId).where('a.convening_id', '=', conveningId).where('c.merged_into', 'is', null)
    .orderBy(sql`lower(c.last_name)`).orderBy(sql`lower(c.first_name)`).execute();
}

/** A contact's convenings, latest first (as they were when recorded, even if since deleted). */
export async function attendanceOf(db: Db, contactId: string) {
  return db.selectFrom('contact_attendance as a').select([...attendanceColumns, 'a.title', 'a.kind', 'a.starts_at as startsAt'])
    .where('a.contact_id', '=', contactId).orderBy('a.starts_at', 'desc').execute();
}

/** A page of the space's attendance records, oldest first, optionally at one convening (OSDI). */
export async function pageAttendance(db: Db, spaceId: string, options: { conveningId?: string; offset: number; limit: number }) {
  let query = db.selectFrom('contact_attendance as a').innerJoin('contacts as c', 'c.id', 'a.contact_id').where('a.space_id', '=', spaceId).where('c.merged_into', 'is', null);
  if (options.conveningId) query = query.where('a.convening_id', '=', options.conveningId);
  const [{ n }] = await query.select((eb) => eb.fn.countAll<number>().as('n')).execute() as [{ n: number }];
  const rows = await query.select(attendanceColumns).orderBy('a.created_at').orderBy('a.id').offset(options.offset).limit(options.limit).execute();
  return { total: Number(n), rows };
}

export async function setContactLinks(db: Db, contactId: string, links: { personId?: string | null; recruitedBy?: string | null }) {
  await db.updateTable('contacts').set({
    ...(links.personId !== undefined ? { person_id: links.personId } : {}),
    ...(links.recruitedBy !== undefined ? { recruited_by: links.recruitedBy } : {}),
    updated_at: new Date(),
  }).where('id', '=', contactId).execute();
}

export async function findPersonIn(db: Db, spaceId: string, personId: string) {
  return db.selectFrom('people').select(['id', 'name']).where('id', '=', personId).where('space_id', '=', spaceId).executeTakeFirst();
}

/** Whether `recruiter` is already brought in, directly or not, by `contactId` (a loop would follow). */
export async function recruitsDownFrom(db: Db, contactId: string, recruiter: string) {
  const { rows } = await sql<{ found: boolean }>`
    with recursive down(id, depth) as (select id, 1 from contacts where recruited_by = ${contactId}
      union all select c.id, d.depth + 1 from contacts c join down d on c.recruited_by = d.id where d.depth < 50)
    select exists (select 1 from down where id = ${recruiter}) as found`.execute(db);
  return rows[0]?.found ?? false;
}

// Cohorts.

export async function insertCohort(db: Db, c: { spaceId: string; name: string; description: string | null; startsOn: string | null; endsOn: string | null; userId: string }) {
  return db.insertInto('leadership_cohorts').values({ space_id: c.spaceId, name: c.name, description: c.description, starts_on: c.startsOn, ends_on: c.endsOn, created_by: c.userId })
    .returning('id').executeTakeFirstOrThrow();
}

export async function updateCohort(db: Db, id: string, c: { name: string; description: string | null; startsOn: string | null; endsOn: string | null }) {
  await db.updateTable('leadership_cohorts').set({ name: c.name, description: c.description, starts_on: c.startsOn, ends_on: c.endsOn, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function setTrainings(db: Db, cohortId: string, spaceId: string, conveningIds: string[]) {
  await db.deleteFrom('cohort_trainings').where('cohort_id', '=', cohortId).execute();
  if (conveningIds.length) await db.insertInto('cohort_trainings').values(conveningIds.map((id) => ({ cohort_id: cohortId, convening_id: id, space_id: spaceId }))).execute();
}

const cohortColumns = ['id', 'space_id as spaceId', 'name', 'description', 'starts_on as startsOn', 'ends_on as endsOn', 'created_at as createdAt', 'updated_at as updatedAt'] as const;

export async function findCohort(db: Db, id: string) {
  return db.selectFrom('leadership_cohorts').select(cohortColumns).where('id', '=', id).executeTakeFirst();
}

export async function deleteCohort(db: Db, id: string) {
  await db.deleteFrom('leadership_cohorts').where('id', '=', id).execute();
}

/** The space's cohorts with how many members each has, by status. */
export async function listCohorts(db: Db, spaceId: string) {
  const { rows } = await sql<{ id: string; name: string; startsOn: string | null; endsOn: string | null; active: number; completed: number; left: number; trainings: number }>`
    select k.id, k.name, k.starts_on as "startsOn", k.ends_on as "endsOn",
      count(m.id) filter (where m.status = 'active')::int as active, count(m.id) filter (where m.status = 'completed')::int as completed,
      count(m.id) filter (where m.status = 'left')::int as "left",
      (select count(*)::int from cohort_trainings t where t.cohort_id = k.id) as trainings
    from leadership_cohorts k left join cohort_members m on m.cohort_id = k.id
    where k.space_id = ${spaceId} group by k.id order by k.starts_on desc nulls last, k.name`.execute(db);
  return rows;
}

export async function trainingsOf(db: Db, cohortId: string) {
  return db.selectFrom('cohort_trainings as t').innerJoin('convenings as v', 'v.id', 't.convening_id')
    .select(['v.id', 'v.title', 'v.kind', 'v.starts_at as startsAt', 'v.ends_at as endsAt', 'v.time_zone as timeZone']).where('t.cohort_id', '=', cohortId)
    .orderBy('v.starts_at').execute();
}

/** A cohort's members with their mentor, ladder step and how many of the cohort's trainings each attended. */
export async function membersOf(db: Db, cohortId: string) {
  const { rows } = await sql<{ id: string; contactId: string; firstName: string; lastName: string; ladderStep: string | null; mentorId: string | null;
    mentorName: string | null; status: 'active' | 'completed' | 'left'; notes: string | null; trainingsAttended: number; joinedAt: Date }>`
    select m.id, m.contact_id as "contactId", c.first_name as "firstName", c.last_name as "lastName", c.ladder_step as "ladderStep",
      m.mentor_id as "mentorId", nullif(trim(coalesce(mc.first_name, '') || ' ' || coalesce(mc.last_name, '')), '') as "mentorName",
      m.status, m.notes, m.created_at as "joinedAt",
      (select count(*)::int from contact_attendance a join cohort_trainings t on t.convening_id = a.convening_id and t.cohort_id = m.cohort_id
        where a.contact_id = m.contact_id and a.status = 'attended') as "trainingsAttended"
    from cohort_members m join contacts c on c.id = m.contact_id left join contacts mc on mc.id = m.mentor_id
    where m.cohort_id = ${cohortId} order by lower(c.last_name), lower(c.first_name)`.execute(db);
  return rows;
}

export async function insertMember(db: Db, m: { spaceId: string; cohortId: string; contactId: string; mentorId: string | null; notes: string | null }) {
  return db.insertInto('cohort_members').values({ space_id: m.spaceId, cohort_id: m.cohortId, contact_id: m.contactId, mentor_id: m.mentorId, status: 'active', notes: m.notes })
    .returning('id').executeTakeFirstOrThrow();
}

export async function findMember(db: Db, id: string) {
  return db.selectFrom('cohort_members').select(['id', 'space_id as spaceId', 'cohort_id as cohortId', 'contact_id as contactId', 'mentor_id as mentorId', 'status', 'notes'])
    .where('id', '=', id).executeTakeFirst();
}

export async function updateMember(db: Db, id: string, m: { mentorId: string | null; status: 'active' | 'completed' | 'left'; notes: string | null }) {
  await db.updateTable('cohort_members').set({ mentor_id: m.mentorId, status: m.status, notes: m.notes, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function deleteMember(db: Db, id: string) {
  await db.deleteFrom('cohort_members').where('id', '=', id).execute();
}

/** Ladder moves of the cohort's members since the cohort began: numbers per direction are made from these. */
export async function movesOfMembers(db: Db, cohortId: string, since: Date) {
  const { rows } = await sql<{ contactId: string; fromStep: string | null; toStep: string }>`
    select l.contact_id as "contactId", l.from_step as "fromStep", l.to_step as "toStep" from ladder_moves l
    join cohort_members m on m.contact_id = l.contact_id where m.cohort_id = ${cohortId} and l.at >= ${since} order by l.at`.execute(db);
  return rows;
}
