import { z } from '@hono/zod-openapi';
import { emailAddress } from '../shared/email.ts';

// Contracts of the decisions API: proposals and their process, votes, ballots, committees.

export const METHODS = ['advice', 'consent', 'consensus', 'majority', 'approval', 'score', 'irv', 'stv'] as const;
export type Method = (typeof METHODS)[number];
export const CONSULTATION_FORMATS = ['meeting', 'call', 'comment_period'] as const;
export const ELECTORATE_KINDS = ['organizations', 'committee', 'people'] as const;
// How a vote may end before its deadline; every early close and reopen is logged with its rule.
export const EARLY_CLOSE_RULES = ['never', 'when_all_voted', 'by_coordinator'] as const;
export const PROPOSAL_STATUSES = ['draft', 'in_process', 'ratified', 'rejected', 'withdrawn'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');
const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
const required = (max: number) => text(max).min(1, 'required');

export const AttachmentSchema = z.object({
  name: required(200),
  url: z.url('a full address, e.g. https://…').refine((u) => /^https?:/i.test(u), 'only http(s) links'),
});

const Fraction = z.object({ numerator: z.number().int().min(0), denominator: z.number().int().min(1) })
  .refine((f) => f.numerator <= f.denominator, { message: 'at most 1', path: ['numerator'] });

export const ElectorateSchema = z.object({
  kind: z.enum(ELECTORATE_KINDS),
  // For kind 'organizations': which membership roles vote (observers and allies usually do not).
  roles: z.array(z.enum(['anchor', 'member', 'ally', 'observer'])).min(1, 'choose at least one role').default(['anchor', 'member']),
  committeeId: z.uuid('choose a committee').nullish(),
  // For kind 'people': which affiliation to a member organization makes a voter (e.g. leader).
  affiliationRoles: z.array(z.enum(['staff', 'leader', 'member', 'board'])).min(1, 'choose at least one role').default(['leader']),
}).refine((e) => e.kind !== 'committee' || !!e.committeeId, { path: ['committeeId'], message: 'choose a committee' });

/** Declared inputs of a weighted organization vote, with the value each elector declared. */
export const WeightingSchema = z.object({
  equalShare: z.number().min(0).max(1),
  inputs: z.array(z.object({ key: z.string().regex(/^[a-z_]{1,40}$/, 'lowercase letters and _'), share: z.number().min(0).max(1) })).max(5),
  // elector id → input key → declared value (e.g. committed organizers, dues paid).
  values: z.record(z.string(), z.record(z.string(), z.number().min(0))).default({}),
});

export const VoteConfigSchema = z.object({
  method: z.enum(METHODS),
  rule: z.record(z.string(), z.unknown()).default({}),
  options: z.array(z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, - and _'), label: required(200) })).max(50).default([]),
  seats: z.number().int().min(1).max(50).default(1),
  electorate: ElectorateSchema,
  weighting: WeightingSchema.nullish(),
  quorum: Fraction.nullish(),
  secret: z.boolean().default(false),
  closesAt: z.iso.datetime({ offset: true, message: 'a date and time, e.g. 2010-02-20T23:00:00Z' }).nullish(),
  earlyClose: z.enum(EARLY_CLOSE_RULES).default('never'),
});
export type VoteConfig = z.infer<typeof VoteConfigSchema>;

export const StepInputSchema = z.object({
  kind: z.enum(['consultation', 'vote']),
  format: z.enum(CONSULTATION_FORMATS).nullish(),
  title: required(200),
  startsOn: isoDate.nullish(),
  endsOn: isoDate.nullish(),
  vote: VoteConfigSchema.nullish(),
}).refine((s) => s.kind !== 'vote' || !!s.vote, { path: ['vote'], message: 'a vote step needs its vote settings' })
  .refine((s) => !s.startsOn || !s.endsOn || s.startsOn <= s.endsOn, { path: ['endsOn'], message: 'ends before it starts' });
export type StepInput = z.infer<typeof StepInputSchema>;

/** What a ratified proposal changes by itself: a membership's status, a work plan's or a charter version's ratification. */
export const DecidesSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('membership'), membershipId: z.uuid('choose a membership'), status: z.enum(['prospect', 'invited', 'active', 'lapsed', 'left']) }),
  z.object({ kind: z.literal('work_plan'), workPlanId: z.uuid('choose a work plan') }),
  z.object({ kind: z.literal('charter'), charterVersionId: z.uuid('choose a charter version') }),
]);

export const ProposalInputSchema = z.object({
  title: required(200),
  body: required(20_000),
  attachments: z.array(AttachmentSchema).max(20).default([]),
  committeeId: z.uuid('choose a committee').nullish(),
  decides: DecidesSchema.nullish(),
  steps: z.array(StepInputSchema).min(1, 'a proposal needs at least one step').max(20),
}).openapi('ProposalInput');
export type ProposalInput = z.infer<typeof ProposalInputSchema>;

export const AmendmentSchema = z.object({
  title: required(200),
  body: required(20_000),
  attachments: z.array(AttachmentSchema).max(20).default([]),
  changeNote: required(1000),
}).openapi('Amendment');

export const CommentSchema = z.object({ body: required(5000) }).openapi('CommentInput');

export const ConsultationEntrySchema = z.object({
  organizationId: z.uuid('choose an organization').nullish(),
  participant: required(200),
  said: text(5000).nullish(),
}).openapi('ConsultationEntryInput');

export const BallotInputSchema = z.object({
  ballot: z.record(z.string(), z.unknown()),
  // Needed only by someone who may vote for more than one elector of the same vote.
  electorId: z.uuid('choose the organization you vote for').nullish(),
}).openapi('BallotInput');

export const CloseInputSchema = z.object({
  rule: z.enum(['when_all_voted', 'by_coordinator']),
  reason: text(1000).nullish(),
}).openapi('CloseVoteInput');

export const ReopenInputSchema = z.object({
  reason: required(1000),
  closesAt: z.iso.datetime({ offset: true, message: 'a date and time, e.g. 2010-02-20T23:00:00Z' }).nullish(),
}).openapi('ReopenVoteInput');

export const OutcomeStatementSchema = z.object({ statement: required(5000) }).openapi('OutcomeStatementInput');

export const CommitteeInputSchema = z.object({ name: required(200), purpose: text(2000).nullish() }).openapi('CommitteeInput');

export const CommitteeSeatInputSchema = z.object({
  organizationId: z.uuid('choose an organization'),
  personId: z.uuid('choose a person'),
  seat: z.enum(['permanent', 'alternate']),
  termStartsOn: isoDate.nullish(),
  termEndsOn: isoDate.nullish(),
}).refine((s) => !s.termStartsOn || !s.termEndsOn || s.termStartsOn <= s.termEndsOn, { path: ['termEndsOn'], message: 'ends before it starts' })
  .openapi('CommitteeSeatInput');

export const PersonAccountSchema = z.object({ email: emailAddress('an email address').nullable() }).openapi('PersonAccountInput');
