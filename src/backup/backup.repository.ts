import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

// The SQL of backups: the tables and their stored columns, rows read through a cursor, rows
// written in batches, sequences moved past restored ids, and a digest of each table.

const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'];

/** The app's tables, parents before children (by foreign keys), with the columns a row stores (not generated ones). */
export async function listTables(db: Db): Promise<{ name: string; columns: string[] }[]> {
  const columns = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = 'public' and c.is_generated = 'NEVER'
    order by c.table_name, c.ordinal_position`.execute(db);
  const references = await sql<{ child: string; parent: string }>`
    select distinct cl.relname as child, pl.relname as parent from pg_constraint k
    join pg_class cl on cl.oid = k.conrelid join pg_class pl on pl.oid = k.confrelid
    join pg_namespace n on n.oid = cl.relnamespace
    where k.contype = 'f' and n.nspname = 'public' and cl.relname <> pl.relname
    order by 1, 2`.execute(db);
  const byTable = new Map<string, string[]>();
  for (const row of columns.rows) {
    if (MIGRATION_TABLES.includes(row.table_name)) continue;
    byTable.set(row.table_name, [...(byTable.get(row.table_name) ?? []), row.column_name]);
  }
  // Depth-first, parents first, references in a fixed order (a distinct without one comes back in
  // any order, and the backup's table order with it); a cycle of references is broken where it closes (restore defers the checks anyway).
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: string) => {
    if (state.has(table)) return;
    state.set(table, 'visiting');
    for (const r of references.rows) if (r.child === table && byTable.has(r.parent)) visit(r.parent);
    state.set(table, 'done');
    order.push(table);
  };
  [...byTable.keys()].sort().forEach(visit);
  return order.map((name) => ({ name, columns: byTable.get(name)! }));
}

export async function appliedMigrations(db: Db): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/** Every row of `table` as JSON text, `batch` at a time, through a cursor (inside the caller's transaction). */
export async function* readRows(trx: Db, table: string, batch = 2000): AsyncGenerator<string[]> {
  await sql`declare backup_rows no scroll cursor for select row_to_json(t)::text as row from ${sql.table(table)} t`.execute(trx);
  try {
    for (;;) {
      const rows = await sql<{ row: string }>`fetch ${sql.raw(String(batch))} from backup_rows`.execute(trx);
      if (rows.rows.length === 0) return;
      yield rows.rows.map((r) => r.row);
    }
  } finally {
    await sql`close backup_rows`.execute(trx);
  }
}

export async function insertRows(trx: Db, table: { name: string; columns: string[] }, rows: string[]) {
  const cols = sql.join(table.columns.map((c) => sql.ref(c)));
  await sql`insert into ${sql.table(table.name)} (${cols})
    select ${cols} from json_populate_recordset(null::${sql.table(table.name)}, ${`[${rows.join(',')}]`}::json)`.execute(trx);
}

export async function deleteAllRows(trx: Db, table: string) {
  await sql`delete from ${sql.table(table)}`.execute(trx);
}

export async function countRows(db: Db, table: string): Promise<number> {
  const row = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
  return row.rows[0]!.n;
}

/** Moves every sequence owned by a column past the largest restored value. */
export async function resetSequences(trx: Db) {
  const owned = await sql<{ seq: string; tbl: string; col: string }>`
    select s.relname as seq, t.relname as tbl, a.attname as col from pg_class s
    join pg_depend d on d.objid = s.oid and d.deptype in ('a', 'i')
    join pg_class t on t.oid = d.refobjid join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
    join pg_namespace n on n.oid = s.relnamespace
    where s.relkind = 'S' and n.nspname = 'public'`.execute(trx);
  for (const o of owned.rows) {
    await sql`select setval(${o.seq}::regclass, coalesce((select max(${sql.ref(o.col)}) from ${sql.table(o.tbl)}), 0) + 1, false)`.execute(trx);
  }
}

/** A digest of a table's rows, independent of their order on disk (a digest of the rows' digests, so a big table costs 32 bytes a row). */
export async function tableDigest(db: Db, table: string): Promise<string> {
  const row = await sql<{ digest: string }>`
    select md5(coalesce(string_agg(h, '' order by h), '')) as digest
    from (select md5(row_to_json(t)::text) as h from ${sql.table(table)} t) s`.execute(db);
  return row.rows[0]!.digest;
}

/** Runs `work` in a transaction that sees one snapshot of the whole database, times in UTC. */
export function inSnapshot<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
    await sql`set local timezone = 'UTC'`.execute(trx);
    return work(trx);
  });
}

/** Runs the restore's writes in one transaction, with foreign keys checked at its end where the engine allows. */
export function inRestore<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`set local timezone = 'UTC'`.execute(trx);
    // Rows go in parents first. A replica session does not check foreign keys at all (it also lets
    // cycles of references in): the backup was a consistent snapshot, and its trailer's counts are
    // checked. Servers where the account may not do this check every reference as rows go in.
    await sql`savepoint replica`.execute(trx);
    try {
      await sql`set local session_replication_role = replica`.execute(trx);
    } catch {
      await sql`rollback to savepoint replica`.execute(trx);
    }
    return work(trx);
  });
}
