import { type Kysely, sql } from 'kysely';

// Field outreach: efforts (canvass, phone bank, text bank, relational) with a script and a
// universe, turfs or call lists cut from it and assigned to volunteers, and every attempt with
// its result. An attempt's id is made on the volunteer's phone, so a result sent twice is stored
// once. Targets can belong to an alliance: member organizations' efforts count toward it, and the
// alliance reads counts per organization, never a contact. Engagement ladders and each move up
// or down, with its reason.
const DDL = `
    create table outreach_targets (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      name text not null,
      goal integer not null check (goal > 0),
      measure text not null check (measure in ('conversations', 'attempts', 'people_reached')),
      due_on date,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now()
    );
    create index outreach_targets_space_idx on outreach_targets (space_id);

    create table outreach_efforts (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      name text not null,
      kind text not null check (kind in ('canvass', 'phone_bank', 'text_bank', 'relational')),
      script jsonb not null default '{"questions": []}',
      segment_id uuid references segments(id) on delete set null,
      target_id uuid references outreach_targets(id) on delete set null,
      status text not null default 'active' check (status in ('draft', 'active', 'closed')),
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index outreach_efforts_space_idx on outreach_efforts (space_id);
    create index outreach_efforts_target_idx on outreach_efforts (target_id) where target_id is not null;

    create table outreach_assignments (
      id uuid primary key default gen_random_uuid(),
      effort_id uuid not null references outreach_efforts(id) on delete cascade,
      space_id uuid not null references spaces(id) on delete cascade,
      name text not null,
      user_id uuid references users(id) on delete set null,
      created_at timestamptz not null default now()
    );
    create index outreach_assignments_effort_idx on outreach_assignments (effort_id);
    create index outreach_assignments_user_idx on outreach_assignments (user_id) where user_id is not null;

    create table outreach_assignment_contacts (
      assignment_id uuid not null references outreach_assignments(id) on delete cascade,
      contact_id uuid not null references contacts(id) on delete cascade,
      position integer not null,
      primary key (assignment_id, contact_id)
    );
    create index outreach_assignment_contacts_contact_idx on outreach_assignment_contacts (contact_id);

    create table outreach_attempts (
      id uuid primary key,
      effort_id uuid not null references outreach_efforts(id) on delete cascade,
      space_id uuid not null references spaces(id) on delete cascade,
      assignment_id uuid references outreach_assignments(id) on delete set null,
      contact_id uuid references contacts(id) on delete set null,
      result text not null,
      answers jsonb not null default '{}',
      notes_sealed text,
      made_by uuid references users(id) on delete set null,
      made_at timestamptz not null,
      recorded_at timestamptz not null default now()
    );
    create index outreach_attempts_effort_idx on outreach_attempts (effort_id, result);
    create index outreach_attempts_contact_idx on outreach_attempts (contact_id, made_at);

    create table ladders (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null unique references spaces(id) on delete cascade,
      steps jsonb not null,
      rules jsonb not null default '[]',
      updated_at timestamptz not null default now()
    );

    alter table contacts add column ladder_step text;
    create index contacts_languages_idx on contacts using gin (languages);
    create index contacts_ladder_idx on contacts (space_id, ladder_step) where ladder_step is not null;

    create table ladder_moves (
      id uuid primary key default gen_random_uuid(),
      contact_id uuid not null references contacts(id) on delete cascade,
      space_id uuid not null references spaces(id) on delete cascade,
      from_step text,
      to_step text not null,
      reason text not null,
      manual boolean not null default false,
      user_id uuid references users(id) on delete set null,
      at timestamptz not null default now()
    );
    create index ladder_moves_contact_idx on ladder_moves (contact_id, at);
    create index ladder_moves_space_idx on ladder_moves (space_id, at)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of DDL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists ladder_moves, ladders, outreach_attempts, outreach_assignment_contacts, outreach_assignments, outreach_efforts, outreach_targets cascade`.execute(db);
  await sql`drop index if exists contacts_languages_idx`.execute(db);
  await sql`alter table contacts drop column if exists ladder_step`.execute(db);
}
