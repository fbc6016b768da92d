import { type Kysely, sql } from 'kysely';

// What an alliance has chosen to build toward (e.g. youth, women, LGBT communities, the Deep
// South): its gaps are measured against these.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table field_priorities (
      alliance_id uuid primary key references organizations(id) on delete cascade,
      constituencies text[] not null default '{}',
      state_fips text[] not null default '{}',
      updated_by uuid references users(id) on delete set null,
      updated_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists field_priorities`.execute(db);
}
