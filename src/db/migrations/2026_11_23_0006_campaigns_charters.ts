import { type Kysely, sql } from 'kysely';

// Campaigns (the Midwest Academy strategy chart, who takes part and what each brings, actions,
// wins, issues carried), an alliance's versioned charter, its stages of development with the
// report's five questions, and rapid response alerts with members' commitments.
const DDL = `
    create table campaigns (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      organization_id uuid not null references organizations(id) on delete cascade,
      name text not null,
      chart jsonb not null default '{}',
      status text not null default 'active' check (status in ('planning', 'active', 'won', 'lost', 'closed')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table campaign_participants (
      campaign_id uuid not null references campaigns(id) on delete cascade,
      organization_id uuid not null references organizations(id) on delete cascade,
      brings text[] not null default '{}',
      primary key (campaign_id, organization_id)
    );

    create table campaign_events (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      campaign_id uuid not null references campaigns(id) on delete cascade,
      kind text not null check (kind in ('action', 'win', 'issue_carried')),
      happened_on text,
      title text not null,
      turnout int,
      carrier_id uuid references organizations(id) on delete set null,
      demand_owner_id uuid references organizations(id) on delete set null,
      decision_maker text,
      created_at timestamptz not null default now()
    );
    create index campaign_events_idx on campaign_events (campaign_id, happened_on);

    create table charter_versions (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      alliance_id uuid not null references organizations(id) on delete cascade,
      version int not null,
      blocks jsonb not null,
      values_text text,
      vision text,
      decision_rules text,
      proposal_id uuid references proposals(id) on delete set null,
      ratified_at timestamptz,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      unique (alliance_id, version)
    );

    create table stage_moves (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      alliance_id uuid not null references organizations(id) on delete cascade,
      from_stage text,
      to_stage text not null,
      answers jsonb not null,
      moved_by uuid references users(id) on delete set null,
      moved_at timestamptz not null default now()
    );

    create table alerts (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      alliance_id uuid not null references organizations(id) on delete cascade,
      title text not null,
      body text not null,
      need jsonb not null,
      status text not null default 'open' check (status in ('open', 'closed')),
      respond_by text,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now()
    );

    create table alert_commitments (
      alert_id uuid not null references alerts(id) on delete cascade,
      organization_id uuid not null references organizations(id) on delete cascade,
      organizers int not null default 0,
      people int not null default 0,
      money int not null default 0,
      days int not null default 0,
      note text,
      committed_by uuid references users(id) on delete set null,
      updated_at timestamptz not null default now(),
      primary key (alert_id, organization_id)
    )
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of DDL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists alert_commitments, alerts, stage_moves, charter_versions, campaign_events, campaign_participants, campaigns cascade`.execute(db);
}
