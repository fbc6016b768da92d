import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { insertAudit } from '../audit/audit.repository.ts';
import type { SealedBox } from '../crypto/sealed-box.ts';
import type { Db } from '../db/database.ts';
import type { ColumnMapping } from '../imports/column-mapping.ts';
import { csvBatches } from '../imports/csv-stream.ts';
import { type ImportJob, nothingWritten, record, startJob } from '../interchange/import-jobs.ts';
import { markAlive, saveJobReport, startJobRow } from '../interchange/import.repository.ts';
import { undoImport } from '../interchange/import-undo.service.ts';
import { invalid } from '../server/problem.ts';
import { invalidateReads } from '../server/read-cache.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import { columnsByField, CONTACT_FIELDS, type ContactRecord, readContactRow, suggestContactMapping } from './contact-columns.ts';
import { contactKeys, sealContact } from './contact-sealing.ts';
import { samePerson } from './contact-identity.ts';
import * as repo from './contact.repository.ts';

// Importing an organization's contacts from a CSV file of any size. The file is read twice, in
// batches, never whole. The first pass checks every row (a bad row is named by row and column; a
// file with bad rows imports nothing unless goodRows). The second writes a batch a statement:
// each row is matched against the space's contacts — and the rows already written — by external
// id, email, phone, or name + address (through keyed hashes), and:
//  - the same person already there is left as it is ("unchanged", with its id);
//  - the same person earlier in the file is written once ("skipped", naming that row);
//  - someone else sharing an email, phone or address (a family, a shared office) is created and
//    listed as a possible duplicate, for a person to merge or keep.
// Contacts written by a running import stay hidden, and are deleted if it fails or its process
// dies (the server takes such imports back at start): all or nothing.

export type CsvSource = () => AsyncIterable<Buffer | string>;
export const textSource = (csv: string): CsvSource => () => Readable.from([Buffer.from(csv, 'utf8')]);

export interface ContactImportOptions {
  source: CsvSource;
  mapping?: ColumnMapping | null;
  goodRows?: boolean;
  dryRun?: boolean;
  batchSize?: number;
  /** Called after each batch of each pass (the CLI draws its progress from it). */
  onProgress?: (job: ImportJob) => void;
  sourceName?: string;
}

async function headersOf(source: CsvSource): Promise<string[]> {
  try {
    for await (const batch of csvBatches(source(), 1)) return batch.headers;
  } catch (err) {
    throw invalid([{ field: 'csv', message: err instanceof Error ? err.message : String(err) }]);
  }
  throw invalid([{ field: 'csv', message: 'The file is empty.' }]);
}

function checkMapping(headers: string[], mapping: ColumnMapping) {
  const errors = Object.entries(mapping).flatMap(([header, field]) => [
    ...(headers.includes(header) ? [] : [{ field: `mapping.${header}`, message: 'no such column in the file' }]),
    ...(field === null || (CONTACT_FIELDS as readonly string[]).includes(field) ? [] : [{ field: `mapping.${header}`, message: `"${field}" is not a field of contacts` }]),
  ]);
  if (errors.length) throw invalid(errors);
}

/** The columns, the suggested mapping and the fields a column can feed: the first step of an import. */
export async function describeContactFile(db: Db, actor: Actor, spaceId: string, source: CsvSource) {
  await requireRole(db, actor, spaceId, 'member', 'contacts');
  const headers = await headersOf(source);
  return { headers, mapping: suggestContactMapping(headers), fields: [...CONTACT_FIELDS] };
}

export async function startContactImport(db: Db, box: SealedBox, actor: Actor, spaceId: string, options: ContactImportOptions) {
  await requireRole(db, actor, spaceId, 'member', 'contacts');
  const headers = await headersOf(options.source);
  const mapping = options.mapping ?? suggestContactMapping(headers);
  checkMapping(headers, mapping);
  const job = startJob({ id: randomUUID(), userId: actor.userId, spaceId, entity: 'contacts', total: 0 });
  job.possibleDuplicates = 0;
  if (options.dryRun) job.dryRun = true;
  await db.transaction().execute(async (trx) => {
    await startJobRow(trx, job);
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'import', entity: 'contacts', entityId: job.id, changes: { dryRun: options.dryRun ?? false } }]);
  });
  const done = runImport(db, box, actor, job, mapping, options)
    .catch(async (err: unknown) => {
      job.status = 'failed';
      const { name, code } = (err ?? {}) as { name?: string; code?: string };
      console.error(`[crossroads] contact import ${job.id} failed: ${name ?? 'error'}${code ? ` ${code}` : ''}`);
      await undoImport(db, job);
      nothingWritten(job);
      job.message = 'The import failed and what it had written was taken back: nothing was imported. It has been logged; try again.';
    })
    .then(() => saveJobReport(db, job))
    .then(() => invalidateReads())
    .catch((err: unknown) => console.error(`[crossroads] contact import ${job.id}: its report could not be saved (${err instanceof Error ? err.name : 'error'})`));
  return { job, done };
}

interface Prepared { rowNumber: number; record: ContactRecord; row: repo.NewContact }

