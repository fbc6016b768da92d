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
