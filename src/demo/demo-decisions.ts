import { insertUser } from '../accounts/accounts.repository.ts';
import type { Db } from '../db/database.ts';
import { seatOnCommittee, createCommittee } from '../decisions/committee.service.ts';
import type { ProposalInput } from '../decisions/decision.schema.ts';
import { advanceProposal, createProposal, decideProposal } from '../decisions/proposal.service.ts';
import { castBallot, closeVote } from '../decisions/vote.service.ts';
import { linkAccount } from '../people/person.service.ts';
import type { AppDeps } from '../server/context.ts';
import type { Actor } from '../spaces/access.ts';
import { upsertRole } from '../spaces/spaces.repository.ts';
import { DEMO_PEOPLE } from './demo-data.ts';

// The Inter-Alliance Dialogue's decisions, from seed 000: representatives of the six alliances
// get accounts to vote for their alliance; the funders strategy committee ("each alliance should
// assign a permanent rep and an alternate"); the four-step ratification of the 2010 work plan
// ("plan gets drafted → 3-4 regional meetings (Bay Area; DC; Providence; NYC) → mass membership
// call → network ratification by mid-late February") is set up with the work plan itself, in
// demo-convenings.ts; here, one small decision already taken, so the decision log is not empty.

// Fictional: committed organizers each alliance declares for the weighted network vote.
export const DEMO_COMMITTED_ORGANIZERS: Record<string, number> = { ggj: 12, jwj: 20, ndlon: 15, ndwa: 10, pbn: 8, rttc: 14 };

export async function loadDemoDecisions(deps: Pick<AppDeps, 'db' | 'mailer' | 'config'>, ctx: {
  coordinator: Actor; passwordHash: string; iadId: string; iadSpaceId: string; orgIds: Map<string, string>; personIds: Map<string, string>;
}) {
  const { db } = deps;
  const { coordinator } = ctx;
  // 1. Accounts for the people who sit for their alliance in the IAD, linked to their person record.
  const seated = DEMO_PEOPLE.filter((p) => p.seats.some((s) => s.allianceKey === 'iad'));
  const actorOf = new Map<string, Actor>();
  for (const person of seated) {
    const user = await insertUser(db, { email: person.email, displayName: person.name, passwordHash: ctx.passwordHash, locale: person.languages[0] === 'es' ? 'es' : 'en' });
    await upsertRole(db, ctx.iadSpaceId, user.id, 'member');
    await linkAccount(db, coordinator, ctx.personIds.get(person.key)!, person.email);
    actorOf.set(person.key, { userId: user.id, isWorkspaceAdmin: false });
  }

  // 2. The funders strategy committee: a permanent representative and an alternate per alliance.
  const committee = await createCommittee(db, coordinator, ctx.iadId, { name: 'Funders strategy committee', purpose: 'Joint approach to funders, with a permanent representative and an alternate from each alliance (seed 000).' });
  for (const alliance of Object.keys(DEMO_COMMITTED_ORGANIZERS)) {
    const people = seated.filter((p) => p.affiliations[0]!.orgKey === alliance);
    const permanent = people.find((p) => p.seats.some((s) => s.allianceKey === 'iad' && s.seat === 'staff'));
    const alternate = people.find((p) => p !== permanent);
    for (const [person, seat] of [[permanent, 'permanent'], [alternate, 'alternate']] as const) {
      if (person) await seatOnCommittee(db, coordinator, committee.id, { organizationId: ctx.orgIds.get(alliance)!, personId: ctx.personIds.get(person.key)!, seat, termStartsOn: '2010-01-01', termEndsOn: '2010-12-31' });
    }
  }

  // 3. A decision already taken: NNIRR's recommendation, by consent of the six alliances.
  const call = await createProposal(db, coordinator, ctx.iadId, {
    title: 'Convene a call of all IAD groups already engaged in immigration work',
    body: 'NNIRR recommended that the IAD convene a call of every member group already working on immigration, to coordinate before taking on a joint campaign.',
    attachments: [], steps: [{ kind: 'vote', title: 'Consent of the six alliances', vote: {
      method: 'consent', rule: {}, options: [], seats: 1, electorate: { kind: 'organizations', roles: ['anchor', 'member'], affiliationRoles: ['leader'] },
      secret: false, earlyClose: 'when_all_voted' } }],
  } as ProposalInput);
  await advanceProposal(deps, coordinator, call.id);
  const vote = await db.selectFrom('votes').select('id').where('proposal_id', '=', call.id).executeTakeFirstOrThrow();
  for (const person of seated.filter((p) => p.seats.some((s) => s.allianceKey === 'iad' && s.seat === 'staff'))) {
    await castBallot(db, actorOf.get(person.key)!, vote.id, { ballot: { position: 'consent' } });
  }
  await closeVote(db, coordinator, vote.id, { rule: 'when_all_voted' });
  await decideProposal(db, coordinator, call.id, 'All six alliances consented: NDLON convenes the call of IAD groups working on immigration.');

  return { voters: seated.length, committeeId: committee.id };
}
