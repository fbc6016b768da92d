import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { TaxStatus } from '../db/tables.ts';

export interface SpaceMark { taxStatus: TaxStatus | null; c3SharesWithC4: boolean }

export async function markOf(db: Db, spaceId: string): Promise<SpaceMark> {
  const row = await db.selectFrom('spaces').select(['tax_status', 'c3_shares_with_c4']).where('id', '=', spaceId).executeTakeFirst();
  return { taxStatus: row?.tax_status ?? null, c3SharesWithC4: row?.c3_shares_with_c4 ?? false };
}

export async function setMark(db: Db, spaceId: string, mark: SpaceMark) {
  await db.updateTable('spaces').set({ tax_status: mark.taxStatus, c3_shares_with_c4: mark.c3SharesWithC4 }).where('id', '=', spaceId).execute();
}

/** How many lists, efforts and contacts the space holds; with `ownMark`, only those carrying that mark of their own. */
export async function recordsIn(db: Db, spaceId: string, ownMark?: TaxStatus) {
  const marked = (column: string) => (ownMark ? sql`and ${sql.ref(column)} = ${ownMark}` : sql``);
  const { rows } = await sql<{ lists: number; efforts: number; contacts: number }>`select
    (select count(*)::int from contact_lists where space_id = ${spaceId} ${marked('tax_status')}) as lists,
    (select count(*)::int from outreach_efforts where space_id = ${spaceId} ${marked('tax_status')}) as efforts,
    (select count(*)::int from contacts where space_id = ${spaceId} ${marked('work_for')}) as contacts`.execute(db);
  return rows[0]!;
}

export async function setWorkFor(db: Db, contactId: string, mark: TaxStatus | null) {
  await db.updateTable('contacts').set({ work_for: mark }).where('id', '=', contactId).execute();
}

/** Gives the space's lists, efforts and contacts that carry no mark of their own the mark `mark`. */
export async function markUnmarkedRecords(db: Db, spaceId: string, mark: TaxStatus) {
  await db.updateTable('contact_lists').set({ tax_status: mark }).where('space_id', '=', spaceId).where('tax_status', 'is', null).execute();
  await db.updateTable('outreach_efforts').set({ tax_status: mark }).where('space_id', '=', spaceId).where('tax_status', 'is', null).execute();
  await db.updateTable('contacts').set({ work_for: mark }).where('space_id', '=', spaceId).where('work_for', 'is', null).execute();
}

/** Marks the contacts an import created (those with no mark of their own). */
export async function markImportedContacts(db: Db, importJobId: string, mark: TaxStatus) {
  await db.updateTable('contacts').set({ work_for: mark }).where('import_job_id', '=', importJobId).where('work_for', 'is', null).execute();
}

/** The own marks of the lists and efforts (turfs) these contacts are on. */
export async function marksOfPlaces(db: Db, contactIds: string[]): Promise<TaxStatus[]> {
  if (contactIds.length === 0) return [];
  const { rows } = await sql<{ mark: TaxStatus }>`
    select l.tax_status as mark from contact_list_items i join contact_lists l on l.id = i.list_id where i.contact_id = any(${contactIds}::uuid[]) and l.tax_status is not null
    union
    select e.tax_status from outreach_assignment_contacts ac join outreach_assignments s on s.id = ac.assignment_id join outreach_efforts e on e.id = s.effort_id
    where ac.contact_id = any(${contactIds}::uuid[]) and e.tax_status is not null`.execute(db);
  return rows.map((r) => r.mark);
}

/** The contacts among `ids` (of one space) whose own mark is `mark`. */
export async function contactsMarked(db: Db, ids: string[], mark: TaxStatus) {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('contacts').select('id').where('id', 'in', ids).where('work_for', '=', mark).execute();
  return rows.map((r) => r.id);
}

/** As SQL over `contacts`: the contact's work may reach a reader marked `reader`. */
export function contactOnSideOf(reader: TaxStatus | null): RawBuilder<boolean> {
  return passesFirewall(reader, sql`contacts.space_id`, sql`contacts.work_for`);
}

/**
 * As SQL: a record of the space `spaceId` whose own mark is `ownMark` may reach a reader marked
 * `reader` (null: no condition). The record's mark is its space's, else its own (see firewall.ts).
 */
export function passesFirewall(reader: TaxStatus | null, spaceId: RawBuilder<unknown>, ownMark: RawBuilder<unknown>): RawBuilder<boolean> {
  const mark = sql`coalesce((select s.tax_status from spaces s where s.id = ${spaceId}), ${ownMark}, '')`;
  if (reader === 'c3') return sql<boolean>`(${mark} <> 'c4')`;
  if (reader === 'c4') return sql<boolean>`(${mark} <> 'c3' or (select s.c3_shares_with_c4 from spaces s where s.id = ${spaceId}))`;
  return sql<boolean>`true`;
}
