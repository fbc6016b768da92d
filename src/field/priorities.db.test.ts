import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allianceWithMembers, type AllianceFixture } from '../../test/alliance-fixture.ts';
import { ENGINES, type TestApp, testApp } from '../../test/test-app.ts';

// An alliance chooses its priorities (constituencies, places); its gaps are measured against them.

describe.each(ENGINES)('an alliance\'s priorities on %s', (engine) => {
  let t: TestApp;
  let f: AllianceFixture;
  const c = (name: string) => f.clients[name]!;
  const path = () => `/api/alliances/${f.alliance.id}/priorities`;

  beforeAll(async () => {
    t = await testApp(engine);
    f = await allianceWithMembers(t, 'pr');
  });
  afterAll(async () => t?.close());

  it('are set by admins, read by members, and drive the gaps', async () => {
    expect((await c('funder').get(path())).json).toEqual({ constituencies: [], stateFips: [], updatedAt: null });
    expect((await c('repX').put(path(), { constituencies: ['youth'], stateFips: [] })).status).toBe(403);
    expect((await c('outsider').get(path())).status).toBe(404);
    const bad = await c('coordinator').put(path(), { constituencies: ['youth', 'martians'], stateFips: ['99'] });
    expect(bad.status).toBe(422);
    expect(bad.json.errors.map((e: { field: string }) => e.field)).toEqual(['constituencies', 'stateFips']);

    // The Deep South, and youth and women.
    const saved = await c('coordinator').put(path(), { constituencies: ['youth', 'women', 'youth'], stateFips: ['28', '01', '13', '22', '45'] });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ constituencies: ['youth', 'women'], stateFips: ['01', '13', '22', '28', '45'] });
    expect((await c('funder').get(path())).json.constituencies).toEqual(['youth', 'women']);

    const anatomy = (await c('coordinator').get(`/api/field/anatomy?alliances=${f.alliance.id}`)).json.anatomies[0];
    expect(anatomy.priorities).toEqual({ constituencies: ['youth', 'women'], states: ['01', '13', '22', '28', '45'] });
    expect(anatomy.gaps.priorityConstituencies).toEqual([{ key: 'youth', members: 0 }, { key: 'women', members: 0 }]);
    expect(anatomy.gaps.priorityStates.map((s: { key: string }) => s.key)).toEqual(['01', '13', '22', '28', '45']);
    const whatIf = (await c('coordinator').get(`/api/field/anatomy?alliances=${f.alliance.id}&priority=lgbt`)).json.anatomies[0];
    expect(whatIf.gaps.priorityConstituencies).toEqual([{ key: 'lgbt', members: 0 }]);

    const audit = (await c('coordinator').get(`/api/spaces/${f.allianceSpaceId}/audit`)).json;
    expect(JSON.stringify(audit)).toContain('field_priorities');
  });
});
