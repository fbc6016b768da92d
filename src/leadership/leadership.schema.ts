import { z } from '@hono/zod-openapi';

// Leadership development as the API takes it: a contact's links (the directory person it is, who
// recruited it), attendance of contacts at convenings, and leadership cohorts.

const id = z.uuid('not a valid id');
const date = z.iso.date('use YYYY-MM-DD');

export const ContactLinksSchema = z.object({
  personId: id.nullish().openapi({ description: 'A person of the same organization\'s directory; null unlinks' }),
  recruitedBy: id.nullish().openapi({ description: 'A contact of the same organization; null clears' }),
}).openapi('ContactLinks');

export const ATTENDANCE_STATUSES = ['registered', 'attended', 'no_show'] as const;

export const AttendanceInputSchema = z.object({
  conveningId: id,
  contactIds: z.array(id).min(1, 'name at least one contact').max(1000),
  status: z.enum(ATTENDANCE_STATUSES).default('attended'),
  /** A sign-in sheet typed on a phone, or a record made at a desk. */
  source: z.enum(['manual', 'sign_in']).default('manual'),
}).openapi('AttendanceInput');
export type AttendanceInput = z.infer<typeof AttendanceInputSchema>;

export const AttendanceQuery = z.object({ conveningId: id });
export const ConveningsQuery = z.object({ kind: z.string().regex(/^[a-z_]{1,40}$/).optional() });

export const CohortInputSchema = z.object({
  name: z.string().trim().min(1, 'a name is required').max(200),
  description: z.string().trim().max(5000).nullish(),
  startsOn: date.nullish(),
  endsOn: date.nullish(),
  trainingIds: z.array(id).max(100).default([]).openapi({ description: 'Convenings (usually of kind training) the cohort goes through' }),
}).refine((c) => !c.startsOn || !c.endsOn || c.startsOn <= c.endsOn, { message: 'ends before it starts', path: ['endsOn'] }).openapi('CohortInput');
export type CohortInput = z.infer<typeof CohortInputSchema>;

export const COHORT_STATUSES = ['active', 'completed', 'left'] as const;

export const CohortMemberInputSchema = z.object({
  contactId: id,
  mentorId: id.nullish(),
  notes: z.string().trim().max(2000).nullish(),
}).openapi('CohortMemberInput');

export const CohortMemberUpdateSchema = z.object({
  mentorId: id.nullish(),
  status: z.enum(COHORT_STATUSES),
  notes: z.string().trim().max(2000).nullish(),
}).openapi('CohortMemberUpdate');
