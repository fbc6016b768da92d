import type { Db } from '../db/database.ts';
import { storedCheck } from './key-check.repository.ts';
import type { SealedBox } from './sealed-box.ts';

// The index keys are not in the database or its backups (docs/security.md). Started with other
// index keys than the ones its blind indexes and links were made with — a backup restored beside
// the wrong index.key — the app would run, and every lookup by email or phone and every consent
// link would quietly fail. It refuses to start instead, saying which key is wrong.

const NO_SPACE = '00000000-0000-0000-0000-000000000000';

export async function checkIndexKey(db: Db, box: SealedBox): Promise<void> {
  const mine = box.keyedHash('crossroads: the index keys check', NO_SPACE);
  if ((await storedCheck(db, 'index', mine)) !== mine) {
    throw new Error('The index keys (index.key in the data directory, or CROSSROADS_INDEX_KEY) are not the ones this database was made with: '
      + 'use the index.key kept with this database or its backup (docs/security.md, "Backups").');
  }
}
