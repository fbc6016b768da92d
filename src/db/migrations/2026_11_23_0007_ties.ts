import { type Kysely, sql } from 'kysely';

// Stated ties between organizations, recorded in the space of whoever records them (an alliance
// maps its field). Derived ties (co-membership, co-attendance, co-campaigning) are computed from
// the records they come from and never stored.
const DDL = `
    create table ties (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      from_id uuid not null references organizations(id) on delete cascade,
      to_id uuid not null references organizations(id) on delete cascade,
      kind text not null check (kind in ('co_campaigned', 'formal_partnership', 'funds', 'conflict', 'introduced', 'shared_members')),
      strength int not null check (strength between 1 and 5),
      started_on text,
      ended_on text,
      note text,
      recorded_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      check (from_id <> to_id)
    );
    create index ties_space_idx on ties (space_id);
    create index ties_org_idx on ties (from_id, to_id)
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of DDL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists ties`.execute(db);
}
