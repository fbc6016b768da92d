import { z } from '@hono/zod-openapi';

// Donations as the API takes them: amounts in minor units (cents) so no sum is ever rounded.

const id = z.uuid('not a valid id');
const date = z.iso.date('use YYYY-MM-DD');
const text = (max: number) => z.string().trim().max(max);

export const DonationInputSchema = z.object({
  contactId: id.openapi({ description: 'The donor: a contact of the same organization' }),
  amountMinor: z.number().int('whole cents').min(1, 'more than zero').max(100_000_000_000),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD').optional(),
  receivedOn: date,
  method: text(40).nullish(),
  fund: text(100).nullish(),
  campaign: text(100).nullish(),
  appeal: text(100).nullish(),
  softCreditContactId: id.nullish(),
  inKind: z.boolean().default(false),
  receiptId: text(100).nullish(),
  recurringGiftId: id.nullish().openapi({ description: 'An installment of this recurring gift (same donor)' }),
  pledgeId: id.nullish().openapi({ description: 'A payment on this pledge (same donor)' }),
}).openapi('DonationInput');
export type DonationInput = z.infer<typeof DonationInputSchema>;

export const RefundSchema = z.object({ refundedOn: date.nullable() }).openapi('DonationRefund');

export const DonationsQuery = z.object({
  contactId: id.optional(),
  from: date.optional(),
  to: date.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export const DonorReportQuery = z.object({
  year: z.coerce.number().int().min(1900).max(2200),
  fiscalYearStart: z.string().regex(/^(0[1-9]|1[0-2])-01$/, 'MM-01: fiscal years start on the first of a month').optional(),
});

export const FundraisingSettingsSchema = z.object({
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD'),
}).openapi('FundraisingSettings');

export const DonationImportSchema = z.object({
  csv: z.string().min(1, 'the file is empty').max(60_000_000, 'files over 60 MB: use the command line (crossroads donations import)'),
  mapping: z.record(z.string(), z.string().nullable()).nullish(),
  goodRows: z.boolean().default(false),
  dryRun: z.boolean().default(false),
  sourceName: z.string().trim().regex(/^[a-z0-9_-]{1,40}$/, 'lowercase letters, digits, _ and -').optional().openapi({ description: 'The tool the file comes from (actblue, actionnetwork, van, civicrm): receipts are unique per source' }),
}).openapi('DonationImportRequest');
