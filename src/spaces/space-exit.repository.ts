import { type RawBuilder, sql } from 'kysely';
import { listTables } from '../backup/backup.repository.ts';
import type { Db } from '../db/database.ts';

// The SQL of an organization leaving: every table that carries a space id, its rows for one
// space, their removal children first, and a scan for anything left that names the space.

/** Tables with a space_id column, children before parents (so a row goes before what it references). */
export async function spaceTablesChildrenFirst(db: Db) {
  return (await listTables(db)).filter((t) => t.columns.includes('space_id')).reverse();
}

/**
 * Tables without a space id whose rows belong to a space through their parents (a list's items, a
 * goal's indicators, a convening's hosts): each with the references that tie it to tables that
 * have one. Directory entries (organizations) are shared references, not owners, and do not count.
 */
export async function childTables(db: Db) {
  const { rows } = await sql<{ child: string; column: string; parent: string; parentColumn: string }>`
    select cl.relname as child, a.attname as "column", pl.relname as parent, pa.attname as "parentColumn" from pg_constraint k
    join pg_class cl on cl.oid = k.conrelid join pg_class pl on pl.oid = k.confrelid
    join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
    join pg_attribute pa on pa.attrelid = k.confrelid and pa.attnum = k.confkey[1]
    join pg_namespace n on n.oid = cl.relnamespace
    where k.contype = 'f' and n.nspname = 'public' and array_length(k.conkey, 1) = 1 and pl.relname <> 'organizations'
      and exists (select 1 from information_schema.columns c where c.table_schema = 'public' and c.table_name = pl.relname and c.column_name = 'space_id')
      and not exists (select 1 from information_schema.columns c where c.table_schema = 'public' and c.table_name = cl.relname and c.column_name = 'space_id')
    order by 1, 2`.execute(db);
  const byChild = new Map<string, { column: string; parent: string; parentColumn: string }[]>();
  for (const r of rows) byChild.set(r.child, [...(byChild.get(r.child) ?? []), { column: r.column, parent: r.parent, parentColumn: r.parentColumn }]);
  return [...byChild].map(([name, parents]) => ({ name, parents }));
}

/** A child table's rows whose every owning parent is in the space (and at least one is): JSON, in batches, through a cursor. */
export async function* childRows(trx: Db, table: { name: string; parents: { column: string; parent: string; parentColumn: string }[] }, spaceId: string, batch = 2000) {
  const inSpace = (p: { column: string; parent: string; parentColumn: string }) =>
    sql`exists (select 1 from ${sql.table(p.parent)} p where p.${sql.ref(p.parentColumn)} = c.${sql.ref(p.column)} and p.space_id = ${spaceId})`;
  const every = sql.join(table.parents.map((p) => sql`(c.${sql.ref(p.column)} is null or ${inSpace(p)})`), sql` and `);
  const some = sql.join(table.parents.map((p) => inSpace(p)), sql` or `);
  yield* cursorRows(trx, sql`select row_to_json(c)::text as row from ${sql.table(table.name)} c where ${every} and (${some})`, batch);
}

/** The space's private overlap runs (asked or asked of it), which name it on either side. */
export async function overlapRunsOf(db: Db, spaceId: string) {
  return db.selectFrom('overlap_runs').selectAll().where((eb) => eb.or([eb('requester_space_id', '=', spaceId), eb('partner_space_id', '=', spaceId)])).execute();
}

/** Every row of `table` in the space as JSON text, `batch` at a time, through a cursor (inside the caller's transaction). */
export async function* spaceRows(trx: Db, table: string, spaceId: string, batch = 2000): AsyncGenerator<Record<string, unknown>[]> {
  yield* cursorRows(trx, sql`select row_to_json(t)::text as row from ${sql.table(table)} t where t.space_id = ${spaceId}`, batch);
}

/** The rows of `query` (one JSON text column, `row`), `batch` at a time, through a cursor (inside the caller's transaction). */
async function* cursorRows(trx: Db, query: RawBuilder<unknown>, batch: number): AsyncGenerator<Record<string, unknown>[]> {
  await sql`declare exit_rows no scroll cursor for ${query}`.execute(trx);
  try {
    for (;;) {
      const rows = await sql<{ row: string }>`fetch ${sql.raw(String(batch))} from exit_rows`.execute(trx);
      if (rows.rows.length === 0) return;
      yield rows.rows.map((r) => JSON.parse(r.row) as Record<string, unknown>);
    }
  } finally {
    await sql`close exit_rows`.execute(trx);
  }
}

export async function deleteSpaceRows(db: Db, table: string, spaceId: string): Promise<number> {
  const result = await sql`delete from ${sql.table(table)} where space_id = ${spaceId}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export async function deleteSpaceRow(db: Db, spaceId: string) {
  await db.deleteFrom('spaces').where('id', '=', spaceId).execute();
}

/** The organization whose own space this is, when the space is an organization's (not an alliance's shared space). */
export async function organizationOwning(db: Db, spaceId: string) {
  return db.selectFrom('organizations as o').innerJoin('spaces as s', 's.id', 'o.own_space_id').select(['o.id', 'o.name'])
    .where('o.own_space_id', '=', spaceId).where('s.kind', '=', 'organization').where('o.kind', '<>', 'alliance').executeTakeFirst();
}

/** Directory entries kept in the space (its own and those it added), each with a space outside it that names it, if any. */
export async function directoryEntriesOf(db: Db, spaceId: string) {
  const references = await sql<{ table_name: string; column_name: string }>`
    select cl.relname as table_name, a.attname as column_name from pg_constraint k
    join pg_class cl on cl.oid = k.conrelid join pg_class pl on pl.oid = k.confrelid
    join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any(k.conkey)
    join pg_namespace n on n.oid = cl.relnamespace
    where k.contype = 'f' and n.nspname = 'public' and pl.relname = 'organizations' and cl.relname <> 'organizations'
      and exists (select 1 from information_schema.columns c where c.table_schema = 'public' and c.table_name = cl.relname and c.column_name = 'space_id')`.execute(db);
  const entries = await db.selectFrom('organizations').select(['id', 'name']).where('space_id', '=', spaceId).execute();
  const out: { id: string; name: string; namedIn: string | null }[] = [];
  for (const entry of entries) {
    let namedIn: string | null = null;
    for (const { table_name: table, column_name: column } of references.rows) {
      const { rows } = await sql<{ space_id: string }>`select space_id from ${sql.table(table)} where ${sql.ref(column)} = ${entry.id} and space_id <> ${spaceId} limit 1`.execute(db);
      if (rows[0]) { namedIn = rows[0].space_id; break; }
    }
    out.push({ ...entry, namedIn });
  }
  return out;
}

/** Other organizations' consent history that names the space as a partner keeps the event, without the space. */
export async function forgetPartnerInOthersHistory(db: Db, spaceId: string) {
  await db.updateTable('consent_events').set({ partner_space_id: null }).where('partner_space_id', '=', spaceId).where('space_id', '<>', spaceId).execute();
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

/** How many imports into the space are running now. */
export async function runningImports(db: Db, spaceId: string) {
  const row = await db.selectFrom('import_jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('space_id', '=', spaceId).where('status', '=', 'running').executeTakeFirstOrThrow();
  return Number(row.n);
}
