import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signedIn, type TestApp, testApp } from '../../test/test-app.ts';
import { startContactImport, textSource } from '../contacts/contact-import.service.ts';
import { addMember } from '../memberships/membership.service.ts';
import { createOrganization } from '../orgs/organization.service.ts';
import type { Actor } from '../spaces/access.ts';
import { upsertRole } from '../spaces/spaces.repository.ts';

// Recurring gifts, pledges, matching funds and dues through the API: installments and payments
// are gifts recorded against their commitment (by its own donor only), balances and matches follow
// them, an alliance bills its members once per period and counts what they paid as its dues.

const BLANK = { sectors: [], issues: [], constituencies: [], capacities: [], location: {} };

describe.each(ENGINES)('recurring gifts, pledges, matches and dues on %s', (engine) => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof signedIn>>;
  let outsider: Awaited<ReturnType<typeof signedIn>>;
  let spaceId: string;
  let allianceSpaceId: string;
  const ids: Record<string, string> = {};
  const give = (contact: string, amountMinor: number, receivedOn: string, extra: object = {}) =>
    owner.post(`/api/spaces/${spaceId}/donations`, { contactId: ids[contact], amountMinor, receivedOn, ...extra });

  beforeAll(async () => {
    t = await testApp(engine);
    owner = await signedIn(t, 'commitments@example.org', { admin: true });
    outsider = await signedIn(t, 'commitments-outsider@example.org');
    const actor: Actor = { userId: owner.userId, isWorkspaceAdmin: true };
    const org = await createOrganization(t.db, actor, null, { ...BLANK, name: 'Committed Org', kind: 'base_building' }, { ownSpace: true });
    const other = await createOrganization(t.db, actor, null, { ...BLANK, name: 'Second Member', kind: 'base_building' }, { ownSpace: true });
    const alliance = await createOrganization(t.db, actor, null, { ...BLANK, name: 'Dues Alliance', kind: 'alliance' });
    for (const m of [org, other]) await addMember(t.db, actor, alliance.id, { memberId: m.id, role: 'member', status: 'active' });
    [spaceId, allianceSpaceId] = [org.ownSpaceId!, alliance.ownSpaceId!];
    await upsertRole(t.db, other.ownSpaceId!, outsider.userId, 'admin');
    await (await startContactImport(t.db, t.deps.box, actor, spaceId, { source: textSource('first,last\nAna,Monthly\nBeto,Pledger\nCata,Giver\n') })).done;
    for (const c of await t.db.selectFrom('contacts').select(['id', 'first_name']).where('space_id', '=', spaceId).execute()) ids[c.first_name] = c.id;
  });
  afterAll(async () => t?.close());

  it('follows a monthly gift: installments received, missed, only from its donor', async () => {
    const made = await owner.post(`/api/spaces/${spaceId}/recurring-gifts`, { contactId: ids.Ana, amountMinor: 2_000, frequency: 'monthly', startsOn: '2025-01-15' });
    expect(made.status).toBe(201);
    const recurringGiftId = made.json.id;
    expect((await give('Ana', 2_000, '2025-01-15', { recurringGiftId })).status).toBe(201);
    expect((await give('Ana', 2_000, '2025-02-16', { recurringGiftId })).status).toBe(201);
    const wrongDonor = await give('Beto', 2_000, '2025-02-16', { recurringGiftId });
    expect(wrongDonor.status).toBe(422);
    expect(wrongDonor.json.errors).toEqual([{ field: 'recurringGiftId', message: 'not a commitment of this donor in this organization' }]);
    const [gift] = (await owner.get(`/api/spaces/${spaceId}/recurring-gifts`)).json;
    expect(gift).toMatchObject({ firstName: 'Ana', received: 2, status: 'active' });
    // Due every 15th since January 2025 up to today: all but the last two… missed.
    expect(gift.missed).toBe(gift.due - 3);
    expect((await owner.delete(`/api/recurring-gifts/${recurringGiftId}`)).status).toBe(409);
    expect((await owner.put(`/api/recurring-gifts/${recurringGiftId}/status`, { status: 'cancelled' })).status).toBe(200);
    expect((await owner.get(`/api/spaces/${spaceId}/recurring-gifts`)).json[0]).toMatchObject({ status: 'cancelled', missed: null });
  });

  it('keeps a pledge\'s balance and what is overdue', async () => {
    const refused = await owner.post(`/api/spaces/${spaceId}/pledges`, { contactId: ids.Beto, amountMinor: 100_000, pledgedOn: '2025-01-01', schedule: [{ dueOn: '2025-02-01', amountMinor: 60_000 }] });
    expect(refused.status).toBe(422);
    expect(refused.json.errors).toEqual([{ field: 'schedule', message: 'the payments add up to 60000, not 100000' }]);
    const made = await owner.post(`/api/spaces/${spaceId}/pledges`, { contactId: ids.Beto, amountMinor: 100_000, pledgedOn: '2025-01-01',
      schedule: [{ dueOn: '2025-02-01', amountMinor: 50_000 }, { dueOn: '2025-08-01', amountMinor: 50_000 }] });
    expect(made.status).toBe(201);
    expect((await give('Beto', 30_000, '2025-02-03', { pledgeId: made.json.id })).status).toBe(201);
    expect((await owner.get(`/api/spaces/${spaceId}/pledges`)).json[0]).toMatchObject({ paidMinor: 30_000, balanceMinor: 70_000, overdueMinor: 70_000, fulfilled: false });
    // A refunded payment no longer pays the pledge; a refund cannot come before the gift.
    const payment = (await owner.get(`/api/spaces/${spaceId}/donations?contactId=${ids.Beto}`)).json.items[0].id;
    expect((await owner.put(`/api/donations/${payment}/refund`, { refundedOn: '2025-02-01' })).json.errors).toEqual([{ field: 'refundedOn', message: 'a gift cannot be refunded before it was received' }]);
    expect((await owner.put(`/api/donations/${payment}/refund`, { refundedOn: '2025-02-10' })).status).toBe(200);
    expect((await owner.get(`/api/spaces/${spaceId}/pledges`)).json[0]).toMatchObject({ paidMinor: 0, balanceMinor: 100_000 });
  });

  it('keeps a donor with commitments from deletion, and moves them on a merge', async () => {
    expect((await owner.delete(`/api/contacts/${ids.Beto}`)).status).toBe(409);
    const made = await owner.post(`/api/spaces/${spaceId}/contacts`, { firstName: 'Beto', lastName: 'Pledger (2)' });
    expect(made.status).toBe(201);
    const merged = await owner.post(`/api/contacts/${made.json.id}/merge`, { duplicateId: ids.Beto });
    expect(merged.status, merged.text).toBe(200);
    const pledge = (await owner.get(`/api/spaces/${spaceId}/pledges`)).json[0];
    expect(pledge.contactId).toBe(made.json.id);
    // Payments keep coming from the kept contact.
    expect((await give('Beto', 1_000, '2025-03-01', { contactId: made.json.id, pledgeId: pledge.id })).status).toBe(201);
    ids.Beto = made.json.id;
  });

  it('matches gifts in its window and campaign, up to its cap', async () => {
    expect((await owner.post(`/api/spaces/${spaceId}/match-funds`, { name: 'Spring challenge', matcher: 'A board member', kind: 'challenge', ratio: 2, capMinor: 50_000,
      startsOn: '2026-03-01', endsOn: '2026-03-31', campaign: 'Spring' })).status).toBe(201);
    await give('Cata', 10_000, '2026-03-05', { campaign: 'Spring' });
    await give('Cata', 10_000, '2026-03-06');
    await give('Cata', 10_000, '2026-04-06', { campaign: 'Spring' });
    expect((await owner.get(`/api/spaces/${spaceId}/match-funds`)).json[0]).toMatchObject({ eligibleMinor: 10_000, matchedMinor: 20_000, remainingCapMinor: 30_000, giftsToFillMinor: 15_000 });
    await give('Cata', 40_000, '2026-03-07', { campaign: 'Spring' });
    expect((await owner.get(`/api/spaces/${spaceId}/match-funds`)).json[0]).toMatchObject({ matchedMinor: 50_000, remainingCapMinor: 0 });
  });

  it('bills the alliance\'s members once per period and counts paid dues as its income', async () => {
    const billed = await owner.post(`/api/spaces/${allianceSpaceId}/dues`, { period: '2025', amountMinor: 120_000, dueOn: '2025-03-31', allMembers: true });
    expect(billed.json).toEqual({ billed: 2, alreadyBilled: 0 });
    expect((await owner.post(`/api/spaces/${allianceSpaceId}/dues`, { period: '2025', amountMinor: 120_000, dueOn: '2025-03-31', allMembers: true })).json).toEqual({ billed: 0, alreadyBilled: 2 });
    const list = await owner.get(`/api/spaces/${allianceSpaceId}/dues?period=2025`);
    expect(list.json.invoices.map((i: { payer: string }) => i.payer).sort()).toEqual(['Committed Org', 'Second Member']);
    const invoice = list.json.invoices[0].id;
    expect((await owner.put(`/api/dues-invoices/${invoice}/payment`, { paidOn: '2025-04-02', paidMinor: 200_000 })).status).toBe(422);
    expect((await owner.put(`/api/dues-invoices/${invoice}/payment`, { paidOn: '2025-04-02', paidMinor: 120_000 })).status).toBe(200);
    expect((await owner.get(`/api/spaces/${allianceSpaceId}/dues`)).json).toMatchObject({ outstandingMinor: 120_000, collectedMinor: 120_000 });
    // Each member reads what it was billed, and only that.
    const owed = await owner.get(`/api/spaces/${spaceId}/dues-owed`);
    expect(owed.json.invoices).toHaveLength(1);
    expect(owed.json.invoices[0]).toMatchObject({ allianceName: 'Dues Alliance', period: '2025', amountMinor: 120_000 });
    expect((await outsider.get(`/api/spaces/${spaceId}/dues-owed`)).status).toBe(404);
    const mix = await owner.get(`/api/spaces/${allianceSpaceId}/funding-diversification?year=2025`);
    expect(mix.json.sources.find((s: { source: string }) => s.source === 'dues')).toEqual({ source: 'dues', amountMinor: 120_000, share: 1 });
    // A member organization's admin reads neither the alliance's invoices nor this organization's commitments.
    for (const path of [`/api/spaces/${allianceSpaceId}/dues`, `/api/spaces/${spaceId}/pledges`, `/api/spaces/${spaceId}/recurring-gifts`, `/api/spaces/${spaceId}/match-funds`]) {
      expect((await outsider.get(path)).status, path).toBe(404);
    }
    expect((await outsider.put(`/api/dues-invoices/${invoice}/payment`, { paidOn: null, paidMinor: 0 })).status).toBe(404);
  });
});
