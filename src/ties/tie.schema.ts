import { z } from '@hono/zod-openapi';

export const TIE_KINDS = ['co_campaigned', 'formal_partnership', 'funds', 'conflict', 'introduced', 'shared_members'] as const;
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'use YYYY, YYYY-MM or YYYY-MM-DD');

export const TieInputSchema = z.object({
  fromId: z.uuid('choose an organization'),
  toId: z.uuid('choose an organization'),
  kind: z.enum(TIE_KINDS),
  strength: z.number().int().min(1, 'from 1 to 5').max(5, 'from 1 to 5').default(3),
  startedOn: isoDate.nullish(),
  endedOn: isoDate.nullish(),
  note: z.string().trim().max(1000).nullish(),
}).refine((t) => t.fromId !== t.toId, { path: ['toId'], message: 'a tie joins two different organizations' }).openapi('TieInput');
export type TieInput = z.infer<typeof TieInputSchema>;

export const NetworkQuerySchema = z.object({
  derived: z.enum(['true', 'false']).default('true'),
  kinds: z.string().optional(),
});

export const TieImportSchema = z.object({
  csv: z.string().min(1, 'choose a CSV file').max(5_000_000, 'the file is over 5 MB; split it'),
  /** false: only preview what would happen. */
  commit: z.boolean().default(false),
  /** With rejected rows, import the good ones anyway (otherwise nothing is imported). */
  importGoodRows: z.boolean().default(false),
}).openapi('TieImport');
