import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, Client, signedIn, type TestApp, testApp } from '../../test/test-app.ts';
import { startContactImport, textSource } from '../contacts/contact-import.service.ts';
import { addMember } from '../memberships/membership.service.ts';
import { createOrganization } from '../orgs/organization.service.ts';
import { httpTransport as http } from '../../test/overlap-http.ts';
import { overlapSide } from '../overlap/overlap-side.ts';
import type { Actor } from '../spaces/access.ts';
import { upsertRole } from '../spaces/spaces.repository.ts';
import { linkToken } from './consent.ts';

// Consent per contact: set by the organization's members, defaulted by its administrators,
// read and changed by the person through a signed link; a change takes effect at once (here: who
// takes part in a private overlap). Forged, borrowed and expired links open nothing.

const BLANK = { sectors: [], issues: [], constituencies: [], capacities: [], location: {} };
type Signed = Awaited<ReturnType<typeof signedIn>>;
const shared = Array.from({ length: 15 }, (_, i) => `both${i}@example.org`);

describe.each(ENGINES)('consent per contact on %s', (engine) => {
  let t: TestApp;
  let adminA: Signed;
  let adminB: Signed;
  let memberA: Signed;
  let spaceA: string;
  let spaceB: string;
  let allianceId: string;
  let allianceSpace: string;
  const ids: Record<string, string> = {};

  async function overlapCount() {
    const runId = (await adminA.post(`/api/spaces/${spaceA}/overlap-runs`, { partnerSpaceId: spaceB, allianceId, kind: 'email' })).json.id;
    await adminB.put(`/api/overlap-runs/${runId}/status`, { answer: 'accept' });
    const [a, b] = [overlapSide(http(adminA, runId, 'requester')), overlapSide(http(adminB, runId, 'partner'))];
    const sizes = [await a.sendMine(), await b.sendMine()];
    await a.blindTheirs();
    await b.blindTheirs();
    return { sizes, shared: (await adminA.get(`/api/overlap-runs/${runId}`)).json.sharedCount as number | null };
  }

  beforeAll(async () => {
    t = await testApp(engine);
    const root = await signedIn(t, 'consent-root@example.org', { admin: true });
    [adminA, adminB, memberA] = [await signedIn(t, 'consent-a@example.org'), await signedIn(t, 'consent-b@example.org'), await signedIn(t, 'consent-member@example.org')];
    const actor: Actor = { userId: root.userId, isWorkspaceAdmin: true };
    const [a, b] = await Promise.all(['Consent A', 'Consent B'].map((name) => createOrganization(t.db, actor, null, { ...BLANK, name, kind: 'base_building' }, { ownSpace: true })));
    const alliance = await createOrganization(t.db, actor, null, { ...BLANK, name: 'Consent Alliance', kind: 'alliance' });
    for (const m of [a!, b!]) await addMember(t.db, actor, alliance.id, { memberId: m.id, role: 'member', status: 'active' });
    [spaceA, spaceB, allianceId, allianceSpace] = [a!.ownSpaceId!, b!.ownSpaceId!, alliance.id, alliance.ownSpaceId!];
    await upsertRole(t.db, allianceSpace, memberA.userId, 'viewer');
    await upsertRole(t.db, spaceA, adminA.userId, 'admin');
    await upsertRole(t.db, spaceA, memberA.userId, 'member');
    await upsertRole(t.db, spaceB, adminB.userId, 'admin');
    const csv = (emails: string[]) => `first,last,email,street,zip\n${emails.map((e, i) => `P${i},Q${i},${e},${i} Main St,9460${i % 10}`).join('\n')}\n`;
    await (await startContactImport(t.db, t.deps.box, actor, spaceA, { source: textSource(csv([...shared, 'only.a@example.org'])) })).done;
    await (await startContactImport(t.db, t.deps.box, actor, spaceB, { source: textSource(csv([...shared, 'only.b@example.org'])) })).done;
    for (const c of await t.db.selectFrom('contacts').select(['id', 'first_name']).where('space_id', '=', spaceA).execute()) ids[c.first_name] = c.id;
  });
  afterAll(async () => t?.close());

  it('takes a refusal out of the next overlap at once, and keeps its history', async () => {
    expect(await overlapCount()).toEqual({ sizes: [16, 16], shared: 15 });
    const refused = await memberA.put(`/api/contacts/${ids.P0}/consent`, { purpose: 'overlap_matching', granted: false });
    expect(refused.status).toBe(200);
    expect(await overlapCount()).toEqual({ sizes: [15, 16], shared: 14 });
    const read = (await memberA.get(`/api/contacts/${ids.P0}/consent`)).json;
    expect(read.purposes.find((p: any) => p.purpose === 'overlap_matching')).toMatchObject({ granted: false, recorded: true, source: 'staff' });
    expect(read.purposes.find((p: any) => p.purpose === 'c4')).toMatchObject({ granted: false, recorded: false });
    expect(read.history[0]).toMatchObject({ purpose: 'overlap_matching', granted: false, previous: null, source: 'staff', changedBy: 'consent-member' });
  });

  it('lets administrators change the default, and a recorded yes still counts', async () => {
    expect((await memberA.put(`/api/spaces/${spaceA}/consent-defaults`, { purpose: 'overlap_matching', granted: false })).status).toBe(403);
    expect((await adminA.put(`/api/spaces/${spaceA}/consent-defaults`, { purpose: 'overlap_matching', granted: false })).status).toBe(200);
    expect((await memberA.get(`/api/spaces/${spaceA}/consent-defaults`)).json).toEqual({ count_in_alliance: true, overlap_matching: false });
    await memberA.put(`/api/contacts/${ids.P1}/consent`, { purpose: 'overlap_matching', granted: true });
    await memberA.put(`/api/contacts/${ids.P2}/consent`, { purpose: 'overlap_matching', granted: true });
    const { sizes } = await overlapCount();
    expect(sizes[0]).toBe(2);
    await adminA.put(`/api/spaces/${spaceA}/consent-defaults`, { purpose: 'overlap_matching', granted: true });
  });

  it('shows the person what the organization holds through a signed link, and takes their changes', async () => {
    expect((await memberA.put(`/api/contacts/${ids.P3}/consent`, { purpose: 'share_with_partner', granted: true, partnerSpaceId: spaceB })).status).toBe(200);
    const notPartner = await memberA.put(`/api/contacts/${ids.P3}/consent`, { purpose: 'share_with_partner', granted: true, partnerSpaceId: spaceA });
    expect(notPartner.json.errors[0].field).toBe('partnerSpaceId');
    const link = await memberA.post(`/api/contacts/${ids.P3}/consent-link`);
    expect(link.status).toBe(201);
    const person = new Client(t.app); // no account, no session
    const page = await person.get(`/api/consent/${link.json.token}`);
    expect(page.status).toBe(200);
    expect(page.json).toMatchObject({ organization: { name: 'Consent A' }, holds: { firstName: 'P3', email: 'both3@example.org', street: '3 Main St' }, contact: { doNotContact: false } });
    expect(page.json.partners).toEqual([{ partnerSpaceId: spaceB, partnerName: 'Consent B', granted: true }]);
    const changed = await person.put(`/api/consent/${link.json.token}`, {
      purposes: [{ purpose: 'c4', granted: true }, { purpose: 'share_with_partner', granted: false, partnerSpaceId: spaceB }], doNotContact: true });
    expect(changed.status).toBe(200);
    const newPartner = await person.put(`/api/consent/${link.json.token}`, { purposes: [{ purpose: 'share_with_partner', granted: true, partnerSpaceId: spaceA }] });
    expect(newPartner.status).toBe(422);
    const after = (await memberA.get(`/api/contacts/${ids.P3}/consent`)).json;
    expect(after.purposes.find((p: any) => p.purpose === 'c4')).toMatchObject({ granted: true, source: 'person' });
    expect(after.partners).toMatchObject([{ partnerSpaceId: spaceB, granted: false, source: 'person' }]);
    expect((await memberA.get(`/api/contacts/${ids.P3}`)).json.doNotContact).toBe(true);
    // The person's read and change are in the organization's audit log, by nobody's account.
    const audit = await t.db.selectFrom('audit_log').select(['action', 'user_id']).where('entity_id', '=', ids.P3!).where('user_id', 'is', null).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['read_sensitive', 'update']);
  });

  it('opens nothing with a forged, borrowed or expired link', async () => {
    const person = new Client(t.app);
    const { token } = (await memberA.post(`/api/contacts/${ids.P4}/consent-link`)).json;
    const [payload, signature] = token.split('.');
    // Another contact's id under this signature.
    const borrowed = `${Buffer.from(`${ids.P5}.${Buffer.from(payload, 'base64url').toString().split('.')[1]}`).toString('base64url')}.${signature}`;
    for (const bad of [`${payload}.${signature.slice(0, -2)}xx`, borrowed, 'nonsense-token-here', `${payload}.`]) {
      const res = await person.get(`/api/consent/${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(404);
      expect(res.text).not.toContain('both');
    }
    // Withdrawn: it stops opening at once.
    const { token: second } = (await memberA.post(`/api/contacts/${ids.P4}/consent-link`)).json;
    expect((await person.get(`/api/consent/${second}`)).status).toBe(200);
    expect((await memberA.delete(`/api/contacts/${ids.P4}/consent-links`)).json).toEqual({ revoked: 2 });
    expect((await person.get(`/api/consent/${second}`)).status).toBe(404);
    // Its maker's role ends: the links they made stop opening.
    const { token: third } = (await memberA.post(`/api/contacts/${ids.P4}/consent-link`)).json;
    await t.db.deleteFrom('space_roles').where('space_id', '=', spaceA).where('user_id', '=', memberA.userId).execute();
    expect((await person.get(`/api/consent/${third}`)).status).toBe(404);
    await upsertRole(t.db, spaceA, memberA.userId, 'member');
    expect((await person.get(`/api/consent/${third}`)).status).toBe(200);
    const expired = linkToken(ids.P4!, Math.floor(Date.now() / 1000) - 60, t.deps.box.sign);
    expect((await person.get(`/api/consent/${expired}`)).status).toBe(410);
    expect((await person.put(`/api/consent/${expired}`, { doNotContact: true })).status).toBe(410);
  });

  it("leaves a contact out of the alliance's totals once counting is refused, by the contact or by default", async () => {
    const counted = async () => {
      const seen = (await memberA.get(`/api/spaces/${allianceSpace}/ladder/members-movement`)).json.organizations.find((o: { name: string }) => o.name === 'Consent A');
      return seen.notPlaced + seen.steps.reduce((n: number, step: { count: number }) => n + step.count, 0);
    };
    expect(await counted()).toBe(16);
    await memberA.put(`/api/contacts/${ids.P6}/consent`, { purpose: 'count_in_alliance', granted: false });
    expect(await counted()).toBe(15);
    // The organization's own view still counts everyone it holds.
    const own = (await memberA.get(`/api/spaces/${spaceA}/ladder/movement`)).json;
    expect(own.notPlaced + own.steps.reduce((n: number, step: { count: number }) => n + step.count, 0)).toBe(16);
    await adminA.put(`/api/spaces/${spaceA}/consent-defaults`, { purpose: 'count_in_alliance', granted: false });
    await memberA.put(`/api/contacts/${ids.P7}/consent`, { purpose: 'count_in_alliance', granted: true });
    expect(await counted()).toBe(1);
    await adminA.put(`/api/spaces/${spaceA}/consent-defaults`, { purpose: 'count_in_alliance', granted: true });
  });
});
