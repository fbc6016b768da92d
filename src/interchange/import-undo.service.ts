import { insertAudit } from '../audit/audit.repository.ts';
import { deleteImportedBatch, deleteTagsLeftBy } from '../contacts/contact.repository.ts';
import { deleteImportedDonations } from '../donations/donation.repository.ts';
import type { Db } from '../db/database.ts';
import * as memberships from '../memberships/membership.repository.ts';
import * as orgs from '../orgs/organization.repository.ts';
import type { OrganizationInput } from '../orgs/organization.schema.ts';
import * as people from '../people/person.repository.ts';
import { deleteSpace } from '../spaces/spaces.repository.ts';
import * as repo from './import-undo.repository.ts';
import { interruptedJobs, markJobFailed } from './import.repository.ts';

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
    } else if (await orgs.findOrganization(trx, change.recordId)) await orgs.updateOrganization(trx, change.recordId, before as unknown as OrganizationInput);
  } else if (change.entity === 'memberships') {
    if (change.action === 'created') await memberships.deleteMembership(trx, change.recordId);
    else if (await memberships.findMembership(trx, change.recordId)) await memberships.updateMembership(trx, change.recordId, before as never);
  } else if (change.action === 'created') {
    await people.deletePerson(trx, change.recordId);
  } else if (await people.findPerson(trx, change.recordId)) {
    const b = before as { spaceId: string; name: string; languages: string[]; contactSealed: string | null; emailHash: string | null; affiliations: { organizationId: string; role: string }[] };
    await people.updatePerson(trx, change.recordId, b);
    await people.replaceAffiliations(trx, b.spaceId, change.recordId, b.affiliations);
  }
}

/**
 * Takes back everything the job wrote; returns how many changes were taken back and how many
 * could not be (a record changed since in a way that refuses its old state, e.g. an affiliation
 * to an organization deleted meanwhile): those are left as they are, counted and logged.
 */
export async function undoImport(db: Db, job: { id: string; spaceId: string; userId: string | null }) {
  let undone = 0;
  let refused = 0;
  // Gifts and contacts an import created carry its id: they go a few thousand at a time, gifts first.
  for (let gone = -1; gone !== 0;) {
    gone = await deleteImportedDonations(db, job.id, 5000);
    undone += gone;
  }
  for (let gone = -1; gone !== 0;) {
    gone = await deleteImportedBatch(db, job.id, 5000);
    undone += gone;
  }
  if (undone) await deleteTagsLeftBy(db, job.id);
  for (;;) {
    const batch = await repo.latestChanges(db, job.id, BATCH);
    if (batch.length === 0) break;
    await db.transaction().execute(async (trx) => {
      for (const change of batch) {
        if (await repo.inSavepoint(trx, () => revert(trx, change))) undone += 1;
        else refused += 1;
      }
      await repo.forgetChanges(trx, batch.map((c) => Number(c.id)));
    });
  }
  if (undone || refused) await insertAudit(db, [{ userId: job.userId, spaceId: job.spaceId, action: 'delete', entity: 'import_job', entityId: job.id, changes: { undone, refused } }]);
  return { undone, refused };
}

/** How long an import may go without marking itself alive before it is taken for interrupted. */
export const IMPORT_STALE_MS = 2 * 60_000;

/**
 * Imports whose process stopped (no sign of life for IMPORT_STALE_MS) are taken back and marked
 * failed. The server runs it when it starts and every minute. It never throws: a job that cannot
 * be taken back is logged and left for the next try.
 */
export async function recoverInterruptedImports(db: Db, staleMs = IMPORT_STALE_MS) {
  let recovered = 0;
  for (const job of await interruptedJobs(db, new Date(Date.now() - staleMs))) {
    try {
      const { refused } = await undoImport(db, job);
      await markJobFailed(db, job.id, {
        status: 'failed', counts: { imported: 0, updated: 0, unchanged: 0, rejected: 0, skipped: job.total }, rows: [],
        message: refused
          ? `The import stopped before it finished; what it had written was taken back except ${refused} records changed since. Start the import again.`
          : 'The import stopped before it finished; what it had written was taken back. Start the import again.',
      });
      recovered += 1;
    } catch (err) {
      console.error(`[crossroads] import ${job.id} could not be taken back yet: ${err instanceof Error ? err.name : 'error'}`);
    }
  }
  return recovered;
}
