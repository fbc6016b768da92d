import { type Kysely, sql } from 'kysely';

// Segments filter on the area first (a county, a ZIP code) and then on languages and tags: with
// those columns in the area indexes, PostgreSQL counts a segment from the index alone (an
// index-only scan, once the table is vacuumed) instead of reading a page of the table per contact.
const DDL = `
    drop index if exists contacts_county_idx;
    drop index if exists contacts_zip_idx;
    create index contacts_county_idx on contacts (space_id, county_fips) include (languages, tags, merged_into);
    create index contacts_zip_idx on contacts (space_id, zip) include (languages, tags, merged_into)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of DDL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists contacts_county_idx`.execute(db);
  await sql`drop index if exists contacts_zip_idx`.execute(db);
  await sql`create index contacts_county_idx on contacts (space_id, county_fips)`.execute(db);
  await sql`create index contacts_zip_idx on contacts (space_id, zip)`.execute(db);
}
