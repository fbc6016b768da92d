import { firstPost } from '../discussions/discussion.service.ts';
import { findOrganization } from '../orgs/organization.repository.ts';
import { type AuditEntry, insertAudit } from '../audit/audit.repository.ts';
import { type Db, inTransaction } from '../db/database.ts';
import * as membershipRepo from '../memberships/membership.repository.ts';
import * as workPlanRepo from '../plans/work-plan.repository.ts';
import * as charterRepo from '../charters/charter.repository.ts';
import { allianceSpace } from '../memberships/membership.service.ts';
import { notifyVoters } from '../notifications/notification.service.ts';
import type { AppDeps } from '../server/context.ts';
import { conflict, invalid, notFound } from '../server/problem.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import * as committeeRepo from './committee.repository.ts';
import type { ProposalInput } from './decision.schema.ts';
import * as repo from './proposal.repository.ts';
import { validateVoteConfig } from './vote-outcome.ts';
import * as voteRepo from './vote.repository.ts';
import { openVoteIn } from './vote.service.ts';

// Proposals move through their process step by step: consultations (who took part, what they
// said) and votes. Amendments make new versions; the coordinator states the outcome at the end,
// and a ratified outcome updates what it decides.

type Deps = Pick<AppDeps, 'db' | 'mailer' | 'config'>;

async function proposalIn(db: Db, actor: Actor, id: string, needed: 'viewer' | 'member' | 'admin') {
  const proposal = await repo.findProposal(db, id);
  if (!proposal) throw notFound('proposal');
  const role = await requireRole(db, actor, proposal.spaceId, needed);
  return { proposal, role };
}

export async function createProposal(db: Db, actor: Actor, allianceId: string, input: ProposalInput) {
  const { spaceId } = await allianceSpace(db, actor, allianceId);
  await requireRole(db, actor, spaceId, 'member');
  if (input.committeeId) {
    const committee = await committeeRepo.findCommittee(db, input.committeeId);
    if (committee?.allianceId !== allianceId) throw invalid([{ field: 'committeeId', message: 'not a committee of this alliance' }]);
  }
  if (input.decides?.kind === 'membership') {
    const membership = await membershipRepo.findMembership(db, input.decides.membershipId);
    if (membership?.allianceId !== allianceId) throw invalid([{ field: 'decides.membershipId', message: 'not a membership of this alliance' }]);
  }
  if (input.decides?.kind === 'work_plan' && (await workPlanRepo.findPlan(db, input.decides.workPlanId))?.organizationId !== allianceId) {
    throw invalid([{ field: 'decides.workPlanId', message: 'not a work plan of this alliance' }]);
  }
  if (input.decides?.kind === 'charter' && (await charterRepo.findCharterVersion(db, input.decides.charterVersionId))?.allianceId !== allianceId) {
    throw invalid([{ field: 'decides.charterVersionId', message: 'not a charter version of this alliance' }]);
  }
  const errors = input.steps.flatMap((step, i) => step.kind === 'vote'
    ? validateVoteConfig(step.vote!).map((e) => ({ field: `steps[${i}].vote.${e.field}`, message: e.message })) : []);
  for (const [i, step] of input.steps.entries()) {
    const committeeId = step.vote?.electorate.committeeId;
    if (committeeId && (await committeeRepo.findCommittee(db, committeeId))?.allianceId !== allianceId) {
      errors.push({ field: `steps[${i}].vote.electorate.committeeId`, message: 'not a committee of this alliance' });
    }
  }
  if (errors.length) throw invalid(errors);
  return inTransaction(db, async (trx) => {
    const { id } = await repo.insertProposal(trx, { spaceId, allianceId, committeeId: input.committeeId ?? null, decides: input.decides ?? null, createdBy: actor.userId });
    await repo.insertVersion(trx, { spaceId, proposalId: id, version: 1, title: input.title, body: input.body, attachments: input.attachments, changeNote: null, createdBy: actor.userId });
    for (const [position, step] of input.steps.entries()) {
      const { id: stepId } = await repo.insertStep(trx, { spaceId, proposalId: id, position, kind: step.kind, format: step.format ?? null,
        title: step.title, startsOn: step.startsOn ?? null, endsOn: step.endsOn ?? null });
      if (step.vote) await voteRepo.insertVote(trx, { spaceId, stepId, proposalId: id, config: step.vote });
    }
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'proposal', entityId: id,
      changes: { title: [null, input.title], steps: [null, input.steps.length] } }]);
    return { id };
  });
}

export async function amendProposal(db: Db, actor: Actor, id: string, input: { title: string; body: string; attachments: { name: string; url: string }[]; changeNote: string }) {
  const { proposal } = await proposalIn(db, actor, id, 'member');
  if (proposal.status !== 'draft' && proposal.status !== 'in_process') throw conflict('A decided or withdrawn proposal cannot be amended.');
  return db.transaction().execute(async (trx) => {
    await repo.lockProposal(trx, id);
    const version = (await repo.latestVersionNumber(trx, id)) + 1;
    await repo.insertVersion(trx, { spaceId: proposal.spaceId, proposalId: id, version, ...input, createdBy: actor.userId });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: proposal.spaceId, action: 'update', entity: 'proposal', entityId: id,
      changes: { version: [version - 1, version], changeNote: [null, input.changeNote] } }]);
    return { version };
  });
}

