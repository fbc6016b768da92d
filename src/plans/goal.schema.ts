import { z } from '@hono/zod-openapi';

// Contracts of goals: SMARTIE goals that nest goal → objectives → strategies, with measurable
// indicators, a success sheet of dated activities and the disparate-impact reflection.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');
const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
const number = z.number().finite().nullish();

export const GOAL_LEVELS = ['goal', 'objective', 'strategy'] as const;

export const GoalInputSchema = z.object({
  statement: text(2000).min(1, 'required'),
  level: z.enum(GOAL_LEVELS).default('goal'),
  parentId: z.uuid('choose a goal').nullish(),
  deadline: isoDate.nullish(),
  decidersFromMostAffected: z.boolean().nullish(),
  equityNote: text(2000).nullish(),
  indicators: z.array(z.object({ name: text(200).min(1, 'required'), unit: text(40).nullish(), baseline: number, target: number, current: number })).max(20).default([]),
  activities: z.array(z.object({ dueOn: isoDate.nullish(), text: text(500).min(1, 'required'), done: z.boolean().default(false) })).max(50).default([]),
  impactReflection: z.object({ disparateImpact: text(2000).nullish(), mitigation: text(2000).nullish() }).default({}),
  areaId: z.uuid('choose a strategy area').nullish(),
}).refine((g) => g.level === 'goal' || !!g.parentId, { path: ['parentId'], message: 'objectives and strategies belong to a goal' })
  .openapi('GoalInput');
export type GoalInput = z.infer<typeof GoalInputSchema>;
