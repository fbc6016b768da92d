import type { Db } from '../db/database.ts';
import { VOCABULARY_KINDS, type VocabularyKind } from '../orgs/organization.vocab.ts';
import type { OrganizationInput } from '../orgs/organization.schema.ts';
import { conflict, forbidden, type FieldError, invalid } from '../server/problem.ts';
import type { Actor } from '../spaces/access.ts';
import { DEFAULT_VOCABULARIES, type VocabularyTerm } from './vocabulary-defaults.ts';
import * as repo from './vocabulary.repository.ts';

export type Vocabularies = Record<VocabularyKind, VocabularyTerm[]>;

export async function getVocabularies(db: Db): Promise<Vocabularies> {
  const result = Object.fromEntries(VOCABULARY_KINDS.map((k) => [k, [] as VocabularyTerm[]])) as Vocabularies;
  for (const row of await repo.listTerms(db)) {
    result[row.kind as VocabularyKind]?.push({ key: row.key, en: row.label_en, es: row.label_es });
  }
  return result;
}

/** Fills an empty workspace with the defaults drawn from the seeds. */
export async function ensureDefaultVocabularies(db: Db) {
  if ((await repo.countTerms(db)) > 0) return;
  for (const kind of VOCABULARY_KINDS) await repo.replaceTerms(db, kind, DEFAULT_VOCABULARIES[kind]);
}

export async function replaceVocabulary(db: Db, actor: Actor, kind: VocabularyKind, terms: VocabularyTerm[]) {
  if (!actor.isWorkspaceAdmin) throw forbidden('Only workspace administrators edit the shared lists.');
  const seen = new Set<string>();
  terms.forEach((t, i) => {
    if (seen.has(t.key)) throw invalid([{ field: `terms[${i}].key`, message: `"${t.key}" appears twice` }]);
    seen.add(t.key);
  });
  await db.transaction().execute(async (trx) => {
    const current = (await getVocabularies(trx))[kind].map((t) => t.key);
    const removed = current.filter((k) => !seen.has(k));
    const used = await repo.keysInUse(trx, kind, removed);
    if (used.length) throw conflict(`Still used by organizations: ${used.join(', ')}`, 'terms');
    await repo.replaceTerms(trx, kind, terms);
  });
}

/** Field errors for vocabulary keys an organization uses that the workspace does not have. */
export function unknownTerms(input: Pick<OrganizationInput, 'issues' | 'constituencies' | 'sectors' | 'capacities'>, vocab: Vocabularies): FieldError[] {
  const errors: FieldError[] = [];
  const check = (field: string, kind: VocabularyKind, keys: string[]) => keys.forEach((key, i) => {
    if (!vocab[kind].some((t) => t.key === key)) errors.push({ field: `${field}[${i}]`, message: `unknown ${kind} "${key}"` });
  });
  check('issues', 'issue', input.issues);
  check('constituencies', 'constituency', input.constituencies);
  check('sectors', 'sector', input.sectors);
  check('capacities', 'capacity', input.capacities.map((c) => c.key));
  return errors;
}
