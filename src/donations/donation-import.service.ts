import { randomUUID } from 'node:crypto';
import { insertAudit } from '../audit/audit.repository.ts';
import { readContactRow } from '../contacts/contact-columns.ts';
import { contactsChanged } from '../contacts/contact-counts.ts';
import { publicFields } from '../contacts/contact-prepare.ts';
import { contactKeys, sealContact } from '../contacts/contact-sealing.ts';
import * as contacts from '../contacts/contact.repository.ts';
import type { SealedBox } from '../crypto/sealed-box.ts';
import type { Db } from '../db/database.ts';
import { type ColumnMapping, mappingErrors } from '../imports/column-mapping.ts';
import { csvBatches } from '../imports/csv-stream.ts';
import { type CsvSource, csvHeaders } from '../interchange/csv-source.ts';
import { type ImportJob, nothingWritten, record, startJob } from '../interchange/import-jobs.ts';
import { markAlive, saveJobReport, startJobRow } from '../interchange/import.repository.ts';
import { undoImport } from '../interchange/import-undo.service.ts';
import { invalid } from '../server/problem.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import { columnsByField } from '../contacts/contact-columns.ts';
import { DONATION_FIELDS, type DonationRow, readDonationRow, suggestDonationMapping } from './donation-columns.ts';
import * as repo from './donation.repository.ts';

// Importing an organization's gifts from a CSV export of ActBlue, Action Network, NGP VAN or
// CiviCRM, read in batches, never whole. The file is read twice: once to check every row (a bad
// row is named by row and column; a file with bad rows imports nothing unless goodRows), then to
// write. Each gift's donor is the contact with the same email (case and spaces aside), then the
// same id in the other tool, then the same name and address; otherwise a new contact is made. A
// receipt already recorded from the same source is left as it is, and so is a gift without a
// receipt that the same source already gave (same donor, day and amount). What a failed import wrote —
// gifts and the contacts it made — is taken back, as is a trial run's.

export interface DonationImportOptions {
  source: CsvSource;
  mapping?: ColumnMapping | null;
  goodRows?: boolean;
  dryRun?: boolean;
  /** The tool the file comes from: receipts are unique per source. */
  sourceName?: string;
  batchSize?: number;
  onProgress?: (job: ImportJob) => void;
}

type Checked = { rowNumber: number; gift: DonationRow; donor: ReturnType<typeof readContactRow> & { ok: true } };

/** Reads one batch: every row checked as a gift and its donor as a contact. */
function checkBatch(rows: Record<string, string>[], firstRowNumber: number, columns: Map<string, string[]>, thisYear: number, currency: string) {
  const good: Checked[] = [];
  const bad: { rowNumber: number; errors: { field: string; message: string }[] }[] = [];
  rows.forEach((row, i) => {
    const rowNumber = firstRowNumber + i;
    const gift = readDonationRow(row, columns);
    const donor = readContactRow(row, columns, thisYear);
    const errors = [...(gift.ok ? [] : gift.errors), ...(donor.ok ? [] : donor.errors)].map((e) => ({ field: e.column, message: e.message }));
    // One currency per organization, so no sum adds dollars to pesos.
    if (gift.ok && gift.value.currency && gift.value.currency !== currency) {
      errors.push({ field: columns.get('currency')?.[0] ?? 'currency', message: `this organization keeps its gifts in ${currency}` });
    }
    if (errors.length || !gift.ok || !donor.ok) bad.push({ rowNumber, errors });
    else good.push({ rowNumber, gift: gift.value, donor });
  });
  return { good, bad };
}

