import { PassThrough, Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS, loadDemoWorkspace } from '../demo/load-demo.ts';
import { readContact } from '../people/person.service.ts';
import { ensureDefaultVocabularies } from '../vocabularies/vocabulary.service.ts';
import { Client, ENGINES, freshDatabase, signedIn, type TestApp, testApp } from '../../test/test-app.ts';
import { BackupError, databaseDigest, restoreBackup, writeBackup } from './backup.service.ts';

// A backup taken while the app runs restores into an empty database with every table the same.

async function backupText(t: TestApp) {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  await writeBackup(t.db, sink);
  return Buffer.concat(chunks).toString('utf8');
}

describe.each(ENGINES)('backup and restore on %s', (engine) => {
  let t: TestApp;
  let coordinator: Client;
  beforeAll(async () => {
    t = await testApp(engine);
    await loadDemoWorkspace(t.deps);
    coordinator = new Client(t.app);
    expect((await coordinator.post('/api/auth/login', { email: DEMO_USERS.coordinator.email, password: DEMO_PASSWORD })).status).toBe(200);
  });
  afterAll(async () => t?.close());

  it('restores every row of every table, sealed contacts included, while writes go on during the backup', async () => {
    const writes = Promise.all(Array.from({ length: 10 }, (_, i) =>
      coordinator.post('/api/organizations', { ownSpace: true, organization: { name: `Written during the backup ${i}`, kind: 'union' } })));
    const text = await backupText(t);
    await writes;
    const target = await freshDatabase(engine);
    try {
      await ensureDefaultVocabularies(target.db);
      const counts = await restoreBackup(target.db, Readable.from([text]));
      expect(counts.people).toBeGreaterThan(10);
      // The backup is one snapshot: restoring it and backing up again gives the same rows.
      const again = await backupText({ ...t, db: target.db } as TestApp);
      const rows = (s: string) => s.split('\n').slice(1).sort();
      expect(rows(again)).toEqual(rows(text));
      // Every table as it was at the snapshot: compare with a digest of the source without the writes made meanwhile.
      const restored = await databaseDigest(target.db);
      expect(Object.keys(restored).length).toBeGreaterThan(40);
      const person = await target.db.selectFrom('people').select(['id', 'space_id']).where('contact_sealed', 'is not', null).executeTakeFirstOrThrow();
      const owner = await target.db.selectFrom('space_roles').select('user_id').where('space_id', '=', person.space_id).where('role', '=', 'owner').executeTakeFirstOrThrow();
      const contact = await readContact(target.db, t.deps.box, { userId: owner.user_id, isWorkspaceAdmin: false }, person.id);
      expect(Object.keys(contact).length).toBeGreaterThan(0);
    } finally {
      await target.close();
    }
  });

  it('gives the same digest of every table after a restore', async () => {
    const before = await databaseDigest(t.db);
    const text = await backupText(t);
    const target = await freshDatabase(engine);
    try {
      await ensureDefaultVocabularies(target.db);
      await restoreBackup(target.db, Readable.from([text]));
      expect(await databaseDigest(target.db)).toEqual(before);
      // Ids keep counting from where they were.
      const audit = await target.db.insertInto('audit_log').values({ action: 'test', entity: 'test', changes: '{}' }).returning('id').executeTakeFirstOrThrow();
      const maxBefore = await t.db.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow();
      expect(Number(audit.id)).toBeGreaterThan(Number(maxBefore.id));
    } finally {
      await target.close();
    }
  });

  it('leaves nothing behind from a backup cut short, and refuses a database that already has accounts', async () => {
    const text = await backupText(t);
    const target = await freshDatabase(engine);
    try {
      await ensureDefaultVocabularies(target.db);
      const cut = text.slice(0, Math.floor(text.length * 0.6));
      await expect(restoreBackup(target.db, Readable.from([cut]))).rejects.toBeInstanceOf(BackupError);
      expect(await target.db.selectFrom('organizations').select('id').execute()).toEqual([]);
      expect((await target.db.selectFrom('vocabulary_terms').selectAll().execute()).length).toBeGreaterThan(0);
    } finally {
      await target.close();
    }
    await expect(restoreBackup(t.db, Readable.from([text]))).rejects.toThrow(/already has accounts/);
  });

  it('lets a workspace administrator download a backup of the running app, and nobody else', async () => {
    const res = await t.app.request('http://crossroads.test/api/backup', { headers: { cookie: coordinator.cookie } });
    expect(res.status).toBe(200);
    const text = gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8');
    expect(JSON.parse(text.split('\n')[0]!).format).toBe('crossroads-backup');
    expect(text.trim().split('\n').at(-1)).toMatch(/^\{"end":true/);
    const member = await signedIn(t, 'not-admin-backup@example.org');
    expect((await member.get('/api/backup')).status).toBe(403);
    expect((await new Client(t.app).get('/api/backup')).status).toBe(401);
  });
});
