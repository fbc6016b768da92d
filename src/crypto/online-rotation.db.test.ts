import { mkdtempSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signedIn, type TestApp, testApp } from '../../test/test-app.ts';
import { createOrganization } from '../orgs/organization.service.ts';
import type { Actor } from '../spaces/access.ts';
import { upsertRole } from '../spaces/spaces.repository.ts';
import { createSealedBox } from './sealed-box.ts';
import { loadKeyRing } from './secret-key.ts';

// The sealing key rotates while the app serves: a new key on disk, every sealed value sealed
// again in the background while people keep reading and writing, another process that still held
// the old ring opening the new values at once, blind indexes untouched, and the old key forgotten
// only once nothing is left on it.

const BLANK = { sectors: [], issues: [], constituencies: [], capacities: [], location: {} };

describe.each(ENGINES)('rotating the sealing key online on %s', (engine) => {
  let t: TestApp;
  let keyDir: string;
  let admin: Awaited<ReturnType<typeof signedIn>>;
  let member: Awaited<ReturnType<typeof signedIn>>;
  let spaceId: string;
  const ids: string[] = [];

  const sealedValues = async () => (await t.db.selectFrom('contacts').select('sealed').where('space_id', '=', spaceId).execute()).map((r) => r.sealed!);
  async function settled() {
    for (let i = 0; i < 200; i += 1) {
      const status = (await admin.get('/api/key-rotation')).json;
      if (!status.running) return status;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the rotation did not finish');
  }

  beforeAll(async () => {
    keyDir = mkdtempSync(path.join(tmpdir(), 'crossroads-keys-'));
    t = await testApp(engine, { keyDir });
    admin = await signedIn(t, 'rotation-admin@example.org', { admin: true });
    member = await signedIn(t, 'rotation-member@example.org');
    const actor: Actor = { userId: admin.userId, isWorkspaceAdmin: true };
    const org = await createOrganization(t.db, actor, null, { ...BLANK, name: 'Rotation Org', kind: 'base_building' }, { ownSpace: true });
    spaceId = org!.ownSpaceId!;
    await upsertRole(t.db, spaceId, member.userId, 'admin');
    for (let i = 0; i < 30; i += 1) {
      const made = await member.post(`/api/spaces/${spaceId}/contacts`, { firstName: `R${i}`, email: `rotate${i}@example.org`, phone: `(213) 555-01${String(i).padStart(2, "0")}` });
      expect(made.status, JSON.stringify(made.json)).toBe(201);
      ids.push(made.json.id);
    }
  }, 120_000);
  afterAll(async () => t?.close());

  it('seals everything again with a new key while the app serves, and another process follows', { timeout: 120_000 }, async () => {
    const oldPrefix = t.deps.box.sealedPrefix();
    expect((await sealedValues()).every((v) => v.startsWith(oldPrefix))).toBe(true);
    // Another process of the same workspace, started before the rotation.
    const ring = () => loadKeyRing({}, keyDir);
    const other = createSealedBox(ring(), ring);
    const indexBefore = readFileSync(path.join(keyDir, 'index.key'), 'utf8');
    expect((await member.post('/api/key-rotation', { action: 'rotate' })).status).toBe(403);
    const started = await admin.post('/api/key-rotation', { action: 'rotate' });
    expect(started.status).toBe(202);
    const newPrefix = t.deps.box.sealedPrefix();
    expect(newPrefix).not.toBe(oldPrefix);
    // Meanwhile people read and write.
    const during = (await member.post(`/api/spaces/${spaceId}/contacts`, { firstName: 'During', email: 'during@example.org' })).json.id;
    expect((await member.get(`/api/contacts/${ids[3]}/details`)).json).toMatchObject({ email: 'rotate3@example.org' });
    const status = await settled();
    expect(status).toMatchObject({ running: false, offCurrentKey: 0, failure: null });
    expect(status.last.resealed.contacts).toBeGreaterThanOrEqual(30);
    expect((await sealedValues()).every((v) => v.startsWith(newPrefix))).toBe(true);
    // The other process opens a value on the new key by reading its ring again.
    const row = await t.db.selectFrom('contacts').select(['id', 'sealed']).where('id', '=', during).executeTakeFirstOrThrow();
    expect(other.open<{ email: string }>(row.sealed!, `contacts.sealed:${row.id}`).email).toBe('during@example.org');
    // Blind indexes did not move: the lookup by email still finds the contact.
    expect(readFileSync(path.join(keyDir, 'index.key'), 'utf8')).toBe(indexBefore);
    expect((await member.get(`/api/spaces/${spaceId}/contacts/lookup?email=rotate7@example.org`)).json.items.map((c: any) => c.id)).toEqual([ids[7]]);
    expect((await member.get(`/api/contacts/${ids[7]}/details`)).json).toMatchObject({ email: 'rotate7@example.org', phone: expect.stringContaining('555') });
  });

  it('forgets the previous key only once nothing is left on it', { timeout: 60_000 }, async () => {
    const previousFile = path.join(keyDir, 'secret.previous.key');
    const oldSecret = readFileSync(previousFile, 'utf8').trim().split('\n').at(-1)!;
    // A value sealed with the old key appears (a process that had not yet seen the new one): the previous key cannot go.
    const oldBox = createSealedBox(Buffer.from(oldSecret, 'base64'));
    await t.db.updateTable('contacts').set({ sealed: oldBox.seal({ email: 'late@example.org' }, `contacts.sealed:${ids[0]}`) }).where('id', '=', ids[0]!).execute();
    const refused = await admin.post('/api/key-rotation', { action: 'forget-previous' });
    expect(refused.status).toBe(409);
    expect(existsSync(previousFile)).toBe(true);
    expect((await admin.post('/api/key-rotation', { action: 'reseal' })).status).toBe(202);
    expect(await settled()).toMatchObject({ offCurrentKey: 0 });
    expect((await admin.post('/api/key-rotation', { action: 'forget-previous' })).status).toBe(202);
    expect(existsSync(previousFile)).toBe(false);
    expect((await member.get(`/api/contacts/${ids[0]}/details`)).json).toMatchObject({ email: 'late@example.org' });
    // The old key opens nothing any more here.
    expect(() => t.deps.box.open(oldBox.seal({ email: 'x@example.org' }, 'contacts.sealed:x'), 'contacts.sealed:x')).toThrow();
  });
});
