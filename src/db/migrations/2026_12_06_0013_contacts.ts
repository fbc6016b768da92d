import { type Kysely, sql } from 'kysely';

// An organization's base: its contacts (members, supporters, the voters it talks to), private to
// its own space, never reached by a grant. Email, phone, street address and birth date are sealed;
// exact lookups go through keyed hashes (blind indexes). What segments filter on — names, the
// coarse place (state, county, ZIP), languages, tags, birth year — stays in clear.
const DDL = `
    create table contacts (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      external_id text,
      first_name text not null default '',
      last_name text not null default '',
      languages text[] not null default '{}',
      sealed text,
      email_hash text,
      phone_hash text,
      name_address_hash text,
      household_key text,
      city text,
      state_fips char(2),
      county_fips char(5),
      zip text,
      birth_year smallint,
      birth_key text,
      tags text[] not null default '{}',
      custom_fields jsonb not null default '{}',
      email_opt_in boolean,
      sms_opt_in boolean,
      do_not_contact boolean not null default false,
      source text not null default 'manual',
      import_job_id uuid,
      import_row integer,
      merged_into uuid references contacts(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index contacts_space_name_idx on contacts (space_id, lower(last_name), lower(first_name), id);
    create index contacts_space_updated_idx on contacts (space_id, updated_at, id);
    create index contacts_email_idx on contacts (space_id, email_hash) where email_hash is not null;
    create index contacts_phone_idx on contacts (space_id, phone_hash) where phone_hash is not null;
    create index contacts_name_address_idx on contacts (space_id, name_address_hash) where name_address_hash is not null;
    create index contacts_zip_idx on contacts (space_id, zip);
    create index contacts_county_idx on contacts (space_id, county_fips);
    create index contacts_tags_idx on contacts using gin (tags);
    create index contacts_import_idx on contacts (import_job_id) where import_job_id is not null;
    create unique index contacts_external_key on contacts (space_id, external_id) where external_id is not null and merged_into is null;

    create table contact_tags (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      name text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index contact_tags_name_key on contact_tags (space_id, lower(name));

    create table contact_history (
      id uuid primary key default gen_random_uuid(),
      contact_id uuid not null references contacts(id) on delete cascade,
      space_id uuid not null references spaces(id) on delete cascade,
      action text not null check (action in ('merged', 'absorbed')),
      other_contact_id uuid,
      before_sealed text,
      user_id uuid references users(id) on delete set null,
      at timestamptz not null default now()
    );
    create index contact_history_contact_idx on contact_history (contact_id, at);

    create table segments (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      name text not null,
      definition jsonb not null,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index segments_space_idx on segments (space_id);

    create table contact_lists (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      name text not null,
      description text,
      segment_id uuid references segments(id) on delete set null,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index contact_lists_space_idx on contact_lists (space_id);

    create table contact_list_items (
      list_id uuid not null references contact_lists(id) on delete cascade,
      contact_id uuid not null references contacts(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (list_id, contact_id)
    );
    create index contact_list_items_contact_idx on contact_list_items (contact_id);

    create table osdi_tokens (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      label text not null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );
    create index osdi_tokens_space_idx on osdi_tokens (space_id)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement at a time: PGlite's extended protocol takes no multi-statement strings.
  for (const statement of DDL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists osdi_tokens, contact_list_items, contact_lists, segments, contact_history, contact_tags, contacts cascade`.execute(db);
}
