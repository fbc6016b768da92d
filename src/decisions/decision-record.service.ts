import { findOrganization } from '../orgs/organization.repository.ts';
import type { Db } from '../db/database.ts';
import { allianceSpace } from '../memberships/membership.service.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import { castingRightsOf } from './electorate.ts';
import * as repo from './proposal.repository.ts';
import { proposalIn } from './proposal.service.ts';
import { viewVote } from './vote-view.ts';
import * as voteRepo from './vote.repository.ts';
import { resolveElectorate } from './vote.service.ts';

// The full record of proposals as one reader may see it: versions, discussion, steps with who
// took part, votes with who could vote, who did, by which rule, and the arithmetic.

async function assemble(db: Db, actor: Actor, proposals: NonNullable<Awaited<ReturnType<typeof repo.findProposal>>>[], options: { withDiscussion: boolean }) {
  const ids = proposals.map((p) => p.id);
  const votes = await voteRepo.listVotesOfProposals(db, ids);
  const voteIds = votes.map((v) => v.id);
  const [electors, ballots, events, allVersions, allSteps, allComments] = await Promise.all([
    voteRepo.listElectors(db, voteIds), voteRepo.listBallots(db, voteIds), voteRepo.listVoteEvents(db, voteIds),
    repo.listVersionsOf(db, ids), repo.listStepsOf(db, ids), options.withDiscussion ? repo.listCommentsOf(db, ids) : Promise.resolve([]),
  ]);
  const allEntries = await repo.listConsultationEntries(db, allSteps.map((s) => s.id));
  const records = [];
  for (const proposal of proposals) {
    const versions = allVersions.filter((v) => v.proposalId === proposal.id).map(({ proposalId: _p, ...v }) => v);
    const steps = allSteps.filter((s) => s.proposalId === proposal.id);
    const comments = allComments.filter((c) => c.proposalId === proposal.id).map(({ proposalId: _p, ...c }) => c);
    const entries = allEntries.filter((e) => steps.some((s) => s.id === e.stepId));
    const stepViews = [];
    for (const step of steps) {
      const vote = votes.find((v) => v.stepId === step.id);
      let voteView = null;
      if (vote) {
        // Rights are computed against the seats of today, limited to the electorate frozen at opening.
        const frozen = electors.filter((e) => e.voteId === vote.id);
        const live = vote.status === 'scheduled' ? [] : (await resolveElectorate(db, vote, { id: proposal.allianceId, spaceId: proposal.spaceId }))
          .filter((e) => frozen.some((f) => f.electorId === e.id));
        voteView = viewVote({ vote, electors: frozen, ballots: ballots.filter((b) => b.voteId === vote.id), events: events.filter((e) => e.voteId === vote.id) },
          castingRightsOf(live, actor.userId));
      }
      stepViews.push({ ...step, entries: entries.filter((e) => e.stepId === step.id), vote: voteView });
    }
    const latest = versions.at(-1)!;
    records.push({
      id: proposal.id, allianceId: proposal.allianceId, committeeId: proposal.committeeId, status: proposal.status, decides: proposal.decides,
      outcomeStatement: proposal.outcomeStatement, createdAt: proposal.createdAt, decidedAt: proposal.decidedAt,
      title: latest.title, body: latest.body, attachments: latest.attachments, version: latest.version,
      versions, comments, steps: stepViews,
      currentStepId: stepViews.find((s) => s.status === 'open')?.id ?? null,
    });
  }
  return records;
}

export async function getProposalPage(db: Db, actor: Actor, id: string) {
  const { proposal, role } = await proposalIn(db, actor, id, 'viewer');
  const [record] = await assemble(db, actor, [proposal], { withDiscussion: true });
  const alliance = (await findOrganization(db, proposal.allianceId))!;
  return { ...record!, alliance, role };
}

/** Every decided proposal of the alliance (and those in process), newest first, for every member to read. */
export async function getDecisionLog(db: Db, actor: Actor, allianceId: string) {
  const { alliance, spaceId } = await allianceSpace(db, actor, allianceId);
  await requireRole(db, actor, spaceId, 'viewer');
  const list = await repo.listProposals(db, allianceId, { status: ['ratified', 'rejected', 'in_process', 'withdrawn'] });
  // In the list's order (newest first).
  const found = new Map((await repo.findProposals(db, list.map((p) => p.id))).map((p) => [p.id, p]));
  const proposals = list.map((p) => found.get(p.id)).filter((p) => p !== undefined);
  const [records, audit] = await Promise.all([assemble(db, actor, proposals, { withDiscussion: false }), repo.listProposalChanges(db, spaceId)]);
  return {
    alliance: { id: alliance.id, name: alliance.name },
    decisions: records.map((r) => ({ ...r, changes: audit.filter((a) => a.proposalId === r.id).map(({ proposalId: _p, ...a }) => a) })),
  };
}
