import type { TaxStatus } from '../db/tables.ts';
import { passesFirewall } from '../firewall/firewall.repository.ts';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Condition } from './segment.ts';

// Segments as SQL. Each simple condition is wrapped in coalesce(…, false) so that it is never
// NULL: NOT then means "every other contact", and a segment and its negation partition the base.

const never = (p: RawBuilder<unknown>) => sql<boolean>`coalesce((${p}), false)`;
// The same for a test on one column, written so PostgreSQL can still use the column's index
// (coalesce around it would hide the column from the planner): false, never NULL, when it is empty.
const present = (column: string, p: RawBuilder<unknown>) => sql<boolean>`(${sql.ref(column)} is not null and ${p})`;

export function conditionSql(c: Condition): RawBuilder<boolean> {
  switch (c.type) {
    case 'and': return sql<boolean>`(${sql.join(c.conditions.map(conditionSql), sql` and `)})`;
    case 'or': return sql<boolean>`(${sql.join(c.conditions.map(conditionSql), sql` or `)})`;
    case 'not': return sql<boolean>`(not ${conditionSql(c.condition)})`;
    case 'tag': return sql<boolean>`(c.tags @> array[${c.tag}]::text[])`;
    case 'language': return sql<boolean>`(c.languages @> array[${c.language}]::text[])`;
    case 'state': return present('c.state_fips', sql`c.state_fips = ${c.state}`);
    case 'county': return present('c.county_fips', sql`c.county_fips = ${c.county}`);
    case 'zip': return present('c.zip', c.zip.length === 5 ? sql`c.zip = ${c.zip}` : sql`c.zip like ${`${c.zip}%`}`);
    case 'city': return never(sql`lower(c.city) = lower(${c.city})`);
    case 'birthYear': return never(sql`c.birth_year between ${c.min ?? 0} and ${c.max ?? 9999}`);
    case 'list': return sql<boolean>`exists (select 1 from contact_list_items i where i.list_id = ${c.listId} and i.contact_id = c.id)`;
    case 'flag':
      return c.flag === 'hasEmail' ? sql<boolean>`(c.email_hash is not null)` : c.flag === 'hasPhone' ? sql<boolean>`(c.phone_hash is not null)`
        : c.flag === 'doNotContact' ? sql<boolean>`c.do_not_contact` : never(sql.ref(c.flag === 'emailOptIn' ? 'c.email_opt_in' : 'c.sms_opt_in'));
    case 'custom': return never(sql`c.custom_fields ->> ${c.key} = ${c.value}`);
    case 'source': return present('c.source', sql`c.source = ${c.source}`);
    case 'lastResult':
      return never(sql`(select a.result from outreach_attempts a where a.contact_id = c.id order by a.made_at desc, a.id desc limit 1) = ${c.result}`);
    case 'answer':
      return sql<boolean>`exists (select 1 from outreach_attempts a where a.contact_id = c.id and a.answers ->> ${c.question} = ${c.answer})`;
    case 'ladderStep': return present('c.ladder_step', sql`c.ladder_step = ${c.step}`);
    case 'attended': {
      const convening = c.conveningId ? sql`and x.convening_id = ${c.conveningId}` : sql``;
      const kind = c.kind ? sql`and x.kind = ${c.kind}` : sql``;
      return sql<boolean>`((select count(*) from contact_attendance x where x.contact_id = c.id and x.status = 'attended' ${convening} ${kind}) >= ${c.atLeast ?? 1})`;
    }
    case 'gave': {
      const from = c.from ? sql`and g.received_on >= ${c.from}` : sql``;
      const to = c.to ? sql`and g.received_on <= ${c.to}` : sql``;
      return sql<boolean>`(coalesce((select sum(g.amount_minor) from donations g where g.contact_id = c.id and g.refunded_on is null ${from} ${to}), 0) >= ${c.atLeastMinor ?? 1})`;
    }
    case 'cohort': {
      const status = c.status ? sql`and k.status = ${c.status}` : sql``;
      return sql<boolean>`exists (select 1 from cohort_members k where k.cohort_id = ${c.cohortId} and k.contact_id = c.id ${status})`;
    }
  }
}

/** The visible contacts of a space (not merged, not from a running import) that meet the condition. */
function universe(spaceId: string, hiddenJobs: string[]) {
  const hidden = hiddenJobs.length ? sql`and (c.import_job_id is null or c.import_job_id <> all(${hiddenJobs}::uuid[]))` : sql``;
  return sql`c.space_id = ${spaceId} and c.merged_into is null ${hidden}`;
}

