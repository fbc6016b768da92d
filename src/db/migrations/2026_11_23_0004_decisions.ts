import { type Kysely, sql } from 'kysely';

// Democratic decisions between organizations: committees and their seats, proposals with
// versions, discussion and a process of steps (consultations and votes), electorates frozen when
// a vote opens, ballots with their history, and in-app notifications. All rows live in the
// alliance's shared space (space_id).
const DDL = `
    alter table people add column user_id uuid references users(id) on delete set null;
    create unique index people_user_key on people (space_id, user_id) where user_id is not null;

    create table committees (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      alliance_id uuid not null references organizations(id) on delete cascade,
      name text not null,
      purpose text,
      created_at timestamptz not null default now()
    );
    create index committees_alliance_idx on committees (alliance_id);

    create table committee_seats (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      committee_id uuid not null references committees(id) on delete cascade,
      organization_id uuid not null references organizations(id) on delete cascade,
      person_id uuid not null references people(id) on delete cascade,
      seat text not null check (seat in ('permanent', 'alternate')),
      term_starts_on text,
      term_ends_on text,
      created_at timestamptz not null default now(),
      unique (committee_id, organization_id, seat)
    );

    create table proposals (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      alliance_id uuid not null references organizations(id) on delete cascade,
      committee_id uuid references committees(id) on delete set null,
      status text not null check (status in ('draft', 'in_process', 'ratified', 'rejected', 'withdrawn')),
      decides jsonb,
      outcome_statement text,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      decided_at timestamptz
    );
    create index proposals_alliance_idx on proposals (alliance_id, created_at desc);

    create table proposal_versions (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      proposal_id uuid not null references proposals(id) on delete cascade,
      version int not null,
      title text not null,
      body text not null,
      attachments jsonb not null default '[]',
      change_note text,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      unique (proposal_id, version)
    );

    create table proposal_comments (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      proposal_id uuid not null references proposals(id) on delete cascade,
      version int not null,
      user_id uuid references users(id) on delete set null,
      body text not null,
      created_at timestamptz not null default now()
    );
    create index proposal_comments_idx on proposal_comments (proposal_id, created_at);

    create table proposal_steps (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      proposal_id uuid not null references proposals(id) on delete cascade,
      position int not null,
      kind text not null check (kind in ('consultation', 'vote')),
      format text,
      title text not null,
      starts_on text,
      ends_on text,
      status text not null check (status in ('pending', 'open', 'done')),
      completed_at timestamptz,
      unique (proposal_id, position)
    );

    create table consultation_entries (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      step_id uuid not null references proposal_steps(id) on delete cascade,
      organization_id uuid references organizations(id) on delete set null,
      participant text not null,
      said text,
      recorded_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now()
    );
    create index consultation_entries_step_idx on consultation_entries (step_id);

    create table votes (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      step_id uuid not null unique references proposal_steps(id) on delete cascade,
      proposal_id uuid not null references proposals(id) on delete cascade,
      method text not null,
      rule jsonb not null,
      options jsonb not null default '[]',
      electorate jsonb not null,
      weighting jsonb,
      quorum jsonb,
      secret boolean not null default false,
      closes_at timestamptz,
      early_close text not null default 'never',
      status text not null check (status in ('scheduled', 'open', 'closed')),
      opened_at timestamptz,
      closed_at timestamptz,
      reminded_at timestamptz,
      outcome jsonb
    );

    create table vote_electors (
      vote_id uuid not null references votes(id) on delete cascade,
      elector_id uuid not null,
      label text not null,
      weight jsonb not null,
      weight_inputs jsonb,
      primary key (vote_id, elector_id)
    );

    create table ballots (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      vote_id uuid not null references votes(id) on delete cascade,
      elector_id uuid not null,
      cast_by uuid references users(id) on delete set null,
      cast_as text not null check (cast_as in ('representative', 'alternate', 'self')),
      version int not null,
      ballot jsonb not null,
      cast_at timestamptz not null default now(),
      superseded_at timestamptz
    );
    create index ballots_vote_idx on ballots (vote_id, elector_id);
    create unique index ballots_current_key on ballots (vote_id, elector_id) where superseded_at is null;

    create table vote_events (
      id uuid primary key default gen_random_uuid(),
      vote_id uuid not null references votes(id) on delete cascade,
      action text not null,
      rule text,
      reason text,
      user_id uuid references users(id) on delete set null,
      at timestamptz not null default now()
    );

    create table notifications (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      space_id uuid references spaces(id) on delete cascade,
      kind text not null,
      proposal_id uuid references proposals(id) on delete cascade,
      vote_id uuid references votes(id) on delete cascade,
      data jsonb,
      created_at timestamptz not null default now(),
      read_at timestamptz,
      emailed_at timestamptz
    );
    create index notifications_user_idx on notifications (user_id, created_at desc)
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of DDL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists notifications, vote_events, ballots, vote_electors, votes, consultation_entries,
    proposal_steps, proposal_comments, proposal_versions, proposals, committee_seats, committees cascade`.execute(db);
  await sql`alter table people drop column if exists user_id`.execute(db);
}
