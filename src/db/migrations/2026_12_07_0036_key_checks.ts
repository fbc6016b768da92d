import { type Kysely, sql } from 'kysely';

// A check value of each key the database's contents depend on but do not hold (the index keys of
// blind indexes and signed links): written at the first start, compared at every start after, so
// a restore with the wrong key file is refused by name instead of failing lookup by lookup.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table key_checks (name text primary key, value text not null, made_at timestamptz not null default now())`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists key_checks`.execute(db);
}
