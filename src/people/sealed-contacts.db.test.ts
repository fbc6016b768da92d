import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSealedBox } from '../crypto/sealed-box.ts';
import { openDatabase } from '../db/database.ts';
import { signedIn, type TestApp, testApp } from '../../test/test-app.ts';
import { readContact, resealLegacyContacts, rotateContactKey } from './person.service.ts';

// Contact details at rest: each sealed value is bound to its row, older values are re-sealed so
// they are too, and the embedded database's files are readable by their owner only.

describe('sealed contact details', () => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof signedIn>>;
  let spaceId: string;
  beforeAll(async () => {
    t = await testApp();
    owner = await signedIn(t, 'sealed@example.org', { admin: true });
    spaceId = (await owner.post('/api/organizations', { ownSpace: true, organization: { name: 'Sealed Center', kind: 'union' } })).json.ownSpaceId;
  });
  afterAll(async () => t?.close());

  const person = async (name: string, email: string) =>
    (await owner.post(`/api/spaces/${spaceId}/people`, { name, languages: ['es'], contact: { email } })).json.id as string;

  it('will not open a sealed value moved to another person', async () => {
    const ana = await person('Ana Sealed', 'ana.sealed@example.org');
    const ben = await person('Ben Sealed', 'ben.sealed@example.org');
    const anaRow = await t.db.selectFrom('people').select('contact_sealed').where('id', '=', ana).executeTakeFirstOrThrow();
    await t.db.updateTable('people').set({ contact_sealed: anaRow.contact_sealed }).where('id', '=', ben).execute();
    const read = await owner.get(`/api/people/${ben}/contact`);
    expect(read.status).toBe(409);
    expect(read.text).not.toContain('ana.sealed');
    expect((await owner.get(`/api/people/${ana}/contact`)).json.email).toBe('ana.sealed@example.org');
  });

  it('re-seals a value sealed before the binding, so it opens only in its own row', async () => {
    const id = await person('Carla Legacy', 'placeholder@example.org');
    // A value as the previous version sealed it: AES-256-GCM with no associated data, "v1.".
    const secret = randomBytes(32);
    const box = createSealedBox(secret);
    const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'crossroads/seal', 32));
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify({ email: 'carla@example.org' }), 'utf8'), cipher.final()]);
    const legacy = ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
    await t.db.updateTable('people').set({ contact_sealed: legacy }).where('id', '=', id).execute();
    expect(await resealLegacyContacts(t.db, box)).toBe(1);
    const row = await t.db.selectFrom('people').select('contact_sealed').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.contact_sealed).toMatch(/^v3\./);
    expect(box.open(row.contact_sealed!, `people.contact_sealed:${id}`)).toEqual({ email: 'carla@example.org' });
    expect(() => box.open(row.contact_sealed!, 'people.contact_sealed:someone-else')).toThrow();
    // An unbound value does not open at any row: only to be re-sealed.
    expect(() => box.open(legacy, `people.contact_sealed:${id}`)).toThrow();
    // One sealed with another key is left sealed, marked, and does not stop the re-sealing.
    await t.db.updateTable('people').set({ contact_sealed: legacy }).where('id', '=', id).execute();
    expect(await resealLegacyContacts(t.db, createSealedBox(randomBytes(32)))).toBe(0);
    expect((await owner.get(`/api/people/${id}/contact`)).status).toBe(409);
  });
});

describe('rotating the secret key', () => {
  it('re-seals every contact and its email hash with the new key, and the old key opens nothing', async () => {
    const t = await testApp();
    try {
      const owner = await signedIn(t, 'rotate@example.org', { admin: true });
      const spaceId = (await owner.post('/api/organizations', { ownSpace: true, organization: { name: 'Rotate Center', kind: 'union' } })).json.ownSpaceId;
      const id = (await owner.post(`/api/spaces/${spaceId}/people`, { name: 'Rosa Rotate', languages: ['es'], contact: { email: 'Rosa.Rotate@example.org', phone: '+1 555 0199' } })).json.id;
      const next = createSealedBox(randomBytes(32));
      expect(await rotateContactKey(t.db, t.deps.box, next)).toBe(1);
      const actor = { userId: owner.userId, isWorkspaceAdmin: true };
      expect(await readContact(t.db, next, actor, id)).toEqual({ email: 'Rosa.Rotate@example.org', phone: '+1 555 0199' });
      await expect(readContact(t.db, t.deps.box, actor, id)).rejects.toThrow();
      const row = await t.db.selectFrom('people').select('email_hash').where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.email_hash).toBe(next.keyedHash('rosa.rotate@example.org', spaceId));
    } finally {
      await t.close();
    }
  });
});

describe('the embedded database on disk', () => {
  it('keeps its directory 0700 and its files 0600', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'crossroads-perm-')), 'data');
    const handle = await openDatabase({ dataDir: dir });
    await handle.db.selectFrom('spaces').select('id').execute();
    await handle.close();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const open: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const full = path.join(d, e.name);
        const mode = statSync(full).mode & 0o777;
        if (e.isDirectory()) { if (mode !== 0o700) open.push(`${full} ${mode.toString(8)}`); walk(full); }
        else if (mode !== 0o600) open.push(`${full} ${mode.toString(8)}`);
      }
    };
    walk(dir);
    expect(open).toEqual([]);
  });
});
