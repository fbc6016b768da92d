import { stringify } from 'csv-stringify/sync';
import { insertAudit } from '../audit/audit.repository.ts';
import type { SealedBox } from '../crypto/sealed-box.ts';
import type { Db } from '../db/database.ts';
import { SAFE_CELLS } from '../imports/csv-formulas.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import { openContact } from './contact-sealing.ts';
import { contactView } from './contact.service.ts';
import * as repo from './contact.repository.ts';

// A space's contacts as CSV, a page at a time (a million contacts never sit in memory), with the
// column names the import reads back. The whole base leaves the organization here, so only its
// administrators may, and each export is logged with how many contacts it held.

export const EXPORT_COLUMNS = ['externalId', 'firstName', 'middleName', 'lastName', 'email', 'phone', 'street', 'city', 'state', 'county', 'zip',
  'birthDate', 'languages', 'tags', 'emailOptIn', 'smsOptIn', 'doNotContact', 'source'] as const;

const PAGE = 2000;

export async function* exportContactsCsv(db: Db, box: SealedBox, actor: Actor, spaceId: string, options: { pager?: () => Promise<(afterId: string, limit: number) => Promise<string[]>> } = {}): AsyncGenerator<string> {
  await requireRole(db, actor, spaceId, 'admin', 'contacts');
  const hiddenJobs = await repo.runningContactImports(db, spaceId);
  const pager = options.pager ? await options.pager() : undefined;
  // Logged before the first contact leaves (a download cut short is logged too), and again with the count at the end.
  await insertAudit(db, [{ userId: actor.userId, spaceId, action: 'export', entity: 'contacts', entityId: null, changes: { started: true } }]);
  yield stringify([[...EXPORT_COLUMNS]]);
  let after = '00000000-0000-0000-0000-000000000000';
  let count = 0;
  for (;;) {
    const rows = pager
      ? await repo.pageContacts(db, spaceId, after, PAGE, hiddenJobs, await pager(after, PAGE))
      : await repo.pageContacts(db, spaceId, after, PAGE, hiddenJobs);
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    count += rows.length;
    yield stringify(rows.map((r) => {
      const d = openContact(box, r.id, r.sealed);
      const v = contactView(r);
      const yes = (b: boolean | null) => (b === null ? '' : b ? 'yes' : 'no');
      return [v.externalId ?? '', v.firstName, d.middleName ?? '', v.lastName, d.email ?? '', d.phone ?? '', d.street ?? '', v.city ?? '', v.state ?? '',
        v.county ?? '', v.zip ?? '', d.birthDate ?? '', v.languages.join(';'), v.tags.join(';'), yes(v.emailOptIn), yes(v.smsOptIn), yes(v.doNotContact), v.source];
    }), SAFE_CELLS);
  }
  await insertAudit(db, [{ userId: actor.userId, spaceId, action: 'export', entity: 'contacts', entityId: null, changes: { count } }]);
}
