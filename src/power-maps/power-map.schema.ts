import { z } from '@hono/zod-openapi';

export const STANCES = ['active_ally', 'passive_ally', 'neutral', 'passive_opposition', 'active_opposition'] as const;
export const STAKEHOLDER_KINDS = ['organization', 'person', 'institution', 'decision_maker'] as const;
const influence = z.number().int().min(0, 'from 0 to 10').max(10, 'from 0 to 10');

export const PowerMapInputSchema = z.object({ title: z.string().trim().min(1, 'required').max(200), campaignId: z.uuid('choose a campaign').nullish() }).openapi('PowerMapInput');
export const StakeholderInputSchema = z.object({
  name: z.string().trim().min(1, 'required').max(200), kind: z.enum(STAKEHOLDER_KINDS), organizationId: z.uuid('choose an organization').nullish(),
  influence, stance: z.enum(STANCES), note: z.string().trim().max(1000).nullish(),
}).openapi('StakeholderInput');
export const StakeholderMoveSchema = z.object({ influence: influence.optional(), stance: z.enum(STANCES).optional(), note: z.string().trim().max(1000).nullish() })
  .refine((m) => m.influence !== undefined || m.stance !== undefined, { path: ['stance'], message: 'move the stance or the influence' }).openapi('StakeholderMove');
