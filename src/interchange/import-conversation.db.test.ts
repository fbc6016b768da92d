import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signedIn, type TestApp, testApp } from '../../test/test-app.ts';

// A member list as coordinators keep it: a byte-order mark, Windows line ends, accents, no
// "kind" column, words of their own for issues, dates day first, a near-duplicate row, an
// organization another space already holds, an impossible date and an accented email.
const MESSY = '\uFEFF' + [
  'Organization,Issues,Focus,State,City,Founded,Email,Member Since',
  'Mothers on the Move,"labor; immigrant",Immigrants,NY,Bronx,03/04/1992,info@mom.example.org,2001',
  'mothers on the MOVE,Housing,,NY,Bronx,,,2001',
  'Make the Road New York,"tax and fiscal; Housing",Latino,NY,Brooklyn,15/06/1997,josé@maketheroad.example.org,2005',
  'Desis Rising Up and Moving,Housing,,NY,Queens,31/31/2020,,2010',
  'Comité de Jornaleros,Housing,Day laborers,NY,Queens,2009,maría@jornaleros.example.org,2012',
].join('\r\n');

describe.each(ENGINES)('the import conversation on %s', (engine) => {
  let t: TestApp;
  let coordinator: Awaited<ReturnType<typeof signedIn>>;
  let alliance: { id: string; ownSpaceId: string };
  let elsewhere: { id: string; spaceId: string };

  beforeAll(async () => {
    t = await testApp(engine);
    coordinator = await signedIn(t, 'coordinator@example.org', { admin: true });
    alliance = (await coordinator.post('/api/organizations', { organization: { name: 'Right to the City', kind: 'alliance' } })).json;
    elsewhere = (await coordinator.post('/api/organizations', { organization: { name: 'Make the Road New York', kind: 'base_building' }, ownSpace: true })).json;
    expect(elsewhere.id).toBeTruthy();
  });
  afterAll(async () => t?.close());

  const preview = async (body: Record<string, unknown>) => {
    const res = await coordinator.post(`/api/spaces/${alliance.ownSpaceId}/imports/preview`, { entity: 'organizations', csv: MESSY, ...body });
    expect(res.status, res.text).toBe(200);
    return res.json;
  };
  async function runImport(body: Record<string, unknown>) {
    const started = await coordinator.post(`/api/spaces/${alliance.ownSpaceId}/imports`, { entity: 'organizations', csv: MESSY, ...body });
    expect(started.status, started.text).toBe(202);
    for (let i = 0; i < 400; i++) {
      const job = (await coordinator.get(`/api/imports/${started.json.id}`)).json;
      if (['done', 'rejected', 'failed'].includes(job.status)) return job;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('import did not finish');
  }
  const named = async (q: string) => (await coordinator.get(`/api/organizations?q=${encodeURIComponent(q)}&limit=50`)).json.items as { id: string; name: string }[];

  it('asks about everything it cannot take as it is, and changes nothing', async () => {
    const p = await preview({});
    expect(p.total).toBe(5);
    expect(p.missing).toEqual(['kind']);
    expect(p.choices.kind.map((c: { key: string }) => c.key)).toContain('base_building');
    // Words of the coordinator's own, each with the term it probably means.
    const unknown = Object.fromEntries(p.unknownValues.map((u: { value: string; suggestion: string | null }) => [u.value, u.suggestion]));
    expect(unknown).toMatchObject({ labor: 'workers_rights', immigrant: 'immigrant_rights', 'tax and fiscal': 'tax_fiscal_reform' });
    // 15/06/1997 says the file writes the day first; 03/04/1992 could be read either way.
    expect(p.dates).toMatchObject({ ambiguous: 1, examples: ['03/04/1992'], evidence: { order: 'dmy', value: '15/06/1997' }, order: null });
    // The near-duplicate row and the organization another space holds are questions, not merges.
    const byRow = Object.fromEntries(p.duplicates.map((d: { rowNumber: number }) => [d.rowNumber, d]));
    expect(byRow[3]).toMatchObject({ name: 'mothers on the MOVE', matches: [{ kind: 'row', rowNumber: 2, name: 'Mothers on the Move' }], mergeInto: { row: 2 } });
    expect(byRow[4]).toMatchObject({ matches: [{ kind: 'record', id: elsewhere.id, sameSpace: false }], mergeInto: null });
    // An impossible date is named with its row and column; the accented emails are fine.
    const desis = p.rows.find((r: { rowNumber: number }) => r.rowNumber === 5);
    expect(desis.errors).toContainEqual({ field: 'Founded', message: '"31/31/2020" is not a date: use YYYY, YYYY-MM, YYYY-MM-DD, MM/DD/YYYY or DD/MM/YYYY' });
    expect(JSON.stringify(p.rows)).not.toContain('Email');

    const job = await runImport({});
    expect(job.status).toBe('rejected');
    expect(await named('Mothers on the Move')).toHaveLength(0);
  });

  it('answers in Spanish to a Spanish reader', async () => {
    const res = await coordinator.request('POST', `/api/spaces/${alliance.ownSpaceId}/imports/preview`, { entity: 'organizations', csv: MESSY }, { 'accept-language': 'es' });
    const row3 = res.json.rows.find((r: { rowNumber: number }) => r.rowNumber === 3);
    expect(row3.errors.find((e: { code?: string }) => e.code === 'duplicate').message).toBe('puede ser la misma organización que la fila 2 ("Mothers on the Move"): elija combinar, conservar ambas u omitir');
  });

  it('imports the file as the person decided, and only so', async () => {
    const decisions = {
      defaults: { kind: 'base_building' },
      values: { issues: { labor: 'workers_rights', immigrant: 'immigrant_rights', 'tax and fiscal': null } },
      dateOrder: 'dmy',
      duplicates: { 3: 'merge', 4: 'skip' },
    };
    const p = await preview({ decisions });
    expect(p.unknownValues).toEqual([]);
    expect(p.dates.ambiguous).toBe(0);
    expect(p.rows.filter((r: { ok: boolean }) => !r.ok).map((r: { rowNumber: number }) => r.rowNumber)).toEqual([5]);

    const job = await runImport({ decisions, importGoodRows: true });
    expect(job.status, job.message).toBe('done');
    expect(job.counts).toMatchObject({ imported: 2, updated: 1, skipped: 1, rejected: 1 });

    const mothers = await named('Mothers on the Move');
    expect(mothers.map((o) => o.name)).toEqual(['Mothers on the Move']);
    const record = (await coordinator.get(`/api/organizations/${mothers[0]!.id}`)).json.organization;
    expect(record).toMatchObject({ kind: 'base_building', foundedOn: '1992-04-03', issues: ['workers_rights', 'immigrant_rights', 'housing'] });
    // Make the Road stays the one record another space holds.
    expect((await named('Make the Road')).map((o) => o.id)).toEqual([elsewhere.id]);
    const comite = (await named('Comité de Jornaleros'))[0]!;
    expect((await coordinator.get(`/api/organizations/${comite.id}`)).json.organization.email).toBe('maría@jornaleros.example.org');
  });

  it('puts the answers forward again for the next file with the same columns, and maps it as the last one', async () => {
    const reordered = MESSY.replace('Organization,Issues,Focus,State,City,Founded,Email,Member Since', 'Organization,Issues,Focus,State,City,Founded,EMAIL,Member Since');
    const p = await preview({ csv: reordered });
    expect(p.remembered.decisions).toEqual({
      defaults: { kind: 'base_building' }, values: { issues: { labor: 'workers_rights', immigrant: 'immigrant_rights', 'tax and fiscal': null } }, dateOrder: 'dmy',
    });
    // Put forward, not applied: until the person sends them, the questions stand.
    expect(p.missing).toEqual(['kind']);
    // A mapping the person changed is the one used next time.
    const started = await coordinator.post(`/api/spaces/${alliance.ownSpaceId}/imports`, { entity: 'organizations', csv: 'Organization,Type,Focus\nNew Tenants Group,union,Tenants\n', mapping: { Organization: 'name', Type: 'kind', Focus: null } });
    expect(started.status).toBe(202);
    for (let i = 0; i < 200 && (await coordinator.get(`/api/imports/${started.json.id}`)).json.status !== 'done'; i++) await new Promise((r) => setTimeout(r, 25));
    const next = await coordinator.post(`/api/spaces/${alliance.ownSpaceId}/imports/preview`, { entity: 'organizations', csv: 'focus,TYPE,Organization\nOther Group,union,Youth\n' });
    expect(next.json.mapping).toEqual({ focus: null, TYPE: 'kind', Organization: 'name' });
  });

  it('refuses to keep twice two rows with one external id', async () => {
    const csv = 'Name,Kind,External ID\nAcme Union,union,x-1\nAcme Workers,union,x-1\n';
    const ask = async (decision: string) => (await coordinator.post(`/api/spaces/${alliance.ownSpaceId}/imports/preview`,
      { entity: 'organizations', csv, decisions: { duplicates: { 3: decision } } })).json;
    const kept = await ask('keepBoth');
    expect(kept.duplicates[0]).toMatchObject({ rowNumber: 3, sameId: true, mergeInto: { row: 2 } });
    expect(kept.rows[1].errors).toEqual([{ field: 'Name', code: 'duplicate', message: 'has the same external id as row 2: one record cannot be kept twice; choose merge or skip' }]);
    expect((await ask('merge')).errorCount).toBe(0);
  });

  it('refuses a merge into a record of another space', async () => {
    const p = await preview({ decisions: { defaults: { kind: 'base_building' }, dateOrder: 'dmy', duplicates: { 4: 'merge' } } });
    const row4 = p.rows.find((r: { rowNumber: number }) => r.rowNumber === 4);
    expect(row4.errors).toContainEqual(expect.objectContaining({ code: 'duplicate', message: '"Make the Road New York" is in another space: it cannot be merged from here; choose keep both or skip' }));
  });

  it('re-importing the same file asks nothing about rows that are plainly its records', async () => {
    const csv = 'Name,Kind\nUnique Tenants Union,union\n';
    const first = await coordinator.post(`/api/spaces/${alliance.ownSpaceId}/imports/preview`, { entity: 'organizations', csv });
    expect(first.json.duplicates).toEqual([]);
    const started = await coordinator.post(`/api/spaces/${alliance.ownSpaceId}/imports`, { entity: 'organizations', csv });
    expect(started.status).toBe(202);
    for (let i = 0; i < 200 && (await coordinator.get(`/api/imports/${started.json.id}`)).json.status !== 'done'; i++) await new Promise((r) => setTimeout(r, 25));
    const again = await coordinator.post(`/api/spaces/${alliance.ownSpaceId}/imports/preview`, { entity: 'organizations', csv });
    expect(again.json.duplicates).toEqual([]);
    const near = await coordinator.post(`/api/spaces/${alliance.ownSpaceId}/imports/preview`, { entity: 'organizations', csv: 'Name,Kind\nUNIQUE tenants union,union\n' });
    expect(near.json.duplicates[0]).toMatchObject({ matches: [{ kind: 'record', name: 'Unique Tenants Union', sameSpace: true }], mergeInto: { id: expect.any(String) } });
  });
});
