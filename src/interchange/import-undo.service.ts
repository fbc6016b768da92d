import { insertAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import * as memberships from '../memberships/membership.repository.ts';
import * as orgs from '../orgs/organization.repository.ts';
import type { OrganizationInput } from '../orgs/organization.schema.ts';
import * as people from '../people/person.repository.ts';
import { deleteSpace } from '../spaces/spaces.repository.ts';
import * as repo from './import-undo.repository.ts';

// Taking back what a failed or interrupted import wrote, newest change first, in short
// transactions (so the app keeps answering meanwhile): created records are deleted, updated ones
// get back what they held.

const BATCH = 200;

async function revert(trx: Db, change: Awaited<ReturnType<typeof repo.latestChanges>>[number]) {
  const before = change.before as Record<string, unknown> | null;
  if (change.entity === 'organizations') {
    if (change.action === 'created') {
      await orgs.deleteOrganization(trx, change.recordId);
      if (before?.ownSpaceId) await deleteSpace(trx, before.ownSpaceId as string);
    } else await orgs.updateOrganization(trx, change.recordId, before as unknown as OrganizationInput);
  } else if (change.entity === 'memberships') {
    if (change.action === 'created') await memberships.deleteMembership(trx, change.recordId);
    else await memberships.updateMembership(trx, change.recordId, before as never);
  } else if (change.action === 'created') {
    await people.deletePerson(trx, change.recordId);
  } else {
    const b = before as { spaceId: string; name: string; languages: string[]; contactSealed: string | null; emailHash: string | null; affiliations: { organizationId: string; role: string }[] };
    await people.updatePerson(trx, change.recordId, b);
    await people.replaceAffiliations(trx, b.spaceId, change.recordId, b.affiliations);
  }
}

/** Takes back everything the job wrote; returns how many changes were taken back. */
export async function undoImport(db: Db, job: { id: string; spaceId: string; userId: string | null }) {
  let undone = 0;
  for (;;) {
    const batch = await repo.latestChanges(db, job.id, BATCH);
    if (batch.length === 0) break;
    await db.transaction().execute(async (trx) => {
      for (const change of batch) await revert(trx, change);
      await repo.forgetChanges(trx, batch.map((c) => Number(c.id)));
    });
    undone += batch.length;
  }
  if (undone) await insertAudit(db, [{ userId: job.userId, spaceId: job.spaceId, action: 'delete', entity: 'import_job', entityId: job.id, changes: { undone } }]);
  return undone;
}

/** At start: imports the server was writing when it stopped are taken back and marked failed. */
export async function recoverInterruptedImports(db: Db) {
  const jobs = await repo.interruptedJobs(db);
  for (const job of jobs) {
    await undoImport(db, job);
    await repo.markJobFailed(db, job.id, {
      status: 'failed', counts: { imported: 0, updated: 0, unchanged: 0, rejected: 0, skipped: job.total }, rows: [],
      message: 'The server stopped during this import; what it had written was taken back. Start the import again.',
    });
  }
  return jobs.length;
}
