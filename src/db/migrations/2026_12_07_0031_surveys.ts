import { type Kysely, sql } from 'kysely';

// Relationship surveys: an alliance's waves, one invitation (and answer) per member organization,
// the ratings each gave the others, and its answers to the collaboration-factor items. Everything
// lives in the alliance's space; the link token names the invitation row.
const DDL = `
    create table surveys (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      alliance_id uuid not null references organizations(id) on delete cascade,
      title text not null,
      status text not null default 'draft' check (status in ('draft', 'open', 'closed')),
      deadline timestamptz not null,
      factor_items jsonb not null default '[]',
      include_allies boolean not null default false,
      opened_at timestamptz,
      closed_at timestamptz,
      reminded_at timestamptz,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index surveys_alliance_idx on surveys (alliance_id, created_at);
    create table survey_invitations (
      id uuid primary key default gen_random_uuid(),
      survey_id uuid not null references surveys(id) on delete cascade,
      space_id uuid not null references spaces(id) on delete cascade,
      organization_id uuid not null references organizations(id) on delete cascade,
      person_id uuid references people(id) on delete set null,
      emailed_at timestamptz,
      reminded_at timestamptz,
      submitted_at timestamptz,
      contributions text[] not null default '{}',
      share_pairs boolean not null default false,
      created_at timestamptz not null default now(),
      unique (survey_id, organization_id)
    );
    create table survey_ratings (
      survey_id uuid not null references surveys(id) on delete cascade,
      space_id uuid not null references spaces(id) on delete cascade,
      rater_id uuid not null references organizations(id) on delete cascade,
      ratee_id uuid not null references organizations(id) on delete cascade,
      collaboration smallint not null check (collaboration between 0 and 5),
      reliability smallint check (reliability between 1 and 4),
      mission smallint check (mission between 1 and 4),
      openness smallint check (openness between 1 and 4),
      power smallint check (power between 1 and 4),
      involvement smallint check (involvement between 1 and 4),
      resources smallint check (resources between 1 and 4),
      primary key (survey_id, rater_id, ratee_id),
      check (rater_id <> ratee_id)
    );
    create index survey_ratings_ratee_idx on survey_ratings (survey_id, ratee_id);
    create table survey_factor_answers (
      survey_id uuid not null references surveys(id) on delete cascade,
      space_id uuid not null references spaces(id) on delete cascade,
      organization_id uuid not null references organizations(id) on delete cascade,
      item smallint not null,
      score smallint not null check (score between 1 and 5),
      primary key (survey_id, organization_id, item)
    )
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of DDL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists survey_factor_answers, survey_ratings, survey_invitations, surveys`.execute(db);
}
