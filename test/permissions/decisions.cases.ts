// The decisions routes that act on one proposal, step, vote or committee, and the Popolo export
// of the decision log, for the permission matrix (matrix.ts).
import { createCommittee, seatOnCommittee } from '../../src/decisions/committee.service.ts';
import { ProposalInputSchema } from '../../src/decisions/decision.schema.ts';
import { advanceProposal, createProposal } from '../../src/decisions/proposal.service.ts';
import { findVoteOfStep } from '../../src/decisions/vote.repository.ts';
import { closeVote } from '../../src/decisions/vote.service.ts';
import { addMember, addRepresentative } from '../../src/memberships/membership.service.ts';
import { createOrganization } from '../../src/orgs/organization.service.ts';
import { createPerson, linkAccount } from '../../src/people/person.service.ts';
import type { TestApp } from '../test-app.ts';
import { BLANK, type Callers, foreignAlliance, type RouteCase } from './matrix.ts';

export interface DecisionRecords {
  allianceId: string; orgId: string; personId: string;
  /** In process, its consultation open and its vote step still to come. */
  consultingId: string; consultationStepId: string;
  /** In process at its only step, a vote open for ballots. */
  openVoteId: string;
  /** In process, its only vote closed: ready to be decided, or the vote reopened. */
  decidableId: string; closedVoteId: string;
  committeeId: string; committeeSeatId: string;
}

const consentVote = { method: 'consent', electorate: { kind: 'organizations' } };

export const DECISIONS_CASES: RouteCase<DecisionRecords>[] = [
  { route: 'GET /api/proposals/{id}', name: 'read proposal', path: (r) => `/api/proposals/${r.consultingId}`, need: 'viewer', ok: 200 },
  { route: 'POST /api/proposals/{id}/versions', name: 'amend proposal', path: (r) => `/api/proposals/${r.consultingId}/versions`,
    body: () => ({ title: 'Adopt the amended charter', body: 'The amended charter text.', changeNote: 'From the regional meeting' }), need: 'member', ok: 201 },
  { route: 'POST /api/proposals/{id}/comments', name: 'comment on proposal', path: (r) => `/api/proposals/${r.consultingId}/comments`,
    body: () => ({ body: 'Add a youth strategy area.' }), need: 'member', ok: 201 },
  { route: 'POST /api/steps/{id}/entries', name: 'record consultation', path: (r) => `/api/steps/${r.consultationStepId}/entries`,
    body: (r) => ({ organizationId: r.orgId, participant: 'A participant', said: 'Yes, with a youth area.' }), need: 'member', ok: 201 },
  // Completes the open consultation and opens the vote, freezing its electorate.
  { route: 'POST /api/proposals/{id}/advance', name: 'advance proposal', path: (r) => `/api/proposals/${r.consultingId}/advance`, need: 'admin', ok: 200 },
  { route: 'POST /api/proposals/{id}/withdraw', name: 'withdraw proposal', path: (r) => `/api/proposals/${r.consultingId}/withdraw`, need: 'admin', ok: 200 },
  { route: 'POST /api/proposals/{id}/decide', name: 'decide proposal', path: (r) => `/api/proposals/${r.decidableId}/decide`,
    body: () => ({ statement: 'The network decided.' }), need: 'admin', ok: 200 },
  // Ballots are cast by whoever holds the seat of an elector, not by a role: only the member
  // caller is the seated representative of the one member organization. The owner, admin and
  // viewer can see the vote but are in no electorate (403); the outsider cannot see it (404).
  { route: 'POST /api/votes/{id}/ballots', name: 'cast ballot', path: (r) => `/api/votes/${r.openVoteId}/ballots`,
    body: () => ({ ballot: { position: 'consent' } }), need: 'member', ok: 201, expect: { owner: 403, admin: 403, member: 201, viewer: 403 } },
  { route: 'POST /api/votes/{id}/close', name: 'close vote', path: (r) => `/api/votes/${r.openVoteId}/close`,
    body: () => ({ rule: 'by_coordinator' }), need: 'admin', ok: 200 },
  { route: 'POST /api/votes/{id}/reopen', name: 'reopen vote', path: (r) => `/api/votes/${r.closedVoteId}/reopen`,
    body: () => ({ reason: 'A member was at an action that day.' }), need: 'admin', ok: 200 },
  { route: 'POST /api/committees/{id}/seats', name: 'seat on committee', path: (r) => `/api/committees/${r.committeeId}/seats`,
    body: (r) => ({ organizationId: r.orgId, personId: r.personId, seat: 'alternate', termStartsOn: '2010-01-01', termEndsOn: '2099-12-31' }), need: 'admin', ok: 201 },
  { route: 'DELETE /api/committee-seats/{id}', name: 'remove committee seat', path: (r) => `/api/committee-seats/${r.committeeSeatId}`, need: 'admin', ok: 200 },
  { route: 'GET /api/alliances/{id}/decisions.popolo.json', name: 'export decision log as Popolo', path: (r) => `/api/alliances/${r.allianceId}/decisions.popolo.json`,
    need: 'viewer', ok: 200 },
];

