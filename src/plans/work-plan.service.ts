import { insertAudit } from '../audit/audit.repository.ts';
import { holderSpace } from '../convenings/convening.service.ts';
import { type Db, inTransaction } from '../db/database.ts';
import * as committeeRepo from '../decisions/committee.repository.ts';
import type { StepInput } from '../decisions/decision.schema.ts';
import { createProposal } from '../decisions/proposal.service.ts';
import { findOrganization } from '../orgs/organization.repository.ts';
import { conflict, invalid, notFound } from '../server/problem.ts';
import { type Actor, requireRole, canSeeProfiles } from '../spaces/access.ts';
import type { SpaceRole } from '../spaces/roles.ts';
import * as goalRepo from './goal.repository.ts';
import { describeGoals } from './goal.service.ts';
import * as repo from './work-plan.repository.ts';
import type { AreaInput, WorkPlanInput } from './work-plan.schema.ts';

// Work plans: strategy areas with their broad goal, goals, activities and next steps, anchor
// organizations, a committee and a deadline. A plan is ratified through the decisions module.

async function planIn(db: Db, actor: Actor, id: string, needed: SpaceRole) {
  const plan = await repo.findPlan(db, id);
  if (!plan) throw notFound('work plan');
  const role = await requireRole(db, actor, plan.spaceId, needed, 'work plan');
  return { plan, role };
}

async function areaIn(db: Db, actor: Actor, id: string) {
  const area = await repo.findArea(db, id);
  if (!area) throw notFound('strategy area');
  await requireRole(db, actor, area.spaceId, 'member', 'strategy area');
  return area;
}

async function checkArea(db: Db, actor: Actor, organizationId: string, input: AreaInput) {
  for (const [i, anchorId] of input.anchorIds.entries()) {
    const org = await findOrganization(db, anchorId);
    const visible = org && (await canSeeProfiles(db, actor, org.spaceId));
    if (!visible) throw invalid([{ field: `anchorIds[${i}]`, message: 'no such organization' }]);
  }
  if (input.committeeId && (await committeeRepo.findCommittee(db, input.committeeId))?.allianceId !== organizationId) {
    throw invalid([{ field: 'committeeId', message: 'not a committee of this alliance' }]);
  }
}

export async function createPlan(db: Db, actor: Actor, organizationId: string, input: WorkPlanInput) {
  const { spaceId } = await holderSpace(db, actor, organizationId, 'member');
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertPlan(trx, { ...input, spaceId, organizationId });
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'work_plan', entityId: row.id, changes: { title: [null, input.title] } }]);
    return row;
  });
}

export async function updatePlan(db: Db, actor: Actor, id: string, input: WorkPlanInput) {
  const { plan } = await planIn(db, actor, id, 'member');
  if (plan.status === 'ratified') throw conflict('A ratified plan is the record of what was decided; start a new version instead.');
  await db.transaction().execute(async (trx) => {
    await repo.updatePlan(trx, id, input);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: plan.spaceId, action: 'update', entity: 'work_plan', entityId: id, changes: { title: [plan.title, input.title] } }]);
  });
}

export async function addArea(db: Db, actor: Actor, planId: string, input: AreaInput) {
  const { plan } = await planIn(db, actor, planId, 'member');
  await checkArea(db, actor, plan.organizationId, input);
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertArea(trx, { ...input, spaceId: plan.spaceId, workPlanId: planId, position: await repo.countAreas(trx, planId) });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: plan.spaceId, action: 'create', entity: 'strategy_area', entityId: row.id, changes: { name: [null, input.name], anchors: [null, input.anchorIds.length] } }]);
    return row;
  });
}

export async function updateArea(db: Db, actor: Actor, id: string, input: AreaInput) {
  const area = await areaIn(db, actor, id);
  await checkArea(db, actor, area.organizationId, input);
  await db.transaction().execute(async (trx) => {
    await repo.updateArea(trx, id, input);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: area.spaceId, action: 'update', entity: 'strategy_area', entityId: id, changes: { name: [area.name, input.name] } }]);
  });
}

export async function removeArea(db: Db, actor: Actor, id: string) {
  const area = await areaIn(db, actor, id);
  await db.transaction().execute(async (trx) => {
    await repo.deleteArea(trx, id);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: area.spaceId, action: 'delete', entity: 'strategy_area', entityId: id, changes: { name: [area.name, null] } }]);
  });
}

