import type { Db } from '../db/database.ts';
import * as repo from './blind-index-scope.repository.ts';
import type { SealedBox } from './sealed-box.ts';

// At start: blind indexes stored before they were scoped to their space are scoped now, from
// the stored hashes alone (nothing is decrypted), a batch per transaction, so a stop midway
// leaves each row either as it was or scoped, and the next start goes on.

const BATCH = 2000;

export async function scopeLegacyBlindIndexes(db: Db, box: SealedBox): Promise<number> {
  let done = 0;
  for (const table of ['contacts', 'people'] as const) {
    for (;;) {
      const rows = await repo.unscopedRows(db, table, BATCH);
      if (rows.length === 0) break;
      const scoped = rows.map((row) => Object.fromEntries([['id', row.id], ...repo.HASH_COLUMNS[table].map((c) => [c, row[c] ? box.scopeLegacyHash(row[c]!, row.space_id) : null])]));
      await db.transaction().execute((trx) => repo.setScoped(trx, table, scoped));
      done += rows.length;
    }
  }
  return done;
}
