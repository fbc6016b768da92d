import { type Kysely, sql } from 'kysely';

// Power maps: per campaign or alliance, stakeholders placed by influence (0–10) and on the
// spectrum of allies; every move along the spectrum is kept.
const DDL = `
    create table power_maps (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      organization_id uuid not null references organizations(id) on delete cascade,
      campaign_id uuid references campaigns(id) on delete set null,
      title text not null,
      created_at timestamptz not null default now()
    );

    create table stakeholders (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      power_map_id uuid not null references power_maps(id) on delete cascade,
      name text not null,
      kind text not null check (kind in ('organization', 'person', 'institution', 'decision_maker')),
      organization_id uuid references organizations(id) on delete set null,
      influence int not null check (influence between 0 and 10),
      stance text not null check (stance in ('active_ally', 'passive_ally', 'neutral', 'passive_opposition', 'active_opposition')),
      note text
    );

    create table stakeholder_moves (
      id uuid primary key default gen_random_uuid(),
      stakeholder_id uuid not null references stakeholders(id) on delete cascade,
      from_stance text, to_stance text not null,
      from_influence int, to_influence int not null,
      note text,
      moved_by uuid references users(id) on delete set null,
      moved_at timestamptz not null default now()
    )
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of DDL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists stakeholder_moves, stakeholders, power_maps cascade`.execute(db);
}
