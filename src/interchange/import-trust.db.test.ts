import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '../memberships/membership.service.ts';
import { createOrganization } from '../orgs/organization.service.ts';
import type { Actor } from '../spaces/access.ts';
import { ENGINES, signedIn, type TestApp, testApp } from '../../test/test-app.ts';
import { logChanges } from './import-undo.repository.ts';
import { recoverInterruptedImports } from './import-undo.service.ts';
import { startImport } from './import.service.ts';

// Imports that are all or nothing even though they commit a batch at a time: a failure half-way
// through writing, or a server that stops, takes back everything the import wrote; a big file
// works and reports true counts; the rest of the app keeps answering meanwhile.

const BLANK = { sectors: [], issues: [], constituencies: [], capacities: [], location: {} };

describe.each(ENGINES)('imports that can be trusted on %s', (engine) => {
  let t: TestApp;
  let coordinator: Awaited<ReturnType<typeof signedIn>>;
  let actor: Actor;
  let alliance: { id: string; ownSpaceId: string };
  beforeAll(async () => {
    t = await testApp(engine);
    coordinator = await signedIn(t, 'trust-import@example.org', { admin: true });
    actor = { userId: coordinator.userId, isWorkspaceAdmin: true };
    alliance = (await coordinator.post('/api/organizations', { organization: { name: 'Trust Alliance', kind: 'alliance' } })).json;
  });
  afterAll(async () => t?.close());

  const orgNames = async () => (await t.db.selectFrom('organizations').select('name').where('space_id', '=', alliance.ownSpaceId).execute()).map((o) => o.name);

  it('takes back every committed batch when a row fails half-way through writing', async () => {
    const inner = await createOrganization(t.db, actor, null, { ...BLANK, name: 'Inner Alliance', kind: 'alliance' });
    const x = await createOrganization(t.db, actor, alliance.ownSpaceId, { ...BLANK, name: 'Member X', kind: 'union' });
    await createOrganization(t.db, actor, alliance.ownSpaceId, { ...BLANK, name: 'Member Y', kind: 'union' });
    const xMembership = await addMember(t.db, actor, alliance.id, { memberId: x.id, role: 'member', status: 'active' });
    await addMember(t.db, actor, alliance.id, { memberId: inner.id, role: 'member', status: 'active' });
    const csv = ['allianceName,memberName,role',
      'Trust Alliance,Member X,anchor', // an update, taken back later
      'Trust Alliance,Member Y,member', // a new membership, taken back later
      'Inner Alliance,Trust Alliance,member', // a cycle: found only when written, in the second batch
    ].join('\n');
    const { job, done } = await startImport(t.db, t.deps.box, actor, alliance.ownSpaceId, { entity: 'memberships', csv, importGoodRows: false, batchSize: 2 });
    await done;
    expect(job.status).toBe('failed');
    expect(job.counts).toMatchObject({ imported: 0, updated: 0, unchanged: 0, skipped: 3 });
    const membership = await t.db.selectFrom('memberships').select(['role']).where('id', '=', xMembership.id).executeTakeFirstOrThrow();
    expect(membership.role).toBe('member');
    const memberships = await t.db.selectFrom('memberships').select('member_id').where('alliance_id', '=', alliance.id).execute();
    expect(memberships).toHaveLength(2);
    expect(await t.db.selectFrom('import_job_changes').select('id').where('job_id', '=', job.id).execute()).toEqual([]);
    const stored = (await coordinator.get(`/api/imports/${job.id}`)).json;
    expect(stored.status).toBe('failed');
  });

  it('takes back what an import wrote before the server stopped, at the next start', async () => {
    let release!: () => void;
    const never = new Promise<void>((resolve) => { release = resolve; });
    let opened = 0;
    // The second pass hangs after its first rows, as if the process had been killed there
    // (a CSV reader holds a chunk's last line until the next chunk: three lines give two rows).
    const source = () => (async function* () {
      opened += 1;
      yield Buffer.from('name,kind\nCut Off One,union\nCut Off Two,union\nCut Off Three,union\n');
      if (opened > 2) {
        await never; // opened once for the header, once to check, then to write
        throw new Error('the process is gone'); // released at the end: the job ends instead of running on after the test
      }
      yield Buffer.from('Cut Off Four,union\n');
    })();
    const { job, done } = await startImport(t.db, t.deps.box, actor, alliance.ownSpaceId, { entity: 'organizations', source, importGoodRows: false, batchSize: 2 });
    for (let i = 0; i < 200 && !(job.status === 'writing' && job.processed >= 2); i++) await new Promise((r) => setTimeout(r, 10));
    expect(job.processed).toBe(2);
    expect(await orgNames()).toEqual(expect.arrayContaining(['Cut Off One', 'Cut Off Two']));
    // While the job is alive, nobody takes it back; once it has given no sign of life for a while, the server does.
    expect(await recoverInterruptedImports(t.db)).toBe(0);
    expect(await recoverInterruptedImports(t.db, 0)).toBe(1);
    expect(await orgNames()).not.toEqual(expect.arrayContaining(['Cut Off One']));
    const row = await t.db.selectFrom('import_jobs').select(['status', 'report']).where('id', '=', job.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(JSON.stringify(row.report)).toContain('Start the import again');
    release();
    await done;
  });

  it('takes back what it can when records changed meanwhile, and never stops the server over the rest', async () => {
    const org = await createOrganization(t.db, actor, alliance.ownSpaceId, { ...BLANK, name: 'Deleted Meanwhile', kind: 'union' });
    const job = await t.db.insertInto('import_jobs').values({ space_id: alliance.ownSpaceId, user_id: actor.userId, entity: 'people', status: 'running', total: 2, report: 'null' })
      .returning('id').executeTakeFirstOrThrow();
    const person = (await coordinator.post(`/api/spaces/${alliance.ownSpaceId}/people`, { name: 'Changed By Import', languages: ['es'] })).json;
    // The import had updated this person (before: an affiliation to an organization since deleted) and an organization since deleted.
    await logChanges(t.db, job.id, [
      { entity: 'organizations', recordId: org.id, action: 'updated', before: { ...BLANK, name: 'Old Name', kind: 'union' } },
      { entity: 'people', recordId: person.id, action: 'updated', before: { spaceId: alliance.ownSpaceId, name: 'Before The Import', languages: ['en'],
        contactSealed: null, emailHash: null, affiliations: [{ organizationId: org.id, role: 'staff' }] } },
    ]);
    await t.db.deleteFrom('organizations').where('id', '=', org.id).execute();
    expect(await recoverInterruptedImports(t.db, 0)).toBe(1);
    const stored = await t.db.selectFrom('import_jobs').select(['status', 'report']).where('id', '=', job.id).executeTakeFirstOrThrow();
    expect(stored.status).toBe('failed');
    expect(JSON.stringify(stored.report)).toContain('except 1 records');
    // The person could not get back an affiliation to an organization that is gone: left as it is.
    expect((await t.db.selectFrom('people').select('name').where('id', '=', person.id).executeTakeFirstOrThrow()).name).toBe('Changed By Import');
  });

  it('imports a file past ten thousand rows with true counts, and answers other requests while it writes', async () => {
    const rows = 11_000;
    const source = () => Readable.from((function* () {
      yield 'name,kind\n';
      for (let i = 0; i < rows; i += 1000) yield Array.from({ length: Math.min(1000, rows - i) }, (_, j) => `Big File Org ${i + j},union`).join('\n') + '\n';
    })());
    const { job, done } = await startImport(t.db, t.deps.box, actor, alliance.ownSpaceId, { entity: 'organizations', source, importGoodRows: false });
    let answered = 0;
    while (job.status !== 'done' && job.status !== 'failed') {
      const health = await t.app.request('http://crossroads.test/api/health');
      if (health.status === 200 && job.status === 'writing') answered += 1;
      await new Promise((r) => setTimeout(r, 20));
    }
    await done;
    expect(job.message).toBeUndefined();
    expect(job.status).toBe('done');
    expect(job.counts).toMatchObject({ imported: rows, rejected: 0 });
    expect(answered).toBeGreaterThan(2);
    expect((await orgNames()).filter((n) => n.startsWith('Big File Org'))).toHaveLength(rows);
    // Each created organization has its audit entry, and the finished import leaves no undo log.
    const audited = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('entity', '=', 'organization').where('action', '=', 'create').where('space_id', '=', alliance.ownSpaceId).executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBeGreaterThanOrEqual(rows);
    expect(await t.db.selectFrom('import_job_changes').select('id').where('job_id', '=', job.id).execute()).toEqual([]);
  }, 300_000);
});
