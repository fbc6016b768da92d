import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allianceWithMembers, type AllianceFixture } from '../../test/alliance-fixture.ts';
import { ENGINES, type TestApp, testApp } from '../../test/test-app.ts';

// Importing stated ties from CSV: a preview, a verdict per row, all or nothing unless the good
// rows are chosen, and a second import of the same file changes nothing.

describe.each(ENGINES)('ties CSV import on %s', (engine) => {
  let t: TestApp;
  let f: AllianceFixture;
  const c = (name: string) => f.clients[name]!;
  const path = () => `/api/alliances/${f.alliance.id}/ties/import`;
  const stated = async () => (await c('coordinator').get(`/api/alliances/${f.alliance.id}/network?derived=false`)).json.stated as { aName: string; bName: string; kind: string; strength: number; note: string | null }[];

  beforeAll(async () => {
    t = await testApp(engine);
    f = await allianceWithMembers(t, 'ti');
  });
  afterAll(async () => t?.close());

  it('previews, refuses a file with bad rows unless asked, imports the good rows once, and updates on re-import', async () => {
    const file = 'from,to,kind,strength,note\nMember X ti,Member Y ti,co_campaigned,4,ports campaign\nMember Y ti,Nobody Here,funds,2,\nMember Z ti,Member X ti,Formal partnership,,\nMember Y ti,Member X ti,co_campaigned,4,again\n';
    const preview = await c('coordinator').post(path(), { csv: file });
    expect(preview.status).toBe(200);
    expect(preview.json.committed).toBe(false);
    expect(preview.json.rows.map((r: { status: string }) => r.status)).toEqual(['new', 'rejected', 'new', 'duplicate']);
    expect(preview.json.rows[1].errors).toEqual([{ field: 'to', message: 'no organization called "Nobody Here" that you can see' }]);
    expect(await stated()).toEqual([]);

    const refused = await c('coordinator').post(path(), { csv: file, commit: true });
    expect(refused.status).toBe(422);
    expect(refused.json.errors).toEqual([{ field: 'row 3: to', message: 'no organization called "Nobody Here" that you can see' }]);
    expect(await stated()).toEqual([]);

    const done = await c('coordinator').post(path(), { csv: file, commit: true, importGoodRows: true });
    expect(done.json.counts).toEqual({ new: 2, updated: 0, unchanged: 0, duplicate: 1, rejected: 1 });
    expect((await stated()).map((s) => `${s.aName}|${s.bName}|${s.kind}|${s.strength}`).sort())
      .toEqual(['Member X ti|Member Y ti|co_campaigned|4', 'Member Z ti|Member X ti|formal_partnership|3'].sort());

    const again = await c('coordinator').post(path(), { csv: file, commit: true, importGoodRows: true });
    expect(again.json.counts).toMatchObject({ new: 0, updated: 0, unchanged: 2 });
    expect(await stated()).toHaveLength(2);

    const stronger = await c('coordinator').post(path(), { csv: 'from,to,kind,strength\nMember Y ti,Member X ti,co_campaigned,5\n', commit: true });
    expect(stronger.json.counts).toMatchObject({ updated: 1 });
    expect((await stated()).find((s) => s.kind === 'co_campaigned')).toMatchObject({ strength: 5, note: null });
  });

  it('names what is wrong with the file itself, and checks who may import', async () => {
    const noKind = await c('coordinator').post(path(), { csv: 'from,to\nA,B\n' });
    expect(noKind.status).toBe(422);
    expect(noKind.json.errors[0]).toEqual({ field: 'csv', message: 'no "kind" column (found: from, to)' });
    const broken = await c('coordinator').post(path(), { csv: 'from,to,kind\n"A,B,funds\n' });
    expect(broken.json.errors[0].field).toBe('csv');
    expect((await c('funder').post(path(), { csv: 'from,to,kind\nA,B,funds\n' })).status).toBe(403);
    expect((await c('outsider').post(path(), { csv: 'from,to,kind\nA,B,funds\n' })).status).toBe(404);
  });
});
