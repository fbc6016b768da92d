import { z } from '@hono/zod-openapi';

// Recurring gifts, pledges, matching funds and dues as the API takes them: amounts in minor units.

const id = z.uuid('not a valid id');
const date = z.iso.date('use YYYY-MM-DD');
const minor = z.number().int('whole cents').min(1, 'more than zero').max(100_000_000_000);

export const RecurringSchema = z.object({
  contactId: id, amountMinor: minor, frequency: z.enum(['weekly', 'monthly', 'quarterly', 'yearly']), startsOn: date, endsOn: date.nullish(),
  fund: z.string().trim().max(100).nullish(),
}).openapi('RecurringGift');

export const RecurringStatusSchema = z.object({ status: z.enum(['active', 'paused', 'cancelled']) }).openapi('RecurringGiftStatus');

export const PledgeSchema = z.object({
  contactId: id, amountMinor: minor, pledgedOn: date,
  schedule: z.array(z.object({ dueOn: date, amountMinor: minor })).max(120).default([]).openapi({ description: 'Payments due (they add up to the pledge); empty: due whenever' }),
  fund: z.string().trim().max(100).nullish(), note: z.string().trim().max(500).default(''),
}).openapi('Pledge');

export const MatchSchema = z.object({
  name: z.string().trim().min(1, 'a name is required').max(200), matcher: z.string().trim().min(1, 'say who matches').max(200),
  kind: z.enum(['matching_gift', 'challenge']), ratio: z.number().min(0.1, 'from 0.1 to 10').max(10, 'from 0.1 to 10'), capMinor: minor, startsOn: date, endsOn: date,
  campaign: z.string().trim().max(100).nullish().openapi({ description: 'Only gifts to this campaign count' }),
}).openapi('MatchFund');

export const DuesBillSchema = z.object({
  period: z.string().trim().min(1).max(40).openapi({ description: 'e.g. 2025 or 2025-Q1' }), amountMinor: minor, dueOn: date,
  allMembers: z.boolean().default(false).openapi({ description: 'An alliance: bill every active member organization' }),
  membershipIds: z.array(id).max(5000).optional(), contactIds: z.array(id).max(50_000).optional(),
}).openapi('DuesBill');

export const DuesPaymentSchema = z.object({ paidOn: date.nullable(), paidMinor: z.number().int('whole cents').min(0).max(100_000_000_000) }).openapi('DuesPayment');
