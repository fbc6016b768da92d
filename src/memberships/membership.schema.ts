import { z } from '@hono/zod-openapi';
import { MEMBERSHIP_ROLES, MEMBERSHIP_STATUSES, REPRESENTATIVE_SEATS } from '../orgs/organization.vocab.ts';

const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'use YYYY, YYYY-MM or YYYY-MM-DD');

export const MembershipInputSchema = z.object({
  memberId: z.uuid('choose an organization'),
  role: z.enum(MEMBERSHIP_ROLES).default('member'),
  status: z.enum(MEMBERSHIP_STATUSES).default('active'),
  startedOn: isoDate.nullish(),
  endedOn: isoDate.nullish(),
}).refine((m) => !m.startedOn || !m.endedOn || m.startedOn <= m.endedOn, { path: ['endedOn'], message: 'ends before it starts' })
  .openapi('MembershipInput');
export type MembershipInput = z.infer<typeof MembershipInputSchema>;

export const MembershipPatchSchema = z.object({
  role: z.enum(MEMBERSHIP_ROLES).optional(),
  status: z.enum(MEMBERSHIP_STATUSES).optional(),
  startedOn: isoDate.nullish(),
  endedOn: isoDate.nullish(),
}).openapi('MembershipPatch');

export const RepresentativeInputSchema = z.object({
  personId: z.uuid('choose a person'),
  seat: z.enum(REPRESENTATIVE_SEATS),
}).openapi('RepresentativeInput');

export const MembershipSchema = z.object({
  id: z.string(), allianceId: z.string(), memberId: z.string(),
  role: z.enum(MEMBERSHIP_ROLES), status: z.enum(MEMBERSHIP_STATUSES),
  startedOn: z.string().nullable(), endedOn: z.string().nullable(),
}).openapi('Membership');
export type Membership = z.infer<typeof MembershipSchema>;

export const AllianceMemberSchema = z.object({
  id: z.string(), allianceId: z.string(), memberId: z.string(), role: z.string(), status: z.string(),
  startedOn: z.string().nullable(), endedOn: z.string().nullable(), name: z.string(), shortName: z.string().nullable(), kind: z.string(),
  stateFips: z.string().nullable(), city: z.string().nullable(), profileVisible: z.boolean(),
  representatives: z.array(z.object({
    id: z.string(), membershipId: z.string(), seat: z.string(),
    personId: z.string().openapi({ description: 'empty when the organization does not share this person with you' }),
    name: z.string().nullable(), languages: z.array(z.string()),
  })),
  hasStaffRepresentative: z.boolean(), hasLeaderRepresentative: z.boolean(),
  memberCount: z.number().nullable().openapi({ description: 'a member alliance you may open: how many members it has (list them with GET /alliances/{memberId}/members)' }),
}).openapi('AllianceMember');

export const CoRepresentationGapSchema = z.object({ membershipId: z.string(), memberId: z.string(), name: z.string(), hasStaffRepresentative: z.boolean() })
  .openapi('CoRepresentationGap');

const pageSize = (fallback: number) => z.coerce.number().int().min(1).max(200).default(fallback);

/** The alliance page opens on the first page of members; further pages come from the members list. */
export const AlliancePageQuery = z.object({
  membersOffset: z.coerce.number().int().min(0).default(0),
  membersLimit: pageSize(50),
});

export const MemberListQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: pageSize(50),
  status: z.enum(MEMBERSHIP_STATUSES).optional(),
  role: z.enum(MEMBERSHIP_ROLES).optional(),
  q: z.string().trim().max(100).optional().openapi({ description: 'part of the member name' }),
  withoutLeader: z.enum(['true', 'false']).transform((v) => v === 'true').optional()
    .openapi({ description: 'only current members without a leader representative (the co-representation gaps)' }),
});
