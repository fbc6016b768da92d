import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allianceWithMembers, type AllianceFixture, proposalWith } from '../../test/alliance-fixture.ts';
import { ENGINES, type TestApp, testApp } from '../../test/test-app.ts';
import { scrubSecretOutcomes } from '../db/migrations/2026_12_06_0010_secret_ballot_boxes.ts';

// A secret ballot stays secret after the vote closes, for every method: no reader (viewer,
// member, coordinator), no export, no audit entry and no table row ties what was voted to who
// voted it. Who voted stays visible, for turnout.

const OPTIONS = [{ id: 'youth', label: 'Youth track' }, { id: 'banks', label: 'Banks campaign' }, { id: 'ports', label: 'Ports campaign' }];

// Two electors (X, Y) per vote; each ballot carries words or choices we can search for.
const METHODS: { method: string; vote?: Record<string, unknown>; x: Record<string, unknown>; y: Record<string, unknown>; words: string[] }[] = [
  { method: 'consent', x: { position: 'consent' }, y: { position: 'object', reason: 'Secret objection of Y.' }, words: ['Secret objection of Y.'] },
  { method: 'consensus', x: { position: 'stand_aside', reason: 'Secret stand-aside of X.' }, y: { position: 'block', reason: 'Secret block of Y.' },
    words: ['Secret stand-aside of X.', 'Secret block of Y.'] },
  { method: 'advice', x: { position: 'support', reason: 'Secret support of X.' }, y: { position: 'concern', reason: 'Secret concern of Y.' },
    words: ['Secret support of X.', 'Secret concern of Y.'] },
  { method: 'majority', vote: { rule: { threshold: { numerator: 1, denominator: 2 }, comparison: 'more_than', abstentions: 'excluded' } },
    x: { position: 'yes' }, y: { position: 'no' }, words: [] },
  { method: 'approval', vote: { options: OPTIONS, seats: 1 }, x: { approved: ['youth'] }, y: { approved: ['banks', 'ports'] }, words: [] },
  { method: 'score', vote: { options: OPTIONS, rule: { min: 0, max: 5, missingAs: 'min' } }, x: { scores: { youth: 5, banks: 1 } }, y: { scores: { ports: 4 } }, words: [] },
  { method: 'irv', vote: { options: OPTIONS }, x: { ranking: ['youth', 'banks'] }, y: { ranking: ['ports'] }, words: [] },
  { method: 'stv', vote: { options: OPTIONS, seats: 2 }, x: { ranking: ['banks', 'youth'] }, y: { ranking: ['ports', 'banks'] }, words: [] },
];

