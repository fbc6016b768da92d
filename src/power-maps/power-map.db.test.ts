import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allianceWithMembers, type AllianceFixture } from '../../test/alliance-fixture.ts';
import { createOrganization } from '../orgs/organization.service.ts';
import { ENGINES, type TestApp, testApp } from '../../test/test-app.ts';

describe.each(ENGINES)('power maps on %s', (engine) => {
  let t: TestApp;
  let f: AllianceFixture;
  const c = (name: string) => f.clients[name]!;
  beforeAll(async () => { t = await testApp(engine); f = await allianceWithMembers(t, 'p'); });
  afterAll(async () => t?.close());

  it('places stakeholders by influence and stance, and keeps every move along the spectrum', async () => {
    const map = await c('repX').post(`/api/organizations/${f.alliance.id}/power-maps`, { title: 'Clean trucks' });
    expect(map.status, map.text).toBe(201);
    const bad = await c('repX').post(`/api/power-maps/${map.json.id}/stakeholders`, { name: 'Harbor Commission', kind: 'decision_maker', influence: 11, stance: 'neutral' });
    expect(bad.json.errors[0].field).toBe('influence');
    const commission = await c('repX').post(`/api/power-maps/${map.json.id}/stakeholders`, { name: 'Harbor Commission', kind: 'decision_maker', influence: 9, stance: 'neutral' });
    await c('repX').post(`/api/power-maps/${map.json.id}/stakeholders`, { name: 'Trucking industry', kind: 'institution', influence: 7, stance: 'active_opposition' });
    expect((await c('repY').patch(`/api/stakeholders/${commission.json.id}`, { stance: 'passive_ally', note: 'After the health hearings' })).status).toBe(200);
    expect((await c('funder').patch(`/api/stakeholders/${commission.json.id}`, { stance: 'active_ally' })).status).toBe(403);
    expect((await c('repY').patch(`/api/stakeholders/${commission.json.id}`, {})).status).toBe(422);
    const view = (await c('funder').get(`/api/power-maps/${map.json.id}`)).json;
    const harbor = view.stakeholders.find((s: { name: string }) => s.name === 'Harbor Commission');
    expect(harbor).toMatchObject({ influence: 9, stance: 'passive_ally' });
    expect(harbor.moves.map((m: { fromStance: string | null; toStance: string }) => [m.fromStance, m.toStance])).toEqual([[null, 'neutral'], ['neutral', 'passive_ally']]);
    expect(harbor.moves[1].note).toBe('After the health hearings');
    expect((await c('outsider').get(`/api/power-maps/${map.json.id}`)).status).toBe(404);
  });

  it('links a stakeholder to a member organization, never to one the mapper cannot see', async () => {
    const map = await c('repX').post(`/api/organizations/${f.alliance.id}/power-maps`, { title: 'Budget fight' });
    const member = await c('repX').post(`/api/power-maps/${map.json.id}/stakeholders`, { name: 'Member Y', kind: 'organization', organizationId: f.members.Y!.id, influence: 4, stance: 'active_ally' });
    expect(member.status, member.text).toBe(201);
    const hidden = await createOrganization(t.db, f.actor, null, { name: 'Hidden Center', kind: 'union', sectors: [], issues: [], constituencies: [], capacities: [], location: {} }, { ownSpace: true });
    const linked = await c('repX').post(`/api/power-maps/${map.json.id}/stakeholders`, { name: 'Someone', kind: 'organization', organizationId: hidden.id, influence: 4, stance: 'neutral' });
    expect(linked.status).toBe(422);
    expect(linked.json.errors[0]).toEqual({ field: 'organizationId', message: 'no such organization' });
  });
});
