import { findOrganization } from '../orgs/organization.repository.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { notifyVoters } from '../notifications/notification.service.ts';
import type { AppDeps } from '../server/context.ts';
import { conflict, forbidden, invalid, notFound } from '../server/problem.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import type { VoteConfig } from './decision.schema.ts';
import * as electorateRepo from './electorate.repository.ts';
import { castingRightsOf, type Elector, groupElectors, mayCast } from './electorate.ts';
import * as proposalRepo from './proposal.repository.ts';
import { computeOutcome, computeSecretOutcome, electorWeights, validateBallot } from './vote-outcome.ts';
import * as repo from './vote.repository.ts';

// Votes: opening freezes the electorate and its weights; a ballot per elector, changeable until
// close with its history kept; closing computes the outcome by the vote's method and rule.

type Deps = Pick<AppDeps, 'db' | 'mailer' | 'config'>;

/** Everyone who may vote now, as the vote's electorate definition says. */
export async function resolveElectorate(db: Db, vote: Pick<repo.VoteRow, 'electorate'>, alliance: { id: string; spaceId: string }): Promise<Elector[]> {
  const e = vote.electorate as unknown as VoteConfig['electorate'];
  if (e.kind === 'committee') return groupElectors(await electorateRepo.committeeElectorRows(db, e.committeeId!));
  if (e.kind === 'people') return groupElectors(await electorateRepo.peopleElectorRows(db, alliance.id, alliance.spaceId, e.affiliationRoles));
  return groupElectors(await electorateRepo.organizationElectorRows(db, alliance.id, e.roles));
}

/** Opens a scheduled vote inside the caller's transaction; returns who to notify once committed. */
export async function openVoteIn(trx: Db, actor: Actor, vote: repo.VoteRow, alliance: { id: string; spaceId: string }) {
  const electors = await resolveElectorate(trx, vote, alliance);
  if (electors.length === 0) throw conflict('This vote has no one in its electorate: add members, seats or representatives first.', 'electorate');
  const weights = electorWeights(vote.weighting as never, electors);
  await repo.insertElectors(trx, vote.id, electors.map((e) => ({ id: e.id, label: e.label, weight: weights.get(e.id)!.weight, inputs: weights.get(e.id)!.inputs })));
  await repo.updateVote(trx, vote.id, { status: 'open', openedAt: new Date() });
  await repo.insertVoteEvent(trx, { voteId: vote.id, action: 'opened', userId: actor.userId });
  return electors.flatMap((e) => e.casters.map((c) => c.userId));
}

async function voteWithAlliance(db: Db, voteId: string) {
  const vote = await repo.findVote(db, voteId);
  if (!vote) throw notFound('vote');
  const proposal = await proposalRepo.findProposal(db, vote.proposalId);
  if (!proposal) throw notFound('vote');
  return { vote, proposal, alliance: { id: proposal.allianceId, spaceId: proposal.spaceId } };
}

/**
 * Casts (or changes) the ballot of an elector the caller may vote for. Only the electorate
 * votes; the alternate only while the representative has not.
 */
