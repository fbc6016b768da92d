import { z } from '@hono/zod-openapi';
import { IDENTIFIER_KINDS, type IdentifierKind } from './psi-element.ts';

/** Counts under this many are shown only as "fewer than"; a run may ask for a higher threshold, never a lower one. */
export const DEFAULT_MIN_COUNT = 10;

export const KindSchema = z.enum(IDENTIFIER_KINDS as [IdentifierKind, ...IdentifierKind[]]);

export const RunRequestSchema = z.object({
  partnerSpaceId: z.uuid('not a valid id'),
  allianceId: z.uuid('not a valid id'),
  kind: KindSchema,
  minCount: z.number().int().min(DEFAULT_MIN_COUNT).max(1_000_000).optional().openapi({ description: `Counts under this are shown only as "fewer than"; at least ${DEFAULT_MIN_COUNT}.` }),
  reveal: z.boolean().default(false).openapi({ description: 'Also tell each organization which of its own contacts are shared, for those both sides may share with each other (consent).' }),
  effortId: z.uuid('not a valid id').nullish().openapi({ description: "A turf check: this organization's set is the contacts on this effort's turfs; the partner's, those on the turfs of its active efforts." }),
});

export const AnswerSchema = z.object({ answer: z.enum(['accept', 'decline', 'cancel']) });

export const SideParams = z.object({
  id: z.uuid('not a valid id').openapi({ param: { name: 'id', in: 'path' } }),
  side: z.enum(['requester', 'partner']).openapi({ param: { name: 'side', in: 'path' } }),
});

export const RunSchema = z.object({
  id: z.string(), requesterSpaceId: z.string(), partnerSpaceId: z.string(), allianceId: z.string(), allianceName: z.string(),
  requesterName: z.string(), partnerName: z.string(), kind: KindSchema, minCount: z.number(),
  status: z.enum(['requested', 'accepted', 'declined', 'cancelled', 'done']),
  requesterSize: z.number().nullable(), partnerSize: z.number().nullable(),
  sharedCount: z.number().nullable().openapi({ description: 'Null until done, and when the count is under minCount (then belowMin is true).' }),
  belowMin: z.boolean().nullable(), createdAt: z.any(), finishedAt: z.any(),
  reveal: z.boolean(), requesterEffortId: z.string().nullable(), requesterEffortName: z.string().nullable(),
  revealedCount: z.number().nullable().openapi({ description: 'In a reveal run, how many shared contacts both sides may share (each side reads its own once).' }),
  steps: z.object({ requesterBlinded: z.boolean(), partnerBlinded: z.boolean(), requesterReblinded: z.boolean(), partnerReblinded: z.boolean(),
    requesterMatches: z.boolean(), partnerMatches: z.boolean() }),
}).openapi('OverlapRun');

export const PartnerSchema = z.object({ id: z.string(), name: z.string(), spaceId: z.string().nullable(), allianceId: z.string(), allianceName: z.string() });
