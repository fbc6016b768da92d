import { sql } from 'kysely';
import { listTables } from '../backup/backup.repository.ts';
import type { Db } from '../db/database.ts';

// The SQL of an organization leaving: every table that carries a space id, its rows for one
// space, their removal children first, and a scan for anything left that names the space.

/** Tables with a space_id column, children before parents (so a row goes before what it references). */
export async function spaceTablesChildrenFirst(db: Db) {
  return (await listTables(db)).filter((t) => t.columns.includes('space_id')).reverse();
}

/** Every row of `table` in the space as JSON text, `batch` at a time, through a cursor (inside the caller's transaction). */
export async function* spaceRows(trx: Db, table: string, spaceId: string, batch = 2000): AsyncGenerator<Record<string, unknown>[]> {
  await sql`declare space_rows no scroll cursor for select row_to_json(t)::text as row from ${sql.table(table)} t where t.space_id = ${spaceId}`.execute(trx);
  try {
    for (;;) {
      const rows = await sql<{ row: string }>`fetch ${sql.raw(String(batch))} from space_rows`.execute(trx);
      if (rows.rows.length === 0) return;
      yield rows.rows.map((r) => JSON.parse(r.row) as Record<string, unknown>);
    }
  } finally {
    await sql`close space_rows`.execute(trx);
  }
}

export async function deleteSpaceRows(db: Db, table: string, spaceId: string): Promise<number> {
  const result = await sql`delete from ${sql.table(table)} where space_id = ${spaceId}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export async function deleteSpaceRow(db: Db, spaceId: string) {
  await db.deleteFrom('spaces').where('id', '=', spaceId).execute();
}

/** The first alliance (by name) whose active or past member the organization is, with its space. */
export async function firstAllianceOf(db: Db, organizationId: string) {
  return db.selectFrom('memberships as m').innerJoin('organizations as a', 'a.id', 'm.alliance_id').select(['a.id', 'a.space_id as spaceId', 'a.name'])
    .where('m.member_id', '=', organizationId).orderBy('a.name').executeTakeFirst();
}

/** Moves an organization's directory entry out of its own space, into an alliance's (like any organization without a space of its own). */
export async function moveOrganization(db: Db, organizationId: string, toSpaceId: string) {
  await db.updateTable('organizations').set({ space_id: toSpaceId, own_space_id: null }).where('id', '=', organizationId).execute();
}

/** Every uuid column of every table that still holds `spaceId`, with how many rows. */
export async function leftovers(db: Db, spaceId: string) {
  const columns = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = 'public' and c.data_type = 'uuid'`.execute(db);
  const found: { table: string; column: string; rows: number }[] = [];
  for (const { table_name: table, column_name: column } of columns.rows) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${sql.ref(column)} = ${spaceId}`.execute(db);
    if (rows[0]!.n > 0) found.push({ table, column, rows: rows[0]!.n });
  }
  // The audit log names records by text id: an entry of another space about this one.
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_log where entity_id = ${spaceId}`.execute(db);
  if (rows[0]!.n > 0) found.push({ table: 'audit_log', column: 'entity_id', rows: rows[0]!.n });
  return found;
}
