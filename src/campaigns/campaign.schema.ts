import { z } from '@hono/zod-openapi';

// Contracts of campaigns: the Midwest Academy strategy chart, the organizations taking part and
// what each brings, and the campaign's record of actions, wins and issues carried.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');
const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
const lines = z.array(text(500).min(1, 'required')).max(30).default([]);

export const CAMPAIGN_CONTRIBUTIONS = ['base', 'legal', 'policy', 'research', 'money', 'communications', 'relationships', 'space'] as const;
export const CAMPAIGN_STATUSES = ['planning', 'active', 'won', 'lost', 'closed'] as const;

/** The Midwest Academy strategy chart, one list per column. */
export const StrategyChartSchema = z.object({
  longTermGoals: lines, intermediateGoals: lines, shortTermGoals: lines,
  resourcesWeHave: lines, resourcesWeNeed: lines, internalProblems: lines,
  constituents: lines, allies: lines, opponents: lines,
  primaryTargets: lines, secondaryTargets: lines, tactics: lines,
});

export const CampaignInputSchema = z.object({
  name: text(200).min(1, 'required'),
  status: z.enum(CAMPAIGN_STATUSES).default('planning'),
  chart: StrategyChartSchema.default(StrategyChartSchema.parse({})),
  participants: z.array(z.object({ organizationId: z.uuid('choose an organization'), brings: z.array(z.enum(CAMPAIGN_CONTRIBUTIONS)).max(8).default([]) })).max(200).default([]),
}).openapi('CampaignInput');
export type CampaignInput = z.infer<typeof CampaignInputSchema>;

export const CampaignEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('action'), title: text(300).min(1, 'required'), happenedOn: isoDate, turnout: z.number().int().min(0).nullish() }),
  z.object({ kind: z.literal('win'), title: text(300).min(1, 'required'), happenedOn: isoDate }),
  // One organization carries another's demand to a decision maker.
  z.object({ kind: z.literal('issue_carried'), title: text(300).min(1, 'required'), happenedOn: isoDate, carrierId: z.uuid('choose an organization'),
    demandOwnerId: z.uuid('choose an organization'), decisionMaker: text(200).min(1, 'required') }),
]).openapi('CampaignEventInput');
export type CampaignEventInput = z.infer<typeof CampaignEventSchema>;
