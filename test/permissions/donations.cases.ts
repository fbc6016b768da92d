// Donations, for the permission matrix (matrix.ts): an organization's donors, gifts and donor
// report; the outsider holds every grant the organization can give and gets 404.
import { createContact } from '../../src/contacts/contact.service.ts';
import { ContactInputSchema } from '../../src/contacts/contact.schema.ts';
import { DonationInputSchema } from '../../src/donations/donation.schema.ts';
import { createDonation } from '../../src/donations/donation.service.ts';
import { createOrganization } from '../../src/orgs/organization.service.ts';
import type { Actor } from '../../src/spaces/access.ts';
import { upsertRole } from '../../src/spaces/spaces.repository.ts';
import { grant } from '../../src/spaces/spaces.service.ts';
import type { TestApp } from '../test-app.ts';
import { BLANK, type Callers, type RouteCase } from './matrix.ts';

export interface DonationRecords { spaceId: string; contactId: string; donationId: string }

export const DONATION_CASES: RouteCase<DonationRecords>[] = [
  { route: 'GET /api/spaces/{id}/fundraising-settings', name: 'read fundraising settings', path: (r) => `/api/spaces/${r.spaceId}/fundraising-settings`, need: 'viewer', ok: 200 },
  { route: 'PUT /api/spaces/{id}/fundraising-settings', name: 'change fundraising settings', path: (r) => `/api/spaces/${r.spaceId}/fundraising-settings`,
    body: () => ({ fiscalYearStartMonth: 7, currency: 'USD' }), need: 'admin', ok: 200 },
  { route: 'GET /api/spaces/{id}/donations', name: 'list donations', path: (r) => `/api/spaces/${r.spaceId}/donations`, need: 'member', ok: 200 },
  { route: 'POST /api/spaces/{id}/donations', name: 'record a donation', path: (r) => `/api/spaces/${r.spaceId}/donations`,
    body: (r) => ({ contactId: r.contactId, amountMinor: 2_500, receivedOn: '2025-05-01' }), need: 'member', ok: 201 },
  { route: 'PUT /api/donations/{id}/refund', name: 'refund a donation', path: (r) => `/api/donations/${r.donationId}/refund`, body: () => ({ refundedOn: '2025-05-02' }), need: 'member', ok: 200 },
  { route: 'DELETE /api/donations/{id}', name: 'delete a donation', path: (r) => `/api/donations/${r.donationId}`, need: 'admin', ok: 200 },
  { route: 'GET /api/spaces/{id}/donor-report', name: 'read the donor report', path: (r) => `/api/spaces/${r.spaceId}/donor-report?year=2025`, need: 'member', ok: 200 },
  { route: 'POST /api/spaces/{id}/donation-imports', name: 'import donations', path: (r) => `/api/spaces/${r.spaceId}/donation-imports`,
    body: () => ({ csv: 'Receipt ID,Date,Amount,Donor First Name,Donor Last Name\nMX1,2025-01-02,10.00,Matrix,Giver\n', sourceName: 'actblue' }), need: 'member', ok: 202 },
  { route: 'GET /api/spaces/{id}/members-giving', name: 'read members\' giving', path: (r) => `/api/spaces/${r.spaceId}/members-giving?year=2025`, need: 'viewer', ok: 200 },
];

export async function donationRecords(t: TestApp, clients: Callers, n: number): Promise<DonationRecords> {
  const owner: Actor = { userId: clients.owner.userId!, isWorkspaceAdmin: true };
  const org = await createOrganization(t.db, owner, null, { ...BLANK, name: `Foreign Giving Org ${n}`, kind: 'base_building' }, { ownSpace: true });
  const spaceId = org.ownSpaceId!;
  for (const role of ['admin', 'member', 'viewer'] as const) await upsertRole(t.db, spaceId, clients[role].userId!, role);
  const neighbor = await createOrganization(t.db, owner, null, { ...BLANK, name: `Neighbor Giving Alliance ${n}`, kind: 'alliance' });
  await upsertRole(t.db, neighbor.ownSpaceId!, clients.outsider.userId!, 'owner');
  for (const scope of ['profile', 'representatives', 'people'] as const) await grant(t.db, owner, spaceId, neighbor.ownSpaceId!, scope);
  const contactId = await createContact(t.db, t.deps.box, owner, spaceId, ContactInputSchema.parse({ firstName: 'Foreign', lastName: `Donor ${n}` }));
  const { id: donationId } = await createDonation(t.db, owner, spaceId, DonationInputSchema.parse({ contactId, amountMinor: 4_200, receivedOn: '2024-11-05' }));
  return { spaceId, contactId, donationId };
}
