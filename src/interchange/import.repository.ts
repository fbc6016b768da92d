import type { Db } from '../db/database.ts';
import type { ImportJob } from './import-jobs.ts';

export async function startJobRow(db: Db, job: ImportJob) {
  await db.insertInto('import_jobs').values({
    id: job.id, space_id: job.spaceId, user_id: job.userId, entity: job.entity, status: 'running', total: job.total, report: JSON.stringify(null),
  }).execute();
}

export async function saveJobReport(db: Db, job: ImportJob) {
  await db.updateTable('import_jobs').set({
    status: job.status === 'failed' ? 'failed' : 'done', processed: job.processed,
    report: JSON.stringify({ status: job.status, counts: job.counts, rows: job.rows, message: job.message ?? null }),
  }).where('id', '=', job.id).execute();
}
