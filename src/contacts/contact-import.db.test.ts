import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signedIn, type TestApp, testApp } from '../../test/test-app.ts';
import { recoverInterruptedImports } from '../interchange/import-undo.service.ts';
import { createOrganization } from '../orgs/organization.service.ts';
import type { Actor } from '../spaces/access.ts';
import { startContactImport, textSource } from './contact-import.service.ts';
import { contactDetailsPlace } from './contact-sealing.ts';

// The OSDI sample file (11,540 fictional people in 5,680 households, with 8,780 distinct emails:
// 2,255 emails are each shared by two or three different people — some with the same name, even
// at the same address, but born on other days) must import as it is: every row a contact, nobody
// merged because they share an email.
const SAMPLE = path.resolve(process.cwd(), '../shared/conformance/osdi/sample_data/fake_data.csv');

describe.each(ENGINES)('contact imports on %s', (engine) => {
  let t: TestApp;
  let actor: Actor;
  let spaceId: string;
  let owner: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    t = await testApp(engine);
    owner = await signedIn(t, 'base@example.org', { admin: true });
    actor = { userId: owner.userId, isWorkspaceAdmin: true };
    const org = await createOrganization(t.db, actor, null, { name: 'Base Builders', kind: 'base_building', sectors: [], issues: [], constituencies: [], capacities: [], location: {} }, { ownSpace: true });
    spaceId = org.ownSpaceId!;
  });
  afterAll(async () => t?.close());

  const count = async () => Number((await t.db.selectFrom('contacts').select((eb) => eb.fn.countAll().as('n')).where('space_id', '=', spaceId).executeTakeFirstOrThrow()).n);

  it.skipIf(!existsSync(SAMPLE))('imports the OSDI sample file as it is, and a second time changes nothing', async () => {
    const source = () => createReadStream(SAMPLE);
    // Read and sealed on a worker thread, as a big file is.
    const { job, done } = await startContactImport(t.db, t.deps.box, actor, spaceId, { source, file: SAMPLE, worker: true });
    await done;
    expect(job.status).toBe('done');
    expect(job.total).toBe(11_540);
    expect(job.counts).toMatchObject({ imported: 11_540, rejected: 0, skipped: 0, unchanged: 0 });
    // Every row whose email an earlier row holds (11,540 − 8,780) is listed for review — and nobody merged.
    expect(job.possibleDuplicates).toBe(2_760);
    expect(await count()).toBe(11_540);
    const households = await t.db.selectFrom('contacts').select((eb) => eb.fn.count('household_key').distinct().as('n')).where('space_id', '=', spaceId).executeTakeFirstOrThrow();
    expect(Number(households.n)).toBe(5_680);
    // Emails sit sealed; the blind index finds both people who share one.
    const row = await t.db.selectFrom('contacts').selectAll().where('space_id', '=', spaceId).where('last_name', '=', 'Woodard').where('first_name', '=', 'Lawrence').executeTakeFirstOrThrow();
    expect(row.sealed).not.toContain('lawrence');
    expect(t.deps.box.open(row.sealed!, contactDetailsPlace(row.id))).toMatchObject({ email: 'lawrence.woodard@fake.osdi.info', street: '401 I St. SW', birthDate: '1976-02-03', middleName: 'J' });
    expect(row).toMatchObject({ zip: '20024', state_fips: '11', birth_year: 1976, city: 'Washington' });
    const carters = await t.db.selectFrom('contacts').select('id').where('email_hash', '=', t.deps.box.keyedHash('email:joshua.carter@fake.osdi.info', spaceId)).execute();
    expect(carters).toHaveLength(2);

    const again = await startContactImport(t.db, t.deps.box, actor, spaceId, { source });
    await again.done;
    expect(again.job.counts).toMatchObject({ imported: 0, unchanged: 11_540 });
    expect(await count()).toBe(11_540);
  }, 300_000);

  it('writes a person once when the file holds them twice, and names the earlier row', async () => {
    const csv = ['First Name,Last Name,Email,Phone,Tags',
      'Ana,Núñez,ana.nunez@example.org,(510) 555-0123,volunteer',
      'Ana,Nuñez,ANA.NUNEZ@example.org ,,',
      'Ana,Núñez,other@example.org,510.555.0123,',
      'Beto,Núñez,,510 555 0123,'].join('\n');
    const { job, done } = await startContactImport(t.db, t.deps.box, actor, spaceId, { source: textSource(csv) });
    await done;
    expect(job.counts).toMatchObject({ imported: 2, skipped: 2 });
    expect(job.rows.find((r) => r.rowNumber === 3)).toMatchObject({ outcome: 'skipped', duplicateOf: { row: 2, by: 'email', samePerson: true } });
    expect(job.rows.find((r) => r.rowNumber === 4)).toMatchObject({ outcome: 'skipped', duplicateOf: { row: 2, by: 'phone' } });
    const possible = job.rows.find((r) => r.rowNumber === 5)!;
    expect(possible).toMatchObject({ outcome: 'imported', duplicateOf: { row: 2, by: 'phone', samePerson: false } });
    // A person reviewing the report decides they are one person after all: the merge keeps both rows' history.
    const merged = await owner.post(`/api/contacts/${possible.duplicateOf!.contactId}/merge`, { duplicateId: possible.id });
    expect(merged.status).toBe(200);
    expect(merged.json.history).toEqual([expect.objectContaining({ action: 'absorbed', otherContactId: possible.id })]);
    expect((await owner.get(`/api/contacts/${possible.id}`)).status).toBe(404);
    const tags = await t.db.selectFrom('contact_tags').select('name').where('space_id', '=', spaceId).execute();
    expect(tags.map((x) => x.name)).toContain('volunteer');
  });

  it('keeps every character of a big batch as it was: tabs, backslashes, quotes, braces, accents, emoji', async () => {
    const odd = 'Zoë\\ "Q" {x}, y\tz 🌱';
    const rows = Array.from({ length: 250 }, (_, i) => `"${odd.replace(/"/g, '""')} ${i}",Oddity,"a\\b;{c};""d"";N${i}"`);
    const { job, done } = await startContactImport(t.db, t.deps.box, actor, spaceId, { source: textSource(['First,Last,Tags', ...rows].join('\n')) });
    await done;
    expect(job.counts.imported).toBe(250);
    const row = await t.db.selectFrom('contacts').select(['first_name', 'tags']).where('space_id', '=', spaceId).where('first_name', '=', `${odd} 7`).executeTakeFirstOrThrow();
    expect(row).toEqual({ first_name: `${odd} 7`, tags: ['a\\b', '{c}', '"d"', 'N7'] });
  });

  it('reads a file saved by Excel on Windows (Windows-1252), whose first accent comes after the first chunk', async () => {
    const rows = [...Array.from({ length: 3000 }, (_, i) => `Ana${i},Lee,ana${i}@example.org`), 'José,Peña,jose@example.org', 'Zoë,O’Brien,zoe@example.org'];
    const bytes = Uint8Array.from(['First,Last,Email', ...rows].join('\r\n'), (c) => (c === '’' ? 0x92 : c.charCodeAt(0)));
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    // Read a chunk at a time, as from a file on disk.
    const source = async function* () { for (let i = 0; i < bytes.length; i += 16 * 1024) yield Buffer.from(bytes.subarray(i, i + 16 * 1024)); };
    const { job, done } = await startContactImport(t.db, t.deps.box, actor, spaceId, { source });
    await done;
    expect(job.counts.imported).toBe(3002);
    const names = await t.db.selectFrom('contacts').select(['first_name', 'last_name']).where('space_id', '=', spaceId).where('first_name', 'in', ['José', 'Zoë']).orderBy('first_name').execute();
    expect(names).toEqual([{ first_name: 'José', last_name: 'Peña' }, { first_name: 'Zoë', last_name: 'O’Brien' }]);
  });

  it('imports nothing from a file with a bad row, naming its row and column, unless told to take the good rows', async () => {
    const before = await count();
    const csv = ['first_name,last_name,email,zip_code,can2_state_abbreviated', 'Rosa,Parks,rosa@example.org,35203,AL', 'Bad,Row,not-an-email,352,ZZ', 'Luz,Ortiz,luz@example.org,2139,MA'].join('\n');
    const first = await startContactImport(t.db, t.deps.box, actor, spaceId, { source: textSource(csv), text: csv, worker: true });
    await first.done;
    expect(first.job.status).toBe('rejected');
    expect(first.job.rows).toEqual([{ rowNumber: 3, outcome: 'rejected', errors: [
      { field: 'email', message: 'not an email address' },
      { field: 'can2_state_abbreviated', message: 'not a US state or territory' },
      { field: 'zip_code', message: 'not a ZIP code (5 digits, or ZIP+4)' },
    ] }]);
    expect(await count()).toBe(before);
    const second = await startContactImport(t.db, t.deps.box, actor, spaceId, { source: textSource(csv), goodRows: true });
    await second.done;
    expect(second.job.counts).toMatchObject({ imported: 2, rejected: 1 });
    const luz = await t.db.selectFrom('contacts').select(['zip', 'state_fips']).where('space_id', '=', spaceId).where('first_name', '=', 'Luz').executeTakeFirstOrThrow();
    expect(luz).toEqual({ zip: '02139', state_fips: '25' });
  });

  it('leaves no new tag behind after a trial run, and keeps the tags contacts carry', async () => {
    const tags = async () => (await t.db.selectFrom('contact_tags').select('name').where('space_id', '=', spaceId).execute()).map((r) => r.name);
    const csv = 'first_name,last_name,tags\nTrial,Person,"brand-new-trial-tag;N7"\n';
    const trial = await startContactImport(t.db, t.deps.box, actor, spaceId, { source: textSource(csv), dryRun: true });
    await trial.done;
    expect(trial.job.counts.imported).toBe(1);
    expect(await tags()).not.toContain('brand-new-trial-tag');
    expect(await tags()).toContain('N7');
  });

  it('leaves nothing behind when the process dies half-way, once the server takes the import back', async () => {
    const before = await count();
    const rows = Array.from({ length: 3000 }, (_, i) => `Person${i},Halfway,p${i}@halfway.example`);
    const csv = ['First,Last,Email', ...rows].join('\n');
    // A source that stops the import (its second reading, after the header's) once two batches
    // were written.
    let reads = 0;
    const dying = () => {
      reads += 1;
      const writing = reads >= 2;
      return (async function* () {
        yield Buffer.from(writing ? ['First,Last,Email', ...rows.slice(0, 2500)].join('\n') + '\n' : csv);
        if (writing) await new Promise(() => {}); // never ends: the process "died" here
      })();
    };
    void startContactImport(t.db, t.deps.box, actor, spaceId, { source: dying, batchSize: 1000 });
    for (let i = 0; i < 200 && (await t.db.selectFrom('contacts').select('id').where('last_name', '=', 'Halfway').execute()).length < 2000; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await t.db.selectFrom('contacts').select('id').where('last_name', '=', 'Halfway').execute()).length).toBe(2000);
    // One import at a time in a space: a second would match rows the first may take back.
    await expect(startContactImport(t.db, t.deps.box, actor, spaceId, { source: textSource('first,last\nOther,Import') })).rejects.toMatchObject({ status: 409 });
    // Hidden while the import runs: nobody sees half a file.
    const listed = await owner.get(`/api/spaces/${spaceId}/contacts?q=Halfway`);
    expect(listed.json.total).toBe(0);
    expect(await recoverInterruptedImports(t.db, 0)).toBeGreaterThanOrEqual(1);
    expect(await count()).toBe(before);
  });
});
