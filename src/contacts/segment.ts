import { z } from '@hono/zod-openapi';

// A segment is a condition on contacts, built from simple conditions combined with and / or /
// not. Every simple condition is true or false for every contact (never unknown: a contact with
// no ZIP is simply not in "ZIP 94612"), so a segment and its negation split the contacts in two.

export const FLAGS = ['hasEmail', 'hasPhone', 'emailOptIn', 'smsOptIn', 'doNotContact'] as const;

export type Condition =
  | { type: 'and'; conditions: Condition[] }
  | { type: 'or'; conditions: Condition[] }
  | { type: 'not'; condition: Condition }
  | { type: 'tag'; tag: string }
  | { type: 'language'; language: string }
  | { type: 'state'; state: string }
  | { type: 'county'; county: string }
  | { type: 'zip'; zip: string }
  | { type: 'city'; city: string }
  | { type: 'birthYear'; min?: number | null; max?: number | null }
  | { type: 'list'; listId: string }
  | { type: 'flag'; flag: (typeof FLAGS)[number] }
  | { type: 'custom'; key: string; value: string }
  | { type: 'source'; source: string }
  | { type: 'lastResult'; result: string }
  | { type: 'answer'; question: string; answer: string }
  | { type: 'ladderStep'; step: string }
  | { type: 'attended'; conveningId?: string | null; kind?: string | null; atLeast?: number | null }
  | { type: 'cohort'; cohortId: string; status?: 'active' | 'completed' | 'left' | null }
  | { type: 'gave'; from?: string | null; to?: string | null; atLeastMinor?: number | null };

const leaf = [
  z.object({ type: z.literal('tag'), tag: z.string().trim().min(1).max(80) }),
  z.object({ type: z.literal('language'), language: z.string().trim().regex(/^[a-z]{2,3}$/, 'an ISO 639 language code such as en or es') }),
  z.object({ type: z.literal('state'), state: z.string().regex(/^\d{2}$/, 'a two-digit state FIPS code') }),
  z.object({ type: z.literal('county'), county: z.string().regex(/^\d{5}$/, 'a five-digit county FIPS code') }),
  z.object({ type: z.literal('zip'), zip: z.string().regex(/^\d{3,5}$/, 'a ZIP code, or its first 3 or 4 digits') }),
  z.object({ type: z.literal('city'), city: z.string().trim().min(1).max(100) }),
  z.object({ type: z.literal('birthYear'), min: z.number().int().min(1800).max(2200).nullish(), max: z.number().int().min(1800).max(2200).nullish() }),
  z.object({ type: z.literal('list'), listId: z.uuid('not a valid id') }),
  z.object({ type: z.literal('flag'), flag: z.enum(FLAGS) }),
  z.object({ type: z.literal('custom'), key: z.string().trim().min(1).max(60), value: z.string().trim().max(500) }),
  z.object({ type: z.literal('source'), source: z.string().trim().min(1).max(100) }),
  // The result of the contact's latest outreach attempt (not home, refused, contacted…).
  z.object({ type: z.literal('lastResult'), result: z.string().regex(/^[a-z_]{1,40}$/, 'lowercase letters and _') }),
  // A values-based segment: an answer given to a script's question in any attempt.
  z.object({ type: z.literal('answer'), question: z.string().regex(/^[a-z0-9_]{1,40}$/, 'lowercase letters, digits and _'), answer: z.string().trim().max(200) }),
  z.object({ type: z.literal('ladderStep'), step: z.string().regex(/^[a-z0-9_]{1,40}$/, 'lowercase letters, digits and _') }),
  // Came to a convening: a given one, or at least N of a kind (training, house meeting…) or of any.
  z.object({ type: z.literal('attended'), conveningId: z.uuid('not a valid id').nullish(), kind: z.string().regex(/^[a-z_]{1,40}$/, 'lowercase letters and _').nullish(),
    atLeast: z.number().int().min(1).max(1000).nullish() }),
  z.object({ type: z.literal('cohort'), cohortId: z.uuid('not a valid id'), status: z.enum(['active', 'completed', 'left']).nullish() }),
  // Gave in a period (gifts not refunded), at least an amount in all (minor units) if given.
  z.object({ type: z.literal('gave'), from: z.iso.date('use YYYY-MM-DD').nullish(), to: z.iso.date('use YYYY-MM-DD').nullish(),
    atLeastMinor: z.number().int().min(1).max(100_000_000_000).nullish() }),
] as const;

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() => z.discriminatedUnion('type', [
  z.object({ type: z.literal('and'), conditions: z.array(ConditionSchema).min(1).max(50) }),
  z.object({ type: z.literal('or'), conditions: z.array(ConditionSchema).min(1).max(50) }),
  z.object({ type: z.literal('not'), condition: ConditionSchema }),
  ...leaf,
])).openapi('SegmentCondition') as unknown as z.ZodType<Condition>;

/** How deep the and/or/not nesting goes; a definition deeper than MAX_DEPTH is refused. */
export function depthOf(c: Condition): number {
  if (c.type === 'and' || c.type === 'or') return 1 + Math.max(...c.conditions.map(depthOf));
  if (c.type === 'not') return 1 + depthOf(c.condition);
  return 1;
}
export const MAX_DEPTH = 8;

/** The lists a definition refers to (each must be a list of the segment's own space). */
export function listsOf(c: Condition): string[] {
  if (c.type === 'and' || c.type === 'or') return c.conditions.flatMap(listsOf);
  if (c.type === 'not') return listsOf(c.condition);
  return c.type === 'list' ? [c.listId] : [];
}

/** The cohorts a definition refers to (each must be a cohort of the segment's own space). */
export function cohortsOf(c: Condition): string[] {
  if (c.type === 'and' || c.type === 'or') return c.conditions.flatMap(cohortsOf);
  if (c.type === 'not') return cohortsOf(c.condition);
  return c.type === 'cohort' ? [c.cohortId] : [];
}

/** Whether a definition reads giving (gifts are opened to members of the space only, not viewers). */
export function readsGiving(c: Condition): boolean {
  if (c.type === 'and' || c.type === 'or') return c.conditions.some(readsGiving);
  if (c.type === 'not') return readsGiving(c.condition);
  return c.type === 'gave';
}
