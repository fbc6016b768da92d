import { randomUUID } from 'node:crypto';
import type { SealedBox } from '../crypto/sealed-box.ts';
import type { CsvBatch } from '../imports/csv-stream.ts';
import { type ContactRecord, readContactRow } from './contact-columns.ts';
import { contactKeys, sealContact } from './contact-sealing.ts';
import type { NewContact } from './contact.repository.ts';

// One batch of a contacts file made ready to write: each row read and checked, and — while the
// import still writes — given its id, match keys and sealed details. Runs on the import's thread,
// or for a big file on a worker thread (contact-prepare.worker.ts), the same way.

export interface Prepared { rowNumber: number; row: NewContact }
export interface PreparedBatch { size: number; rows: Prepared[]; rejected: { rowNumber: number; errors: { field: string; message: string }[] }[] }
export interface PrepareContext { spaceId: string; jobId: string; source: string; thisYear: number; columns: Map<string, string[]> }

/** The fields stored in clear. */
export function publicFields(c: ContactRecord) {
  return {
    externalId: c.externalId ?? null, firstName: c.firstName, lastName: c.lastName, languages: c.languages, city: c.city ?? null,
    stateFips: c.stateFips ?? null, countyFips: c.countyFips ?? null, zip: c.zip ?? null, birthYear: c.birthYear, tags: c.tags,
    customFields: c.customFields, emailOptIn: c.emailOptIn ?? null, smsOptIn: c.smsOptIn ?? null, doNotContact: c.doNotContact ?? false,
  };
}

export function prepareBatch(box: SealedBox, ctx: PrepareContext, batch: CsvBatch, writing: boolean): PreparedBatch {
  const prepared: PreparedBatch = { size: batch.rows.length, rows: [], rejected: [] };
  batch.rows.forEach((row, i) => {
    const rowNumber = batch.firstRowNumber + i;
    const result = readContactRow(row, ctx.columns, ctx.thisYear);
    if (!result.ok) {
      prepared.rejected.push({ rowNumber, errors: result.errors.map((e) => ({ field: e.column, message: e.message })) });
      return;
    }
    // Once nothing more will be written, rows are only checked: no keys, no sealing.
    if (!writing) return;
    const id = randomUUID();
    prepared.rows.push({ rowNumber, row: {
      id, spaceId: ctx.spaceId, source: ctx.source, importJobId: ctx.jobId, importRow: rowNumber,
      ...contactKeys(box, ctx.spaceId, result.value), ...sealContact(box, id, result.value), ...publicFields(result.value),
    } });
  });
  return prepared;
}