/** A comment on the proposal: a post in its discussion thread, tied to the version it speaks to. */
export async function addComment(db: Db, actor: Actor, id: string, body: string) {
  const { proposal } = await proposalIn(db, actor, id, 'member');
  return db.transaction().execute(async (trx) => {
    const version = await repo.latestVersionNumber(trx, id);
    const title = (await repo.listVersions(trx, id)).at(-1)?.title ?? '';
    const comment = await firstPost(trx, { spaceId: proposal.spaceId, kind: 'proposal', subjectId: id, title, userId: actor.userId, body, proposalVersion: version });
    // Names the proposal and version commented on; the comment itself stays in the discussion.
    await insertAudit(trx, [{ userId: actor.userId, spaceId: proposal.spaceId, action: 'create', entity: 'proposal_comment', entityId: comment.postId,
      changes: { proposal: [null, id], version: [null, version] } }]);
    return { id: comment.postId, createdAt: comment.createdAt, threadId: comment.threadId };
  });
}

export async function recordConsultation(db: Db, actor: Actor, stepId: string, input: { organizationId?: string | null; participant: string; said?: string | null }) {
  const step = await repo.findStep(db, stepId);
  if (!step) throw notFound('step');
  await requireRole(db, actor, step.spaceId, 'member');
  if (step.kind !== 'consultation') throw conflict('Only a consultation step records who took part.');
  if (step.status !== 'open') throw conflict('This step is not open.');
  if (input.organizationId) {
    const proposal = (await repo.findProposal(db, step.proposalId))!;
    if (!(await membershipRepo.findMembershipByPair(db, proposal.allianceId, input.organizationId))) {
      throw invalid([{ field: 'organizationId', message: 'not a member of this alliance' }]);
    }
  }
  return db.transaction().execute(async (trx) => {
    const entry = await repo.insertConsultationEntry(trx, { spaceId: step.spaceId, stepId, organizationId: input.organizationId ?? null,
      participant: input.participant, said: input.said ?? null, recordedBy: actor.userId });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: step.spaceId, action: 'create', entity: 'consultation_entry', entityId: entry.id,
      changes: { step: [null, step.title], participant: [null, input.participant] } }]);
    return entry;
  });
}

/**
 * Moves the proposal to its next step: a draft starts its first step; an open consultation is
 * completed; a vote must have closed first. Opening a vote step opens the vote and tells its voters.
 */
export async function advanceProposal(deps: Deps, actor: Actor, id: string) {
  const { proposal } = await proposalIn(deps.db, actor, id, 'admin');
  if (proposal.status !== 'draft' && proposal.status !== 'in_process') throw conflict('This proposal has been decided or withdrawn.');
  const result = await deps.db.transaction().execute(async (trx) => {
    await repo.lockProposal(trx, id);
    const steps = await repo.listSteps(trx, id);
    const current = steps.find((s) => s.status === 'open');
    if (current?.kind === 'vote') {
      const vote = await voteRepo.findVoteOfStep(trx, current.id);
      if (vote?.status !== 'closed') throw conflict('Close the vote before moving on.');
    }
    if (current) await repo.setStepStatus(trx, current.id, 'done');
    const next = steps.find((s) => s.status === 'pending' && (!current || s.position > current.position));
    if (proposal.status === 'draft') await repo.updateProposal(trx, id, { status: 'in_process' });
    let voters: string[] = [];
    if (next) {
      await repo.setStepStatus(trx, next.id, 'open');
      if (next.kind === 'vote') voters = await openVoteIn(trx, actor, (await voteRepo.findVoteOfStep(trx, next.id))!, { id: proposal.allianceId, spaceId: proposal.spaceId });
    }
    await insertAudit(trx, [{ userId: actor.userId, spaceId: proposal.spaceId, action: 'update', entity: 'proposal', entityId: id,
      changes: { step: [current?.title ?? null, next?.title ?? null] } }]);
    return { next, voters };
  });
  if (result.next?.kind === 'vote') {
    const vote = (await voteRepo.findVoteOfStep(deps.db, result.next.id))!;
    const title = (await repo.listVersions(deps.db, id)).at(-1)!.title;
    const alliance = (await findOrganization(deps.db, proposal.allianceId))!;
    await notifyVoters(deps, { kind: 'vote_opened', spaceId: proposal.spaceId, proposalId: id, voteId: vote.id, proposalTitle: title,
      allianceName: alliance.name, closesAt: vote.closesAt ? new Date(vote.closesAt) : null, userIds: result.voters });
  }
  return { currentStepId: result.next?.id ?? null };
}

