import { type Kysely, sql } from 'kysely';

// Updates from an alliance to its members: each is a thread on the alliance, sent to a list of
// accounts (by email and in the app). Each recipient of a thread gets a reply address of their
// own (the row's id, signed), through which a reply by email lands in the thread as their post.
// People may choose a daily digest instead of one email per update.
const DDL = `
    create table updates (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      alliance_id uuid not null references organizations(id) on delete cascade,
      thread_id uuid not null references threads(id) on delete cascade,
      audience text not null check (audience in ('representatives', 'followers')),
      sent_by uuid references users(id) on delete set null,
      sent_at timestamptz not null default now()
    );
    create index updates_alliance_idx on updates (alliance_id, sent_at desc);
    create table update_recipients (
      update_id uuid not null references updates(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      space_id uuid not null references spaces(id) on delete cascade,
      emailed_at timestamptz,
      digested_at timestamptz,
      primary key (update_id, user_id)
    );
    create table reply_addresses (
      id uuid primary key default gen_random_uuid(),
      thread_id uuid not null references threads(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      space_id uuid not null references spaces(id) on delete cascade,
      created_at timestamptz not null default now(),
      unique (thread_id, user_id)
    );
    alter table users add column digest boolean not null default false
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of DDL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users drop column if exists digest`.execute(db);
  await sql`drop table if exists reply_addresses, update_recipients, updates`.execute(db);
}
