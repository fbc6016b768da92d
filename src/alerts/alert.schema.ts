import { z } from '@hono/zod-openapi';

// Contracts of rapid response: an alliance calls its members to mobilize; each member answers
// with what it commits (organizers, people, money, days).

const count = z.number().int().min(0).max(10_000_000);
const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
export const ResourcesSchema = z.object({ organizers: count.default(0), people: count.default(0), money: count.default(0), days: count.default(0) });
export const RESOURCE_KEYS = ['organizers', 'people', 'money', 'days'] as const;

export const AlertInputSchema = z.object({
  title: text(200).min(1, 'required'),
  body: text(10_000).min(1, 'required'),
  need: ResourcesSchema,
  respondBy: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD').nullish(),
}).refine((a) => RESOURCE_KEYS.some((k) => a.need[k] > 0), { path: ['need'], message: 'say what is needed' }).openapi('AlertInput');

export const CommitmentInputSchema = ResourcesSchema.extend({
  organizationId: z.uuid('choose an organization'),
  note: text(1000).nullish(),
}).openapi('CommitmentInput');
