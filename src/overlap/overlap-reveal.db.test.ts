import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signedIn, type TestApp, testApp } from '../../test/test-app.ts';
import { httpTransport as http } from '../../test/overlap-http.ts';
import { startContactImport, textSource } from '../contacts/contact-import.service.ts';
import { addMember } from '../memberships/membership.service.ts';
import { createOrganization } from '../orgs/organization.service.ts';
import type { Actor } from '../spaces/access.ts';
import { upsertRole } from '../spaces/spaces.repository.ts';
import { overlapSide } from './overlap-side.ts';

// Who is shared, told to the two organizations only for the contacts both may share with each
// other; and a turf check before a canvass: which people on my walk list another member is
// already knocking on. Both through the HTTP API, each side with its own secret.

const BLANK = { sectors: [], issues: [], constituencies: [], capacities: [], location: {} };
type Signed = Awaited<ReturnType<typeof signedIn>>;
const shared = Array.from({ length: 15 }, (_, i) => `both${i}@example.org`);

describe.each(ENGINES)('revealing who is shared, and turf checks, on %s', (engine) => {
  let t: TestApp;
  let adminA: Signed;
  let adminB: Signed;
  let spaceA: string;
  let spaceB: string;
  let allianceId: string;
  const idsA: Record<string, string> = {};
  const idsB: Record<string, string> = {};

  async function run(body: Record<string, unknown>) {
    const res = await adminA.post(`/api/spaces/${spaceA}/overlap-runs`, { partnerSpaceId: spaceB, allianceId, kind: 'email', ...body });
    expect(res.status).toBe(201);
    const runId = res.json.id as string;
    expect((await adminB.put(`/api/overlap-runs/${runId}/status`, { answer: 'accept' })).status).toBe(200);
    const [a, b] = [overlapSide(http(adminA, runId, 'requester')), overlapSide(http(adminB, runId, 'partner'))];
    const sizes = [await a.sendMine(), await b.sendMine()];
    await a.blindTheirs();
    await b.blindTheirs();
    return { runId, a, b, sizes, view: (await adminA.get(`/api/overlap-runs/${runId}`)).json };
  }
  const share = (client: Signed, contactId: string, partnerSpaceId: string) =>
    client.put(`/api/contacts/${contactId}/consent`, { purpose: 'share_with_partner', partnerSpaceId, granted: true });

  beforeAll(async () => {
    t = await testApp(engine);
    const root = await signedIn(t, 'reveal-root@example.org', { admin: true });
    [adminA, adminB] = [await signedIn(t, 'reveal-a@example.org'), await signedIn(t, 'reveal-b@example.org')];
    const actor: Actor = { userId: root.userId, isWorkspaceAdmin: true };
    const [a, b] = await Promise.all(['Reveal A', 'Reveal B'].map((name) => createOrganization(t.db, actor, null, { ...BLANK, name, kind: 'base_building' }, { ownSpace: true })));
    const alliance = await createOrganization(t.db, actor, null, { ...BLANK, name: 'Reveal Alliance', kind: 'alliance' });
    for (const m of [a!, b!]) await addMember(t.db, actor, alliance.id, { memberId: m.id, role: 'member', status: 'active' });
    [spaceA, spaceB, allianceId] = [a!.ownSpaceId!, b!.ownSpaceId!, alliance.id];
    await upsertRole(t.db, spaceA, adminA.userId, 'admin');
    await upsertRole(t.db, spaceB, adminB.userId, 'admin');
    const csv = (emails: string[]) => `first,last,email\n${emails.map((e) => `${e.split('@')[0]},Q,${e}`).join('\n')}\n`;
    await (await startContactImport(t.db, t.deps.box, actor, spaceA, { source: textSource(csv([...shared, 'only.a@example.org'])) })).done;
    await (await startContactImport(t.db, t.deps.box, actor, spaceB, { source: textSource(csv([...shared, 'only.b@example.org'])) })).done;
    for (const c of await t.db.selectFrom('contacts').select(['id', 'first_name']).where('space_id', '=', spaceA).execute()) idsA[c.first_name] = c.id;
    for (const c of await t.db.selectFrom('contacts').select(['id', 'first_name']).where('space_id', '=', spaceB).execute()) idsB[c.first_name] = c.id;
  });
  afterAll(async () => t?.close());

  it('reveals to each side only the shared contacts both may share, once, and counts all of them', async () => {
    for (const name of ['both0', 'both1', 'both2', 'both3', 'both4', 'only.a']) expect((await share(adminA, idsA[name]!, spaceB)).status).toBe(200);
    for (const name of ['both1', 'both2', 'both3', 'both9', 'only.b']) expect((await share(adminB, idsB[name]!, spaceA)).status).toBe(200);
    // A yes for another partner does not count for this one.
    const elsewhere = (await t.db.selectFrom('spaces').select('id').where('id', 'not in', [spaceA, spaceB]).executeTakeFirstOrThrow()).id;
    await adminA.put(`/api/contacts/${idsA.both9}/consent`, { purpose: 'share_with_partner', partnerSpaceId: elsewhere, granted: true });
    const { runId, a, b, sizes, view } = await run({ reveal: true });
    expect(sizes).toEqual([16, 16]);
    expect(view).toMatchObject({ status: 'done', sharedCount: 15, reveal: true, revealedCount: 3 });
    expect((await a.revealed()).sort()).toEqual(['both1@example.org', 'both2@example.org', 'both3@example.org']);
    expect((await b.revealed()).sort()).toEqual(['both1@example.org', 'both2@example.org', 'both3@example.org']);
    // Read once: the positions are gone from the server.
    expect((await adminA.bytes('GET', `/api/overlap-runs/${runId}/sides/requester/matches`)).status).toBe(409);
    expect(await t.db.selectFrom('overlap_payloads').select('run_id').where('run_id', '=', runId).execute()).toEqual([]);
    // Neither side can read the other's.
    const audit = await t.db.selectFrom('audit_log').select('space_id').where('entity', '=', 'overlap_matches').where('entity_id', '=', runId).execute();
    expect(audit.map((r) => r.space_id).sort()).toEqual([spaceA, spaceB].sort());
  });

  it('tells a count-only run\'s sides nothing about who, and refuses bits it did not ask for', async () => {
    const { runId } = await run({});
    expect((await adminA.bytes('GET', `/api/overlap-runs/${runId}/sides/requester/matches`)).status).toBe(409);
    expect((await adminB.bytes('PUT', `/api/overlap-runs/${runId}/sides/partner/revealable`, new Uint8Array(2))).status).toBe(409);
    const ids = await adminA.get(`/api/overlap-runs/${runId}`);
    expect(ids.json.revealedCount).toBeNull();
  });

  it('deletes who is shared a week after the run, if its side never read it', async () => {
    const { runId, a } = await run({ reveal: true });
    await a.revealed();
    expect(await t.db.selectFrom('overlap_payloads').select('side').where('run_id', '=', runId).execute()).toEqual([{ side: 'partner' }]);
    await t.db.updateTable('overlap_runs').set({ finished_at: new Date(Date.now() - 8 * 86_400_000) }).where('id', '=', runId).execute();
    expect((await adminA.get(`/api/spaces/${spaceA}/overlap-runs`)).status).toBe(200);
    expect(await t.db.selectFrom('overlap_payloads').select('side').where('run_id', '=', runId).execute()).toEqual([]);
  });

  it('refuses a side\'s bits of the wrong length, naming the body', async () => {
    const res = await adminA.post(`/api/spaces/${spaceA}/overlap-runs`, { partnerSpaceId: spaceB, allianceId, kind: 'email', reveal: true });
    await adminB.put(`/api/overlap-runs/${res.json.id}/status`, { answer: 'accept' });
    const side = http(adminA, res.json.id, 'requester');
    const mine = overlapSide({ ...side, sendRevealable: async () => ({ done: false }) });
    await mine.sendMine();
    const wrong = await adminA.bytes('PUT', `/api/overlap-runs/${res.json.id}/sides/requester/revealable`, new Uint8Array(5));
    expect(wrong.status).toBe(422);
  });

  it('checks a walk list against the other member\'s active turfs', async () => {
    const effort = await adminA.post(`/api/spaces/${spaceA}/efforts`, { name: 'Spring walk', kind: 'canvass' });
    expect(effort.status).toBe(201);
    expect((await adminA.post(`/api/efforts/${effort.json.id}/turfs`, { by: 'size', size: 100 })).status).toBe(201);
    // B's active effort has 12 of the shared people on its turfs; a closed one has the rest.
    for (const [status, names] of [['active', shared.slice(0, 12)], ['closed', shared.slice(12)]] as const) {
      const e = await t.db.insertInto('outreach_efforts').values({ space_id: spaceB, name: `B ${status}`, kind: 'canvass', script: '{}', status, created_at: new Date(), updated_at: new Date() })
        .returning('id').executeTakeFirstOrThrow();
      const turf = await t.db.insertInto('outreach_assignments').values({ effort_id: e.id, space_id: spaceB, name: 'T', created_at: new Date() }).returning('id').executeTakeFirstOrThrow();
      await t.db.insertInto('outreach_assignment_contacts').values(names.map((n, position) => ({ assignment_id: turf.id, contact_id: idsB[n.split('@')[0]!]!, position }))).execute();
    }
    const { sizes, view } = await run({ effortId: effort.json.id });
    expect(sizes).toEqual([16, 12]);
    expect(view).toMatchObject({ status: 'done', sharedCount: 12, requesterEffortName: 'Spring walk' });
    const foreign = await adminB.get(`/api/spaces/${spaceB}/efforts`);
    const theirs = foreign.json.items?.[0]?.id ?? foreign.json[0]?.id;
    const refused = await adminA.post(`/api/spaces/${spaceA}/overlap-runs`, { partnerSpaceId: spaceB, allianceId, kind: 'email', effortId: theirs });
    expect(refused.status).toBe(422);
    expect(refused.json.errors[0]).toMatchObject({ field: 'effortId' });
  });
});