export async function startDonationImport(db: Db, box: SealedBox, actor: Actor, spaceId: string, options: DonationImportOptions) {
  await requireRole(db, actor, spaceId, 'member', 'donations');
  const headers = await csvHeaders(options.source);
  const mapping = options.mapping ?? suggestDonationMapping(headers);
  const errors = mappingErrors(headers, mapping, DONATION_FIELDS, 'donations');
  if (errors.length) throw invalid(errors);
  const job = startJob({ id: randomUUID(), userId: actor.userId, spaceId, entity: 'donations', total: 0 });
  if (options.dryRun) job.dryRun = true;
  await db.transaction().execute(async (trx) => {
    await startJobRow(trx, job);
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'import', entity: 'donations', entityId: job.id, changes: { dryRun: options.dryRun ?? false } }]);
  });
  const heartbeat = setInterval(() => void markAlive(db, job.id, job.processed).catch(() => undefined), 30_000);
  heartbeat.unref();
  const done = runImport(db, box, actor, job, columnsByField(mapping), options)
    .catch(async (err: unknown) => {
      job.status = 'failed';
      console.error(`[crossroads] donation import ${job.id} failed: ${err instanceof Error ? err.name : 'error'}`);
      try {
        await undoImport(db, job);
      } catch {
        // The job stays "running" in the database, so the next start takes it back.
        job.message = 'The import failed and could not be taken back yet; it will be when the server next starts.';
        return false;
      }
      nothingWritten(job);
      job.message = 'The import failed and what it had written was taken back: nothing was imported. It has been logged; try again.';
      return true;
    })
    .then((settled) => (settled === false ? undefined : saveJobReport(db, job)))
    .then(() => contactsChanged(spaceId))
    .catch((err: unknown) => console.error(`[crossroads] donation import ${job.id}: its report could not be saved (${err instanceof Error ? err.name : 'error'})`))
    .finally(() => clearInterval(heartbeat));
  return { job, done };
}

async function runImport(db: Db, box: SealedBox, actor: Actor, job: ImportJob, columns: Map<string, string[]>, options: DonationImportOptions) {
  const thisYear = new Date().getUTCFullYear();
  const batchSize = options.batchSize ?? 1000;
  const currency = ((await repo.findSettings(db, job.spaceId)) ?? { currency: 'USD' }).currency;
  // 1. Check every row.
  for await (const batch of csvBatches(options.source(), batchSize)) {
    const { bad } = checkBatch(batch.rows, batch.firstRowNumber, columns, thisYear, currency);
    for (const r of bad) record(job, { rowNumber: r.rowNumber, outcome: 'rejected', errors: r.errors });
    job.total += batch.rows.length;
    job.processed = job.total;
    options.onProgress?.(job);
  }
  if (job.counts.rejected && !options.goodRows) {
    nothingWritten(job);
    job.status = 'rejected';
    job.message = `${job.counts.rejected} of ${job.total} rows have errors; nothing was imported.`;
    return;
  }
  // 2. Write, a batch at a time.
  job.status = 'writing';
  job.processed = 0;
  const source = options.sourceName ?? 'import';
  const madeByEmail = new Map<string, string>();
  // Each receipt's first row in the file (receipts are a few bytes each: a million fit).
  const firstRowOf = new Map<string, number>();
  for await (const batch of csvBatches(options.source(), batchSize)) {
    const { good } = checkBatch(batch.rows, batch.firstRowNumber, columns, thisYear, currency);
    await writeBatch(db, box, actor, job, good, { currency, source, madeByEmail, firstRowOf });
    job.processed += batch.rows.length;
    options.onProgress?.(job);
    await markAlive(db, job.id, job.processed);
  }
  if (options.dryRun) {
    await undoImport(db, job);
    job.message = 'A trial run: this is what the import would do. Nothing was kept.';
  }
  job.status = 'done';
  await insertAudit(db, [{ userId: actor.userId, spaceId: job.spaceId, action: 'import', entity: 'donations', entityId: job.id, changes: { counts: job.counts, dryRun: options.dryRun ?? false } }]);
}

