import { type Kysely, sql } from 'kysely';

// Indexes for the directory filters, and trigram indexes so that "name contains …" searches
// stay fast on large workspaces (pg_trgm ships with PostgreSQL and with PGlite).
const STATEMENTS = [
  'create extension if not exists pg_trgm',
  'create index organizations_state_idx on organizations (state_fips)',
  'create index organizations_kind_idx on organizations (kind)',
  'create index organizations_issues_idx on organizations using gin (issues)',
  'create index organizations_constituencies_idx on organizations using gin (constituencies)',
  'create index organizations_capacities_idx on organizations using gin (capacities jsonb_path_ops)',
  'create index organizations_name_trgm_idx on organizations using gin (name gin_trgm_ops)',
  'create index memberships_alliance_idx on memberships (alliance_id)',
  'create index representatives_membership_idx on representatives (membership_id)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of ['organizations_state_idx', 'organizations_kind_idx', 'organizations_issues_idx', 'organizations_constituencies_idx',
    'organizations_capacities_idx', 'organizations_name_trgm_idx', 'memberships_alliance_idx', 'representatives_membership_idx']) {
    await sql.raw(`drop index if exists ${name}`).execute(db);
  }
}
