import { type Kysely, sql } from 'kysely';

// The directory: accounts, spaces and grants, organizations, memberships, people, audit.
// Written for PostgreSQL 15 (the embedded PGlite is newer and accepts it too).
const DDL = `
    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      display_name text not null,
      password_hash text not null,
      locale text not null default 'en' check (locale in ('en', 'es')),
      is_workspace_admin boolean not null default false,
      created_at timestamptz not null default now()
    );
    create unique index users_email_key on users (lower(email));

    create table sessions (
      token_hash text primary key,
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index sessions_user_idx on sessions (user_id);

    create table spaces (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('organization', 'alliance')),
      name text not null,
      created_at timestamptz not null default now()
    );

    create table space_roles (
      space_id uuid not null references spaces(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      role text not null check (role in ('owner', 'admin', 'member', 'viewer')),
      created_at timestamptz not null default now(),
      primary key (space_id, user_id)
    );
    create index space_roles_user_idx on space_roles (user_id);

    create table grants (
      id uuid primary key default gen_random_uuid(),
      from_space_id uuid not null references spaces(id) on delete cascade,
      to_space_id uuid not null references spaces(id) on delete cascade,
      scope text not null check (scope in ('profile', 'representatives', 'people')),
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      revoked_at timestamptz,
      revoked_by uuid references users(id) on delete set null,
      check (from_space_id <> to_space_id)
    );
    create unique index grants_active_key on grants (from_space_id, to_space_id, scope) where revoked_at is null;
    create index grants_to_idx on grants (to_space_id) where revoked_at is null;

    create table organizations (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      own_space_id uuid unique references spaces(id) on delete set null,
      external_id text,
      name text not null,
      short_name text,
      kind text not null,
      description text,
      sectors text[] not null default '{}',
      issues text[] not null default '{}',
      constituencies text[] not null default '{}',
      capacities jsonb not null default '[]',
      state_fips char(2),
      county_fips char(5),
      city text,
      region text,
      power_scale text,
      legal_structure text,
      budget_band text,
      founded_on text,
      website text,
      email text,
      phone text,
      alliance_profile jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index organizations_space_idx on organizations (space_id);
    create index organizations_name_idx on organizations (lower(name));
    create unique index organizations_external_key on organizations (space_id, external_id) where external_id is not null;

    create table memberships (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      alliance_id uuid not null references organizations(id) on delete cascade,
      member_id uuid not null references organizations(id) on delete cascade,
      role text not null,
      status text not null,
      started_on text,
      ended_on text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (alliance_id, member_id),
      check (alliance_id <> member_id)
    );
    create index memberships_member_idx on memberships (member_id);
    create index memberships_space_idx on memberships (space_id);

    create table people (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      external_id text,
      name text not null,
      languages text[] not null default '{}',
      contact_sealed text,
      email_hash text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index people_space_idx on people (space_id, lower(name));
    create unique index people_external_key on people (space_id, external_id) where external_id is not null;
    create index people_email_hash_idx on people (space_id, email_hash);

    create table affiliations (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      person_id uuid not null references people(id) on delete cascade,
      organization_id uuid not null references organizations(id) on delete cascade,
      role text not null,
      created_at timestamptz not null default now(),
      unique (person_id, organization_id, role)
    );
    create index affiliations_org_idx on affiliations (organization_id);

    create table representatives (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      membership_id uuid not null references memberships(id) on delete cascade,
      person_id uuid not null references people(id) on delete cascade,
      seat text not null,
      created_at timestamptz not null default now(),
      unique (membership_id, person_id)
    );
    create index representatives_person_idx on representatives (person_id);

    create table vocabulary_terms (
      kind text not null,
      key text not null,
      label_en text not null,
      label_es text not null,
      position int not null default 0,
      primary key (kind, key)
    );

    create table audit_log (
      id bigserial primary key,
      at timestamptz not null default now(),
      user_id uuid references users(id) on delete set null,
      space_id uuid references spaces(id) on delete cascade,
      action text not null,
      entity text not null,
      entity_id text,
      changes jsonb
    );
    create index audit_log_space_idx on audit_log (space_id, at desc);

    create table import_jobs (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      entity text not null,
      status text not null,
      total int not null,
      processed int not null default 0,
      report jsonb,
      created_at timestamptz not null default now()
    );
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement at a time: PGlite's extended protocol takes no multi-statement strings.
  for (const statement of DDL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists import_jobs, audit_log, vocabulary_terms, representatives, affiliations,
    people, memberships, organizations, grants, space_roles, spaces, sessions, users cascade`.execute(db);
}
