import type { TaxStatus } from '../db/tables.ts';
import { markImportedContacts } from '../firewall/firewall.repository.ts';
import { checkOwnMark } from '../firewall/firewall.service.ts';
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { insertAudit } from '../audit/audit.repository.ts';
import type { SealedBox } from '../crypto/sealed-box.ts';
import type { Db } from '../db/database.ts';
import { type ColumnMapping, mappingErrors } from '../imports/column-mapping.ts';
import { csvBatches } from '../imports/csv-stream.ts';
import { type CsvSource, csvHeaders } from '../interchange/csv-source.ts';
import { type ImportJob, nothingWritten, record, startJob } from '../interchange/import-jobs.ts';
import { markAlive, saveJobReport, startJobRow } from '../interchange/import.repository.ts';
import { undoImport } from '../interchange/import-undo.service.ts';
import { conflict, invalid } from '../server/problem.ts';
import { invalidateReads } from '../server/read-cache.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import { columnsByField, CONTACT_FIELDS, suggestContactMapping } from './contact-columns.ts';
import { samePerson } from './contact-identity.ts';
import { GrowingKeyFilter } from './key-filter.ts';
import { type Prepared, type PreparedBatch, type PrepareContext, prepareBatch } from './contact-prepare.ts';
import type { FromImport, FromWorker, PrepareWorkerInput } from './contact-prepare.worker.ts';
import { contactsChanged } from './contact-counts.ts';
import * as repo from './contact.repository.ts';

// Importing an organization's contacts from a CSV file of any size, read in batches, never whole.
// Every row is checked (a bad row is named by row and column; a file with bad rows imports nothing
// unless goodRows), and written a batch a statement: each row is matched against the space's contacts — and the rows already written — by external
// id, email, phone, or name + address (through keyed hashes), and:
//  - the same person already there is left as it is ("unchanged", with its id);
//  - the same person earlier in the file is written once ("skipped", naming that row);
//  - someone else sharing an email, phone or address (a family, a shared office) is created and
//    listed as a possible duplicate, for a person to merge or keep.
// Contacts written by a running import stay hidden, and are deleted if it fails or its process
// dies (the server takes such imports back at start): all or nothing.

export { textSource } from '../interchange/csv-source.ts';

export interface ContactImportOptions {
  source: CsvSource;
  mapping?: ColumnMapping | null;
  goodRows?: boolean;
  dryRun?: boolean;
  batchSize?: number;
  /** Called after each batch of each pass (the CLI draws its progress from it). */
  onProgress?: (job: ImportJob) => void;
  sourceName?: string;
  /** The 501(c) work the new contacts were gathered for, in an unmarked space. */
  workFor?: TaxStatus | null;
  /** The file the source reads, or the text: a big one is prepared on a worker thread. */
  file?: string;
  text?: string;
  /** Force (or forbid) the worker thread, whatever the size. */
  worker?: boolean;
}

function checkMapping(headers: string[], mapping: ColumnMapping) {
  const errors = mappingErrors(headers, mapping, CONTACT_FIELDS, 'contacts');
  if (errors.length) throw invalid(errors);
}

/** The columns, the suggested mapping and the fields a column can feed: the first step of an import. */
export async function describeContactFile(db: Db, actor: Actor, spaceId: string, source: CsvSource) {
  await requireRole(db, actor, spaceId, 'member', 'contacts');
  const headers = await csvHeaders(source);
  return { headers, mapping: suggestContactMapping(headers), fields: [...CONTACT_FIELDS] };
}

export async function startContactImport(db: Db, box: SealedBox, actor: Actor, spaceId: string, options: ContactImportOptions) {
  await requireRole(db, actor, spaceId, 'member', 'contacts');
  // One at a time per space: two imports could match each other's rows, which either may take back.
  if ((await repo.runningContactImports(db, spaceId)).length) {
    throw conflict('Another import of contacts is running in this space; start this one when it has finished.');
  }
  await checkOwnMark(db, actor, spaceId, 'contact_import', null, options.workFor, 'workFor');
  const headers = await csvHeaders(options.source);
  const mapping = options.mapping ?? suggestContactMapping(headers);
  checkMapping(headers, mapping);
  const job = startJob({ id: randomUUID(), userId: actor.userId, spaceId, entity: 'contacts', total: 0 });
  job.possibleDuplicates = 0;
  if (options.dryRun) job.dryRun = true;
  await db.transaction().execute(async (trx) => {
    await startJobRow(trx, job);
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'import', entity: 'contacts', entityId: job.id, changes: { dryRun: options.dryRun ?? false } }]);
  });
  // Alive every 30 seconds while this process runs it, whatever step it is in (loading a big
  // space's keys, taking a failed import back): only a stopped process goes silent.
  const heartbeat = setInterval(() => void markAlive(db, job.id, job.processed).catch(() => undefined), 30_000);
  heartbeat.unref();
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
    .then(() => { contactsChanged(spaceId); invalidateReads(); })
    .then(() => (job.status === 'done' && job.counts.imported > 10_000 ? repo.analyzeContacts(db) : undefined))
    .catch((err: unknown) => console.error(`[crossroads] contact import ${job.id}: its report could not be saved (${err instanceof Error ? err.name : 'error'})`))
    .finally(() => clearInterval(heartbeat));
  return { job, done };
}

