import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Db } from '../db/database.ts';
import * as repo from './backup.repository.ts';

// Backups of the whole workspace, the same on PGlite and PostgreSQL: one consistent snapshot
// (a repeatable-read transaction, so the app keeps running) written as lines of JSON: a header
// naming the migrations, then each table (parents first) with its rows, then a trailer with the
// row counts. The caller gzips it. Restoring reads it back into a database that has no accounts
// yet, in one transaction: a file that is cut short or damaged leaves nothing behind.
// The secret key is not in the backup: sealed contact details open only with it (README).

export const BACKUP_FORMAT = 'crossroads-backup';

export class BackupError extends Error {}
const VERSION = 1;
const BATCH = 500;

async function put(sink: Writable, text: string) {
  if (sink.destroyed) throw new BackupError('The backup was not written to the end: its destination closed.');
  if (!sink.write(text)) {
    // A destination that closes instead of draining (a download cut off) ends the backup, and its transaction.
    await Promise.race([once(sink, 'drain'), once(sink, 'close').then(() => { throw new BackupError('The backup was not written to the end: its destination closed.'); })]);
  }
}

export async function writeBackup(db: Db, sink: Writable): Promise<{ tables: number; rows: number }> {
  const totals = await repo.inSnapshot(db, async (trx) => {
    const tables = await repo.listTables(trx);
    await put(sink, `${JSON.stringify({ format: BACKUP_FORMAT, version: VERSION, createdAt: new Date().toISOString(), migrations: await repo.appliedMigrations(trx) })}\n`);
    const counts: Record<string, number> = {};
    for (const table of tables) {
      await put(sink, `${JSON.stringify({ table: table.name, columns: table.columns })}\n`);
      counts[table.name] = 0;
      for await (const rows of repo.readRows(trx, table.name)) {
        await put(sink, `${rows.join('\n')}\n`);
        counts[table.name] = (counts[table.name] ?? 0) + rows.length;
      }
    }
    await put(sink, `${JSON.stringify({ end: true, counts })}\n`);
    return { tables: tables.length, rows: Object.values(counts).reduce((a, b) => a + b, 0) };
  });
  sink.end();
  await once(sink, 'finish');
  return totals;
}


/** Restores a backup into a database with no accounts (fresh, migrated). Returns the row counts restored. */
export async function restoreBackup(db: Db, source: Readable): Promise<Record<string, number>> {
  if ((await repo.countRows(db, 'users')) > 0) throw new BackupError('This database already has accounts: restore into an empty data directory or database.');
  const known = await repo.listTables(db);
  const migrations = await repo.appliedMigrations(db);
  return repo.inRestore(db, async (trx) => {
    // What the first start put in (default vocabularies) gives way to what the backup holds.
    for (const table of [...known].reverse()) await repo.deleteAllRows(trx, table.name);
    const lines = createInterface({ input: source, crlfDelay: Infinity });
    let lineNumber = 0;
    let table: { name: string; columns: string[] } | null = null;
    let batch: string[] = [];
    const counts: Record<string, number> = {};
    let trailer: { counts: Record<string, number> } | null = null;
    const flush = async () => {
      if (table && batch.length) await repo.insertRows(trx, table, batch);
      batch = [];
    };
    for await (const line of lines) {
      lineNumber += 1;
      if (!line) continue;
      if (lineNumber === 1) {
        const header = parse(line, lineNumber) as { format?: string; version?: number; migrations?: string[] };
        if (header.format !== BACKUP_FORMAT || header.version !== VERSION) throw new BackupError('Not a Crossroads backup (line 1).');
        // Migrations also move data (secret ballots into their boxes, say): rows are restored only
        // into the very schema they were backed up from.
        const theirs = header.migrations ?? [];
        const unknown = theirs.filter((m) => !migrations.includes(m));
        if (unknown.length) throw new BackupError(`The backup comes from a newer Crossroads (migrations ${unknown.join(', ')}): update this one first.`);
        if (theirs.length !== migrations.length) {
          throw new BackupError(`The backup comes from an older Crossroads (up to ${theirs.at(-1) ?? 'none'}): restore it with that version, start it once, and back up again.`);
        }
        continue;
      }
      if (line.startsWith('{"table":')) {
        await flush();
        const named = parse(line, lineNumber) as { table: string; columns: string[] };
        const target = known.find((k) => k.name === named.table);
        if (!target) throw new BackupError(`Line ${lineNumber}: the table ${named.table} does not exist here.`);
        const missing = named.columns.filter((c) => !target.columns.includes(c));
        if (missing.length) throw new BackupError(`Line ${lineNumber}: ${named.table} has no column ${missing.join(', ')} here.`);
        table = { name: named.table, columns: named.columns };
        counts[table.name] = 0;
        continue;
      }
      if (line.startsWith('{"end":')) {
        await flush();
        trailer = parse(line, lineNumber) as { counts: Record<string, number> };
        break;
      }
      if (!table) throw new BackupError(`Line ${lineNumber}: a row before any table.`);
      parse(line, lineNumber);
      batch.push(line);
      counts[table.name] = (counts[table.name] ?? 0) + 1;
      if (batch.length >= BATCH) await flush();
    }
    if (!trailer) throw new BackupError('The backup is cut short: it has no end line. Nothing was restored.');
    for (const [name, n] of Object.entries(trailer.counts)) {
      if ((counts[name] ?? 0) !== n) throw new BackupError(`The backup says ${name} has ${n} rows but holds ${counts[name] ?? 0}. Nothing was restored.`);
    }
    await repo.resetSequences(trx);
    return counts;
  });
}

function parse(line: string, lineNumber: number): unknown {
  try { return JSON.parse(line); } catch { throw new BackupError(`Line ${lineNumber} of the backup is not valid JSON. Nothing was restored.`); }
}

/** A digest of every table, to check that a restore gave back the same rows. */
export async function databaseDigest(db: Db): Promise<Record<string, string>> {
  return repo.inSnapshot(db, async (trx) => {
    const digest: Record<string, string> = {};
    for (const table of await repo.listTables(trx)) digest[table.name] = await repo.tableDigest(trx, table.name);
    return digest;
  });
}
