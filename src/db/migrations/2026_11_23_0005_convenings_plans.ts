import { type Kysely, sql } from 'kysely';

// From convening to plan: convenings with hosts, invitations, registrations, attendance, sessions
// (goals identified, proposals that emerged) and follow-ups; SMARTIE goals with indicators and a
// success sheet; work plans with strategy areas, anchors and activities. Rows live in the space
// of the alliance (or organization) that holds them.
const DDL = `
    create table convenings (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      organization_id uuid not null references organizations(id) on delete cascade,
      title text not null,
      kind text not null,
      starts_at text not null,
      ends_at text not null,
      time_zone text not null,
      place text,
      call_link text,
      description text,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index convenings_org_idx on convenings (organization_id, starts_at desc);

    create table convening_hosts (
      convening_id uuid not null references convenings(id) on delete cascade,
      organization_id uuid not null references organizations(id) on delete cascade,
      primary key (convening_id, organization_id)
    );

    create table convening_invitations (
      convening_id uuid not null references convenings(id) on delete cascade,
      organization_id uuid not null references organizations(id) on delete cascade,
      invited_at timestamptz not null default now(),
      primary key (convening_id, organization_id)
    );

    create table convening_participants (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      convening_id uuid not null references convenings(id) on delete cascade,
      name text not null,
      name_key text not null,
      organization_id uuid references organizations(id) on delete set null,
      capacity text not null check (capacity in ('staff', 'leader', 'member', 'guest')),
      registered boolean not null default false,
      attended boolean not null default false,
      created_at timestamptz not null default now(),
      unique (convening_id, name_key, organization_id)
    );
    create index convening_participants_key_idx on convening_participants (space_id, name_key);

    create table convening_sessions (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      convening_id uuid not null references convenings(id) on delete cascade,
      position int not null,
      title text not null,
      facilitator text,
      notes text
    );

    create table session_items (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      session_id uuid not null references convening_sessions(id) on delete cascade,
      kind text not null check (kind in ('goal', 'proposal')),
      text text not null,
      goal_id uuid,
      proposal_id uuid references proposals(id) on delete set null,
      created_at timestamptz not null default now()
    );

    create table follow_ups (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      convening_id uuid references convenings(id) on delete cascade,
      session_item_id uuid references session_items(id) on delete set null,
      text text not null,
      owner_organization_id uuid references organizations(id) on delete set null,
      owner_name text,
      due_on text,
      done_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index follow_ups_space_idx on follow_ups (space_id, due_on);

    create table work_plans (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      organization_id uuid not null references organizations(id) on delete cascade,
      title text not null,
      period text,
      status text not null default 'draft' check (status in ('draft', 'in_ratification', 'ratified')),
      proposal_id uuid references proposals(id) on delete set null,
      theory_of_change jsonb not null default '[]',
      swot jsonb not null default '{}',
      stakeholders jsonb not null default '[]',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table work_plan_areas (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      work_plan_id uuid not null references work_plans(id) on delete cascade,
      position int not null,
      name text not null,
      broad_goal text,
      committee_id uuid references committees(id) on delete set null,
      deadline text
    );

    create table work_plan_anchors (
      area_id uuid not null references work_plan_areas(id) on delete cascade,
      organization_id uuid not null references organizations(id) on delete cascade,
      primary key (area_id, organization_id)
    );

    create table work_plan_activities (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      area_id uuid not null references work_plan_areas(id) on delete cascade,
      kind text not null check (kind in ('activity', 'next_step')),
      text text not null,
      due_on text,
      done boolean not null default false
    );

    create table goals (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      organization_id uuid not null references organizations(id) on delete cascade,
      parent_id uuid references goals(id) on delete cascade,
      level text not null check (level in ('goal', 'objective', 'strategy')),
      statement text not null,
      deadline text,
      deciders_from_most_affected boolean,
      equity_note text,
      impact_reflection jsonb not null default '{}',
      area_id uuid references work_plan_areas(id) on delete set null,
      source_session_id uuid references convening_sessions(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index goals_org_idx on goals (organization_id);

    create table goal_indicators (
      id uuid primary key default gen_random_uuid(),
      goal_id uuid not null references goals(id) on delete cascade,
      name text not null,
      unit text,
      baseline double precision,
      target double precision,
      current double precision,
      position int not null default 0
    );

    create table goal_activities (
      id uuid primary key default gen_random_uuid(),
      goal_id uuid not null references goals(id) on delete cascade,
      due_on text,
      text text not null,
      done boolean not null default false,
      position int not null default 0
    );
    alter table session_items add constraint session_items_goal_fk foreign key (goal_id) references goals(id) on delete set null
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of DDL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists goal_activities, goal_indicators, goals, work_plan_activities, work_plan_anchors, work_plan_areas,
    work_plans, follow_ups, session_items, convening_sessions, convening_participants, convening_invitations, convening_hosts, convenings cascade`.execute(db);
}
