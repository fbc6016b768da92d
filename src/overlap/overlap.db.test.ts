import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENGINES, signedIn, type TestApp, testApp } from '../../test/test-app.ts';
import { startContactImport, textSource } from '../contacts/contact-import.service.ts';
import { addMember } from '../memberships/membership.service.ts';
import { createOrganization } from '../orgs/organization.service.ts';
import type { Actor } from '../spaces/access.ts';
import { upsertRole } from '../spaces/spaces.repository.ts';
import { httpTransport as http } from '../../test/overlap-http.ts';
import { overlapSide } from './overlap-side.ts';
import type { IdentifierKind } from './psi-element.ts';

// Two member organizations count the people they share through the API, each side blinding its
// own list with its own secret; the server relays, compares and forgets. The attacks: a third
// organization, a member without the administrator role, a side padding its list with guesses.

const BLANK = { sectors: [], issues: [], constituencies: [], capacities: [], location: {} };
type Client = Awaited<ReturnType<typeof signedIn>>;

const onlyA = Array.from({ length: 20 }, (_, i) => `solo.a${i}@example.org`);
const onlyB = Array.from({ length: 25 }, (_, i) => `solo.b${i}@example.net`);
const shared = Array.from({ length: 15 }, (_, i) => `compartido${i}@ejemplo.org`);
const csv = (emails: string[], phones = false) => `first,last,email${phones ? ',phone' : ''}\n${emails.map((e, i) => `P${i},Q${i},${e}${phones ? `,510-555-${String(1000 + i)}` : ''}`).join('\n')}\n`;