/**
 * A fresh alliance space with one member organization, whose representative is the member
 * caller, a committee seating that representative, and proposals at the stages the routes act
 * on; each caller holds its role in the space.
 */
export async function decisionRecords(t: TestApp, clients: Callers, n: number): Promise<DecisionRecords> {
  const { owner, alliance, spaceId } = await foreignAlliance(t, clients, n, { outsiderGrants: true });
  const base = BLANK;
  const org = await createOrganization(t.db, owner, spaceId, { ...base, name: `Foreign Org ${n}`, kind: 'union' });
  const membership = await addMember(t.db, owner, alliance.id, { memberId: org.id, role: 'member', status: 'active' });
  const personId = await createPerson(t.db, t.deps.box, owner, spaceId, { name: `Foreign Person ${n}`, languages: ['en'], contact: {},
    affiliations: [{ organizationId: org.id, role: 'staff' }] });
  const { email } = await t.db.selectFrom('users').select('email').where('id', '=', clients.member.userId!).executeTakeFirstOrThrow();
  await linkAccount(t.db, owner, personId, email);
  await addRepresentative(t.db, owner, membership.id, { personId, seat: 'staff' });

  // Parsed as the route would, so the vote settings get their defaults.
  const propose = (title: string, steps: unknown[]) => createProposal(t.db, owner, alliance.id, ProposalInputSchema.parse({ title, body: `${title}: the text.`, steps }));
  const advance = (id: string) => advanceProposal(t.deps, owner, id);

  const consulting = await propose(`Foreign Proposal ${n}`, [
    { kind: 'consultation', format: 'meeting', title: 'Regional meeting' },
    { kind: 'vote', title: 'Ratification', vote: consentVote },
  ]);
  const consultationStepId = (await advance(consulting.id)).currentStepId!;

  const voting = await propose(`Foreign Vote ${n}`, [{ kind: 'vote', title: 'Ratification', vote: consentVote }]);
  const openVoteId = (await findVoteOfStep(t.db, (await advance(voting.id)).currentStepId!))!.id;

  const decidable = await propose(`Foreign Decision ${n}`, [{ kind: 'vote', title: 'Ratification', vote: consentVote }]);
  const closedVoteId = (await findVoteOfStep(t.db, (await advance(decidable.id)).currentStepId!))!.id;
  await closeVote(t.db, owner, closedVoteId, { rule: 'by_coordinator' });

  const committee = await createCommittee(t.db, owner, alliance.id, { name: `Foreign Committee ${n}` });
  const seat = await seatOnCommittee(t.db, owner, committee.id, { organizationId: org.id, personId, seat: 'permanent', termStartsOn: '2010-01-01', termEndsOn: '2099-12-31' });

  return { allianceId: alliance.id, orgId: org.id, personId, consultingId: consulting.id, consultationStepId, openVoteId,
    decidableId: decidable.id, closedVoteId, committeeId: committee.id, committeeSeatId: seat.id };
}
