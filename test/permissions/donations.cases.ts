// Donations, for the permission matrix (matrix.ts): an organization's donors, gifts and donor
// report; the outsider holds every grant the organization can give and gets 404.
import { createContact } from '../../src/contacts/contact.service.ts';
import { ContactInputSchema } from '../../src/contacts/contact.schema.ts';
import { DonationInputSchema } from '../../src/donations/donation.schema.ts';
import { createDonation } from '../../src/donations/donation.service.ts';
import { addOtherIncome } from '../../src/grants/funding.service.ts';
import { billDues, createMatch, createPledge, createRecurring } from '../../src/donations/commitments.service.ts';
import { importGrants } from '../../src/grants/grant.service.ts';
import { createOrganization } from '../../src/orgs/organization.service.ts';
import type { Actor } from '../../src/spaces/access.ts';
import { upsertRole } from '../../src/spaces/spaces.repository.ts';
import { grant } from '../../src/spaces/spaces.service.ts';
import type { TestApp } from '../test-app.ts';
import { BLANK, type Callers, type RouteCase } from './matrix.ts';

export interface DonationRecords { spaceId: string; contactId: string; donationId: string; grantId: string; partnerId: string; incomeId: string; recurringId: string; pledgeId: string; matchId: string; invoiceId: string }

