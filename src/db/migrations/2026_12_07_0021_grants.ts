import { type Kysely, sql } from 'kysely';

// Grants in the 360Giving shape (funding_grants: `grants` are the spaces' sharing grants), kept in the space that recorded them (an alliance recording its
// funders' grants and its re-grants, an organization its own): identifier (unique per space),
// amounts in minor units of the grant's currency, funder and recipient as published (org-id and
// name) and linked to the directory when matched, how sure that link is, the kind of funder (for
// funding diversification), a re-grant's parent. Other income (earned, government contracts,
// dues collected outside Crossroads) completes an organization's sources.
const DDL = `
    create table funding_grants (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      identifier text not null,
      title text not null,
      description text not null default '',
      currency char(3) not null,
      amount_minor bigint not null check (amount_minor >= 0),
      award_date text not null,
      planned_start text,
      planned_end text,
      duration_months integer,
      funder_identifier text,
      funder_name text not null,
      funder_org_id uuid references organizations(id) on delete set null,
      funder_match text not null default 'none',
      funder_type text not null default 'foundation',
      recipient_identifier text,
      recipient_name text not null,
      recipient_org_id uuid references organizations(id) on delete set null,
      recipient_match text not null default 'none',
      programme_code text,
      programme_title text,
      beneficiary_locations jsonb not null default '[]',
      regrant_type text,
      parent_grant_id uuid references funding_grants(id) on delete restrict,
      url text,
      data_source text,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index funding_grants_identifier_key on funding_grants (space_id, identifier);
    create index funding_grants_space_date_idx on funding_grants (space_id, award_date);
    create index funding_grants_recipient_idx on funding_grants (recipient_org_id);
    create index funding_grants_parent_idx on funding_grants (parent_grant_id);

    create table other_income (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      source_type text not null,
      amount_minor bigint not null check (amount_minor > 0),
      received_on text not null,
      description text not null default '',
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now()
    );
    create index other_income_space_idx on other_income (space_id, received_on)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of DDL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists other_income, funding_grants cascade`.execute(db);
}
