import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { VocabularyKind } from '../orgs/organization.vocab.ts';
import type { VocabularyTerm } from './vocabulary-defaults.ts';

export async function listTerms(db: Db) {
  return db.selectFrom('vocabulary_terms').selectAll().orderBy('kind').orderBy('position').execute();
}

export async function countTerms(db: Db) {
  const row = await db.selectFrom('vocabulary_terms').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function replaceTerms(db: Db, kind: VocabularyKind, terms: VocabularyTerm[]) {
  await db.deleteFrom('vocabulary_terms').where('kind', '=', kind).execute();
  if (terms.length === 0) return;
  await db.insertInto('vocabulary_terms')
    .values(terms.map((t, i) => ({ kind, key: t.key, label_en: t.en, label_es: t.es, position: i }))).execute();
}

const COLUMN: Record<VocabularyKind, 'issues' | 'constituencies' | 'sectors' | null> = {
  issue: 'issues', constituency: 'constituencies', sector: 'sectors', capacity: null,
};

/** Keys of `kind` that some organization still uses, among `keys`. */
export async function keysInUse(db: Db, kind: VocabularyKind, keys: string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const column = COLUMN[kind];
  const rows = column
    ? await sql<{ key: string }>`select distinct k as key from organizations, unnest(${sql.ref(column)}) k where k = any(${keys})`.execute(db)
    : await sql<{ key: string }>`select distinct c->>'key' as key from organizations, jsonb_array_elements(capacities) c where c->>'key' = any(${keys})`.execute(db);
  return rows.rows.map((r) => r.key);
}
