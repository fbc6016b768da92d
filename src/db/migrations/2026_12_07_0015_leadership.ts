import { type Kysely, sql } from 'kysely';

// Leadership development on an organization's base: a contact linked to the directory person it
// is (so committee seats, representation and sessions led count on the ladder), who recruited
// whom, attendance of contacts at convenings (kept in the organization's own space, whoever holds
// the convening), and leadership cohorts with their mentors and trainings.
const DDL = `
    alter table contacts add column person_id uuid references people(id) on delete set null;
    alter table contacts add column recruited_by uuid references contacts(id) on delete set null;
    create index contacts_person_idx on contacts (person_id) where person_id is not null;
    create index contacts_recruited_by_idx on contacts (recruited_by) where recruited_by is not null;

    create table contact_attendance (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      contact_id uuid not null references contacts(id) on delete cascade,
      convening_id uuid not null references convenings(id) on delete cascade,
      status text not null check (status in ('registered', 'attended', 'no_show')),
      source text not null check (source in ('manual', 'sign_in', 'osdi')),
      recorded_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (contact_id, convening_id)
    );
    create index contact_attendance_convening_idx on contact_attendance (space_id, convening_id);
    create index contact_attendance_updated_idx on contact_attendance (space_id, updated_at, id);

    create table leadership_cohorts (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      name text not null,
      description text,
      starts_on text,
      ends_on text,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index leadership_cohorts_space_idx on leadership_cohorts (space_id);

    create table cohort_members (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      cohort_id uuid not null references leadership_cohorts(id) on delete cascade,
      contact_id uuid not null references contacts(id) on delete cascade,
      mentor_id uuid references contacts(id) on delete set null,
      status text not null check (status in ('active', 'completed', 'left')),
      notes text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (cohort_id, contact_id)
    );
    create index cohort_members_contact_idx on cohort_members (contact_id);

    create table cohort_trainings (
      cohort_id uuid not null references leadership_cohorts(id) on delete cascade,
      convening_id uuid not null references convenings(id) on delete cascade,
      space_id uuid not null references spaces(id) on delete cascade,
      primary key (cohort_id, convening_id)
    )`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of DDL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists cohort_trainings, cohort_members, leadership_cohorts, contact_attendance cascade`.execute(db);
  await sql`alter table contacts drop column if exists recruited_by, drop column if exists person_id`.execute(db);
}
