import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

// The sealed values and blind indexes of an organization's base, a page at a time, and their
// replacements written a batch per statement (a million contacts are a thousand statements).

const ZERO = '00000000-0000-0000-0000-000000000000';

export async function pageSealedContacts(db: Db, afterId: string, limit: number) {
  return db.selectFrom('contacts').select(['id', 'space_id as spaceId', 'sealed', 'first_name as firstName', 'last_name as lastName', 'zip', 'city', 'household_key as householdKey'])
    .where('id', '>', afterId || ZERO).orderBy('id').limit(limit).execute();
}

export interface RotatedContact { id: string; sealed: string | null; email_hash: string | null; phone_hash: string | null; name_address_hash: string | null; household_key: string | null; birth_key: string | null }

export async function setRotatedContacts(db: Db, rows: RotatedContact[]) {
  if (rows.length === 0) return;
  await sql`update contacts as c set sealed = v.sealed, email_hash = v.email_hash, phone_hash = v.phone_hash, name_address_hash = v.name_address_hash,
      household_key = v.household_key, birth_key = v.birth_key
    from json_to_recordset(${JSON.stringify(rows)}::json) as v(id uuid, sealed text, email_hash text, phone_hash text, name_address_hash text, household_key text, birth_key text)
    where c.id = v.id`.execute(db);
}

export async function pageSealedNotes(db: Db, afterId: string, limit: number) {
  return db.selectFrom('outreach_attempts').select(['id', 'notes_sealed as notesSealed']).where('notes_sealed', 'is not', null)
    .where('id', '>', afterId || ZERO).orderBy('id').limit(limit).execute() as Promise<{ id: string; notesSealed: string }[]>;
}

export async function setRotatedNotes(db: Db, rows: { id: string; notes_sealed: string }[]) {
  if (rows.length === 0) return;
  await sql`update outreach_attempts as a set notes_sealed = v.notes_sealed
    from json_to_recordset(${JSON.stringify(rows)}::json) as v(id uuid, notes_sealed text) where a.id = v.id`.execute(db);
}

/**
 * Every sealed column, with the place its values are bound to: their own table, column and row,
 * except merge history, which keeps the contact's details as they were sealed for the contact.
 */
export const SEALED_COLUMNS = [
  { table: 'people', column: 'contact_sealed', place: { table: 'people', column: 'contact_sealed' }, placeId: 'id' },
  { table: 'contacts', column: 'sealed', place: { table: 'contacts', column: 'sealed' }, placeId: 'id' },
  { table: 'contact_history', column: 'before_sealed', place: { table: 'contacts', column: 'sealed' }, placeId: 'contact_id' },
  { table: 'outreach_attempts', column: 'notes_sealed', place: { table: 'outreach_attempts', column: 'notes_sealed' }, placeId: 'id' },
] as const;
export type SealedColumn = (typeof SEALED_COLUMNS)[number];

// left() rather than like: a key id may hold an _ , which like would take for any character.
const offKey = (c: SealedColumn, prefix: string) =>
  sql`${sql.ref(c.column)} is not null and left(${sql.ref(c.column)}, ${prefix.length}) <> ${prefix} and left(${sql.ref(c.column)}, 11) <> 'unreadable.'`;

/** A page of values of this column not sealed with the key whose values start with `prefix`. */
export async function pageOffKey(db: Db, c: SealedColumn, prefix: string, afterId: string, limit: number) {
  const { rows } = await sql<{ id: string; placeId: string; sealed: string }>`
    select id, ${sql.ref(c.placeId)}::text as "placeId", ${sql.ref(c.column)} as sealed from ${sql.table(c.table)}
    where ${offKey(c, prefix)} and id > ${afterId || ZERO}::uuid order by id limit ${limit}`.execute(db);
  return rows;
}

export async function countOffKey(db: Db, c: SealedColumn, prefix: string) {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(c.table)} where ${offKey(c, prefix)}`.execute(db);
  return Number(rows[0]!.n);
}

/** Imports of contacts running anywhere: their worker threads seal with the keys they were given when they started. */
export async function runningImportCount(db: Db) {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from import_jobs where status = 'running'`.execute(db);
  return Number(rows[0]!.n);
}

/** Writes re-sealed values where each row still holds the value that was opened (a row changed meanwhile is left to the next pass); returns how many. */
export async function setResealed(db: Db, c: SealedColumn, rows: { id: string; old: string; sealed: string }[]) {
  if (rows.length === 0) return 0;
  const result = await sql`update ${sql.table(c.table)} as t set ${sql.ref(c.column)} = v.sealed
    from json_to_recordset(${JSON.stringify(rows)}::json) as v(id uuid, old text, sealed text)
    where t.id = v.id and t.${sql.ref(c.column)} = v.old`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