describe.each(ENGINES)('secret ballots on %s', (engine) => {
  let t: TestApp;
  let f: AllianceFixture;
  const c = (name: string) => f.clients[name]!;

  beforeAll(async () => {
    t = await testApp(engine);
    f = await allianceWithMembers(t, 's');
  });
  afterAll(async () => t?.close());

  async function openSecretVote(method: string, vote: Record<string, unknown> = {}) {
    const created = await c('coordinator').post(`/api/alliances/${f.alliance.id}/proposals`, proposalWith({ method, secret: true, ...vote }));
    expect(created.status, created.text).toBe(201);
    const id = created.json.id as string;
    expect((await c('coordinator').post(`/api/proposals/${id}/advance`)).status).toBe(200);
    expect((await c('coordinator').post(`/api/proposals/${id}/advance`)).status).toBe(200);
    const voteId = (await c('coordinator').get(`/api/proposals/${id}`)).json.steps[1].vote.id as string;
    return { id, voteId };
  }

  it.each(METHODS)('$method: the closed vote shows totals and turnout, never who voted what', async ({ method, vote, x, y, words }) => {
    const { id, voteId } = await openSecretVote(method, vote);
    const castX = await c('repX').post(`/api/votes/${voteId}/ballots`, { ballot: x });
    expect(castX.status, castX.text).toBe(201);
    expect((await c('repY').post(`/api/votes/${voteId}/ballots`, { ballot: y })).status).toBe(201);
    // A secret ballot is final: replacing it would need the server to find it again.
    expect((await c('repX').post(`/api/votes/${voteId}/ballots`, { ballot: y })).status).toBe(409);
    const closed = await c('coordinator').post(`/api/votes/${voteId}/close`, { rule: 'by_coordinator' });
    expect(closed.status, closed.text).toBe(200);
    expect(closed.json.outcome.error).toBeUndefined();
    expect(closed.json.outcome.quorum.participated).toBe(2);

    const electorIds = [f.members.X!.id, f.members.Y!.id];
    const outcomeText = JSON.stringify(closed.json.outcome);
    for (const e of electorIds) expect(outcomeText).not.toContain(e);
    for (const w of words) expect(outcomeText).toContain(w); // the reasons are heard, without names

    for (const reader of ['funder', 'repX', 'repY', 'coordinator']) {
      const page = (await c(reader).get(`/api/proposals/${id}`)).json.steps[1].vote;
      expect(page.participation.voted).toBe(2);
      for (const e of page.electors) {
        expect(e.voted).toBe(true);
        expect(e.ballot).toBeNull();
      }
      for (const h of page.history) expect(h.ballot).toBeNull();
      for (const m of page.mine) expect(m.ballot).toBeNull();
      const pageOutcome = JSON.stringify(page.outcome);
      for (const e of electorIds) expect(pageOutcome).not.toContain(e);
      const log = await c(reader).get(`/api/alliances/${f.alliance.id}/decisions`);
      const popolo = await c(reader).get(`/api/alliances/${f.alliance.id}/decisions.popolo.json`);
      const csv = await c(reader).get(`/api/alliances/${f.alliance.id}/decisions.csv`);
      // A secret vote publishes no per-elector Vote in Popolo.
      expect(popolo.json.motions.find((m: { id: string }) => m.id === id).vote_events[0].votes).toEqual([]);
      for (const res of [log, popolo, csv]) {
        expect(res.status).toBe(200);
        for (const w of words) if (res !== log) expect(res.text).not.toContain(w);
      }
    }

    // At rest: the voter's row has no content, the ballot box has no voter, and the audit log no content.
    const rows = await t.db.selectFrom('ballots').select(['ballot', 'elector_id']).where('vote_id', '=', voteId).execute();
    expect(rows.map((r) => r.ballot)).toEqual([null, null]);
    const box = await t.db.selectFrom('ballot_boxes').selectAll().where('vote_id', '=', voteId).executeTakeFirstOrThrow();
    expect(box.ballots).toHaveLength(2);
    const boxText = JSON.stringify(box);
    for (const e of [...electorIds, c('repX').userId, c('repY').userId]) expect(boxText).not.toContain(e);
    const audit = await sql<{ changes: unknown }>`select changes from audit_log where space_id = ${f.allianceSpaceId}`.execute(t.db);
    const auditText = JSON.stringify(audit.rows);
    for (const w of words) expect(auditText).not.toContain(w);
  });

  it('takes the voters out of the outcome of a secret vote closed before ballots were kept apart', async () => {
    const { voteId } = await openSecretVote('consensus');
    expect((await c('repX').post(`/api/votes/${voteId}/ballots`, { ballot: { position: 'block', reason: 'An old block.' } })).status).toBe(201);
    expect((await c('coordinator').post(`/api/votes/${voteId}/close`, { rule: 'by_coordinator' })).status).toBe(200);
    // As the previous version stored it: the blocker named.
    const named = { quorumMet: true, passed: false, result: { method: 'consensus', agree: [f.members.Y!.id], standAside: [], blocks: [{ voterId: f.members.X!.id, reason: 'An old block.' }] } };
    await t.db.updateTable('votes').set({ outcome: JSON.stringify(named) }).where('id', '=', voteId).execute();
    await scrubSecretOutcomes(t.db as never);
    const stored = await t.db.selectFrom('votes').select('outcome').where('id', '=', voteId).executeTakeFirstOrThrow();
    const text = JSON.stringify(stored.outcome);
    expect(text).not.toContain(f.members.X!.id);
    expect(text).not.toContain(f.members.Y!.id);
    expect(text).toContain('An old block.');
  });

  it('an open vote keeps its ballots as it always did, and a voter may change one', async () => {
    const { voteId } = await openSecretVote('consent', { secret: false });
    expect((await c('repX').post(`/api/votes/${voteId}/ballots`, { ballot: { position: 'object', reason: 'Open objection.' } })).status).toBe(201);
    expect((await c('repX').post(`/api/votes/${voteId}/ballots`, { ballot: { position: 'consent' } })).status).toBe(201);
    const closed = await c('coordinator').post(`/api/votes/${voteId}/close`, { rule: 'by_coordinator' });
    expect(closed.json.outcome.passed).toBe(true);
    expect(await t.db.selectFrom('ballot_boxes').select('vote_id').where('vote_id', '=', voteId).executeTakeFirst()).toBeUndefined();
  });

  it('a weighted secret vote counts each ballot with its weight', async () => {
    const weighting = { equalShare: 0, inputs: [{ key: 'organizers', share: 1 }], values: { [f.members.X!.id]: { organizers: 30 }, [f.members.Y!.id]: { organizers: 10 } } };
    const { voteId } = await openSecretVote('majority', { weighting, rule: { threshold: { numerator: 1, denominator: 2 }, comparison: 'more_than', abstentions: 'excluded' } });
    expect((await c('repX').post(`/api/votes/${voteId}/ballots`, { ballot: { position: 'yes' } })).status).toBe(201);
    expect((await c('repY').post(`/api/votes/${voteId}/ballots`, { ballot: { position: 'no' } })).status).toBe(201);
    const closed = await c('coordinator').post(`/api/votes/${voteId}/close`, { rule: 'by_coordinator' });
    // 30 organizers against 10: yes carries three quarters of the weight.
    expect(closed.json.outcome.passed).toBe(true);
    expect(closed.json.outcome.weighted).toBe(true);
  });
});
