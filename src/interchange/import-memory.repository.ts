import type { Db } from '../db/database.ts';
import type { ColumnMapping } from '../imports/column-mapping.ts';
import type { ImportDecisions } from '../imports/import-decisions.ts';

// A space's answers to its last import of a file with the same columns, keyed by the columns
// (normalized and sorted), so that the next export from the same tool is mapped as before.

export interface RememberedImport { mapping: ColumnMapping; decisions: ImportDecisions }

export async function findImportMemory(db: Db, spaceId: string, entity: string, columnsKey: string): Promise<RememberedImport | undefined> {
  const row = await db.selectFrom('import_memory').select(['mapping', 'decisions'])
    .where('space_id', '=', spaceId).where('entity', '=', entity).where('columns_key', '=', columnsKey).executeTakeFirst();
  return row ? { mapping: row.mapping, decisions: row.decisions as ImportDecisions } : undefined;
}

export async function saveImportMemory(db: Db, spaceId: string, entity: string, columnsKey: string, remembered: RememberedImport) {
  const values = { mapping: JSON.stringify(remembered.mapping), decisions: JSON.stringify(remembered.decisions) };
  await db.insertInto('import_memory').values({ space_id: spaceId, entity, columns_key: columnsKey, ...values })
    .onConflict((oc) => oc.columns(['space_id', 'entity', 'columns_key']).doUpdateSet({ ...values, updated_at: new Date() })).execute();
}
