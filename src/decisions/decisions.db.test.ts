import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allianceWithMembers, type AllianceFixture, proposalWith } from '../../test/alliance-fixture.ts';
import { havePopolo, popoloErrors } from '../../test/popolo-schemas.ts';
import { ENGINES, type TestApp, testApp } from '../../test/test-app.ts';

// Proposals through their process, votes between organizations, and who may do what.

const WEIGHTED_MAJORITY = {
  method: 'majority',
  rule: { threshold: { numerator: 1, denominator: 2 }, comparison: 'more_than', abstentions: 'excluded' },
  earlyClose: 'when_all_voted',
};

describe.each(ENGINES)('decisions on %s', (engine) => {
  let t: TestApp;
  let f: AllianceFixture;
  const c = (name: string) => f.clients[name]!;

  beforeAll(async () => {
    t = await testApp(engine);
    f = await allianceWithMembers(t, 'd');
  });
  afterAll(async () => t?.close());

  async function startVote(vote: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    const created = await c('coordinator').post(`/api/alliances/${f.alliance.id}/proposals`, proposalWith(vote, extra));
    expect(created.status, created.text).toBe(201);
    const id = created.json.id as string;
    expect((await c('coordinator').post(`/api/proposals/${id}/advance`)).status).toBe(200);
    const opened = await c('coordinator').post(`/api/proposals/${id}/advance`);
    expect(opened.status, opened.text).toBe(200);
    const page = (await c('coordinator').get(`/api/proposals/${id}`)).json;
    return { id, voteId: page.steps[1].vote.id as string, page };
  }

  it('walks a weighted network vote from draft to ratified, showing weighted and unweighted tallies', async () => {
    const weighting = { equalShare: 0.5, inputs: [{ key: 'organizers', share: 0.5 }],
      values: { [f.members.X!.id]: { organizers: 30 }, [f.members.Y!.id]: { organizers: 10 } } };
    const created = await c('repX').post(`/api/alliances/${f.alliance.id}/proposals`, proposalWith({ ...WEIGHTED_MAJORITY, weighting },
      { decides: { kind: 'membership', membershipId: f.members.Z!.membershipId, status: 'lapsed' } }));
    expect(created.status, created.text).toBe(201);
    const id = created.json.id;

    // Only the coordinator moves the process; members take part.
    expect((await c('repX').post(`/api/proposals/${id}/advance`)).status).toBe(403);
    expect((await c('coordinator').post(`/api/proposals/${id}/advance`)).status).toBe(200);
    let page = (await c('repY').get(`/api/proposals/${id}`)).json;
    expect(page.status).toBe('in_process');
    expect(page.steps.map((s: { status: string }) => s.status)).toEqual(['open', 'pending']);
    const meeting = page.steps[0].id;
    const said = await c('repY').post(`/api/steps/${meeting}/entries`, { organizationId: f.members.Y!.id, participant: 'Yolanda Rep', said: 'Add a youth strategy area.' });
    expect(said.status, said.text).toBe(201);
    expect((await c('funder').post(`/api/steps/${meeting}/entries`, { participant: 'Funder' })).status).toBe(403);

    // An amendment makes version 2; ballots record the version they were cast on.
    const amended = await c('repX').post(`/api/proposals/${id}/versions`, { title: 'Adopt the 2010 work plan', body: 'With a youth strategy area.', changeNote: 'Youth area from the regional meeting' });
    expect(amended.json.version).toBe(2);

    expect((await c('coordinator').post(`/api/proposals/${id}/advance`)).status).toBe(200);
    page = (await c('coordinator').get(`/api/proposals/${id}`)).json;
    const vote = page.steps[1].vote;
    expect(vote.status).toBe('open');
    // The electorate is the active anchors and members, not the observer, each weighed from declared inputs.
    expect(vote.electors.map((e: { label: string }) => e.label).sort()).toEqual(['Member X d', 'Member Y d']);
    const weightOf = (label: string) => vote.electors.find((e: { label: string }) => e.label === label).weight;
    expect(weightOf('Member X d')).toEqual({ numerator: '5', denominator: '8' });
    expect(weightOf('Member Y d')).toEqual({ numerator: '3', denominator: '8' });

    // Only the electorate votes: not a viewer, not the observer's representative, not an outsider.
    expect((await c('funder').post(`/api/votes/${vote.id}/ballots`, { ballot: { position: 'yes' } })).status).toBe(403);
    expect((await c('repZ').post(`/api/votes/${vote.id}/ballots`, { ballot: { position: 'yes' } })).status).toBe(403);
    expect((await c('outsider').post(`/api/votes/${vote.id}/ballots`, { ballot: { position: 'yes' } })).status).toBe(404);
    const bad = await c('repX').post(`/api/votes/${vote.id}/ballots`, { ballot: { position: 'maybe' } });
    expect(bad.status).toBe(422);
    expect(bad.json.errors[0].field).toBe('ballot.position');

    // The alternate votes while the representative has not; the representative's ballot then replaces it;
    // after that the alternate cannot vote.
    expect((await c('altX').post(`/api/votes/${vote.id}/ballots`, { ballot: { position: 'no' } })).status).toBe(201);
    const rep = await c('repX').post(`/api/votes/${vote.id}/ballots`, { ballot: { position: 'yes' } });
    expect(rep.status, rep.text).toBe(201);
    expect(rep.json).toMatchObject({ castAs: 'representative', replaced: true, version: 2 });
    const late = await c('altX').post(`/api/votes/${vote.id}/ballots`, { ballot: { position: 'no' } });
    expect(late.status).toBe(409);

    // Not everyone has voted: the early-close rule refuses.
    expect((await c('coordinator').post(`/api/votes/${vote.id}/close`, { rule: 'when_all_voted' })).status).toBe(409);
    expect((await c('repY').post(`/api/votes/${vote.id}/ballots`, { ballot: { position: 'no' } })).status).toBe(201);
    expect((await c('repY').post(`/api/votes/${vote.id}/close`, { rule: 'when_all_voted' })).status).toBe(403);
    const closed = await c('coordinator').post(`/api/votes/${vote.id}/close`, { rule: 'when_all_voted' });
    expect(closed.status, closed.text).toBe(200);
    const outcome = closed.json.outcome;
    // One organization each way: unweighted 1–1 fails "more than half"; weighted 5/8 passes.
    expect(outcome.passed).toBe(true);
    expect(outcome.result.decidedBy).toBe('weighted');
    expect(outcome.result.unweighted).toMatchObject({ yes: 1, no: 1 });
    expect(outcome.result.weighted.yes).toEqual({ numerator: '5', denominator: '8' });

    // The history keeps the alternate's replaced ballot.
    page = (await c('repY').get(`/api/proposals/${id}`)).json;
    const history = page.steps[1].vote.history.filter((h: { electorId: string }) => h.electorId === f.members.X!.id);
    expect(history.map((h: { castAs: string; supersededAt: unknown }) => [h.castAs, h.supersededAt !== null])).toEqual([['alternate', true], ['representative', false]]);

    // The coordinator states the outcome; the ratified proposal changes what it decides.
    expect((await c('coordinator').post(`/api/proposals/${id}/decide`, { statement: '' })).status).toBe(422);
    const decided = await c('coordinator').post(`/api/proposals/${id}/decide`, { statement: 'The network ratified the 2010 work plan.' });
    expect(decided.json.status).toBe('ratified');
    const alliancePage = (await c('coordinator').get(`/api/alliances/${f.alliance.id}`)).json;
    expect(alliancePage.members.find((m: { memberId: string }) => m.memberId === f.members.Z!.id).status).toBe('lapsed');

    // The decision log: who could vote, who did, the rule and the arithmetic, every change.
    const log = await c('repY').get(`/api/alliances/${f.alliance.id}/decisions`);
    expect(log.status).toBe(200);
    const entry = log.json.decisions.find((d: { id: string }) => d.id === id);
    expect(entry.status).toBe('ratified');
    expect(entry.steps[1].vote.participation).toEqual({ electorate: 2, voted: 2 });
    expect(entry.changes.length).toBeGreaterThanOrEqual(4);
    const csv = await c('repY').get(`/api/alliances/${f.alliance.id}/decisions.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toContain('Network ratification');
    expect(csv.text).toMatch(/Member X d; Member Y d/);
    expect((await c('outsider').get(`/api/alliances/${f.alliance.id}/decisions`)).status).toBe(404);
  });

  it.skipIf(!havePopolo)('exports the decision log as Popolo motions, vote events, counts and votes', async () => {
    const popolo = (await c('coordinator').get(`/api/alliances/${f.alliance.id}/decisions.popolo.json`)).json;
    expect(popolo.motions.length).toBeGreaterThan(0);
    for (const motion of popolo.motions) {
      const { vote_events: events, ...rest } = motion;
      expect(popoloErrors('motion', rest)).toEqual([]);
      for (const event of events) {
        const { counts, votes, ...eventRest } = event;
        expect(popoloErrors('vote_event', eventRest)).toEqual([]);
        for (const count of counts) expect(popoloErrors('count', count)).toEqual([]);
        for (const vote of votes) expect(popoloErrors('vote', vote)).toEqual([]);
      }
    }
    const ratified = popolo.motions.find((m: { result: string }) => m.result === 'pass');
    expect(ratified.vote_events[0].votes).toHaveLength(2);
  });

  it('keeps a secret ballot from other organizations, but shows that it was cast', async () => {
    const { voteId, id } = await startVote({ method: 'consensus', secret: true });
    expect((await c('repX').post(`/api/votes/${voteId}/ballots`, { ballot: { position: 'block' } })).status).toBe(422);
    expect((await c('repX').post(`/api/votes/${voteId}/ballots`, { ballot: { position: 'stand_aside', reason: 'We cannot staff it this year.' } })).status).toBe(201);
    const theirs = (await c('repY').get(`/api/proposals/${id}`)).json.steps[1].vote;
    const x = theirs.electors.find((e: { electorId: string }) => e.electorId === f.members.X!.id);
    expect(x.voted).toBe(true);
    expect(x.ballot).toBeNull();
    expect(JSON.stringify(theirs)).not.toContain('cannot staff');
    const coordinatorView = (await c('coordinator').get(`/api/proposals/${id}`)).json.steps[1].vote;
    expect(JSON.stringify(coordinatorView)).not.toContain('cannot staff');
    // Not even the voter's own view ties the ballot to them once cast (secret-ballots.db.test.ts).
    const mine = (await c('repX').get(`/api/proposals/${id}`)).json.steps[1].vote;
    expect(mine.electors.find((e: { electorId: string }) => e.electorId === f.members.X!.id)).toMatchObject({ voted: true, ballot: null });
    // A block stops consensus, and the outcome lists stand-asides and blocks.
    expect((await c('repY').post(`/api/votes/${voteId}/ballots`, { ballot: { position: 'block', reason: 'It leaves out domestic workers.' } })).status).toBe(201);
    const closed = await c('coordinator').post(`/api/votes/${voteId}/close`, { rule: 'by_coordinator' });
    expect(closed.json.outcome.passed).toBe(false);
    expect(closed.json.outcome.result.blocks).toHaveLength(1);
    expect(closed.json.outcome.result.standAside).toHaveLength(1);
    expect((await c('coordinator').post(`/api/proposals/${id}/decide`, { statement: 'Blocked; back to the drawing board.' })).json.status).toBe('rejected');
  });

  it('checks the quorum against the electorate, and reopens a vote only with a reason', async () => {
    const { id, voteId } = await startVote({ method: 'majority', rule: { threshold: { numerator: 1, denominator: 2 }, comparison: 'more_than', abstentions: 'excluded' },
      quorum: { numerator: 2, denominator: 2 } });
    expect((await c('repX').post(`/api/votes/${voteId}/ballots`, { ballot: { position: 'yes' } })).status).toBe(201);
    let closed = await c('coordinator').post(`/api/votes/${voteId}/close`, { rule: 'by_coordinator' });
    expect(closed.json.outcome).toMatchObject({ quorumMet: false, passed: false, quorum: { required: 2, participated: 1, electorateSize: 2 } });
    expect((await c('coordinator').post(`/api/votes/${voteId}/reopen`, {})).status).toBe(422);
    expect((await c('coordinator').post(`/api/votes/${voteId}/reopen`, { reason: 'Member Y was at an action that day.' })).status).toBe(200);
    expect((await c('repY').post(`/api/votes/${voteId}/ballots`, { ballot: { position: 'yes' } })).status).toBe(201);
    closed = await c('coordinator').post(`/api/votes/${voteId}/close`, { rule: 'by_coordinator' });
    expect(closed.json.outcome).toMatchObject({ quorumMet: true, passed: true });
    const events = (await c('repY').get(`/api/proposals/${id}`)).json.steps[1].vote.events;
    expect(events.map((e: { action: string }) => e.action)).toEqual(['opened', 'closed', 'reopened', 'closed']);
    expect(events[2].reason).toContain('action that day');
  });

  it('refuses a vote set up wrongly, naming the field, and stores nothing', async () => {
    const before = (await c('coordinator').get(`/api/alliances/${f.alliance.id}/proposals`)).json.proposals.length;
    const res = await c('coordinator').post(`/api/alliances/${f.alliance.id}/proposals`, proposalWith({ method: 'stv', options: [{ id: 'a', label: 'A' }], seats: 2 }));
    expect(res.status).toBe(422);
    expect(res.json.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['steps[1].vote.options', 'steps[1].vote.seats']));
    const badRule = await c('coordinator').post(`/api/alliances/${f.alliance.id}/proposals`, proposalWith({ method: 'majority', rule: { threshold: { numerator: 3, denominator: 2 } } }));
    expect(badRule.status).toBe(422);
    expect(badRule.json.errors[0].field).toMatch(/^steps\[1\]\.vote\.rule/);
    expect((await c('coordinator').get(`/api/alliances/${f.alliance.id}/proposals`)).json.proposals.length).toBe(before);
    expect((await c('funder').post(`/api/alliances/${f.alliance.id}/proposals`, proposalWith({ method: 'consent' }))).status).toBe(403);
  });

  it('runs a ranked-choice election inside the app with the same engine', async () => {
    const options = [{ id: 'ggj', label: 'GGJ' }, { id: 'jwj', label: 'JwJ' }, { id: 'rttc', label: 'RttC' }];
    const { voteId } = await startVote({ method: 'irv', options });
    expect((await c('repX').post(`/api/votes/${voteId}/ballots`, { ballot: { ranking: ['ggj', 'ggj'] } })).status).toBe(422);
    expect((await c('repX').post(`/api/votes/${voteId}/ballots`, { ballot: { ranking: ['rttc', 'jwj'] } })).status).toBe(201);
    expect((await c('repY').post(`/api/votes/${voteId}/ballots`, { ballot: { ranking: ['jwj'] } })).status).toBe(201);
    const closed = await c('coordinator').post(`/api/votes/${voteId}/close`, { rule: 'by_coordinator' });
    expect(closed.status, closed.text).toBe(200);
    expect(closed.json.outcome.result.winners).toHaveLength(1);
    expect(closed.json.outcome.result.rounds.length).toBeGreaterThanOrEqual(1);
  });

  it('lets a committee vote through its seats: the alternate only while the permanent representative has not', async () => {
    const committee = await c('coordinator').post(`/api/alliances/${f.alliance.id}/committees`, { name: 'Funders strategy committee' });
    expect(committee.status).toBe(201);
    const seat = (organizationId: string, personId: string, seatKind: string) =>
      c('coordinator').post(`/api/committees/${committee.json.id}/seats`, { organizationId, personId, seat: seatKind, termStartsOn: '2010-01-01', termEndsOn: '2099-12-31' });
    expect((await seat(f.members.X!.id, f.members.X!.personIds[0]!, 'permanent')).status).toBe(201);
    expect((await seat(f.members.X!.id, f.members.X!.personIds[1]!, 'alternate')).status).toBe(201);
    // A person of another organization cannot hold X's seat; Z is not an active anchor or member but is active, so it may sit.
    const wrong = await seat(f.members.X!.id, f.members.Y!.personIds[0]!, 'permanent');
    expect(wrong.status).toBe(422);
    expect(wrong.json.errors[0].field).toBe('personId');
    expect((await c('repY').post(`/api/committees/${committee.json.id}/seats`, { organizationId: f.members.Y!.id, personId: f.members.Y!.personIds[0]!, seat: 'permanent' })).status).toBe(403);
    const listed = (await c('funder').get(`/api/alliances/${f.alliance.id}/committees`)).json;
    expect(listed[0].seats).toHaveLength(2);

    const { voteId } = await startVote({ method: 'consent', electorate: { kind: 'committee', committeeId: committee.json.id } }, { committeeId: committee.json.id });
    // Y holds no seat on the committee, so its representative does not vote here.
    expect((await c('repY').post(`/api/votes/${voteId}/ballots`, { ballot: { position: 'consent' } })).status).toBe(403);
    expect((await c('repX').post(`/api/votes/${voteId}/ballots`, { ballot: { position: 'consent' } })).status).toBe(201);
    expect((await c('altX').post(`/api/votes/${voteId}/ballots`, { ballot: { position: 'object', reason: 'Too soon.' } })).status).toBe(409);
    const closed = await c('coordinator').post(`/api/votes/${voteId}/close`, { rule: 'when_all_voted' });
    expect(closed.json.outcome).toMatchObject({ passed: true, quorum: { electorateSize: 1 } });
  });

  it('lets individual people vote, one ballot each, when the electorate is people', async () => {
    // Y's representative is also one of its grassroots leaders.
    await t.db.insertInto('affiliations').values({ space_id: f.members.Y!.spaceId, person_id: f.members.Y!.personIds[0]!, organization_id: f.members.Y!.id, role: 'leader' }).execute();
    const { voteId, page } = await startVote({ method: 'approval', options: [{ id: 'a', label: 'Youth track' }, { id: 'b', label: 'Banks campaign' }], seats: 1,
      electorate: { kind: 'people', affiliationRoles: ['leader'] } });
    expect(page.steps[1].vote.electors).toHaveLength(1);
    // Names stay private: Y shares its representatives, not its people, so the electorate shows the organization.
    expect(page.steps[1].vote.electors[0].label).toBe('Member Y d');
    expect((await c('repX').post(`/api/votes/${voteId}/ballots`, { ballot: { approved: ['a'] } })).status).toBe(403);
    expect((await c('repY').post(`/api/votes/${voteId}/ballots`, { ballot: { approved: ['a', 'zzz'] } })).status).toBe(422);
    expect((await c('repY').post(`/api/votes/${voteId}/ballots`, { ballot: { approved: ['b'] } })).status).toBe(201);
    const closed = await c('coordinator').post(`/api/votes/${voteId}/close`, { rule: 'by_coordinator' });
    expect(closed.json.outcome.result.winners).toEqual(['b']);
  });
});