export async function countSegment(db: Db, spaceId: string, condition: Condition | null, hiddenJobs: string[]) {
  const where = condition ? sql`and ${conditionSql(condition)}` : sql``;
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from contacts c where ${universe(spaceId, hiddenJobs)} ${where}`.execute(db);
  return Number(rows[0]!.n);
}

/** A page of the segment's contact ids in id order, after `afterId`. */
export async function pageSegmentIds(db: Db, spaceId: string, condition: Condition, hiddenJobs: string[], afterId: string, limit: number) {
  const { rows } = await sql<{ id: string }>`select c.id from contacts c where ${universe(spaceId, hiddenJobs)} and ${conditionSql(condition)}
    and c.id > ${afterId} order by c.id limit ${limit}`.execute(db);
  return rows.map((r) => r.id);
}

/** Freezes the segment as it is now into a list marked `mark` (its side of the c3/c4 firewall): one statement, however many contacts. */
export async function fillList(db: Db, listId: string, spaceId: string, condition: Condition, hiddenJobs: string[], mark: TaxStatus | null) {
  const result = await sql`insert into contact_list_items (list_id, contact_id)
    select ${listId}, c.id from contacts c where ${universe(spaceId, hiddenJobs)} and ${conditionSql(condition)}
      and ${passesFirewall(mark, sql`c.space_id`, sql`c.work_for`)} on conflict do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export async function insertSegment(db: Db, s: { spaceId: string; name: string; definition: Condition; userId: string }) {
  return db.insertInto('segments').values({ space_id: s.spaceId, name: s.name, definition: JSON.stringify(s.definition), created_by: s.userId })
    .returning(['id']).executeTakeFirstOrThrow();
}

export async function updateSegment(db: Db, id: string, s: { name: string; definition: Condition }) {
  await db.updateTable('segments').set({ name: s.name, definition: JSON.stringify(s.definition), updated_at: new Date() }).where('id', '=', id).execute();
}

export async function findSegment(db: Db, id: string) {
  return db.selectFrom('segments').select(['id', 'space_id as spaceId', 'name', 'definition', 'created_at as createdAt', 'updated_at as updatedAt'])
    .where('id', '=', id).executeTakeFirst();
}

export async function listSegments(db: Db, spaceId: string) {
  return db.selectFrom('segments').select(['id', 'space_id as spaceId', 'name', 'definition', 'created_at as createdAt', 'updated_at as updatedAt'])
    .where('space_id', '=', spaceId).orderBy(sql`lower(name)`).execute();
}

export async function deleteSegment(db: Db, id: string) {
  await db.deleteFrom('segments').where('id', '=', id).execute();
}

export async function insertList(db: Db, l: { spaceId: string; name: string; description: string | null; segmentId: string | null; taxStatus: TaxStatus | null; userId: string }) {
  return db.insertInto('contact_lists').values({ space_id: l.spaceId, name: l.name, description: l.description, segment_id: l.segmentId, tax_status: l.taxStatus, created_by: l.userId })
    .returning(['id']).executeTakeFirstOrThrow();
}

const listColumns = ['l.id', 'l.space_id as spaceId', 'l.name', 'l.description', 'l.segment_id as segmentId', 'l.tax_status as taxStatus', 'l.created_at as createdAt', 'l.updated_at as updatedAt'] as const;

export async function findList(db: Db, id: string) {
  return db.selectFrom('contact_lists as l').select(listColumns).where('l.id', '=', id).executeTakeFirst();
}

export async function listLists(db: Db, spaceId: string, limit = 500, offset = 0) {
  return db.selectFrom('contact_lists as l').select(listColumns)
    .select((eb) => eb.selectFrom('contact_list_items as i').select((e) => e.fn.countAll<number>().as('n')).whereRef('i.list_id', '=', 'l.id').as('size'))
    .where('l.space_id', '=', spaceId).orderBy(sql`lower(l.name)`).limit(limit).offset(offset).execute();
}

export async function countLists(db: Db, spaceId: string) {
  const row = await db.selectFrom('contact_lists').select((eb) => eb.fn.countAll<number>().as('n')).where('space_id', '=', spaceId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteList(db: Db, id: string) {
  await db.deleteFrom('contact_lists').where('id', '=', id).execute();
}

export async function listItems(db: Db, listId: string, limit: number, offset: number) {
  return db.selectFrom('contact_list_items').select(['contact_id as contactId', 'created_at as createdAt']).where('list_id', '=', listId)
    .orderBy('contact_id').limit(limit).offset(offset).execute();
}

export async function countItems(db: Db, listId: string) {
  const row = await db.selectFrom('contact_list_items').select((eb) => eb.fn.countAll<number>().as('n')).where('list_id', '=', listId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function addItems(db: Db, listId: string, contactIds: string[]) {
  if (contactIds.length === 0) return;
  await db.insertInto('contact_list_items').values(contactIds.map((id) => ({ list_id: listId, contact_id: id }))).onConflict((oc) => oc.doNothing()).execute();
}

/** Which of these cohorts belong to the space. */
export async function cohortsInSpace(db: Db, spaceId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return (await db.selectFrom('leadership_cohorts').select('id').where('space_id', '=', spaceId).where('id', 'in', ids).execute()).map((r) => r.id);
}

/** Which of these lists belong to the space. */
export async function listsInSpace(db: Db, spaceId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return (await db.selectFrom('contact_lists').select('id').where('space_id', '=', spaceId).where('id', 'in', ids).execute()).map((r) => r.id);
}

export async function hasItem(db: Db, listId: string, contactId: string) {
  return (await db.selectFrom('contact_list_items').select('list_id').where('list_id', '=', listId).where('contact_id', '=', contactId).executeTakeFirst()) !== undefined;
}
