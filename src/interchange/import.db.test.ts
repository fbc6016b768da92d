import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signedIn, type TestApp, testApp } from '../../test/test-app.ts';

const ORGS_CSV = [
  'Org Name,Type,Issues,State,City,Capacities',
  'Miami Workers Center,Base-building group,Housing,FL,Miami,base: 800',
  'Tenant Research Lab,Research,,California,Oakland,Research',
  'Broken Row,church,Housing,ZZ,Nowhere,',
].join('\n');

describe.each(ENGINES)('CSV import and export on %s', (engine) => {
  let t: TestApp;
  let coordinator: Awaited<ReturnType<typeof signedIn>>;
  let alliance: { id: string; ownSpaceId: string };

  beforeAll(async () => {
    t = await testApp(engine);
    coordinator = await signedIn(t, 'coordinator@example.org', { admin: true });
    alliance = (await coordinator.post('/api/organizations', { organization: { name: 'Right to the City', kind: 'alliance' } })).json;
  });
  afterAll(async () => t?.close());

  async function runImport(entity: string, csv: string, importGoodRows = false) {
    const started = await coordinator.post(`/api/spaces/${alliance.ownSpaceId}/imports`, { entity, csv, importGoodRows });
    expect(started.status, started.text).toBe(202);
    for (let i = 0; i < 200; i++) {
      const job = (await coordinator.get(`/api/imports/${started.json.id}`)).json;
      if (['done', 'rejected', 'failed'].includes(job.status)) return job;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('import did not finish');
  }
  const count = async () => (await coordinator.get('/api/organizations?limit=1')).json.total as number;

  it('previews the mapping and names the row and column of every error', async () => {
    const res = await coordinator.post(`/api/spaces/${alliance.ownSpaceId}/imports/preview`, { entity: 'organizations', csv: ORGS_CSV });
    expect(res.status, res.text).toBe(200);
    expect(res.json.mapping).toMatchObject({ 'Org Name': 'name', Type: 'kind', Issues: 'issues', State: 'state', City: 'city' });
    expect(res.json.total).toBe(3);
    expect(res.json.errorCount).toBe(1);
    const bad = res.json.rows.find((r: { ok: boolean }) => !r.ok);
    expect(bad.rowNumber).toBe(4);
    expect(bad.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['Type', 'State']));
  });

  it('imports nothing from a file with bad rows unless asked to import the good ones', async () => {
    const before = await count();
    const rejected = await runImport('organizations', ORGS_CSV);
    expect(rejected.status).toBe('rejected');
    expect(rejected.counts).toMatchObject({ rejected: 1, skipped: 2, imported: 0 });
    expect(await count()).toBe(before);

    const done = await runImport('organizations', ORGS_CSV, true);
    expect(done.status).toBe('done');
    expect(done.counts).toMatchObject({ imported: 2, rejected: 1 });
    expect(done.processed).toBe(3);
    expect(await count()).toBe(before + 2);
    // The directory lists an entry; the whole imported record is on its profile.
    const found = (await coordinator.get('/api/organizations?q=Miami')).json.items[0];
    const miami = (await coordinator.get(`/api/organizations/${found.id}`)).json.organization;
    expect(miami).toMatchObject({ kind: 'base_building', issues: ['housing'], location: { stateFips: '12', city: 'Miami' }, capacities: [{ key: 'base', size: 800 }] });
  });

  it('changes nothing when the same file is imported again', async () => {
    const auditBefore = (await coordinator.get(`/api/spaces/${alliance.ownSpaceId}/audit?limit=500`)).json.length;
    const again = await runImport('organizations', ORGS_CSV, true);
    expect(again.counts).toMatchObject({ imported: 0, updated: 0, unchanged: 2 });
    const auditAfter = (await coordinator.get(`/api/spaces/${alliance.ownSpaceId}/audit?limit=500`)).json;
    // Only the import itself is logged, as it starts and as it ends: no record was written.
    expect(auditAfter.length).toBe(auditBefore + 2);
    expect(auditAfter.slice(0, 2).map((e: { action: string; entity: string }) => [e.action, e.entity])).toEqual([['import', 'organizations'], ['create', 'import_job']]);
  });

  it('imports memberships and people by name, with contact details sealed', async () => {
    const memberships = await runImport('memberships', 'Alliance,Member,Role\nRight to the City,Miami Workers Center,Anchor\n');
    expect(memberships.counts).toMatchObject({ imported: 1 });
    const page = (await coordinator.get(`/api/alliances/${alliance.id}`)).json;
    expect(page.members.map((m: { name: string; role: string }) => [m.name, m.role])).toEqual([['Miami Workers Center', 'anchor']]);

    const people = await runImport('people', 'VANID,FirstName,LastName,Email,Organization\n101,Rosa,Example,rosa@example.org,Miami Workers Center\n');
    expect(people.counts, JSON.stringify(people.rows)).toMatchObject({ imported: 1 });
    const sealed = await t.db.selectFrom('people').select('contact_sealed').where('name', '=', 'Rosa Example').executeTakeFirstOrThrow();
    expect(sealed.contact_sealed).not.toContain('rosa@');
    const unknownOrg = await coordinator.post(`/api/spaces/${alliance.ownSpaceId}/imports/preview`, { entity: 'memberships', csv: 'Alliance,Member\nRight to the City,Nobody Here\n' });
    expect(unknownOrg.json.rows[0].errors).toEqual([{ field: 'memberName', message: 'no organization called "Nobody Here"' }]);
  });

  it('exports CSV that imports back unchanged, and Popolo JSON', async () => {
    const csv = await coordinator.get(`/api/spaces/${alliance.ownSpaceId}/export?format=csv&entity=organizations`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text.split('\n')[0]).toContain('externalId,name,shortName,kind');
    const back = await runImport('organizations', csv.text);
    expect(back.status).toBe('done');
    expect(back.counts.imported + back.counts.updated).toBe(0);

    const popolo = (await coordinator.get(`/api/spaces/${alliance.ownSpaceId}/export?format=popolo`)).json;
    expect(popolo.organizations.map((o: { name: string }) => o.name)).toEqual(expect.arrayContaining(['Right to the City', 'Miami Workers Center']));
    const orgMembership = popolo.memberships.find((m: { member?: { id: string } }) => m.member);
    expect(orgMembership.organization_id).toBe(alliance.id);
    expect(popolo.areas.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining(['12', '06']));
    expect(JSON.stringify(popolo)).not.toContain('rosa@example.org');
  });

  it('rejects a malformed file and an unknown column mapping with clear errors', async () => {
    const malformed = await coordinator.post(`/api/spaces/${alliance.ownSpaceId}/imports/preview`, { entity: 'organizations', csv: 'name,kind\n"unclosed,union\n' });
    expect(malformed.status).toBe(422);
    expect(malformed.json.errors[0].field).toBe('csv');
    expect(malformed.json.errors[0].message).toMatch(/line/);
    const badMapping = await coordinator.post(`/api/spaces/${alliance.ownSpaceId}/imports/preview`, { entity: 'organizations', csv: 'name,kind\nX,union\n', mapping: { name: 'name', kind: 'colour' } });
    expect(badMapping.status).toBe(422);
    expect(badMapping.json.errors[0].field).toBe('mapping.kind');
  });
});
