import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signedIn, type TestApp, testApp } from '../../test/test-app.ts';
import { startContactImport, textSource } from '../contacts/contact-import.service.ts';
import { startDonationImport } from './donation-import.service.ts';
import { addMember } from '../memberships/membership.service.ts';
import { createOrganization } from '../orgs/organization.service.ts';
import type { Actor } from '../spaces/access.ts';
import { upsertRole } from '../spaces/spaces.repository.ts';

// Donations through the API: a donor report on a July fiscal year computed from gifts and
// refunds, a receipt recorded once, and donors no one outside the organization can read — the
// alliance sees its members' totals, and only above a small count.

const BLANK = { sectors: [], issues: [], constituencies: [], capacities: [], location: {} };

describe.each(ENGINES)('donations on %s', (engine) => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof signedIn>>;
  let coordinator: Awaited<ReturnType<typeof signedIn>>;
  let outsider: Awaited<ReturnType<typeof signedIn>>;
  let spaceId: string;
  let otherSpaceId: string;
  let allianceSpaceId: string;
  const ids: Record<string, string> = {};
  const give = (contact: string, amountMinor: number, receivedOn: string, extra: object = {}) =>
    owner.post(`/api/spaces/${spaceId}/donations`, { contactId: ids[contact], amountMinor, receivedOn, ...extra });

  beforeAll(async () => {
    t = await testApp(engine);
    owner = await signedIn(t, 'donations@example.org', { admin: true });
    coordinator = await signedIn(t, 'donations-coordinator@example.org');
    outsider = await signedIn(t, 'donations-outsider@example.org');
    const actor: Actor = { userId: owner.userId, isWorkspaceAdmin: true };
    const org = await createOrganization(t.db, actor, null, { ...BLANK, name: 'Giving Org', kind: 'base_building' }, { ownSpace: true });
    const other = await createOrganization(t.db, actor, null, { ...BLANK, name: 'Other Giving Org', kind: 'base_building' }, { ownSpace: true });
    const alliance = await createOrganization(t.db, actor, null, { ...BLANK, name: 'Giving Alliance', kind: 'alliance' });
    await addMember(t.db, actor, alliance.id, { memberId: org.id, role: 'member', status: 'active' });
    [spaceId, otherSpaceId, allianceSpaceId] = [org.ownSpaceId!, other.ownSpaceId!, alliance.ownSpaceId!];
    await upsertRole(t.db, allianceSpaceId, coordinator.userId, 'admin');
    await upsertRole(t.db, otherSpaceId, outsider.userId, 'admin');
    const names = ['Ana', 'Beto', 'Cata', 'Dani', 'Eva', 'Fe', 'Gus', 'Hil'];
    await (await startContactImport(t.db, t.deps.box, actor, spaceId, { source: textSource(`first,last\n${names.map((n) => `${n},Donor`).join('\n')}\n`) })).done;
    for (const c of await t.db.selectFrom('contacts').select(['id', 'first_name']).where('space_id', '=', spaceId).execute()) ids[c.first_name] = c.id;
    await (await startContactImport(t.db, t.deps.box, actor, otherSpaceId, { source: textSource('first,last\nZoe,Elsewhere\n') })).done;
    ids.Zoe = (await t.db.selectFrom('contacts').select('id').where('space_id', '=', otherSpaceId).executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t?.close());

  it('reports a July fiscal year from gifts and refunds', async () => {
    expect((await owner.put(`/api/spaces/${spaceId}/fundraising-settings`, { fiscalYearStartMonth: 7, currency: 'USD' })).status).toBe(200);
    // FY2024 = 2023-07-01…2024-06-30; FY2025 = 2024-07-01…2025-06-30.
    await give('Ana', 5_000, '2024-03-15'); await give('Ana', 12_000, '2024-09-01');
    await give('Beto', 2_500, '2024-06-30');
    await give('Cata', 10_000, '2022-01-10'); await give('Cata', 60_000, '2025-06-30');
    await give('Dani', 150_000, '2024-07-01');
    await give('Eva', 1_000, '2021-12-01');
    const refunded = (await give('Gus', 9_000, '2025-02-02')).json.id;
    expect((await owner.put(`/api/donations/${refunded}/refund`, { refundedOn: '2025-02-10' })).status).toBe(200);
    await give('Hil', 80_000, '2023-08-01'); await give('Hil', 20_000, '2025-01-05');

    const r = (await owner.get(`/api/spaces/${spaceId}/donor-report?year=2025`)).json;
    expect(r).toMatchObject({ fiscalYear: 2025, from: '2024-07-01', to: '2025-06-30', donors: 4, newDonors: 1, retained: 2, recaptured: 1, lapsed: 1,
      upgraded: 1, downgraded: 1, totalAmount: 242_000, gifts: 4, lybuntCount: 1, sybuntCount: 1 });
    expect(r.retentionRate).toBeCloseTo(2 / 3);
    expect(r.lybunt).toEqual([{ contactId: ids.Beto, name: 'Beto Donor' }]);
    expect(r.sybunt).toEqual([{ contactId: ids.Eva, name: 'Eva Donor' }]);
    // The same gifts on a calendar year.
    // Segments on giving: refunded gifts count nothing; a viewer may not count them (it would tell who gave what).
    const viewer = await signedIn(t, 'donations-viewer@example.org');
    await upsertRole(t.db, spaceId, viewer.userId, 'viewer');
    expect((await viewer.post(`/api/spaces/${spaceId}/segments/count`, { definition: { type: 'not', condition: { type: 'gave' } } })).status).toBe(403);
    expect((await viewer.post(`/api/spaces/${spaceId}/segments/count`, { definition: { type: 'tag', tag: 'x' } })).status).toBe(200);
    const count = async (definition: unknown) => (await owner.post(`/api/spaces/${spaceId}/segments/count`, { definition })).json.count;
    expect(await count({ type: 'gave' })).toBe(6);
    expect(await count({ type: 'gave', from: '2024-07-01', to: '2025-06-30' })).toBe(4);
    expect(await count({ type: 'gave', atLeastMinor: 60_000 })).toBe(3);
    expect(await count({ type: 'not', condition: { type: 'gave' } })).toBe(2);
    const calendar = (await owner.get(`/api/spaces/${spaceId}/donor-report?year=2024&fiscalYearStart=01-01`)).json;
    expect(calendar).toMatchObject({ from: '2024-01-01', to: '2024-12-31', donors: 3, lybuntCount: 1 });
    expect(calendar.lybunt).toEqual([{ contactId: ids.Hil, name: 'Hil Donor' }]);
  });

  it('records a receipt once, and refuses a donor of another organization naming the field', async () => {
    expect((await give('Fe', 1_000, '2025-03-01', { receiptId: 'AB-123' })).status).toBe(201);
    expect((await give('Fe', 1_000, '2025-03-01', { receiptId: 'AB-123' })).status).toBe(409);
    const foreign = await give('Zoe', 1_000, '2025-03-01');
    expect(foreign.status).toBe(422);
    expect(JSON.stringify(foreign.json)).toContain('contactId');
    expect((await give('Fe', 1_000, '2025-03-01', { softCreditContactId: ids.Zoe })).status).toBe(422);
    expect((await give('Fe', -5, '2025-03-01')).status).toBe(422);
    const pesos = await give('Fe', 1_000, '2025-03-01', { currency: 'MXN' });
    expect(pesos.status).toBe(422);
    expect(JSON.stringify(pesos.json)).toContain('currency');
    // A donor is not deleted with their gifts: merged instead, the gifts stay.
    expect((await owner.delete(`/api/contacts/${ids.Fe}`)).status).toBe(409);
  });

  it('keeps donors inside the organization; the alliance reads totals above a small count only', async () => {
    for (const caller of [coordinator, outsider]) {
      expect((await caller.get(`/api/spaces/${spaceId}/donations`)).status).toBe(404);
      expect((await caller.get(`/api/spaces/${spaceId}/donor-report?year=2025`)).status).toBe(404);
      expect((await caller.post(`/api/spaces/${spaceId}/donations`, { contactId: ids.Ana, amountMinor: 100, receivedOn: '2025-01-01' })).status).toBe(404);
    }
    const donation = (await owner.get(`/api/spaces/${spaceId}/donations`)).json.items[0];
    expect((await outsider.delete(`/api/donations/${donation.id}`)).status).toBe(404);
    expect((await outsider.put(`/api/donations/${donation.id}/refund`, { refundedOn: '2025-01-01' })).status).toBe(404);
    // Six donors in FY2025: fewer than ten, so the alliance is told only that there are some.
    const giving = (await coordinator.get(`/api/spaces/${allianceSpaceId}/members-giving?year=2025`)).json;
    expect(giving.organizations).toEqual([expect.objectContaining({ name: 'Giving Org', donors: null, totalMinor: null, suppressed: true })]);
    expect(JSON.stringify(giving)).not.toMatch(/Donor|Ana|Beto/);
  });

  it('imports an ActBlue export: donors matched by email however written, others made, receipts once, a bad row named', async () => {
    const actor: Actor = { userId: owner.userId, isWorkspaceAdmin: true };
    await t.db.updateTable('contacts').set({ email_hash: t.deps.box.keyedHash('email:ana@example.org', spaceId) }).where('id', '=', ids.Ana!).execute();
    const before = await t.db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).where('space_id', '=', spaceId).executeTakeFirstOrThrow();
    const csv = ['Receipt ID,Date,Amount,Donor First Name,Donor Last Name,Donor Email,Donor ZIP,Fundraising Page,Reference Code',
      'AB1,2025-02-03 10:22:33,$25.00,Ana,Donor,\u0020 ANA@Example.org ,90033,spring-appeal,sms',
      'AB2,03/04/2025,"$1,250.50",Nuevo,Donante,nuevo@example.org,90033,spring-appeal,',
      'AB2,03/04/2025,"$1,250.50",Nuevo,Donante,nuevo@example.org,90033,spring-appeal,',
      'AB3,2025-03-05,10,Nuevo,Donante,NUEVO@example.org,90033,,'].join('\n').replace('\\u0020', ' ');
    const bad = csv + '\nAB4,31/31/2025,abc,Bad,Row,bad@example.org,90033,,';
    const refused = await startDonationImport(t.db, t.deps.box, actor, spaceId, { source: textSource(bad), sourceName: 'actblue' });
    await refused.done;
    expect(refused.job.status).toBe('rejected');
    expect(refused.job.rows.find((r) => r.outcome === 'rejected')).toEqual({ rowNumber: 6, outcome: 'rejected', errors: [
      { field: 'Amount', message: 'not an amount (e.g. 25.00)' }, { field: 'Date', message: 'not a date: use YYYY-MM-DD or MM/DD/YYYY' }] });
    const first = await startDonationImport(t.db, t.deps.box, actor, spaceId, { source: textSource(csv), sourceName: 'actblue' });
    await first.done;
    expect(first.job.counts).toMatchObject({ imported: 3, skipped: 1, rejected: 0 });
    const again = await startDonationImport(t.db, t.deps.box, actor, spaceId, { source: textSource(csv), sourceName: 'actblue' });
    await again.done;
    expect(again.job.counts).toMatchObject({ imported: 0, unchanged: 3, skipped: 1 });
    const after = await t.db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).where('space_id', '=', spaceId).executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(1);
    const gifts = (await owner.get(`/api/spaces/${spaceId}/donations?from=2025-02-01&to=2025-03-31`)).json.items as { firstName: string; amountMinor: number; receiptId: string | null; campaign: string | null }[];
    expect(gifts.filter((g) => /^AB\d$/.test(g.receiptId ?? '')).map((g) => [g.firstName, g.amountMinor, g.receiptId, g.campaign]).sort())
      .toEqual([['Ana', 2_500, 'AB1', 'spring-appeal'], ['Nuevo', 1_000, 'AB3', null], ['Nuevo', 125_050, 'AB2', 'spring-appeal']]);
    // A trial run keeps nothing.
    const trial = await startDonationImport(t.db, t.deps.box, actor, spaceId, { source: textSource(csv.replaceAll('AB', 'TR')), sourceName: 'actblue', dryRun: true });
    await trial.done;
    expect(trial.job.counts.imported).toBe(3);
    expect((await owner.get(`/api/spaces/${spaceId}/donations?from=2025-02-01&to=2025-03-31`)).json.total).toBe(gifts.length);
  });

  it('recognizes a file without receipt ids imported twice, and keeps a second same-day gift that is new', async () => {
    const actor: Actor = { userId: owner.userId, isWorkspaceAdmin: true };
    const rows = ['Date,Amount,First Name,Last Name,Email', '2025-05-01,40.00,Rita,Norecibo,rita@example.org', '2025-05-02,15.00,Rita,Norecibo,rita@example.org'];
    const count = async () => (await owner.get(`/api/spaces/${spaceId}/donations?from=2025-05-01&to=2025-05-31`)).json.total as number;
    const first = await startDonationImport(t.db, t.deps.box, actor, spaceId, { source: textSource(rows.join('\n')), sourceName: 'paper' });
    await first.done;
    expect(first.job.counts).toMatchObject({ imported: 2 });
    const again = await startDonationImport(t.db, t.deps.box, actor, spaceId, { source: textSource([...rows, '2025-05-02,15.00,Rita,Norecibo,rita@example.org'].join('\n')), sourceName: 'paper' });
    await again.done;
    // The two gifts already there are recognized; the second $15 gift of May 2 is a new one.
    expect(again.job.counts).toMatchObject({ imported: 1, unchanged: 2 });
    expect(await count()).toBe(3);
  });
});
