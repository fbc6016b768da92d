import { z } from '@hono/zod-openapi';

// Contracts of work plans: strategy areas with a broad goal, specific goals, activities and next
// steps, anchor organizations, a committee and a deadline; theory of change, SWOT and stakeholders.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');
const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
const lines = z.array(text(500).min(1, 'required')).max(30).default([]);

export const WorkPlanInputSchema = z.object({
  title: text(200).min(1, 'required'),
  period: text(100).nullish(),
  theoryOfChange: z.array(z.object({ if: text(1000).min(1, 'required'), then: text(1000).min(1, 'required') })).max(20).default([]),
  swot: z.object({ strengths: lines, weaknesses: lines, opportunities: lines, threats: lines }).default({ strengths: [], weaknesses: [], opportunities: [], threats: [] }),
  stakeholders: z.array(z.object({ name: text(200).min(1, 'required'), interest: text(500).nullish(), influence: z.number().int().min(0).max(10).nullish(),
    stance: z.enum(['active_ally', 'passive_ally', 'neutral', 'passive_opposition', 'active_opposition']).nullish() })).max(100).default([]),
}).openapi('WorkPlanInput');
export type WorkPlanInput = z.infer<typeof WorkPlanInputSchema>;

export const AreaInputSchema = z.object({
  name: text(200).min(1, 'required'),
  broadGoal: text(2000).nullish(),
  committeeId: z.uuid('choose a committee').nullish(),
  deadline: isoDate.nullish(),
  anchorIds: z.array(z.uuid('choose an organization')).max(20).default([]),
}).openapi('StrategyAreaInput');
export type AreaInput = z.infer<typeof AreaInputSchema>;

export const ActivityInputSchema = z.object({
  kind: z.enum(['activity', 'next_step']),
  text: text(1000).min(1, 'required'),
  dueOn: isoDate.nullish(),
}).openapi('ActivityInput');

export const ActivityPatchSchema = z.object({ done: z.boolean() }).openapi('ActivityPatch');
export const GoalAreaSchema = z.object({ areaId: z.uuid('choose a strategy area').nullable() }).openapi('GoalAreaInput');
