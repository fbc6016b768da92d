import { z } from '@hono/zod-openapi';

// Field outreach as the API takes it: scripts with typed questions in English and Spanish,
// efforts, targets, turfs, and results sent from a volunteer's phone.

export const EFFORT_KINDS = ['canvass', 'phone_bank', 'text_bank', 'relational'] as const;
export const RESULT_CODES = ['contacted', 'not_home', 'refused', 'moved', 'wrong_number', 'no_answer', 'left_message', 'busy', 'inaccessible',
  'deceased', 'do_not_contact', 'attended', 'other'] as const;
export const TARGET_MEASURES = ['conversations', 'attempts', 'people_reached'] as const;

const bilingual = z.object({ en: z.string().trim().min(1, 'say it in English').max(500), es: z.string().trim().min(1, 'say it in Spanish').max(500) });
const key = z.string().regex(/^[a-z0-9_]{1,40}$/, 'lowercase letters, digits and _');

export const QuestionSchema = z.object({
  key,
  type: z.enum(['yes_no', 'choice', 'scale', 'text']),
  prompt: bilingual,
  choices: z.array(z.object({ key, label: bilingual })).max(20).optional(),
  min: z.number().int().min(0).max(10).optional(),
  max: z.number().int().min(1).max(10).optional(),
  /** A values question: its answers make values-based segments. */
  values: z.boolean().default(false),
}).refine((q) => q.type !== 'choice' || (q.choices?.length ?? 0) >= 2, { message: 'a choice question needs at least two choices', path: ['choices'] });
export type Question = z.infer<typeof QuestionSchema>;

export const ScriptSchema = z.object({
  intro: bilingual.optional(),
  questions: z.array(QuestionSchema).max(30).default([]),
}).refine((s) => new Set(s.questions.map((q) => q.key)).size === s.questions.length, { message: 'each question needs its own key', path: ['questions'] });
export type Script = z.infer<typeof ScriptSchema>;

export const EffortInputSchema = z.object({
  name: z.string().trim().min(1, 'a name is required').max(200),
  kind: z.enum(EFFORT_KINDS),
  script: ScriptSchema.default({ questions: [] }),
  segmentId: z.uuid('not a valid id').nullish(),
  targetId: z.uuid('not a valid id').nullish(),
  /** The 501(c) work it is for; in a marked space only the space's own mark. */
  taxStatus: z.enum(['c3', 'c4']).nullish(),
}).openapi('OutreachEffortInput');
export type EffortInput = z.infer<typeof EffortInputSchema>;

export const TargetInputSchema = z.object({
  name: z.string().trim().min(1, 'a name is required').max(200),
  goal: z.number().int().min(1).max(100_000_000),
  measure: z.enum(TARGET_MEASURES).default('conversations'),
  dueOn: z.iso.date('use YYYY-MM-DD').nullish(),
}).openapi('OutreachTargetInput');

export const TurfRequestSchema = z.object({
  by: z.enum(['zip', 'county', 'size']),
  size: z.number().int().min(1).max(5000).default(50),
}).openapi('TurfRequest');

export const AttemptInputSchema = z.object({
  id: z.uuid('not a valid id'),
  contactId: z.uuid('not a valid id'),
  result: z.enum(RESULT_CODES),
  answers: z.record(z.string(), z.union([z.string().max(2000), z.number(), z.boolean()])).default({}),
  notes: z.string().trim().max(2000).nullish(),
  madeAt: z.iso.datetime({ offset: true, message: 'a date and time, e.g. 2010-02-20T23:00:00Z' }),
});

export const SignupInputSchema = z.object({
  id: z.uuid('not a valid id'),
  firstName: z.string().trim().max(100).default(''),
  lastName: z.string().trim().max(100).default(''),
  email: z.string().trim().max(200).nullish(),
  phone: z.string().trim().max(40).nullish(),
  zip: z.string().trim().max(10).nullish(),
  attended: z.boolean().default(false),
  madeAt: z.iso.datetime({ offset: true, message: 'a date and time, e.g. 2010-02-20T23:00:00Z' }),
});

export const SyncSchema = z.object({
  attempts: z.array(AttemptInputSchema).max(2000).default([]),
  signups: z.array(SignupInputSchema).max(500).default([]),
}).openapi('FieldSync');
export type SyncInput = z.infer<typeof SyncSchema>;