/**
 * One pass over the file: each batch is read, checked, keyed and sealed, then matched and
 * written (hidden) while the next batch is being prepared. A bad row stops the writing — the file
 * is still read to the end, to name every bad row — and what was written is taken back, unless
 * goodRows. A clean file is thus read once.
 */
async function runImport(db: Db, box: SealedBox, actor: Actor, job: ImportJob, mapping: ColumnMapping, options: ContactImportOptions) {
  const context: PrepareContext = { spaceId: job.spaceId, jobId: job.id, source: options.sourceName ?? 'import', thisYear: new Date().getUTCFullYear(), columns: columnsByField(mapping) };
  job.status = 'writing';
  const otherImports = (await repo.runningContactImports(db, job.spaceId)).filter((j) => j !== job.id);
  const known = await loadKeyFilter(db, job, otherImports);
  const preparer = usesWorker(options) ? workerPreparer(box, context, options) : inThreadPreparer(box, context, options);
  let writing = true;
  const prepareNext = () => preparer.next(writing);
  let pending = prepareNext();
  try {
    for (let current = await pending; current; current = await pending) {
      pending = prepareNext(); // read and prepare the next batch while this one is written
      for (const r of current.rejected) record(job, { rowNumber: r.rowNumber, outcome: 'rejected', errors: r.errors });
      if (job.counts.rejected && !options.goodRows) writing = false;
      if (writing) {
        const toWrite = await matchBatch(db, job, current.rows, known, otherImports);
        // One statement each (a COPY on a PostgreSQL server): a batch is in whole or not at all.
        await repo.insertContacts(db, toWrite);
        await repo.ensureTags(db, job.spaceId, [...new Set(toWrite.flatMap((r) => r.tags))]);
      }
      job.total += current.size;
      job.processed = job.total;
      options.onProgress?.(job);
      await markAlive(db, job.id, job.processed);
    }
  } finally {
    preparer.close();
  }

  const bad = job.counts.rejected;
  if (bad && !options.goodRows) {
    await undoImport(db, job);
    nothingWritten(job);
    job.possibleDuplicates = 0;
    job.status = 'rejected';
    job.message = `${bad} of ${job.total} rows have errors; nothing was imported.`;
    return;
  }
  if (options.dryRun) {
    await undoImport(db, job);
    job.message = 'A trial run: this is what the import would do. Nothing was kept.';
  }
  // Marked while still hidden with their import: no one reads them on the wrong side of the firewall.
  if (options.workFor && !options.dryRun) await markImportedContacts(db, job.id, options.workFor);
  job.status = 'done';
  await insertAudit(db, [{ userId: actor.userId, spaceId: job.spaceId, action: 'import', entity: 'contacts', entityId: job.id,
    changes: { counts: job.counts, possibleDuplicates: job.possibleDuplicates, dryRun: options.dryRun ?? false } }]);
}

type Key = 'externalId' | 'email' | 'phone' | 'address';
const KEYS: { key: Key; of: (r: repo.NewContact | repo.MatchCandidate) => string | null }[] = [
  { key: 'externalId', of: (r) => r.externalId },
  { key: 'email', of: (r) => r.emailHash },
  { key: 'phone', of: (r) => r.phoneHash },
  { key: 'address', of: (r) => r.nameAddressHash },
];

const keysOf = (r: { externalId: string | null; emailHash: string | null; phoneHash: string | null; nameAddressHash: string | null }) =>
  KEYS.map(({ key, of }) => { const v = of(r as repo.NewContact); return v ? `${key}:${v}` : null; }).filter((k): k is string => k !== null);