async function runImport(db: Db, box: SealedBox, actor: Actor, job: ImportJob, mapping: ColumnMapping, options: ContactImportOptions) {
  const columns = columnsByField(mapping);
  const thisYear = new Date().getUTCFullYear();
  const batchSize = options.batchSize ?? 2000;
  const pause = () => new Promise((resolve) => setImmediate(resolve));

  // First pass: every row checked, nothing written.
  for await (const batch of csvBatches(options.source(), batchSize)) {
    batch.rows.forEach((row, i) => {
      const result = readContactRow(row, columns, thisYear);
      if (!result.ok) record(job, { rowNumber: batch.firstRowNumber + i, outcome: 'rejected', errors: result.errors.map((e) => ({ field: e.column, message: e.message })) });
    });
    job.total += batch.rows.length;
    job.processed = job.total;
    options.onProgress?.(job);
    await markAlive(db, job.id, 0);
    await pause();
  }
  const bad = job.counts.rejected;
  if (bad && !options.goodRows) {
    job.counts.skipped = job.total - bad;
    job.status = 'rejected';
    job.message = `${bad} of ${job.total} rows have errors; nothing was imported.`;
    return;
  }

  // Second pass: matched and written a batch at a time.
  job.status = 'writing';
  job.processed = 0;
  const source = options.sourceName ?? 'import';
  for await (const batch of csvBatches(options.source(), batchSize)) {
    const prepared: Prepared[] = [];
    batch.rows.forEach((row, i) => {
      const result = readContactRow(row, columns, thisYear);
      if (!result.ok) return;
      const id = randomUUID();
      prepared.push({ rowNumber: batch.firstRowNumber + i, record: result.value, row: {
        id, spaceId: job.spaceId, source, importJobId: job.id, importRow: batch.firstRowNumber + i,
        ...contactKeys(box, result.value), ...sealContact(box, id, result.value), ...publicFields(result.value),
      } });
    });
    const toWrite = await matchBatch(db, job, prepared);
    await db.transaction().execute(async (trx) => {
      await repo.insertContacts(trx, toWrite);
      await repo.ensureTags(trx, job.spaceId, toWrite.flatMap((r) => r.tags));
    });
    job.processed += batch.rows.length;
    options.onProgress?.(job);
    await markAlive(db, job.id, job.processed);
    await pause();
  }

  if (options.dryRun) {
    await undoImport(db, job);
    job.message = 'A trial run: this is what the import would do. Nothing was kept.';
  }
  job.status = 'done';
  await insertAudit(db, [{ userId: actor.userId, spaceId: job.spaceId, action: 'import', entity: 'contacts', entityId: job.id,
    changes: { counts: job.counts, possibleDuplicates: job.possibleDuplicates, dryRun: options.dryRun ?? false } }]);
}

/** The fields stored in clear. */
export function publicFields(c: ContactRecord) {
  return {
    externalId: c.externalId ?? null, firstName: c.firstName, lastName: c.lastName, languages: c.languages, city: c.city ?? null,
    stateFips: c.stateFips ?? null, countyFips: c.countyFips ?? null, zip: c.zip ?? null, birthYear: c.birthYear, tags: c.tags,
    customFields: c.customFields, emailOptIn: c.emailOptIn ?? null, smsOptIn: c.smsOptIn ?? null, doNotContact: c.doNotContact ?? false,
  };
}

type Key = 'externalId' | 'email' | 'phone' | 'address';
const KEYS: { key: Key; of: (r: repo.NewContact | repo.MatchCandidate) => string | null }[] = [
  { key: 'externalId', of: (r) => r.externalId },
  { key: 'email', of: (r) => r.emailHash },
  { key: 'phone', of: (r) => r.phoneHash },
  { key: 'address', of: (r) => r.nameAddressHash },
];

/** Decides each row of a batch (see the top of this file) and returns the contacts to create. */
async function matchBatch(db: Db, job: ImportJob, prepared: Prepared[]): Promise<repo.NewContact[]> {
  const pick = (f: (r: repo.NewContact) => string | null) => prepared.map((p) => f(p.row)).filter((v): v is string => v !== null);
  const stored = await repo.findMatchCandidates(db, job.spaceId, {
    externalIds: pick((r) => r.externalId), emailHashes: pick((r) => r.emailHash), phoneHashes: pick((r) => r.phoneHash), nameAddressHashes: pick((r) => r.nameAddressHash),
  });
  // Known contacts by each key, those of this batch added as they are accepted.
  const index = new Map<string, repo.MatchCandidate[]>();
  const add = (c: repo.MatchCandidate) => {
    for (const { key, of } of KEYS) {
      const value = of(c);
      if (value) index.set(`${key}:${value}`, [...(index.get(`${key}:${value}`) ?? []), c]);
    }
  };
  stored.forEach(add);
  const created: repo.NewContact[] = [];
  for (const p of prepared) {
    let same: { c: repo.MatchCandidate; by: Key } | undefined;
    let other: { c: repo.MatchCandidate; by: Key } | undefined;
    for (const { key, of } of KEYS) {
      const value = of(p.row);
      for (const c of value ? index.get(`${key}:${value}`) ?? [] : []) {
        // The same external id is the same record, whatever the names say.
        if (key === 'externalId' || samePerson(p.row, c)) same ??= { c, by: key };
        else other ??= { c, by: key };
      }
    }
    const inFile = (c: repo.MatchCandidate) => c.importJobId === job.id;
    if (same) {
      const duplicateOf = { ...(inFile(same.c) ? { row: same.c.importRow ?? undefined } : { contactId: same.c.id }), by: same.by, samePerson: true };
      record(job, { rowNumber: p.rowNumber, outcome: inFile(same.c) ? 'skipped' : 'unchanged', id: same.c.id, duplicateOf });
      continue;
    }
    created.push(p.row);
    add({ ...p.row });
    if (other) {
      job.possibleDuplicates = (job.possibleDuplicates ?? 0) + 1;
      record(job, { rowNumber: p.rowNumber, outcome: 'imported', id: p.row.id,
        duplicateOf: { ...(inFile(other.c) ? { row: other.c.importRow ?? undefined } : { contactId: other.c.id }), by: other.by, samePerson: false } });
    } else record(job, { rowNumber: p.rowNumber, outcome: 'imported', id: p.row.id });
  }
  return created;
}