export async function addActivity(db: Db, actor: Actor, areaId: string, input: { kind: 'activity' | 'next_step'; text: string; dueOn?: string | null }) {
  const area = await areaIn(db, actor, areaId);
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertActivity(trx, { spaceId: area.spaceId, areaId, kind: input.kind, text: input.text, dueOn: input.dueOn ?? null });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: area.spaceId, action: 'create', entity: 'work_plan_activity', entityId: row.id,
      changes: { area: [null, area.name], kind: [null, input.kind], text: [null, input.text] } }]);
    return row;
  });
}

export async function setActivityDone(db: Db, actor: Actor, id: string, done: boolean) {
  const activity = await repo.findActivity(db, id);
  if (!activity) throw notFound('activity');
  await requireRole(db, actor, activity.spaceId, 'member', 'activity');
  await db.transaction().execute(async (trx) => {
    await repo.setActivityDone(trx, id, done);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: activity.spaceId, action: 'update', entity: 'work_plan_activity', entityId: id, changes: { done: [activity.done, done] } }]);
  });
}

export async function listPlans(db: Db, actor: Actor, organizationId: string) {
  const { organization, role } = await holderSpace(db, actor, organizationId, 'viewer');
  return { organization: { id: organization.id, name: organization.name, kind: organization.kind }, role, plans: await repo.listPlans(db, organizationId) };
}

export async function getPlan(db: Db, actor: Actor, id: string) {
  const { plan, role } = await planIn(db, actor, id, 'viewer');
  const areas = await repo.listAreas(db, id);
  const areaIds = areas.map((a) => a.id);
  const [anchors, activities, goals] = await Promise.all([repo.listAnchors(db, areaIds), repo.listActivities(db, areaIds), goalRepo.listGoals(db, { areaIds })]);
  const described = await describeGoals(db, goals);
  const organization = await findOrganization(db, plan.organizationId);
  const { spaceId: _s, ...rest } = plan;
  return {
    ...rest, role, organizationName: organization?.name ?? '', organizationKind: organization?.kind ?? '',
    areas: areas.map((a) => ({
      ...a,
      anchors: anchors.filter((x) => x.areaId === a.id).map(({ areaId: _a, ...x }) => x),
      activities: activities.filter((x) => x.areaId === a.id).map(({ areaId: _a, ...x }) => x),
      goals: described.filter((g) => g.areaId === a.id),
    })),
  };
}

/**
 * Sends the plan to be ratified: a proposal of the alliance whose ratified outcome marks the
 * plan ratified. The process defaults to one majority vote of the member organizations.
 */
export async function sendForRatification(db: Db, actor: Actor, id: string, steps?: StepInput[]) {
  const { plan } = await planIn(db, actor, id, 'admin');
  if (plan.status !== 'draft') throw conflict('This plan is already being ratified or has been.');
  const organization = await findOrganization(db, plan.organizationId);
  if (organization?.kind !== 'alliance') throw conflict('Only an alliance ratifies a plan among its members.');
  const areas = await repo.listAreas(db, id);
  const body = [plan.period ?? '', ...areas.map((a) => `- ${a.name}${a.broadGoal ? `: ${a.broadGoal}` : ''}`)].filter(Boolean).join('\n');
  // The plan stays locked from the status check to its new status: two admins sending it at once make one proposal.
  return inTransaction(db, async (trx) => {
    if ((await repo.lockPlanStatus(trx, id)) !== 'draft') throw conflict('This plan is already being ratified or has been.');
    const proposal = await createProposal(trx, actor, plan.organizationId, {
      title: plan.title, body: body || plan.title, attachments: [], committeeId: null,
      decides: { kind: 'work_plan', workPlanId: id },
      steps: steps ?? [{ kind: 'vote', title: 'Ratification', vote: {
        method: 'majority', rule: { threshold: { numerator: 1, denominator: 2 }, comparison: 'more_than', abstentions: 'excluded' }, options: [], seats: 1,
        electorate: { kind: 'organizations', roles: ['anchor', 'member'], affiliationRoles: ['leader'] }, secret: false, earlyClose: 'when_all_voted' } }],
    });
    await repo.setPlanStatus(trx, id, 'in_ratification', proposal.id);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: plan.spaceId, action: 'update', entity: 'work_plan', entityId: id, changes: { status: [plan.status, 'in_ratification'] } }]);
    return proposal;
  });
}
