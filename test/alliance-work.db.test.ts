import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allianceWithMembers, type AllianceFixture } from './alliance-fixture.ts';
import { ENGINES, type TestApp, testApp } from './test-app.ts';

// Campaigns, the charter, stages of development and rapid response, through the API.

const blocks = { diverse_people: 'Labor, immigrant and faith groups', common_purpose: 'Economic justice', clear_boundaries: 'Members are base-building groups',
  clear_roles: 'Anchors lead each area', explicit_norms: 'Decisions by consent of members' };
const answers = { more_powerful_together: 'Yes: we won the ports campaign together', who_else_at_table: 'Faith groups', enough_trust: 'Yes, after two years',
  what_jointly: 'A statewide budget campaign', reason_long_term: 'The budget fight lasts a decade' };

describe.each(ENGINES)('campaigns, charter, stages and alerts on %s', (engine) => {
  let t: TestApp;
  let f: AllianceFixture;
  const c = (name: string) => f.clients[name]!;

  beforeAll(async () => {
    t = await testApp(engine);
    f = await allianceWithMembers(t, 'w');
  });
  afterAll(async () => t?.close());

  it('keeps a campaign strategy chart, what each organization brings, and issues one carried for another', async () => {
    const created = await c('repX').post(`/api/organizations/${f.alliance.id}/campaigns`, {
      name: 'Clean trucks at the ports', status: 'active',
      chart: { longTermGoals: ['Clean air and good jobs at the ports'], primaryTargets: ['Harbor Commission'], tactics: ['Public hearing', 'March'] },
      participants: [{ organizationId: f.members.X!.id, brings: ['base', 'money'] }, { organizationId: f.members.Y!.id, brings: ['legal'] }],
    });
    expect(created.status, created.text).toBe(201);
    const id = created.json.id;
    expect((await c('repY').post(`/api/campaigns/${id}/events`, { kind: 'action', title: 'March on the port', happenedOn: '2008-03-01', turnout: 300 })).status).toBe(201);
    expect((await c('repY').post(`/api/campaigns/${id}/events`, { kind: 'win', title: 'Clean trucks program adopted', happenedOn: '2008-12-01' })).status).toBe(201);
    const carried = await c('repY').post(`/api/campaigns/${id}/events`, { kind: 'issue_carried', title: 'Drivers as employees', happenedOn: '2008-06-01',
      carrierId: f.members.Y!.id, demandOwnerId: f.members.X!.id, decisionMaker: 'City Council' });
    expect(carried.status, carried.text).toBe(201);
    const self = await c('repY').post(`/api/campaigns/${id}/events`, { kind: 'issue_carried', title: 'X', happenedOn: '2008-06-01', carrierId: f.members.Y!.id, demandOwnerId: f.members.Y!.id, decisionMaker: 'Council' });
    expect(self.json.errors[0].field).toBe('demandOwnerId');
    const page = (await c('funder').get(`/api/campaigns/${id}`)).json;
    expect(page.totals).toEqual({ actions: 1, turnout: 300, wins: 1, issuesCarried: 1 });
    expect(page.chart.primaryTargets).toEqual(['Harbor Commission']);
    expect(page.participants.find((p: { organizationId: string }) => p.organizationId === f.members.X!.id).brings).toEqual(['base', 'money']);
    expect(page.events.find((e: { kind: string }) => e.kind === 'issue_carried')).toMatchObject({ carrierName: 'Member Y w', demandOwnerName: 'Member X w', decisionMaker: 'City Council' });
    expect((await c('funder').post(`/api/campaigns/${id}/events`, { kind: 'win', title: 'x', happenedOn: '2008-12-01' })).status).toBe(403);
    expect((await c('outsider').get(`/api/campaigns/${id}`)).status).toBe(404);
  });

  it('versions the charter and marks the version the members ratified; moves stages with the five questions answered', async () => {
    const missing = await c('repX').post(`/api/alliances/${f.alliance.id}/charter`, { blocks: { ...blocks, explicit_norms: '' } });
    expect(missing.json.errors[0].field).toBe('blocks.explicit_norms');
    expect((await c('repX').post(`/api/alliances/${f.alliance.id}/charter`, { blocks, vision: 'A just economy' })).status).toBe(201);
    const v2 = await c('repX').post(`/api/alliances/${f.alliance.id}/charter`, { blocks: { ...blocks, common_purpose: 'Economic and racial justice' } });
    expect(v2.json.version).toBe(2);
    expect((await c('repX').post(`/api/charter-versions/${v2.json.id}/ratification`)).status).toBe(403);
    // Sent twice at once (two coordinators, or a double click): one proposal.
    const sent = await Promise.all([1, 2].map(() => c('coordinator').post(`/api/charter-versions/${v2.json.id}/ratification`)));
    expect(sent.map((r) => r.status).sort()).toEqual([201, 409]);
    const proposal = sent.find((r) => r.status === 201)!;
    await c('coordinator').post(`/api/proposals/${proposal.json.id}/advance`);
    const voteId = (await c('coordinator').get(`/api/proposals/${proposal.json.id}`)).json.steps[0].vote.id;
    await c('repX').post(`/api/votes/${voteId}/ballots`, { ballot: { position: 'consent' } });
    await c('repY').post(`/api/votes/${voteId}/ballots`, { ballot: { position: 'consent' } });
    await c('coordinator').post(`/api/votes/${voteId}/close`, { rule: 'when_all_voted' });
    await c('coordinator').post(`/api/proposals/${proposal.json.id}/decide`, { statement: 'Both members consented to charter v2.' });
    let charter = (await c('repY').get(`/api/alliances/${f.alliance.id}/charter`)).json;
    expect(charter.ratified.version).toBe(2);
    expect(charter.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const noAnswers = await c('coordinator').post(`/api/alliances/${f.alliance.id}/stage`, { toStage: 'formation', answers: { ...answers, enough_trust: '' } });
    expect(noAnswers.json.errors[0].field).toBe('answers.enough_trust');
    expect((await c('repX').post(`/api/alliances/${f.alliance.id}/stage`, { toStage: 'formation', answers })).status).toBe(403);
    expect((await c('coordinator').post(`/api/alliances/${f.alliance.id}/stage`, { toStage: 'formation', answers })).status).toBe(201);
    expect((await c('coordinator').post(`/api/alliances/${f.alliance.id}/stage`, { toStage: 'operational', answers })).status).toBe(201);
    charter = (await c('repY').get(`/api/alliances/${f.alliance.id}/charter`)).json;
    expect(charter.stage).toBe('operational');
    expect(charter.stageMoves.map((m: { fromStage: string | null; toStage: string }) => [m.fromStage, m.toStage])).toEqual([['formation', 'operational'], [null, 'formation']]);
    expect(charter.stageMoves[0].answers.what_jointly).toBe('A statewide budget campaign');
  });

  it('calls members to mobilize and shows their commitments against the need', async () => {
    const bad = await c('coordinator').post(`/api/alliances/${f.alliance.id}/alerts`, { title: 'SB 1070', body: 'Mobilize to Arizona', need: {} });
    expect(bad.json.errors[0].field).toBe('need');
    expect((await c('repX').post(`/api/alliances/${f.alliance.id}/alerts`, { title: 'SB 1070', body: 'Mobilize', need: { organizers: 10 } })).status).toBe(403);
    const alert = await c('coordinator').post(`/api/alliances/${f.alliance.id}/alerts`, { title: 'Arizona SB 1070', body: 'Send organizers to Phoenix for the summer.', need: { organizers: 10, days: 60 }, respondBy: '2010-05-15' });
    expect(alert.status).toBe(201);
    // X's staff (a role in X's own space) answer for X; the coordinator records Y's answer; X's rep cannot answer for Y.
    await t.db.insertInto('space_roles').values({ space_id: f.members.X!.spaceId, user_id: c('repX').userId, role: 'member' }).execute();
    expect((await c('repX').put(`/api/alerts/${alert.json.id}/commitments`, { organizationId: f.members.X!.id, organizers: 4, days: 30 })).status).toBe(200);
    expect((await c('repX').put(`/api/alerts/${alert.json.id}/commitments`, { organizationId: f.members.Y!.id, organizers: 9 })).status).toBe(403);
    expect((await c('coordinator').put(`/api/alerts/${alert.json.id}/commitments`, { organizationId: f.members.Y!.id, organizers: 3, days: 30, note: 'by phone' })).status).toBe(200);
    // Changing an answer replaces it.
    expect((await c('repX').put(`/api/alerts/${alert.json.id}/commitments`, { organizationId: f.members.X!.id, organizers: 5, days: 30 })).status).toBe(200);
    const view = (await c('funder').get(`/api/alerts/${alert.json.id}`)).json;
    expect(view.progress).toEqual([
      { key: 'organizers', need: 10, committed: 8, gap: 2, met: false },
      { key: 'days', need: 60, committed: 60, gap: 0, met: true },
    ]);
    expect(view.commitments).toHaveLength(2);
    await c('coordinator').post(`/api/alerts/${alert.json.id}/close`);
    expect((await c('repX').put(`/api/alerts/${alert.json.id}/commitments`, { organizationId: f.members.X!.id, organizers: 6 })).status).toBe(409);
  });
});