describe.each(ENGINES)('private overlap between member organizations on %s', (engine) => {
  let t: TestApp;
  let adminA: Client;
  let adminB: Client;
  let memberA: Client;
  let outsider: Client;
  let spaceA: string;
  let spaceB: string;
  let spaceC: string;
  let allianceId: string;
  const logged: string[] = [];

  beforeAll(async () => {
    t = await testApp(engine);
    const root = await signedIn(t, 'overlap-root@example.org', { admin: true });
    adminA = await signedIn(t, 'overlap-a@example.org');
    adminB = await signedIn(t, 'overlap-b@example.org');
    memberA = await signedIn(t, 'overlap-member@example.org');
    outsider = await signedIn(t, 'overlap-outsider@example.org');
    const actor: Actor = { userId: root.userId, isWorkspaceAdmin: true };
    const [a, b, c] = await Promise.all(['Casa de Maryland', 'Make the Road', 'Unrelated Org'].map((name) =>
      createOrganization(t.db, actor, null, { ...BLANK, name, kind: 'base_building' }, { ownSpace: true })));
    const alliance = await createOrganization(t.db, actor, null, { ...BLANK, name: 'Overlap Alliance', kind: 'alliance' });
    for (const m of [a!, b!]) await addMember(t.db, actor, alliance.id, { memberId: m.id, role: 'member', status: 'active' });
    [spaceA, spaceB, spaceC, allianceId] = [a!.ownSpaceId!, b!.ownSpaceId!, c!.ownSpaceId!, alliance.id];
    await upsertRole(t.db, spaceA, adminA.userId, 'admin');
    await upsertRole(t.db, spaceB, adminB.userId, 'admin');
    await upsertRole(t.db, spaceA, memberA.userId, 'member');
    await upsertRole(t.db, spaceC, outsider.userId, 'admin');
    // B's copies of the shared addresses are typed differently: the import normalizes them.
    await (await startContactImport(t.db, t.deps.box, actor, spaceA, { source: textSource(csv([...onlyA, ...shared], true)) })).done;
    await (await startContactImport(t.db, t.deps.box, actor, spaceB, { source: textSource(csv([...shared.map((e) => ` ${e.toUpperCase()} `), ...onlyB])) })).done;
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write.bind(stream);
      vi.spyOn(stream, 'write').mockImplementation((chunk: any, ...rest: any[]) => { logged.push(String(chunk)); return write(chunk, ...rest); });
    }
  });
  afterAll(async () => { vi.restoreAllMocks(); await t?.close(); });

  const request = (kind: IdentifierKind, extra: object = {}) => adminA.post(`/api/spaces/${spaceA}/overlap-runs`, { partnerSpaceId: spaceB, allianceId, kind, ...extra });

  async function runBoth(runId: string) {
    const a = overlapSide(http(adminA, runId, 'requester'));
    const b = overlapSide(http(adminB, runId, 'partner'));
    const sent = [await a.sendMine(), await b.sendMine()];
    const finished = [await a.blindTheirs(), await b.blindTheirs()];
    return { sent, finished };
  }

  it('counts the people both hold, without either list leaving its side unblinded', async () => {
    const made = await request('email');
    expect(made.status).toBe(201);
    const runId = made.json.id;
    // Only the partner's administrators accept; the requester cannot accept for them.
    expect((await adminA.put(`/api/overlap-runs/${runId}/status`, { answer: 'accept' })).status).toBe(404);
    expect((await adminB.get(`/api/spaces/${spaceB}/overlap-runs`)).json.map((r: any) => r.id)).toEqual([runId]);
    expect((await adminB.put(`/api/overlap-runs/${runId}/status`, { answer: 'accept' })).status).toBe(200);

    const { sent, finished } = await runBoth(runId);
    expect(sent).toEqual([35, 40]);
    expect(finished).toEqual([{ done: false }, { done: true }]);
    const run = (await adminB.get(`/api/overlap-runs/${runId}`)).json;
    expect(run).toMatchObject({ status: 'done', sharedCount: 15, belowMin: false, requesterSize: 35, partnerSize: 40, requesterName: 'Casa de Maryland', partnerName: 'Make the Road' });
    expect((await memberA.get(`/api/overlap-runs/${runId}`)).json.sharedCount).toBe(15);

    // Nothing relayed is kept, and no table or log line holds an address of either list.
    expect((await t.db.selectFrom('overlap_payloads').select('run_id').execute()).length).toBe(0);
    const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(t.db);
    const everything: string[] = [];
    for (const { name } of tables.rows) everything.push(...(await sql<{ row: string }>`select row_to_json(x)::text as row from ${sql.table(name)} x`.execute(t.db)).rows.map((r) => r.row));
    const dump = everything.join('\n').toLowerCase();
    const logs = logged.join('').toLowerCase();
    for (const email of [...onlyA, ...onlyB, ...shared]) {
      expect(dump).not.toContain(email);
      expect(logs).not.toContain(email);
    }
    // Each release of identifiers is logged, with how many and never which.
    const reads = await t.db.selectFrom('audit_log').select(['space_id', 'changes']).where('entity', '=', 'overlap_identifiers').where('entity_id', '=', runId).execute();
    expect(reads.map((r) => r.space_id).sort()).toEqual([spaceA, spaceB].sort());
  });

  it('says only "fewer than" under the threshold, and keeps no count', async () => {
    const runId = (await request('email', { minCount: 16 })).json.id;
    await adminB.put(`/api/overlap-runs/${runId}/status`, { answer: 'accept' });
    await runBoth(runId);
    const run = (await adminA.get(`/api/overlap-runs/${runId}`)).json;
    expect(run).toMatchObject({ status: 'done', sharedCount: null, belowMin: true, minCount: 16 });
    const stored = await t.db.selectFrom('overlap_runs').select(['shared_count', 'below_min']).where('id', '=', runId).executeTakeFirstOrThrow();
    expect(stored).toEqual({ shared_count: null, below_min: true });
    // A threshold under the alliance's floor is refused, naming the field.
    const low = await request('email', { minCount: 3 });
    expect(low.status).toBe(422);
    expect(low.json.errors[0].field).toBe('minCount');
  });

  it('counts 0 on phones when only one side holds any', async () => {
    const runId = (await request('phone', { minCount: 10 })).json.id;
    await adminB.put(`/api/overlap-runs/${runId}/status`, { answer: 'accept' });
    const { sent } = await runBoth(runId);
    expect(sent).toEqual([35, 0]);
    expect((await adminA.get(`/api/overlap-runs/${runId}`)).json).toMatchObject({ status: 'done', belowMin: true });
  });

  it('refuses a list padded with guesses, a repeated value and a second upload', async () => {
    const runId = (await request('email')).json.id;
    await adminB.put(`/api/overlap-runs/${runId}/status`, { answer: 'accept' });
    const base = `/api/overlap-runs/${runId}/sides/requester`;
    const padded = await adminA.bytes('PUT', `${base}/blinded`, new Uint8Array(36 * 32).map((_, i) => i % 251));
    expect(padded.status).toBe(422);
    expect(padded.json.errors[0]).toMatchObject({ field: 'body' });
    expect(padded.json.errors[0].message).toContain('holds 35 identifiers');
    const weak = new Uint8Array(35 * 32).map((_, i) => (i * 7 + 3) % 256);
    weak.fill(0, 0, 32); // a point of small order: it would break the partner's multiplication
    const refusedWeak = await adminA.bytes('PUT', `${base}/blinded`, weak);
    expect(refusedWeak.status).toBe(422);
    expect(refusedWeak.json.errors[0].message).toContain('small order');
    const repeated = await adminA.bytes('PUT', `${base}/blinded`, new Uint8Array(35 * 32).map((_, i) => i % 32));
    expect(repeated.status).toBe(422);
    expect((await adminA.bytes('PUT', `${base}/blinded`, new Uint8Array(33))).status).toBe(422);
    const side = overlapSide(http(adminA, runId, 'requester'));
    await side.sendMine();
    expect((await adminA.get(`${base}/identifiers`)).status).toBe(409);
    expect((await adminA.bytes('GET', `${base}/their-blinded`)).status).toBe(409);
    expect((await adminA.put(`/api/overlap-runs/${runId}/status`, { answer: 'cancel' })).status).toBe(200);
    expect((await t.db.selectFrom('overlap_payloads').select('run_id').where('run_id', '=', runId).execute()).length).toBe(0);
  });

  it('never keeps a value relayed for a cancelled run, even when a cancel and an upload cross', async () => {
    for (let i = 0; i < 5; i += 1) {
      const runId = (await request('phone')).json.id;
      await adminB.put(`/api/overlap-runs/${runId}/status`, { answer: 'accept' });
      // B holds no phone numbers: its blinded list is empty, sent while A cancels.
      await Promise.all([adminA.put(`/api/overlap-runs/${runId}/status`, { answer: 'cancel' }), adminB.bytes('PUT', `/api/overlap-runs/${runId}/sides/partner/blinded`, new Uint8Array(0))]);
      expect((await adminA.get(`/api/overlap-runs/${runId}`)).json.status).toBe('cancelled');
      expect(await t.db.selectFrom('overlap_payloads').select('run_id').where('run_id', '=', runId).execute()).toEqual([]);
    }
  });

  it('keeps runs to the two organizations\' administrators', async () => {
    const runId = (await request('email')).json.id;
    // A third organization sees nothing and cannot ask either of them.
    expect((await outsider.get(`/api/overlap-runs/${runId}`)).status).toBe(404);
    expect((await outsider.get(`/api/spaces/${spaceA}/overlap-runs`)).status).toBe(404);
    expect((await outsider.put(`/api/overlap-runs/${runId}/status`, { answer: 'accept' })).status).toBe(404);
    const asked = await outsider.post(`/api/spaces/${spaceC}/overlap-runs`, { partnerSpaceId: spaceA, allianceId, kind: 'email' });
    expect(asked.status).toBe(422);
    expect(asked.json.errors[0].field).toBe('partnerSpaceId');
    expect((await outsider.get(`/api/spaces/${spaceC}/overlap-partners`)).json).toEqual([]);
    // A member who is not an administrator reads the run but never the identifiers.
    await adminB.put(`/api/overlap-runs/${runId}/status`, { answer: 'accept' });
    expect((await memberA.get(`/api/overlap-runs/${runId}`)).status).toBe(200);
    expect((await memberA.get(`/api/overlap-runs/${runId}/sides/requester/identifiers`)).status).toBe(403);
    expect((await memberA.post(`/api/spaces/${spaceA}/overlap-runs`, { partnerSpaceId: spaceB, allianceId, kind: 'email' })).status).toBe(403);
    // An administrator of one side never runs the other's.
    expect((await adminA.get(`/api/overlap-runs/${runId}/sides/partner/identifiers`)).status).toBe(404);
    expect((await adminA.get(`/api/spaces/${spaceA}/overlap-partners`)).json.map((p: any) => p.name)).toEqual(['Make the Road']);
  });
});
