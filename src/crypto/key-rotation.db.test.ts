import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signedIn, type TestApp, testApp } from '../../test/test-app.ts';
import { startContactImport, textSource } from '../contacts/contact-import.service.ts';
import { contactDetailsPlace } from '../contacts/contact-sealing.ts';
import { lookupContacts } from '../contacts/contact.service.ts';
import { readContact } from '../people/person.service.ts';
import { rotateKey } from './key-rotation.ts';
import { createSealedBox, sealedPlace } from './sealed-box.ts';

// Rotating the key moves everything sealed — the directory's people, every organization's
// contacts with their blind indexes, attempt notes — to the new key, in one transaction. Before,
// only people's details moved: an organization's whole base was left on a key about to be thrown away.

describe.each(ENGINES)('rotating the secret key on %s', (engine) => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof signedIn>>;
  let spaceId: string;

  beforeAll(async () => {
    t = await testApp(engine);
    owner = await signedIn(t, 'rotate-all@example.org', { admin: true });
    spaceId = (await owner.post('/api/organizations', { ownSpace: true, organization: { name: 'Rotate Base', kind: 'union' } })).json.ownSpaceId;
    const actor = { userId: owner.userId, isWorkspaceAdmin: true };
    const csv = 'First,Last,Email,Phone,Address,Zip,Household ID,Birth Date\n'
      + 'Rosa,Rotate,rosa@example.org,510-555-0142,1 Main St,94601,H-7,1980-02-03\n'
      + 'Beto,Rotate,beto@example.org,,1 Main St,94601,H-7,\n'
      + 'Cata,Other,cata@example.org,,9 Oak Ave,94601,,\n';
    const { job, done } = await startContactImport(t.db, t.deps.box, actor, spaceId, { source: textSource(csv) });
    await done;
    expect(job.status).toBe('done');
    await owner.post(`/api/spaces/${spaceId}/people`, { name: 'Pia Person', languages: ['es'], contact: { email: 'pia@example.org' } });
    const effort = await t.db.insertInto('outreach_efforts').values({ space_id: spaceId, name: 'Doors', kind: 'canvass', script: JSON.stringify({ questions: [] }) }).returning('id').executeTakeFirstOrThrow();
    const attemptId = randomUUID();
    await t.db.insertInto('outreach_attempts').values({ id: attemptId, effort_id: effort.id, space_id: spaceId, result: 'talked', answers: '{}',
      notes_sealed: t.deps.box.seal('wants a house meeting', sealedPlace('outreach_attempts', 'notes_sealed', attemptId)), made_at: new Date() } as never).execute();
  });
  afterAll(async () => t?.close());

  it('moves people, contacts with their indexes and notes to the new key, households kept together', async () => {
    const before = await t.db.selectFrom('contacts').select(['first_name', 'household_key']).where('space_id', '=', spaceId).orderBy('first_name').execute();
    // Merge history keeps the kept contact's details as they were, sealed: it moves too.
    const [cata] = await t.db.selectFrom('contacts').select('id').where('first_name', '=', 'Cata').execute();
    await t.db.insertInto('contact_history').values({ contact_id: cata!.id, space_id: spaceId, action: 'absorbed', other_contact_id: null,
      before_sealed: t.deps.box.seal({ email: 'old.cata@example.org' }, contactDetailsPlace(cata!.id)), user_id: null, at: new Date() }).execute();
    const next = createSealedBox(randomBytes(32));
    const report = await rotateKey(t.db, t.deps.box, next);
    const history = await t.db.selectFrom('contact_history').select('before_sealed').where('contact_id', '=', cata!.id).executeTakeFirstOrThrow();
    expect(next.open(history.before_sealed!, contactDetailsPlace(cata!.id))).toEqual({ email: 'old.cata@example.org' });
    expect(report).toMatchObject({ contacts: 3, notes: 1, unreadable: 0 });
    expect(report.people).toBeGreaterThanOrEqual(1);
    const actor = { userId: owner.userId, isWorkspaceAdmin: true };
    // Every contact opens with the new key only, and is found again through its new blind indexes.
    for (const row of await t.db.selectFrom('contacts').select(['id', 'sealed']).where('space_id', '=', spaceId).execute()) {
      expect(() => next.open(row.sealed!, contactDetailsPlace(row.id))).not.toThrow();
      expect(() => t.deps.box.open(row.sealed!, contactDetailsPlace(row.id))).toThrow();
    }
    expect((await lookupContacts(t.db, next, actor, spaceId, { email: 'ROSA@example.org' })).map((c) => c.firstName)).toEqual(['Rosa']);
    expect((await lookupContacts(t.db, next, actor, spaceId, { phone: '(510) 555-0142' })).map((c) => c.firstName)).toEqual(['Rosa']);
    const after = await t.db.selectFrom('contacts').select(['first_name', 'household_key', 'birth_key']).where('space_id', '=', spaceId).orderBy('first_name').execute();
    const key = (rows: typeof before, name: string) => rows.find((r) => r.first_name === name)!.household_key;
    expect(key(after, 'Beto')).toBe(key(after, 'Rosa')); // one household id in the file: still one household
    expect(key(after, 'Cata')).not.toBe(key(after, 'Rosa'));
    expect(after.map((r) => r.household_key)).not.toEqual(before.map((r) => r.household_key));
    expect(after.find((r) => r.first_name === 'Rosa')!.birth_key).toBe(next.keyedHash('birth:1980-02-03', spaceId));
    // An address-only household is made again from the address: a later file's same address joins it.
    expect(key(after, 'Cata')).toBe(next.keyedHash('household:addr:9 oak ave|94601', spaceId));
    const note = await t.db.selectFrom('outreach_attempts').select(['id', 'notes_sealed']).executeTakeFirstOrThrow();
    expect(next.open(note.notes_sealed!, sealedPlace('outreach_attempts', 'notes_sealed', note.id))).toBe('wants a house meeting');
    const person = await t.db.selectFrom('people').select('id').where('space_id', '=', spaceId).executeTakeFirstOrThrow();
    expect(await readContact(t.db, next, actor, person.id)).toMatchObject({ email: 'pia@example.org' });
  });
});
