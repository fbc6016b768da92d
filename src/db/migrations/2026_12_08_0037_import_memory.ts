import { type Kysely, sql } from 'kysely';

// What a space answered the last time it imported a file with the same columns (the mapping,
// defaults, the meanings of its words, the date order): put forward again for the next file
// from the same source, so a monthly export is mapped once.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table import_memory (
    space_id uuid not null references spaces(id) on delete cascade,
    entity text not null,
    columns_key text not null,
    mapping jsonb not null,
    decisions jsonb not null,
    updated_at timestamptz not null default now(),
    primary key (space_id, entity, columns_key)
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists import_memory`.execute(db);
}