export async function castBallot(db: Db, actor: Actor, voteId: string, input: { ballot: Record<string, unknown>; electorId?: string | null }) {
  const { vote, alliance } = await voteWithAlliance(db, voteId);
  const frozen = new Set((await repo.listElectors(db, [vote.id])).map((e) => e.electorId));
  const electors = (await resolveElectorate(db, vote, alliance)).filter((e) => frozen.has(e.id));
  const rights = castingRightsOf(electors, actor.userId).filter((r) => !input.electorId || r.electorId === input.electorId);
  if (rights.length === 0) {
    await requireRole(db, actor, alliance.spaceId, 'viewer');
    throw forbidden('You are not in the electorate of this vote.');
  }
  if (rights.length > 1) throw invalid([{ field: 'electorId', message: 'you vote for several organizations here: say which' }]);
  if (vote.status !== 'open') throw conflict(vote.status === 'closed' ? 'This vote is closed.' : 'This vote has not opened yet.');
  const errors = validateBallot(vote, input.ballot);
  if (errors.length) throw invalid(errors.map((e) => ({ field: `ballot.${e.field}`, message: e.message })));
  const right = rights[0]!;
  return db.transaction().execute(async (trx) => {
    const locked = await repo.lockVote(trx, vote.id);
    if (locked?.status !== 'open') throw conflict('This vote is closed.');
    const current = await repo.findCurrentBallot(trx, vote.id, right.electorId);
    if (mayCast(right.castAs, current) === 'alternate_after_representative') {
      throw conflict('Your organization\'s representative has already voted; the alternate votes only when the representative has not.', 'electorId');
    }
    // A secret ballot cannot be found again to be replaced: nothing ties it to its voter.
    if (vote.secret && current) throw conflict('This vote is secret: a ballot is final once cast.', 'electorId');
    const version = await proposalRepo.latestVersionNumber(trx, vote.proposalId);
    const ballot = await repo.insertBallot(trx, { spaceId: vote.spaceId, voteId: vote.id, electorId: right.electorId, castBy: actor.userId,
      castAs: right.castAs, version, ballot: vote.secret ? null : input.ballot });
    if (vote.secret) {
      const weight = (await repo.listElectors(trx, [vote.id])).find((e) => e.electorId === right.electorId)!.weight;
      await repo.dropInBallotBox(trx, { voteId: vote.id, spaceId: vote.spaceId }, { ballot: input.ballot, weight });
    }
    // The audit log records that a ballot was cast, never its content (ballots may be secret).
    await insertAudit(trx, [{ userId: actor.userId, spaceId: vote.spaceId, action: current ? 'update' : 'create', entity: 'ballot', entityId: ballot.id,
      changes: { vote: [null, vote.id], elector: [null, right.electorId], castAs: [null, right.castAs], version: [null, version] } }]);
    return { id: ballot.id, electorId: right.electorId, castAs: right.castAs, version, castAt: ballot.castAt, replaced: !!current };
  });
}

async function everyoneVoted(db: Db, voteId: string) {
  const electors = await repo.listElectors(db, [voteId]);
  const ballots = (await repo.listBallots(db, [voteId])).filter((b) => !b.supersededAt);
  return electors.every((e) => ballots.some((b) => b.electorId === e.electorId));
}

async function closeIn(trx: Db, vote: repo.VoteRow, action: { userId: string | null; rule: string; reason?: string | null }) {
  const electors = await repo.listElectors(trx, [vote.id]);
  const ballots = (await repo.listBallots(trx, [vote.id])).filter((b) => !b.supersededAt);
  const outcome = vote.secret
    ? computeSecretOutcome(vote, electors, new Set(ballots.map((b) => b.electorId)), await repo.readBallotBox(trx, vote.id))
    : computeOutcome(vote, electors, ballots as { electorId: string; ballot: unknown }[]);
  await repo.updateVote(trx, vote.id, { status: 'closed', closedAt: new Date(), outcome });
  await repo.insertVoteEvent(trx, { voteId: vote.id, action: 'closed', rule: action.rule, reason: action.reason ?? null, userId: action.userId });
  await proposalRepo.setStepStatus(trx, vote.stepId, 'done');
  return outcome;
}

/**
 * Closes a vote. Without a deadline the coordinator closes it when the process says so; before
 * its deadline only by the vote's early-close rule: 'when_all_voted' once every elector has
 * voted, 'by_coordinator' at the coordinator's word (with a reason).
 */
export async function closeVote(db: Db, actor: Actor, voteId: string, input: { rule: 'when_all_voted' | 'by_coordinator'; reason?: string | null }) {
  const { vote } = await voteWithAlliance(db, voteId);
  await requireRole(db, actor, vote.spaceId, 'admin');
  if (vote.status !== 'open') throw conflict('Only an open vote can be closed.');
  const early = vote.closesAt !== null && new Date(vote.closesAt) > new Date();
  if (input.rule === 'when_all_voted' && !(await everyoneVoted(db, vote.id))) {
    throw conflict('Not every elector has voted yet.', 'rule');
  }
  if (early && input.rule === 'by_coordinator' && vote.earlyClose !== 'by_coordinator') {
    throw conflict('This vote\'s rule does not let the coordinator close it before its deadline.', 'rule');
  }
  if (early && input.rule === 'when_all_voted' && vote.earlyClose === 'never') {
    throw conflict('This vote\'s rule keeps it open until its deadline.', 'rule');
  }
  if (early && input.rule === 'by_coordinator' && !input.reason) throw invalid([{ field: 'reason', message: 'say why the vote closes early' }]);
  return db.transaction().execute(async (trx) => {
    const locked = await repo.lockVote(trx, vote.id);
    if (locked?.status !== 'open') throw conflict('Only an open vote can be closed.');
    const outcome = await closeIn(trx, locked, { userId: actor.userId, rule: early ? input.rule : 'by_coordinator', reason: input.reason });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: vote.spaceId, action: 'update', entity: 'vote', entityId: vote.id, changes: { status: ['open', 'closed'] } }]);
    return outcome;
  });
}

