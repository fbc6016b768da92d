import JSZip from 'jszip';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signedIn, type TestApp, testApp } from '../../test/test-app.ts';
import { startContactImport, textSource } from '../contacts/contact-import.service.ts';
import { DonationInputSchema } from '../donations/donation.schema.ts';
import { createDonation } from '../donations/donation.service.ts';
import { addMember } from '../memberships/membership.service.ts';
import { createOrganization } from '../orgs/organization.service.ts';
import { upsertRole } from './spaces.repository.ts';
import { spaceArchive } from './space-exit.service.ts';
import { createList } from '../contacts/segment.service.ts';

// An organization leaves with its data: its owners download one zip of everything its space
// holds, then purge the space. Afterwards no id column anywhere names the space, its directory
// entry stays with its alliance, and the partner organization's records are untouched.

const BLANK = { sectors: [], issues: [], constituencies: [], capacities: [], location: {} };

describe.each(ENGINES)('leaving with one\'s data on %s', (engine) => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof signedIn>>;
  let admin: Awaited<ReturnType<typeof signedIn>>;
  let outsider: Awaited<ReturnType<typeof signedIn>>;
  let spaceId: string;
  let organizationId: string;
  let partnerSpace: string;
  let allianceId: string;
  let allianceSpace: string;
  let addedId: string;
  let partnerContact: string;

  beforeAll(async () => {
    t = await testApp(engine);
    const root = await signedIn(t, 'exit-root@example.org', { admin: true });
    owner = await signedIn(t, 'exit-owner@example.org');
    admin = await signedIn(t, 'exit-admin@example.org');
    outsider = await signedIn(t, 'exit-outsider@example.org');
    const actor = { userId: root.userId, isWorkspaceAdmin: true };
    const made = await createOrganization(t.db, actor, null, { ...BLANK, name: 'Leaving Org', kind: 'union' }, { ownSpace: true });
    [spaceId, organizationId] = [made.ownSpaceId!, made.id];
    await upsertRole(t.db, spaceId, owner.userId, 'owner');
    await upsertRole(t.db, spaceId, admin.userId, 'admin');
    const partner = await createOrganization(t.db, actor, null, { ...BLANK, name: 'Staying Org', kind: 'union' }, { ownSpace: true });
    partnerSpace = partner.ownSpaceId!;
    await upsertRole(t.db, partnerSpace, outsider.userId, 'owner');
    const alliance = await createOrganization(t.db, actor, null, { ...BLANK, name: 'Exit Alliance', kind: 'alliance' });
    [allianceId, allianceSpace] = [alliance.id, alliance.ownSpaceId!];
    await upsertRole(t.db, allianceSpace, owner.userId, 'owner');
    // A directory entry the leaving organization added, which the alliance then took in as a member.
    addedId = (await createOrganization(t.db, actor, spaceId, { ...BLANK, name: 'Added By Leaving', kind: 'union' })).id;
    for (const m of [organizationId, partner.id, addedId]) await addMember(t.db, actor, alliance.id, { memberId: m, role: 'member', status: 'active' });
    const ownerActor = { userId: owner.userId, isWorkspaceAdmin: false };
    await (await startContactImport(t.db, t.deps.box, ownerActor, spaceId, { source: textSource('first,last,email\nAna,Leaves,ana.leaves@example.org\nBeto,Leaves,beto.leaves@example.org\n') })).done;
    await (await startContactImport(t.db, t.deps.box, actor, partnerSpace, { source: textSource('first,last,email\nCata,Stays,cata.stays@example.org\n') })).done;
    partnerContact = (await t.db.selectFrom('contacts').select('id').where('space_id', '=', partnerSpace).executeTakeFirstOrThrow()).id;
    // The partner's contact may be shared with the leaving organization: the partner's history of that choice stays.
    expect((await outsider.put(`/api/contacts/${partnerContact}/consent`, { purpose: 'share_with_partner', granted: true, partnerSpaceId: spaceId })).status).toBe(200);
    const ana = await t.db.selectFrom('contacts').select('id').where('space_id', '=', spaceId).where('first_name', '=', 'Ana').executeTakeFirstOrThrow();
    await createDonation(t.db, ownerActor, spaceId, DonationInputSchema.parse({ contactId: ana.id, amountMinor: 2_500, receivedOn: '2026-01-05' }));
    await owner.put(`/api/contacts/${ana.id}/consent`, { purpose: 'c4', granted: true });
    await createList(t.db, ownerActor, spaceId, { name: 'Leaving list', contactIds: [ana.id] });
    await createList(t.db, actor, partnerSpace, { name: 'Staying list', contactIds: [partnerContact] });
    await owner.post(`/api/spaces/${spaceId}/people`, { name: 'Pia Staff', languages: ['es'], contact: { email: 'pia.staff@example.org' } });
    expect((await owner.post(`/api/spaces/${spaceId}/overlap-runs`, { partnerSpaceId: partnerSpace, allianceId, kind: 'email' })).status).toBe(201);
  });
  afterAll(async () => t?.close());

  it('gives its owners one zip of everything, sealed fields opened and blind indexes left out', async () => {
    expect((await admin.request('GET', `/api/spaces/${spaceId}/archive`)).status).toBe(403);
    expect((await outsider.request('GET', `/api/spaces/${spaceId}/archive`)).status).toBe(404);
    const res = await owner.bytes('GET', `/api/spaces/${spaceId}/archive`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const zip = await JSZip.loadAsync(res.data);
    const text = (name: string) => zip.file(name)!.async('string');
    expect(await text('contacts.csv')).toContain('ana.leaves@example.org');
    const contacts = (await text('data/contacts.jsonl')).trim().split('\n').map((l) => JSON.parse(l));
    expect(contacts).toHaveLength(2);
    expect(contacts.map((c) => c.details.email).sort()).toEqual(['ana.leaves@example.org', 'beto.leaves@example.org']);
    expect(contacts[0]).not.toHaveProperty('email_hash');
    expect(contacts[0]).not.toHaveProperty('sealed');
    expect((await text('data/people.jsonl'))).toContain('pia.staff@example.org');
    expect((await text('data/donations.jsonl'))).toContain('2500');
    expect((await text('data/contact_consents.jsonl'))).toContain('"c4"');
    const manifest = JSON.parse(await text('manifest.json'));
    expect(manifest).toMatchObject({ organization: 'Leaving Org', rows: { contacts: 2, donations: 1, people: 1 } });
    expect(await text('data/contacts.jsonl')).not.toContain('cata.stays');
    // Records without a space id of their own come with their parents: the list's items, the overlap runs; not the partner's.
    const items = (await text('data/contact_list_items.jsonl')).trim().split('\n').map((l) => JSON.parse(l));
    expect(items).toHaveLength(1);
    expect((await text('data/overlap_runs.jsonl')).trim().split('\n')).toHaveLength(1);
  });

  it('never holds the database while an archive waits to be read, and refuses an alliance\'s shared space', async () => {
    const { stream } = await spaceArchive(t.db, t.deps.box, { userId: owner.userId, isWorkspaceAdmin: false }, spaceId);
    stream.destroy(); // a download cut off before its first byte
    // Before, the snapshot's transaction stayed open and this query waited for ever (the test timed out).
    expect(await t.db.selectFrom('spaces').select('id').where('id', '=', spaceId).execute()).toHaveLength(1);
    for (const res of [await owner.bytes('GET', `/api/spaces/${allianceSpace}/archive`), await owner.request('POST', `/api/spaces/${allianceSpace}/purge`, { confirm: 'Exit Alliance' })]) {
      expect(res.status).toBe(422);
    }
    expect(await t.db.selectFrom('memberships').select('id').where('alliance_id', '=', allianceId).execute()).toHaveLength(3);
  });

  it('purges the space: nothing names it afterwards, its directory entry stays with its alliance, its partner keeps everything', async () => {
    const wrong = await owner.post(`/api/spaces/${spaceId}/purge`, { confirm: 'Leaving' });
    expect(wrong.status).toBe(422);
    expect(wrong.json.errors[0].field).toBe('confirm');
    expect((await admin.post(`/api/spaces/${spaceId}/purge`, { confirm: 'Leaving Org' })).status).toBe(403);
    expect((await t.db.selectFrom('contacts').select('id').where('space_id', '=', spaceId).execute())).toHaveLength(2);
    const partnerBefore = await t.db.selectFrom('contacts').select('id').where('space_id', '=', partnerSpace).execute();

    // Not while an import into the space is running.
    const job = await t.db.insertInto('import_jobs').values({ space_id: spaceId, user_id: owner.userId, entity: 'contacts', status: 'running', total: 10, report: 'null', created_at: new Date() })
      .returning('id').executeTakeFirstOrThrow();
    expect((await owner.post(`/api/spaces/${spaceId}/purge`, { confirm: 'Leaving Org' })).status).toBe(409);
    expect((await t.db.selectFrom('contacts').select('id').where('space_id', '=', spaceId).execute())).toHaveLength(2);
    await t.db.updateTable('import_jobs').set({ status: 'done' }).where('id', '=', job.id).execute();

    const purged = await owner.post(`/api/spaces/${spaceId}/purge`, { confirm: 'Leaving Org' });
    expect(purged.status).toBe(200);
    expect(purged.json).toMatchObject({ removed: { contacts: 2, donations: 1, people: 1 }, directoryEntry: { keptIn: 'Exit Alliance' } });
    // An independent scan: no uuid column of any table, and no audit entry, names the space.
    const columns = await sql<{ table_name: string; column_name: string }>`select table_name, column_name from information_schema.columns where table_schema = 'public' and data_type = 'uuid'`.execute(t.db);
    for (const { table_name: table, column_name: column } of columns.rows) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${sql.ref(column)} = ${spaceId}`.execute(t.db);
      expect(rows[0]!.n, `${table}.${column}`).toBe(0);
    }
    const dump = (await sql<{ row: string }>`select row_to_json(a)::text as row from audit_log a`.execute(t.db)).rows.map((r) => r.row).join('\n');
    expect(dump).not.toContain('ana.leaves');
    const organization = await t.db.selectFrom('organizations').select(['name', 'own_space_id']).where('id', '=', organizationId).executeTakeFirstOrThrow();
    expect(organization).toEqual({ name: 'Leaving Org', own_space_id: null });
    expect(await t.db.selectFrom('memberships').select('id').where('member_id', '=', organizationId).execute()).toHaveLength(1);
    // The entry it added, a member of the alliance, stays with the alliance; so does the partner's history of sharing with it.
    expect(await t.db.selectFrom('organizations').select(['space_id']).where('id', '=', addedId).executeTakeFirstOrThrow()).toEqual({ space_id: allianceSpace });
    expect(await t.db.selectFrom('memberships').select('id').where('member_id', '=', addedId).execute()).toHaveLength(1);
    expect(await t.db.selectFrom('consent_events').select(['partner_space_id']).where('contact_id', '=', partnerContact).execute()).toEqual([{ partner_space_id: null }]);
    expect(await t.db.selectFrom('contacts').select('id').where('space_id', '=', partnerSpace).execute()).toEqual(partnerBefore);
    expect((await owner.get(`/api/spaces/${spaceId}`)).status).toBe(404);
    const logged = await t.db.selectFrom('audit_log').select(['space_id', 'changes']).where('entity', '=', 'space_purge').execute();
    expect(logged).toHaveLength(1);
  });
});
