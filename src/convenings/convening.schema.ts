import { z } from '@hono/zod-openapi';

// Contracts of the convenings API: convenings, who was invited, registered and came, sessions
// with the goals identified and proposals that emerged, and follow-ups.

export const CONVENING_KINDS = ['convening', 'strategy_session', 'one_on_one', 'house_meeting', 'organizational_meeting', 'team_meeting',
  'conference_call', 'training', 'action'] as const;
export const PARTICIPANT_CAPACITIES = ['staff', 'leader', 'member', 'guest'] as const;

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a local date and time, e.g. 2011-01-22T10:00');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');
const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
const required = (max: number) => text(max).min(1, 'required');

/** An IANA time zone this runtime knows (America/Chicago, not "CST"). */
export const TimeZoneSchema = z.string().refine((tz) => {
  try { new Intl.DateTimeFormat('en-US', { timeZone: tz }); return tz.includes('/') || tz === 'UTC'; } catch { return false; }
}, 'a time zone such as America/Chicago');

export const ConveningInputSchema = z.object({
  title: required(200),
  kind: z.enum(CONVENING_KINDS),
  startsAt: localDateTime,
  endsAt: localDateTime,
  timeZone: TimeZoneSchema,
  place: text(300).nullish(),
  callLink: z.url('a full address, e.g. https://…').refine((u) => /^https?:/i.test(u), 'only http(s) links').nullish(),
  description: text(10_000).nullish(),
  hostIds: z.array(z.uuid('choose an organization')).max(50).default([]),
  invitedIds: z.array(z.uuid('choose an organization')).max(500).default([]),
}).refine((c) => c.startsAt <= c.endsAt, { path: ['endsAt'], message: 'ends before it starts' }).openapi('ConveningInput');
export type ConveningInput = z.infer<typeof ConveningInputSchema>;

export const ParticipantInputSchema = z.object({
  name: required(200),
  organizationId: z.uuid('choose an organization').nullish(),
  capacity: z.enum(PARTICIPANT_CAPACITIES),
  registered: z.boolean().default(false),
  attended: z.boolean().default(true),
}).openapi('ParticipantInput');

export const ParticipantPatchSchema = z.object({
  capacity: z.enum(PARTICIPANT_CAPACITIES).optional(),
  registered: z.boolean().optional(),
  attended: z.boolean().optional(),
}).openapi('ParticipantPatch');

export const SessionInputSchema = z.object({
  title: required(200),
  facilitator: text(200).nullish(),
  notes: text(20_000).nullish(),
}).openapi('SessionInput');

export const SessionItemInputSchema = z.object({
  kind: z.enum(['goal', 'proposal']),
  text: required(2000),
}).openapi('SessionItemInput');

export const FollowUpInputSchema = z.object({
  text: required(1000),
  ownerOrganizationId: z.uuid('choose an organization').nullish(),
  ownerName: text(200).nullish(),
  dueOn: isoDate.nullish(),
  sessionItemId: z.uuid().nullish(),
}).openapi('FollowUpInput');

export const FollowUpPatchSchema = z.object({ done: z.boolean() }).openapi('FollowUpPatch');