/** Reopens a closed vote whose proposal has not moved on, with a stated reason (logged). */
export async function reopenVote(db: Db, actor: Actor, voteId: string, input: { reason: string; closesAt?: string | null }) {
  const { vote, proposal } = await voteWithAlliance(db, voteId);
  await requireRole(db, actor, vote.spaceId, 'admin');
  if (vote.status !== 'closed') throw conflict('Only a closed vote can be reopened.');
  if (proposal.status !== 'in_process') throw conflict('The proposal has been decided; its votes can no longer be reopened.');
  const steps = await proposalRepo.listSteps(db, proposal.id);
  const step = steps.find((s) => s.id === vote.stepId)!;
  if (steps.some((s) => s.position > step.position && s.status !== 'pending')) throw conflict('The proposal has moved past this vote.');
  if (input.closesAt && new Date(input.closesAt) <= new Date()) throw invalid([{ field: 'closesAt', message: 'must be in the future' }]);
  await db.transaction().execute(async (trx) => {
    await repo.updateVote(trx, vote.id, { status: 'open', closedAt: null, outcome: null, closesAt: input.closesAt ?? null, remindedAt: null });
    await proposalRepo.setStepStatus(trx, vote.stepId, 'open');
    await repo.insertVoteEvent(trx, { voteId: vote.id, action: 'reopened', rule: 'by_coordinator', reason: input.reason, userId: actor.userId });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: vote.spaceId, action: 'update', entity: 'vote', entityId: vote.id, changes: { status: ['closed', 'open'] } }]);
  });
}

/** Closes every open vote whose deadline has passed (run by the server's clock). */
export async function closeVotesPastDeadline(db: Db, now = new Date()) {
  const due = await repo.listVotesPastDeadline(db, now);
  for (const vote of due) {
    await db.transaction().execute(async (trx) => {
      const locked = await repo.lockVote(trx, vote.id);
      if (locked?.status === 'open') await closeIn(trx, locked, { userId: null, rule: 'deadline' });
    });
  }
  return due.length;
}

/** Reminds electors who have not voted, once, when a vote closes within `within` ms. */
export async function remindVotersBeforeClose(deps: Deps, now = new Date(), within = 24 * 3600_000) {
  const votes = await repo.listVotesToRemind(deps.db, now, new Date(now.getTime() + within));
  for (const vote of votes) {
    const { proposal, alliance } = await voteWithAlliance(deps.db, vote.id);
    const frozen = await repo.listElectors(deps.db, [vote.id]);
    const voted = new Set((await repo.listBallots(deps.db, [vote.id])).map((b) => b.electorId));
    const waiting = new Set(frozen.filter((e) => !voted.has(e.electorId)).map((e) => e.electorId));
    const electors = (await resolveElectorate(deps.db, vote, alliance)).filter((e) => waiting.has(e.id));
    await repo.updateVote(deps.db, vote.id, { remindedAt: now });
    const title = (await proposalRepo.listVersions(deps.db, proposal.id)).at(-1)?.title ?? '';
    const allianceName = (await findOrganization(deps.db, alliance.id))?.name ?? '';
    await notifyVoters(deps, { kind: 'vote_closing', spaceId: vote.spaceId, proposalId: proposal.id, voteId: vote.id, proposalTitle: title, allianceName,
      closesAt: vote.closesAt ? new Date(vote.closesAt) : null, userIds: electors.flatMap((e) => e.casters.map((c) => c.userId)) });
  }
  return votes.length;
}