/** Every match key of the space's contacts, in a key filter. */
async function loadKeyFilter(db: Db, job: ImportJob, otherImports: string[]) {
  const filter = new GrowingKeyFilter();
  for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
    const page = await repo.pageMatchKeys(db, job.spaceId, after, 10_000, otherImports);
    await markAlive(db, job.id, 0);
    if (page.length === 0) return filter;
    for (const r of page) for (const k of keysOf(r)) filter.add(k);
    after = page[page.length - 1]!.id;
  }
}

/**
 * Decides each row of a batch (see the top of this file) and returns the contacts to create. Only
 * rows whose keys the filter might know are looked up in the database; the others are new.
 */
async function matchBatch(db: Db, job: ImportJob, prepared: Prepared[], known: GrowingKeyFilter, otherImports: string[]): Promise<repo.NewContact[]> {
  const maybeKnown = prepared.filter((p) => keysOf(p.row).some((k) => known.mightHave(k)));
  const pick = (f: (r: repo.NewContact) => string | null) => maybeKnown.map((p) => f(p.row)).filter((v): v is string => v !== null);
  const stored = maybeKnown.length ? await repo.findMatchCandidates(db, job.spaceId, {
    externalIds: pick((r) => r.externalId), emailHashes: pick((r) => r.emailHash), phoneHashes: pick((r) => r.phoneHash), nameAddressHashes: pick((r) => r.nameAddressHash),
  }, otherImports) : [];
  // Known contacts by each key, those of this batch added as they are accepted.
  const index = new Map<string, repo.MatchCandidate[]>();
  const add = (c: repo.MatchCandidate) => {
    for (const { key, of } of KEYS) {
      const value = of(c);
      if (!value) continue;
      const list = index.get(`${key}:${value}`);
      if (list) list.push(c);
      else index.set(`${key}:${value}`, [c]);
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
    for (const k of keysOf(p.row)) known.add(k);
    if (other) {
      job.possibleDuplicates = (job.possibleDuplicates ?? 0) + 1;
      record(job, { rowNumber: p.rowNumber, outcome: 'imported', id: p.row.id,
        // The other contact's id too, so a person reviewing the report can merge the two.
        duplicateOf: { ...(inFile(other.c) ? { row: other.c.importRow ?? undefined } : {}), contactId: other.c.id, by: other.by, samePerson: false } });
    } else record(job, { rowNumber: p.rowNumber, outcome: 'imported', id: p.row.id });
  }
  return created;
}

interface Preparer { next(writing: boolean): Promise<PreparedBatch | null>; close(): void }

// Above this size a file is prepared on a worker thread, in parallel with the writing.
const WORKER_BYTES = 8 * 1024 * 1024;
function usesWorker(options: ContactImportOptions) {
  if (options.worker !== undefined) return options.worker && Boolean(options.file ?? options.text);
  if (options.text) return options.text.length > WORKER_BYTES;
  return options.file ? statSync(options.file).size > WORKER_BYTES : false;
}

function inThreadPreparer(box: SealedBox, context: PrepareContext, options: ContactImportOptions): Preparer {
  const batches = csvBatches(options.source(), options.batchSize ?? 2000)[Symbol.asyncIterator]();
  return {
    async next(writing) {
      const next = await batches.next();
      return next.done ? null : prepareBatch(box, context, next.value, writing);
    },
    close() { void batches.return?.(undefined); },
  };
}

function workerPreparer(box: SealedBox, context: PrepareContext, options: ContactImportOptions): Preparer {
  const input: PrepareWorkerInput = {
    file: options.file, text: options.file ? undefined : options.text, batchSize: options.batchSize ?? 2000, keys: box.keysForWorker(),
    context: { ...context, columns: [...context.columns.entries()] },
  };
  const worker = new Worker(new URL('../jobs/worker-boot.mjs', import.meta.url), { workerData: { entry: new URL('./contact-prepare.worker.ts', import.meta.url).href, input } });
  worker.unref();
  let waiting: { resolve: (b: PreparedBatch | null) => void; reject: (e: Error) => void } | null = null;
  let failure: Error | null = null;
  worker.on('message', (message: FromWorker) => {
    const w = waiting;
    waiting = null;
    if (message.type === 'batch') w?.resolve(message.batch);
    else if (message.type === 'end') w?.resolve(null);
    else w?.reject(new Error(message.message));
  });
  const fail = (error: Error) => { failure = error; waiting?.reject(error); waiting = null; };
  worker.on('error', fail);
  worker.on('exit', (code) => { if (code !== 0) fail(new Error(`the file reader stopped (exit code ${code})`)); });
  return {
    next(writing) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        worker.postMessage({ type: 'next', writing } satisfies FromImport);
      });
    },
    close() { void worker.terminate(); },
  };
}
