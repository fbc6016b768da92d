import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

// Rows whose blind indexes were made before indexes were scoped to their space, and their update.

export type ScopedTable = 'contacts' | 'people';
export const HASH_COLUMNS: Record<ScopedTable, readonly string[]> = {
  contacts: ['email_hash', 'phone_hash', 'name_address_hash', 'household_key', 'birth_key'],
  people: ['email_hash'],
};

export async function unscopedRows(db: Db, table: ScopedTable, limit: number) {
  const columns = sql.join(HASH_COLUMNS[table].map((c) => sql.ref(c)));
  const { rows } = await sql<Record<string, string | null> & { id: string; space_id: string }>`
    select id, space_id, ${columns} from ${sql.table(table)} where hash_scope = 0 order by id limit ${limit}`.execute(db);
  return rows;
}

/** Writes the scoped indexes of a batch of rows in one statement, and marks them scoped. */
export async function setScoped(db: Db, table: ScopedTable, rows: Record<string, string | null>[]) {
  if (rows.length === 0) return;
  const columns = HASH_COLUMNS[table];
  const record = sql.raw(['id uuid', ...columns.map((c) => `${c} text`)].join(', '));
  await sql`update ${sql.table(table)} as t set ${sql.join(columns.map((c) => sql`${sql.ref(c)} = v.${sql.ref(c)}`))}, hash_scope = 1
    from json_to_recordset(${JSON.stringify(rows)}::json) as v(${record}) where t.id = v.id`.execute(db);
}
