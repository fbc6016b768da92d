import { findOrganization } from '../orgs/organization.repository.ts';
import type { Db } from '../db/database.ts';
import { allianceSpace } from '../memberships/membership.service.ts';
import { type Actor, requireAccess } from '../spaces/access.ts';
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
  const [electors, ballots, events] = await Promise.all([voteRepo.listElectors(db, voteIds), voteRepo.listBallots(db, voteIds), voteRepo.listVoteEvents(db, voteIds)]);
  const records = [];
  for (const proposal of proposals) {
    const [versions, steps, comments] = await Promise.all([
      repo.listVersions(db, proposal.id), repo.listSteps(db, proposal.id), options.withDiscussion ? repo.listComments(db, proposal.id) : Promise.resolve([]),
    ]);
    const entries = await repo.listConsultationEntries(db, steps.map((s) => s.id));
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
  await requireAccess(db, actor, spaceId, 'viewer');
  const list = await repo.listProposals(db, allianceId, { status: ['ratified', 'rejected', 'in_process', 'withdrawn'] });
  const proposals = (await Promise.all(list.map((p) => repo.findProposal(db, p.id)))).filter((p) => p !== undefined);
  const records = await assemble(db, actor, proposals, { withDiscussion: false });
  const audit = await db.selectFrom('audit_log').leftJoin('users', 'users.id', 'audit_log.user_id')
    .select(['audit_log.entity_id as proposalId', 'audit_log.at', 'audit_log.action', 'audit_log.changes', 'users.display_name as by'])
    .where('audit_log.entity', '=', 'proposal').where('audit_log.space_id', '=', spaceId).orderBy('audit_log.id').execute();
  return {
    alliance: { id: alliance.id, name: alliance.name },
    decisions: records.map((r) => ({ ...r, changes: audit.filter((a) => a.proposalId === r.id).map(({ proposalId: _p, ...a }) => a) })),
  };
}
