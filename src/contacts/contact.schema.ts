import { z } from '@hono/zod-openapi';

// A contact as the API takes it and gives it. The sealed details (email, phone, street, birth
// date, middle name) are only in ContactInput and ContactDetails; a ContactView says whether
// they are there, never what they are.

const text = (max: number) => z.string().trim().max(max);

export const ContactInputSchema = z.object({
  externalId: text(100).nullish(),
  firstName: text(100).default(''),
  middleName: text(100).nullish(),
  lastName: text(100).default(''),
  email: text(200).nullish(),
  phone: text(40).nullish(),
  street: text(300).nullish(),
  city: text(100).nullish(),
  state: text(40).nullish().openapi({ description: 'USPS code, FIPS code or name' }),
  county: text(60).nullish(),
  zip: text(10).nullish(),
  birthDate: text(10).nullish().openapi({ description: 'YYYY-MM-DD' }),
  languages: z.array(text(40)).max(20).default([]),
  tags: z.array(text(80).min(1)).max(200).default([]),
  customFields: z.record(text(60), text(500)).default({}),
  emailOptIn: z.boolean().nullish(),
  smsOptIn: z.boolean().nullish(),
  doNotContact: z.boolean().nullish(),
  /** The 501(c) work the contact was gathered for, in an unmarked space; once set, it stays. */
  workFor: z.enum(['c3', 'c4']).nullish(),
}).openapi('ContactInput');
export type ContactInput = z.infer<typeof ContactInputSchema>;

export const ContactViewSchema = z.object({
  id: z.string(),
  spaceId: z.string(),
  externalId: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  languages: z.array(z.string()),
  city: z.string().nullable(),
  state: z.string().nullable().openapi({ description: 'USPS code' }),
  stateFips: z.string().nullable(),
  countyFips: z.string().nullable(),
  county: z.string().nullable(),
  zip: z.string().nullable(),
  birthYear: z.number().nullable(),
  tags: z.array(z.string()),
  customFields: z.record(z.string(), z.string()),
  emailOptIn: z.boolean().nullable(),
  smsOptIn: z.boolean().nullable(),
  doNotContact: z.boolean(),
  workFor: z.enum(['c3', 'c4']).nullable(),
  source: z.string(),
  ladderStep: z.string().nullable(),
  personId: z.string().nullable().openapi({ description: 'The directory person of the same organization this contact is' }),
  recruitedBy: z.string().nullable().openapi({ description: 'The contact who brought this one in' }),
  hasEmail: z.boolean(),
  hasPhone: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).openapi('Contact');
export type ContactView = z.infer<typeof ContactViewSchema>;

export const ContactDetailsSchema = z.object({
  email: z.string().optional(), phone: z.string().optional(), street: z.string().optional(), birthDate: z.string().optional(), middleName: z.string().optional(),
}).openapi('ContactDetails');

export const ContactListSchema = z.object({ total: z.number(), items: z.array(ContactViewSchema) }).openapi('ContactPage');

export const ContactsQuery = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export const LookupQuery = z.object({
  email: z.string().trim().max(200).optional(),
  phone: z.string().trim().max(40).optional(),
});

export const MergeSchema = z.object({ duplicateId: z.uuid('not a valid id') }).openapi('ContactMerge');

export const ContactImportSchema = z.object({
  csv: z.string().min(1, 'the file is empty').max(60_000_000, 'files over 60 MB: use the command line (crossroads contacts import)'),
  mapping: z.record(z.string(), z.string().nullable()).nullish(),
  goodRows: z.boolean().default(false),
  dryRun: z.boolean().default(false),
  workFor: z.enum(['c3', 'c4']).nullish().openapi({ description: 'The 501(c) work the new contacts were gathered for (an unmarked space)' }),
}).openapi('ContactImportRequest');

export const ContactFileSchema = z.object({ csv: z.string().min(1, 'the file is empty').max(60_000_000) }).openapi('ContactFile');