/**
 * The coordinator's outcome statement ends the process. The proposal is ratified when its last
 * vote passed (or had no pass/fail, as advice or an election) and met its quorum; otherwise it
 * is rejected. A ratified proposal applies what it decides.
 */
export async function decideProposal(db: Db, actor: Actor, id: string, statement: string) {
  const { proposal } = await proposalIn(db, actor, id, 'admin');
  if (proposal.status !== 'in_process') throw conflict('Only a proposal in process can be decided.');
  const steps = await repo.listSteps(db, id);
  if (steps.some((s) => s.status !== 'done' && !(s.status === 'open' && s.kind === 'consultation' && s === steps.at(-1)))) {
    throw conflict('Finish every step of the process first.');
  }
  const votes = await voteRepo.listVotesOfProposals(db, [id]);
  const lastVoteStep = [...steps].reverse().find((s) => s.kind === 'vote');
  const lastVote = votes.find((v) => v.stepId === lastVoteStep?.id);
  const outcome = lastVote?.outcome as { passed?: boolean | null; quorumMet?: boolean } | null | undefined;
  const passed = !lastVote || (outcome?.quorumMet !== false && outcome?.passed !== false);
  const status = passed ? 'ratified' : 'rejected';
  return db.transaction().execute(async (trx) => {
    for (const s of steps.filter((s) => s.status === 'open')) await repo.setStepStatus(trx, s.id, 'done');
    await repo.updateProposal(trx, id, { status, outcomeStatement: statement, decidedAt: new Date() });
    const audits: AuditEntry[] = [{ userId: actor.userId, spaceId: proposal.spaceId, action: 'update', entity: 'proposal', entityId: id,
      changes: { status: ['in_process', status], outcomeStatement: [null, statement] } }];
    const decides = proposal.decides as { kind?: string; membershipId?: string; status?: string; workPlanId?: string; charterVersionId?: string } | null;
    if (status === 'ratified' && decides?.kind === 'charter' && decides.charterVersionId) {
      await charterRepo.markCharterRatified(trx, decides.charterVersionId);
      audits.push({ userId: actor.userId, spaceId: proposal.spaceId, action: 'update', entity: 'charter_version', entityId: decides.charterVersionId, changes: { ratified: [false, true], decidedBy: [null, id] } });
    }
    if (decides?.kind === 'work_plan' && decides.workPlanId) {
      // A rejected plan goes back to draft, to be revised and sent again.
      await workPlanRepo.setPlanStatus(trx, decides.workPlanId, status === 'ratified' ? 'ratified' : 'draft');
      audits.push({ userId: actor.userId, spaceId: proposal.spaceId, action: 'update', entity: 'work_plan', entityId: decides.workPlanId,
        changes: { status: ['in_ratification', status === 'ratified' ? 'ratified' : 'draft'], decidedBy: [null, id] } });
    }
    if (status === 'ratified' && decides?.kind === 'membership' && decides.membershipId) {
      const before = await membershipRepo.findMembership(trx, decides.membershipId);
      if (before) {
        await membershipRepo.updateMembership(trx, before.id, { status: decides.status as never });
        audits.push({ userId: actor.userId, spaceId: before.spaceId, action: 'update', entity: 'membership', entityId: before.id,
          changes: { status: [before.status, decides.status!], decidedBy: [null, id] } });
      }
    }
    await insertAudit(trx, audits);
    return { status };
  });
}

export async function withdrawProposal(db: Db, actor: Actor, id: string) {
  const { proposal } = await proposalIn(db, actor, id, 'admin');
  if (proposal.status !== 'draft' && proposal.status !== 'in_process') throw conflict('This proposal has already been decided.');
  await db.transaction().execute(async (trx) => {
    await repo.updateProposal(trx, id, { status: 'withdrawn', decidedAt: new Date() });
    const decides = proposal.decides as { kind?: string; workPlanId?: string } | null;
    if (decides?.kind === 'work_plan' && decides.workPlanId) await workPlanRepo.setPlanStatus(trx, decides.workPlanId, 'draft');
    for (const vote of await voteRepo.listVotesOfProposals(trx, [id])) {
      if (vote.status === 'open') await voteRepo.updateVote(trx, vote.id, { status: 'closed', closedAt: new Date() });
    }
    await insertAudit(trx, [{ userId: actor.userId, spaceId: proposal.spaceId, action: 'update', entity: 'proposal', entityId: id, changes: { status: [proposal.status, 'withdrawn'] } }]);
  });
}

export async function listProposals(db: Db, actor: Actor, allianceId: string) {
  const { alliance, spaceId } = await allianceSpace(db, actor, allianceId);
  const role = await requireRole(db, actor, spaceId, 'viewer');
  return { alliance: { id: alliance.id, name: alliance.name }, role, proposals: await repo.listProposals(db, allianceId) };
}

export { proposalIn };
