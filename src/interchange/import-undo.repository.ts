import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

// The undo log of imports in progress (see the migration 0012).

export interface ImportChange { entity: 'organizations' | 'memberships' | 'people'; recordId: string; action: 'created' | 'updated'; before: Record<string, unknown> | null }

export async function logChanges(trx: Db, jobId: string, changes: ImportChange[]) {
  for (let i = 0; i < changes.length; i += 1000) {
    await trx.insertInto('import_job_changes').values(changes.slice(i, i + 1000).map((c) => ({
      job_id: jobId, entity: c.entity, record_id: c.recordId, action: c.action, before: c.before === null ? null : JSON.stringify(c.before),
    }))).execute();
  }
}

/** The latest changes of a job, newest first: they are taken back in the reverse order they were made. */
export async function latestChanges(db: Db, jobId: string, limit: number) {
  return db.selectFrom('import_job_changes').select(['id', 'entity', 'record_id as recordId', 'action', 'before'])
    .where('job_id', '=', jobId).orderBy('id', 'desc').limit(limit).execute();
}

export async function forgetChanges(db: Db, ids: number[]) {
  if (ids.length) await db.deleteFrom('import_job_changes').where('id', 'in', ids).execute();
}

export async function forgetJobChanges(db: Db, jobId: string) {
  await db.deleteFrom('import_job_changes').where('job_id', '=', jobId).execute();
}


/** Runs `work` so that a database error in it undoes only its own statements (a savepoint). */
export async function inSavepoint(trx: Db, work: () => Promise<void>): Promise<boolean> {
  await sql`savepoint undo_change`.execute(trx);
  try {
    await work();
    await sql`release savepoint undo_change`.execute(trx);
    return true;
  } catch {
    await sql`rollback to savepoint undo_change`.execute(trx);
    return false;
  }
}

