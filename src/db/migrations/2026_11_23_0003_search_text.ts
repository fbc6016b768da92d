import { type Kysely, sql } from 'kysely';

// "Name contains …" searches name, short name and city at once; one lower-cased column with a
// trigram index lets PostgreSQL answer that from the index instead of reading every row.
const STATEMENTS = [
  `alter table organizations add column search_text text generated always as
     (lower(name || ' ' || coalesce(short_name, '') || ' ' || coalesce(city, ''))) stored`,
  'create index organizations_search_trgm_idx on organizations using gin (search_text gin_trgm_ops)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('alter table organizations drop column search_text').execute(db);
}
