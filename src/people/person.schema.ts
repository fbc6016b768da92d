import { z } from '@hono/zod-openapi';
import { AFFILIATION_ROLES } from '../orgs/organization.vocab.ts';
import { emailAddress } from '../shared/email.ts';

export const ContactSchema = z.object({
  email: emailAddress('not an email address').max(200).nullish(),
  phone: z.string().trim().max(40).regex(/^[+0-9 ().-]*$/, 'digits, spaces and + ( ) - . only').nullish(),
  address: z.string().trim().max(300).nullish(),
}).openapi('Contact');
export type Contact = z.infer<typeof ContactSchema>;

export const AffiliationInputSchema = z.object({
  organizationId: z.uuid('choose an organization'),
  role: z.enum(AFFILIATION_ROLES),
});

export const PersonInputSchema = z.object({
  name: z.string().trim().min(1, 'a name is required').max(200),
  languages: z.array(z.string().trim().regex(/^[a-z]{2,3}$/, 'an ISO 639 language code such as en or es')).default([]),
  contact: ContactSchema.default({}),
  affiliations: z.array(AffiliationInputSchema).default([]),
  externalId: z.string().trim().max(100).nullish(),
}).openapi('PersonInput');
export type PersonInput = z.infer<typeof PersonInputSchema>;

export const PersonSchema = z.object({
  id: z.string(),
  spaceId: z.string(),
  name: z.string(),
  languages: z.array(z.string()),
  hasContact: z.boolean(),
  affiliations: z.array(z.object({ organizationId: z.string(), organizationName: z.string(), role: z.enum(AFFILIATION_ROLES) })),
  seats: z.array(z.object({ membershipId: z.string(), allianceName: z.string(), seat: z.string() })),
}).openapi('Person');
export type Person = z.infer<typeof PersonSchema>;
