import { type Kysely, sql } from 'kysely';

// A reach sketch is made for the firewall as it stood: the alliance's mark, the contributing
// space's mark and its rule. Read later under other marks, it no longer counts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table reach_sketches add column firewall text not null default ''`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table reach_sketches drop column if exists firewall`.execute(db);
}
