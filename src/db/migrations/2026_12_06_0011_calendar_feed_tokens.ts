import { type Kysely, sql } from 'kysely';

// Calendar feed addresses, one per person and organization: calendar apps send no cookie, so the
// address carries a random token. Only its SHA-256 is stored; a new one replaces the old, and it
// goes when the person's role in the organization's space goes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table calendar_feed_tokens (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      organization_id uuid not null references organizations(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      unique (organization_id, user_id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists calendar_feed_tokens`.execute(db);
}