/** Finds or makes each gift's donor, then writes the gifts of the batch in one statement. */
async function writeBatch(db: Db, box: SealedBox, actor: Actor, job: ImportJob, rows: Checked[],
  context: { currency: string; source: string; madeByEmail: Map<string, string>; firstRowOf: Map<string, number> }) {
  const keyed = rows.map((r) => ({ ...r, keys: contactKeys(box, job.spaceId, r.donor.value) }));
  // Contacts of another import still running (or a trial run) may yet be taken back: not matched.
  const otherImports = (await contacts.runningContactImports(db, job.spaceId)).filter((id) => id !== job.id);
  const candidates = await contacts.findMatchCandidates(db, job.spaceId, {
    emailHashes: keyed.flatMap((r) => (r.keys.emailHash ? [r.keys.emailHash] : [])), phoneHashes: [],
    nameAddressHashes: keyed.flatMap((r) => (r.keys.nameAddressHash ? [r.keys.nameAddressHash] : [])),
    externalIds: keyed.flatMap((r) => (r.donor.value.externalId ? [r.donor.value.externalId] : [])),
  }, otherImports);
  const byKey = new Map<string, string>();
  for (const c of candidates) {
    if (c.emailHash) byKey.set(`e:${c.emailHash}`, byKey.get(`e:${c.emailHash}`) ?? c.id);
    if (c.externalId) byKey.set(`x:${c.externalId}`, byKey.get(`x:${c.externalId}`) ?? c.id);
    if (c.nameAddressHash) byKey.set(`a:${c.nameAddressHash}`, byKey.get(`a:${c.nameAddressHash}`) ?? c.id);
  }
  const made: contacts.NewContact[] = [];
  const gifts: repo.NewDonation[] = [];
  for (const r of keyed) {
    const keys = [r.keys.emailHash && `e:${r.keys.emailHash}`, r.donor.value.externalId && `x:${r.donor.value.externalId}`, r.keys.nameAddressHash && `a:${r.keys.nameAddressHash}`]
      .filter((k): k is string => Boolean(k));
    let contactId = keys.map((k) => byKey.get(k) ?? context.madeByEmail.get(k)).find(Boolean);
    if (!contactId) {
      contactId = randomUUID();
      made.push({ id: contactId, spaceId: job.spaceId, source: 'donations', importJobId: job.id, importRow: r.rowNumber,
        ...r.keys, ...sealContact(box, contactId, r.donor.value), ...publicFields(r.donor.value) });
      for (const k of keys) context.madeByEmail.set(k, contactId);
    }
    gifts.push({ spaceId: job.spaceId, contactId, amountMinor: r.gift.amountMinor, currency: r.gift.currency ?? context.currency, receivedOn: r.gift.receivedOn,
      method: r.gift.method, fund: r.gift.fund, campaign: r.gift.campaign, appeal: r.gift.appeal, source: context.source, receiptId: r.gift.receiptId,
      refundedOn: r.gift.refunded ? r.gift.receivedOn : null, importJobId: job.id, userId: actor.userId });
  }
  await contacts.insertContacts(db, made);
  // A gift without a receipt id that an earlier import from this source recorded (same donor, day
  // and amount) is already there: the same file imported twice adds nothing.
  const newDonors = new Set(made.map((c) => c.id));
  const recorded = await repo.receiptlessGifts(db, job.spaceId, context.source,
    [...new Set(gifts.filter((g) => g.receiptId === null && !newDonors.has(g.contactId)).map((g) => g.contactId))], job.id);
  const alreadyThere = gifts.map((g) => {
    if (g.receiptId !== null) return false;
    const key = `${g.contactId}|${g.receivedOn}|${g.amountMinor}`;
    const left = recorded.get(key) ?? 0;
    if (left > 0) recorded.set(key, left - 1);
    return left > 0;
  });
  const written = new Set((await repo.insertDonations(db, gifts.filter((_, i) => !alreadyThere[i]))).map((g) => g.receiptId));
  const { firstRowOf } = context;
  for (const [i, r] of keyed.entries()) {
    const receipt = gifts[i]!.receiptId;
    // A receipt already recorded is left as it was; a receipt repeated in the file is written once.
    if (alreadyThere[i]) record(job, { rowNumber: r.rowNumber, outcome: 'unchanged' });
    else if (receipt !== null && firstRowOf.has(receipt)) record(job, { rowNumber: r.rowNumber, outcome: 'skipped' });
    else record(job, { rowNumber: r.rowNumber, outcome: receipt === null || written.has(receipt) ? 'imported' : 'unchanged' });
    if (receipt !== null && !firstRowOf.has(receipt)) firstRowOf.set(receipt, r.rowNumber);
  }
}
