import type { Db } from '../db/database.ts';
import type { ImportJob } from './import-jobs.ts';

export async function startJobRow(db: Db, job: ImportJob) {
  await db.insertInto('import_jobs').values({
    id: job.id, space_id: job.spaceId, user_id: job.userId, entity: job.entity, status: 'running', total: job.total, report: JSON.stringify(null), heartbeat_at: new Date(),
  }).execute();
}

export async function saveJobReport(db: Db, job: ImportJob) {
  await db.updateTable('import_jobs').set({
    status: job.status === 'failed' ? 'failed' : 'done', total: job.total, processed: job.processed,
    report: JSON.stringify({ status: job.status, counts: job.counts, rows: job.rows, message: job.message ?? null,
      ...(job.possibleDuplicates !== undefined ? { possibleDuplicates: job.possibleDuplicates } : {}), ...(job.dryRun ? { dryRun: true } : {}) }),
  }).where('id', '=', job.id).execute();
}

/** Jobs still marked running that no process has marked alive since `before`. */
export async function interruptedJobs(db: Db, before: Date) {
  return db.selectFrom('import_jobs').select(['id', 'space_id as spaceId', 'user_id as userId', 'entity', 'total', 'report']).where('status', '=', 'running')
    .where((eb) => eb.or([eb('heartbeat_at', '<', before), eb.and([eb('heartbeat_at', 'is', null), eb('created_at', '<', before)])])).execute();
}

export async function markAlive(db: Db, jobId: string, processed: number) {
  await db.updateTable('import_jobs').set({ heartbeat_at: new Date(), processed }).where('id', '=', jobId).execute();
}

export async function findJobRow(db: Db, id: string) {
  return db.selectFrom('import_jobs').select(['id', 'space_id as spaceId', 'user_id as userId', 'entity', 'status', 'total', 'processed', 'report'])
    .where('id', '=', id).executeTakeFirst();
}

export async function markJobFailed(db: Db, id: string, report: object) {
  await db.updateTable('import_jobs').set({ status: 'failed', report: JSON.stringify(report) }).where('id', '=', id).execute();
}
