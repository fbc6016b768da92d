import { z } from '@hono/zod-openapi';
import {
  ALLIANCE_FUNCTIONS, ALLIANCE_STAGES, ALLIANCE_STRUCTURES, BUDGET_BANDS, LEGAL_STRUCTURES,
  MEMBERSHIP_SPECTRA, ORGANIZATION_KINDS, PATHS_TO_POWER, POWER_SCALES,
} from './organization.vocab.ts';
import { emailAddress } from '../shared/email.ts';

const vocabKey = z.string().trim().min(1).max(60).regex(/^[a-z0-9_]+$/, 'use lowercase letters, digits and _');
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'use YYYY, YYYY-MM or YYYY-MM-DD');

export const CapacitySchema = z.object({
  key: vocabKey,
  // Only meaningful for "base": how many people the organization can move.
  size: z.number().int().min(0).max(100_000_000).nullish(),
});

/** Where an organization is: a US state and optionally a county (FIPS), plus free-form place names. */
export const LocationSchema = z.object({
  stateFips: z.string().regex(/^\d{2}$/, 'a two-digit state FIPS code').nullish(),
  countyFips: z.string().regex(/^\d{5}$/, 'a five-digit county FIPS code').nullish(),
  city: z.string().trim().max(120).nullish(),
  region: z.string().trim().max(120).nullish(),
});

/** The report's five dimensions, as they apply to an alliance (kind = alliance). */
export const AllianceProfileSchema = z.object({
  functions: z.array(z.enum(ALLIANCE_FUNCTIONS)).default([]),
  membershipSpectrum: z.enum(MEMBERSHIP_SPECTRA).nullish(),
  // Geography, dimension 1: the scales at which member organizations build power.
  memberPowerScales: z.array(z.enum(POWER_SCALES)).default([]),
  // Geography, dimension 2: where members are located, as declared (members' own locations add to it).
  memberReach: z.string().trim().max(500).nullish(),
  // Geography, dimension 3: the scale at which the alliance as a whole builds power.
  alliancePowerScale: z.enum(POWER_SCALES).nullish(),
  structure: z.enum(ALLIANCE_STRUCTURES).nullish(),
  stage: z.enum(ALLIANCE_STAGES).nullish(),
  pathToPower: z.enum(PATHS_TO_POWER).nullish(),
});

export const OrganizationInputSchema = z.object({
  name: z.string().trim().min(1, 'a name is required').max(200),
  shortName: z.string().trim().max(40).nullish(),
  kind: z.enum(ORGANIZATION_KINDS),
  description: z.string().trim().max(4000).nullish(),
  sectors: z.array(vocabKey).default([]),
  issues: z.array(vocabKey).default([]),
  constituencies: z.array(vocabKey).default([]),
  capacities: z.array(CapacitySchema).default([]),
  location: LocationSchema.default({}),
  powerScale: z.enum(POWER_SCALES).nullish(),
  legalStructure: z.enum(LEGAL_STRUCTURES).nullish(),
  budgetBand: z.enum(BUDGET_BANDS).nullish(),
  foundedOn: isoDate.nullish(),
  website: z.url().max(300).nullish(),
  // Public contact details of the organization itself (not of a person, so not sensitive).
  email: emailAddress().max(200).nullish(),
  phone: z.string().trim().max(40).nullish(),
  alliance: AllianceProfileSchema.nullish(),
}).superRefine((org, ctx) => {
  if (org.alliance && org.kind !== 'alliance') {
    ctx.addIssue({ code: 'custom', path: ['alliance'], message: 'only an organization of kind "alliance" has an alliance profile' });
  }
  if (org.location.countyFips && org.location.stateFips && !org.location.countyFips.startsWith(org.location.stateFips)) {
    ctx.addIssue({ code: 'custom', path: ['location', 'countyFips'], message: 'the county is not in the chosen state' });
  }
});
export type OrganizationInput = z.infer<typeof OrganizationInputSchema>;

export const OrganizationSchema = z.object({
  id: z.string().uuid(),
  spaceId: z.string().uuid(),
  // The organization's own private space, when it has claimed one (members sign in to it).
  ownSpaceId: z.string().uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).and(z.object(OrganizationInputSchema.shape).extend({ alliance: AllianceProfileSchema.nullable() }))
  .openapi('Organization');
export type Organization = z.infer<typeof OrganizationSchema>;

/** An organization as a directory list shows it; the whole record is GET /organizations/{id}. */
export const DirectoryEntrySchema = z.object({
  id: z.string().uuid(), name: z.string(), shortName: z.string().nullable(), kind: z.enum(ORGANIZATION_KINDS),
  location: z.object({ stateFips: z.string().nullable(), city: z.string().nullable() }),
  issues: z.array(z.string()),
}).openapi('DirectoryEntry');
export type DirectoryEntry = z.infer<typeof DirectoryEntrySchema>;