const GRANT_LEAK = /Matrix Grant \d/;

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
  // Grants recorded in the organization's space: its own, a role there only.
  { route: 'POST /api/spaces/{id}/funding-grant-imports', name: 'import grants', path: (r) => `/api/spaces/${r.spaceId}/funding-grant-imports`,
    body: () => ({ fileBase64: Buffer.from(JSON.stringify({ grants: [{ id: '360G-matrix-import', title: 'Imported', currency: 'USD', amountAwarded: 10, awardDate: '2025-01-02',
      recipientOrganization: [{ id: 'X-1', name: 'Somebody' }], fundingOrganization: [{ id: 'X-2', name: 'Some Funder' }] }] })).toString('base64') }), need: 'member', ok: 200 },
  { route: 'GET /api/spaces/{id}/funding-grants', name: 'list grants', path: (r) => `/api/spaces/${r.spaceId}/funding-grants`, need: 'viewer', ok: 200, leak: GRANT_LEAK },
  { route: 'GET /api/spaces/{id}/funding-grants/export', name: 'export grants as 360Giving', path: (r) => `/api/spaces/${r.spaceId}/funding-grants/export`, need: 'viewer', ok: 200, leak: GRANT_LEAK },
  { route: 'GET /api/funding-grants/{id}', name: 'read a grant', path: (r) => `/api/funding-grants/${r.grantId}`, need: 'viewer', ok: 200, leak: GRANT_LEAK },
  { route: 'PUT /api/funding-grants/{id}/links', name: 'settle a grant\'s links', path: (r) => `/api/funding-grants/${r.grantId}/links`,
    body: () => ({ funderType: 'government' }), need: 'member', ok: 200, leak: GRANT_LEAK },
  { route: 'POST /api/funding-grants/{id}/regrants', name: 'pass part of a grant on', path: (r) => `/api/funding-grants/${r.grantId}/regrants`,
    body: (r) => ({ recipientOrganizationId: r.partnerId, amountMinor: 100, awardDate: '2025-03-01' }), need: 'member', ok: 201, leak: GRANT_LEAK },
  { route: 'GET /api/spaces/{id}/money-map', name: 'read the map of the money', path: (r) => `/api/spaces/${r.spaceId}/money-map`, need: 'viewer', ok: 200, leak: GRANT_LEAK },
  { route: 'GET /api/spaces/{id}/funding-diversification', name: 'read funding diversification', path: (r) => `/api/spaces/${r.spaceId}/funding-diversification?year=2025`, need: 'member', ok: 200, leak: /Matrix Funder \d/ },
  { route: 'GET /api/spaces/{id}/other-income', name: 'list other income', path: (r) => `/api/spaces/${r.spaceId}/other-income?year=2025`, need: 'member', ok: 200, leak: /Matrix income/ },
  { route: 'POST /api/spaces/{id}/other-income', name: 'record other income', path: (r) => `/api/spaces/${r.spaceId}/other-income`,
    body: () => ({ sourceType: 'earned', amountMinor: 500, receivedOn: '2025-04-01' }), need: 'member', ok: 201 },
  { route: 'DELETE /api/other-income/{id}', name: 'delete other income', path: (r) => `/api/other-income/${r.incomeId}`, need: 'admin', ok: 200, leak: /Matrix income/ },
  { route: 'GET /api/spaces/{id}/recurring-gifts', name: 'list recurring gifts', path: (r) => `/api/spaces/${r.spaceId}/recurring-gifts`, need: 'member', ok: 200 },
  { route: 'POST /api/spaces/{id}/recurring-gifts', name: 'start a recurring gift', path: (r) => `/api/spaces/${r.spaceId}/recurring-gifts`,
    body: (r) => ({ contactId: r.contactId, amountMinor: 1_000, frequency: 'monthly', startsOn: '2025-01-01' }), need: 'member', ok: 201 },
  { route: 'PUT /api/recurring-gifts/{id}/status', name: 'pause a recurring gift', path: (r) => `/api/recurring-gifts/${r.recurringId}/status`, body: () => ({ status: 'paused' }), need: 'member', ok: 200 },
  { route: 'DELETE /api/recurring-gifts/{id}', name: 'delete a recurring gift', path: (r) => `/api/recurring-gifts/${r.recurringId}`, need: 'admin', ok: 200 },
  { route: 'GET /api/spaces/{id}/pledges', name: 'list pledges', path: (r) => `/api/spaces/${r.spaceId}/pledges`, need: 'member', ok: 200 },
  { route: 'POST /api/spaces/{id}/pledges', name: 'record a pledge', path: (r) => `/api/spaces/${r.spaceId}/pledges`,
    body: (r) => ({ contactId: r.contactId, amountMinor: 10_000, pledgedOn: '2025-01-01' }), need: 'member', ok: 201 },
  { route: 'DELETE /api/pledges/{id}', name: 'delete a pledge', path: (r) => `/api/pledges/${r.pledgeId}`, need: 'admin', ok: 200 },
  { route: 'GET /api/spaces/{id}/match-funds', name: 'list matching funds', path: (r) => `/api/spaces/${r.spaceId}/match-funds`, need: 'member', ok: 200, leak: /Matrix match \d/ },
  { route: 'POST /api/spaces/{id}/match-funds', name: 'record a matching fund', path: (r) => `/api/spaces/${r.spaceId}/match-funds`,
    body: () => ({ name: 'Match', matcher: 'Someone', kind: 'matching_gift', ratio: 1, capMinor: 1_000, startsOn: '2025-01-01', endsOn: '2025-12-31' }), need: 'member', ok: 201 },
  { route: 'DELETE /api/match-funds/{id}', name: 'delete a matching fund', path: (r) => `/api/match-funds/${r.matchId}`, need: 'admin', ok: 200, leak: /Matrix match \d/ },
  { route: 'GET /api/spaces/{id}/dues', name: 'list dues invoices', path: (r) => `/api/spaces/${r.spaceId}/dues`, need: 'member', ok: 200 },
  { route: 'POST /api/spaces/{id}/dues', name: 'bill dues', path: (r) => `/api/spaces/${r.spaceId}/dues`,
    body: (r) => ({ period: '2026', amountMinor: 5_000, dueOn: '2026-03-31', contactIds: [r.contactId] }), need: 'admin', ok: 201 },
  { route: 'GET /api/spaces/{id}/dues-owed', name: 'read dues owed to alliances', path: (r) => `/api/spaces/${r.spaceId}/dues-owed`, need: 'member', ok: 200 },
  { route: 'PUT /api/dues-invoices/{id}/payment', name: 'record a dues payment', path: (r) => `/api/dues-invoices/${r.invoiceId}/payment`,
    body: () => ({ paidOn: '2025-04-01', paidMinor: 100 }), need: 'member', ok: 200 },
  { route: 'DELETE /api/dues-invoices/{id}', name: 'delete a dues invoice', path: (r) => `/api/dues-invoices/${r.invoiceId}`, need: 'admin', ok: 200 },
  { route: 'DELETE /api/funding-grants/{id}', name: 'delete a grant', path: (r) => `/api/funding-grants/${r.grantId}`, need: 'admin', ok: 200, leak: GRANT_LEAK },
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
  const grantFile = { grants: [{ id: `360G-matrix-${n}`, title: `Matrix Grant ${n}`, currency: 'USD', amountAwarded: 5000, awardDate: '2025-02-01',
    recipientOrganization: [{ id: `X-R-${n}`, name: org.name }], fundingOrganization: [{ id: `X-F-${n}`, name: `Matrix Funder ${n}` }] }] };
  await importGrants(t.db, owner, spaceId, Buffer.from(JSON.stringify(grantFile)));
  const grantId = (await t.db.selectFrom('funding_grants').select('id').where('space_id', '=', spaceId).executeTakeFirstOrThrow()).id;
  // A partner the organization added to the directory: where a re-grant can go.
  const partner = await createOrganization(t.db, owner, spaceId, { ...BLANK, name: `Foreign Giving Partner ${n}`, kind: 'base_building' });
  const { id: incomeId } = await addOtherIncome(t.db, owner, spaceId, { sourceType: 'earned', amountMinor: 777, receivedOn: '2025-02-02', description: `Matrix income ${n}` });
  const { id: recurringId } = await createRecurring(t.db, owner, spaceId, { contactId, amountMinor: 1_500, frequency: 'monthly', startsOn: '2025-01-01' });
  const { id: pledgeId } = await createPledge(t.db, owner, spaceId, { contactId, amountMinor: 9_000, pledgedOn: '2025-01-01', schedule: [] });
  const { id: matchId } = await createMatch(t.db, owner, spaceId, { name: `Matrix match ${n}`, matcher: 'Board', kind: 'challenge', ratio: 1, capMinor: 5_000, startsOn: '2025-01-01', endsOn: '2025-12-31' });
  await billDues(t.db, owner, spaceId, { period: '2025', amountMinor: 3_000, dueOn: '2025-03-31', contactIds: [contactId] });
  const invoiceId = (await t.db.selectFrom('dues_invoices').select('id').where('space_id', '=', spaceId).executeTakeFirstOrThrow()).id;
  return { spaceId, contactId, donationId, grantId, partnerId: partner.id, incomeId, recurringId, pledgeId, matchId, invoiceId };
}
