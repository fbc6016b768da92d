import type { VocabularyKind } from '../orgs/organization.vocab.ts';

// Which catalog words a field's values: the model's closed lists (under `enum.*` in the locales)
// and the workspace's vocabularies. Shared by the import page and the audit log.

/** Field (as the API or the database names it) → its group under `enum.` in the locales. */
export const ENUM_GROUP: Record<string, string> = {
  kind: 'kind', status: 'status', role: 'role', stage: 'stage', affiliationRole: 'affiliation',
  powerScale: 'scale', power_scale: 'scale', legalStructure: 'legal', legal_structure: 'legal', budgetBand: 'budget', budget_band: 'budget',
};

/** List field → the vocabulary its values are terms of. */
export const VOCABULARY_OF: Record<string, VocabularyKind> = { issues: 'issue', constituencies: 'constituency', sectors: 'sector', capacities: 'capacity' };
