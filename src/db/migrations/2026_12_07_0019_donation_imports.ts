import { type Kysely, sql } from 'kysely';

// The import that wrote a gift: taken back with it if it fails, its process dies, or it was a trial.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table donations add column import_job_id uuid`.execute(db);
  await sql`create index donations_import_idx on donations (import_job_id) where import_job_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table donations drop column if exists import_job_id`.execute(db);
}
