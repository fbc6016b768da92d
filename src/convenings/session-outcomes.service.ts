import { type Db, inTransaction } from '../db/database.ts';
import { createProposal } from '../decisions/proposal.service.ts';
import { findOrganization } from '../orgs/organization.repository.ts';
import { createGoal } from '../plans/goal.service.ts';
import { conflict, notFound } from '../server/problem.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import * as repo from './convening.repository.ts';

// What came out of a session becomes work that can be followed up: a goal identified becomes a
// trackable (SMARTIE) goal; a proposal that emerged becomes a draft Proposal for a decision.

async function itemIn(db: Db, actor: Actor, id: string, kind: 'goal' | 'proposal') {
  const item = await repo.findItem(db, id);
  if (!item) throw notFound('session item');
  await requireRole(db, actor, item.spaceId, 'member', 'session item');
  if (item.kind !== kind) throw conflict(kind === 'goal' ? 'This item is a proposal, not a goal.' : 'This item is a goal, not a proposal.');
  return item;
}

// Each conversion locks its item first, so two clicks at once make one goal (or proposal), not two.

export async function sessionItemToGoal(db: Db, actor: Actor, itemId: string) {
  const item = await itemIn(db, actor, itemId, 'goal');
  return inTransaction(db, async (trx) => {
    if ((await repo.lockItem(trx, itemId))?.goalId) throw conflict('This goal is already being tracked.');
    const { id } = await createGoal(trx, actor, item.organizationId, {
      statement: item.text, level: 'goal', indicators: [], activities: [], impactReflection: {},
    }, { sourceSessionId: item.sessionId });
    await repo.linkItem(trx, itemId, { goalId: id });
    return { goalId: id };
  });
}

export async function sessionItemToProposal(db: Db, actor: Actor, itemId: string) {
  const item = await itemIn(db, actor, itemId, 'proposal');
  const organization = await findOrganization(db, item.organizationId);
  if (organization?.kind !== 'alliance') throw conflict('Only an alliance decides proposals among its members.');
  return inTransaction(db, async (trx) => {
    if ((await repo.lockItem(trx, itemId))?.proposalId) throw conflict('This proposal has already been put forward.');
    const { id } = await createProposal(trx, actor, item.organizationId, {
      title: item.text.slice(0, 200), body: item.text, attachments: [], committeeId: null, decides: null,
      steps: [{ kind: 'consultation', format: 'comment_period', title: item.conveningTitle.slice(0, 200) }],
    });
    await repo.linkItem(trx, itemId, { proposalId: id });
    return { proposalId: id };
  });
}
