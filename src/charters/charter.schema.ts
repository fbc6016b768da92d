import { z } from '@hono/zod-openapi';
import { ALLIANCE_STAGES } from '../orgs/organization.vocab.ts';

// Contracts of an alliance's charter (the five foundational blocks, values, vision and decision
// rules, versioned) and of its moves between the report's five stages of development.

const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);

export const FOUNDATIONAL_BLOCKS = ['diverse_people', 'common_purpose', 'clear_boundaries', 'clear_roles', 'explicit_norms'] as const;
// The report's key questions when an alliance considers moving on.
export const STAGE_QUESTIONS = ['more_powerful_together', 'who_else_at_table', 'enough_trust', 'what_jointly', 'reason_long_term'] as const;

export const CharterInputSchema = z.object({
  blocks: z.object(Object.fromEntries(FOUNDATIONAL_BLOCKS.map((b) => [b, text(5000).min(1, 'required')])) as Record<(typeof FOUNDATIONAL_BLOCKS)[number], z.ZodString>),
  values: text(5000).nullish(),
  vision: text(5000).nullish(),
  decisionRules: text(5000).nullish(),
}).openapi('CharterInput');
export type CharterInput = z.infer<typeof CharterInputSchema>;

export const StageMoveSchema = z.object({
  toStage: z.enum(ALLIANCE_STAGES),
  answers: z.object(Object.fromEntries(STAGE_QUESTIONS.map((q) => [q, text(5000).min(1, 'answer this question')])) as Record<(typeof STAGE_QUESTIONS)[number], z.ZodString>),
}).openapi('StageMoveInput');
