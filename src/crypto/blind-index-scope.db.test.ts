import { createHmac, hkdfSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signedIn, type TestApp, testApp } from '../../test/test-app.ts';
import { scopeLegacyBlindIndexes } from './blind-index-scope.ts';

// Contacts stored by an earlier version carry blind indexes that are equal across organizations
// (one key for all): whoever held the database could join two organizations' lists on them. At
// start they are scoped to their space, from the stored hashes alone, and lookups still find them.

describe.each(ENGINES)('blind indexes scoped to their space on %s', (engine) => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof signedIn>>;
  const spaces: string[] = [];
  // What the earlier version stored: the HMAC of the value with the workspace's hash key.
  const legacy = (value: string) => createHmac('sha256', Buffer.from(hkdfSync('sha256', t.deps.box.keysForWorker().sealing, Buffer.alloc(0), 'crossroads/hash', 32))).update(value).digest('base64url');

  beforeAll(async () => {
    t = await testApp(engine);
    owner = await signedIn(t, 'scope-owner@example.org', { admin: true });
    for (const name of ['Scope One', 'Scope Two']) {
      const spaceId = (await owner.post('/api/organizations', { ownSpace: true, organization: { name, kind: 'union' } })).json.ownSpaceId;
      spaces.push(spaceId);
      const created = await owner.post(`/api/spaces/${spaceId}/contacts`, { firstName: 'Rosa', lastName: 'Both', email: 'rosa.both@example.org', phone: '510-555-0142' });
      expect(created.status).toBe(201);
      await t.db.updateTable('contacts').set({ email_hash: legacy('email:rosa.both@example.org'), phone_hash: legacy('phone:+15105550142'), hash_scope: 0 }).where('id', '=', created.json.id).execute();
    }
  });
  afterAll(async () => t?.close());

  it('scopes what an earlier version stored, once, and lookups still find it', async () => {
    const before = await t.db.selectFrom('contacts').select('email_hash').where('space_id', 'in', spaces).execute();
    expect(new Set(before.map((r) => r.email_hash)).size).toBe(1); // joinable across the two organizations
    expect(await scopeLegacyBlindIndexes(t.db, t.deps.box)).toBeGreaterThanOrEqual(2);
    const after = await t.db.selectFrom('contacts').select(['email_hash', 'phone_hash', 'hash_scope']).where('space_id', 'in', spaces).execute();
    expect(new Set(after.map((r) => r.email_hash)).size).toBe(2);
    expect(after.every((r) => r.hash_scope === 1)).toBe(true);
    for (const spaceId of spaces) {
      for (const query of ['email=Rosa.Both%40example.org', 'phone=(510)%20555-0142']) {
        const found = await owner.get(`/api/spaces/${spaceId}/contacts/lookup?${query}`);
        expect(found.status, query).toBe(200);
        expect(found.json.items.map((c: { lastName: string }) => c.lastName), query).toEqual(['Both']);
      }
    }
    expect(await scopeLegacyBlindIndexes(t.db, t.deps.box)).toBe(0);
  });

  it('makes new contacts\' indexes scoped from the start', async () => {
    const spaceId = spaces[0]!;
    const created = await owner.post(`/api/spaces/${spaceId}/contacts`, { firstName: 'Nueva', lastName: 'Scoped', email: 'nueva@example.org' });
    const row = await t.db.selectFrom('contacts').select(['email_hash', 'hash_scope']).where('id', '=', created.json.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ email_hash: t.deps.box.keyedHash('email:nueva@example.org', spaceId), hash_scope: 1 });
  });
});
