import { z } from '@hono/zod-openapi';
import type { ConsentPurpose } from '../db/tables.ts';
import { DEFAULTABLE, PURPOSES } from './consent.ts';

export const PurposeSchema = z.enum(PURPOSES as [ConsentPurpose, ...ConsentPurpose[]]);

export const ConsentChoiceSchema = z.object({ purpose: PurposeSchema, granted: z.boolean(), partnerSpaceId: z.uuid('not a valid id').nullable().optional() }).openapi('ConsentChoice');

export const ConsentDefaultSchema = z.object({ purpose: z.enum(DEFAULTABLE), granted: z.boolean() });

export const PersonConsentSchema = z.object({
  purposes: z.array(ConsentChoiceSchema).max(50).optional(),
  doNotContact: z.boolean().optional(),
}).openapi('PersonConsentChange');

export const TokenParam = z.object({ token: z.string().min(10).max(300).openapi({ param: { name: 'token', in: 'path' } }) });
