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
