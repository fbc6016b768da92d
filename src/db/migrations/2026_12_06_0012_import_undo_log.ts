import { type Kysely, sql } from 'kysely';

// Imports write in batches, each committed on its own so that the rest of the app keeps
// answering; what each batch changed is logged here (the record, and what it held before), so a
// failed or interrupted import is taken back whole. The log of a finished import is deleted.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table import_job_changes (
      id bigserial primary key,
      job_id uuid not null references import_jobs(id) on delete cascade,
      entity text not null check (entity in ('organizations', 'memberships', 'people')),
      record_id uuid not null,
      action text not null check (action in ('created', 'updated')),
      before jsonb
    )`.execute(db);
  await sql`create index import_job_changes_job_idx on import_job_changes (job_id, id)`.execute(db);
  // The process running an import marks it alive after every batch; only a job nobody has marked
  // for a while is taken for interrupted (another process, a CLI import say, may still be at work).
  await sql`alter table import_jobs add column heartbeat_at timestamptz`.execute(db);
  // Imports match each row to a stored organization by name or short name: with both indexed,
  // each lookup stays an index probe however big the directory grows.
  await sql`create index organizations_short_name_idx on organizations (lower(short_name))`.execute(db);
  // Every start looks for contacts sealed before sealing named their row: an empty partial index
  // answers that at once, instead of a scan of every person.
  await sql`create index people_legacy_sealed_idx on people (id) where contact_sealed like 'v1.%'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists organizations_short_name_idx`.execute(db);
  await sql`drop index if exists people_legacy_sealed_idx`.execute(db);
  await sql`alter table import_jobs drop column if exists heartbeat_at`.execute(db);
  await sql`drop table if exists import_job_changes`.execute(db);
}
