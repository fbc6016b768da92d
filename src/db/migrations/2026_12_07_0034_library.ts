import { type Kysely, sql } from 'kysely';

// The resource library: curricula, policy papers, reports, hand-outs, each an item of a space
// with its versions. A version's bytes are stored in the database with their content hash and
// the text read from them (PDF, Word, plain text), searchable in English and Spanish with the
// item's title, description and tags (the first 300,000 characters of a file's text).
const DDL = `
    create table library_items (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      title text not null,
      description text not null default '',
      language text not null default 'en',
      tags text[] not null default '{}',
      issues text[] not null default '{}',
      constituencies text[] not null default '{}',
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index library_items_space_idx on library_items (space_id, updated_at desc);
    create table library_files (
      id uuid primary key default gen_random_uuid(),
      item_id uuid not null references library_items(id) on delete cascade,
      space_id uuid not null references spaces(id) on delete cascade,
      version integer not null,
      file_name text not null,
      content_type text not null,
      size integer not null,
      sha256 text not null,
      bytes bytea not null,
      text text not null default '',
      uploaded_by uuid references users(id) on delete set null,
      uploaded_at timestamptz not null default now(),
      -- Words without their positions (strip), from the first 300,000 characters: within a tsvector's 1 MB.
      search tsvector generated always as (strip(to_tsvector('english', left(text, 300000))) || strip(to_tsvector('spanish', left(text, 300000)))) stored,
      unique (item_id, version)
    );
    create index library_files_search_idx on library_files using gin (search)
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of DDL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists library_files, library_items`.execute(db);
}
