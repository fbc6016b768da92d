import { z } from '@hono/zod-openapi';

// Grants and other income as the API takes them: amounts in minor units of their currency.

export const FUNDER_TYPES = ['foundation', 'government', 'corporate', 'intermediary', 'individual', 'other'] as const;
export type FunderType = (typeof FUNDER_TYPES)[number];

const id = z.uuid('not a valid id');
const date = z.iso.date('use YYYY-MM-DD');

export const GrantImportSchema = z.object({
  fileBase64: z.string().min(1, 'the file is empty').max(60_000_000, 'files over 45 MB: use the command line (crossroads grants import)')
    .openapi({ description: 'The 360Giving file (JSON, CSV or XLSX), base64-encoded' }),
  dryRun: z.boolean().default(false),
  dateOrder: z.enum(['dmy', 'mdy']).optional().openapi({ description: 'How the file writes dates like 03/04/2024, when none of its dates says' }),
  funderType: z.enum(FUNDER_TYPES).optional().openapi({ description: 'The kind of funder when the directory does not say (default: foundation)' }),
}).openapi('GrantImportRequest');

export const GrantsQuery = z.object({
  from: date.optional(),
  to: date.optional(),
  review: z.enum(['true', 'false']).optional().transform((v) => v === 'true').openapi({ description: 'Only grants whose funder or recipient is unsure or not in the directory' }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export const GrantLinksSchema = z.object({
  funderOrganizationId: id.nullish(),
  recipientOrganizationId: id.nullish(),
  funderType: z.enum(FUNDER_TYPES).optional(),
}).openapi('GrantLinks');

export const RegrantSchema = z.object({
  recipientOrganizationId: id,
  amountMinor: z.number().int('whole minor units').min(1, 'more than zero').max(1_000_000_000_000),
  awardDate: date,
  title: z.string().trim().min(1).max(500).optional(),
  identifier: z.string().trim().min(1).max(300).optional(),
}).openapi('Regrant');

export const OTHER_INCOME_TYPES = ['earned', 'dues', 'government', 'other'] as const;

export const OtherIncomeSchema = z.object({
  sourceType: z.enum(OTHER_INCOME_TYPES),
  amountMinor: z.number().int('whole minor units').min(1, 'more than zero').max(1_000_000_000_000),
  receivedOn: date,
  description: z.string().trim().max(300).default(''),
}).openapi('OtherIncome');

export const YearQuery = z.object({ year: z.coerce.number().int().min(1900).max(2200) });

export const MoneyMapQuery = z.object({
  from: date.optional(),
  to: date.optional(),
  issue: z.string().trim().max(100).optional(),
  constituency: z.string().trim().max(100).optional(),
  region: z.string().trim().max(120).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD').optional(),
});
