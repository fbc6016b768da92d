import { z } from '@hono/zod-openapi';
import { CONTRIBUTIONS, FACTOR_KEYS, type Factor } from './survey-instrument.ts';

const FactorItemSchema = z.object({
  factor: z.enum(FACTOR_KEYS as [Factor, ...Factor[]]),
  en: z.string().trim().max(500),
  es: z.string().trim().max(500),
}).refine((i) => i.en || i.es, { message: 'write the item in English, Spanish or both', path: ['en'] });

export const SurveyInputSchema = z.object({
  title: z.string().trim().min(1, 'give the wave a title').max(200),
  deadline: z.iso.datetime({ offset: true, message: 'a date and time, e.g. 2010-02-20T23:00:00Z' }),
  factorItems: z.array(FactorItemSchema).max(60).default([]),
  // Anchors and members are invited; allies and observers too when this is set.
  includeAllies: z.boolean().default(false),
}).openapi('SurveyInput');
export type SurveyInput = z.infer<typeof SurveyInputSchema>;

const level = z.number().int().min(1, 'from 1 to 4').max(4, 'from 1 to 4').nullable().optional();
export const RatingInputSchema = z.object({
  organizationId: z.uuid('not a valid id'),
  collaboration: z.number().int().min(0, 'from 0 to 5').max(5, 'from 0 to 5'),
  reliability: level, mission: level, openness: level, power: level, involvement: level, resources: level,
});

export const SurveyAnswerSchema = z.object({
  ratings: z.array(RatingInputSchema).max(1000),
  contributions: z.array(z.enum(CONTRIBUTIONS)).max(CONTRIBUTIONS.length).default([]),
  factorScores: z.array(z.object({ item: z.number().int().min(0).max(59), score: z.number().int().min(1, 'from 1 to 5').max(5, 'from 1 to 5') })).max(60).default([]),
  sharePairs: z.boolean().default(false),
}).openapi('SurveyAnswer');
export type SurveyAnswer = z.infer<typeof SurveyAnswerSchema>;

export const SurveyTokenParam = z.object({ token: z.string().min(10).max(300).openapi({ param: { name: 'token', in: 'path' } }) });
