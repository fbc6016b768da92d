import { insertAudit } from '../audit/audit.repository.ts';
import { holderSpace } from '../convenings/convening.service.ts';
import { type Db, inTransaction } from '../db/database.ts';
import { invalid, notFound } from '../server/problem.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import type { SpaceRole } from '../spaces/roles.ts';
import * as repo from './goal.repository.ts';
import type { GoalInput } from './goal.schema.ts';
import { checkSmartie } from './smartie.ts';
import * as planRepo from './work-plan.repository.ts';

// SMARTIE goals of an alliance (or organization): each saved goal carries its check per letter,
// recomputed on every read so improved checks apply to old goals too.

async function goalIn(db: Db, actor: Actor, id: string, needed: SpaceRole) {
  const goal = await repo.findGoal(db, id);
  if (!goal) throw notFound('goal');
  const role = await requireRole(db, actor, goal.spaceId, needed, 'goal');
  return { goal, role };
}

async function checkLinks(db: Db, organizationId: string, input: GoalInput, selfId?: string) {
  if (input.parentId) {
    const parent = await repo.findGoal(db, input.parentId);
    if (parent?.organizationId !== organizationId || parent.id === selfId) throw invalid([{ field: 'parentId', message: 'not a goal of this organization' }]);
  }
  if (input.areaId) {
    const area = await planRepo.findArea(db, input.areaId);
    if (area?.organizationId !== organizationId) throw invalid([{ field: 'areaId', message: 'not a strategy area of this organization' }]);
  }
}

export function smartieOf(goal: { statement: string; deadline: string | null; parentId: string | null; areaId: string | null;
  decidersFromMostAffected: boolean | null; equityNote: string | null }, indicators: { name: string; unit: string | null; baseline: number | null; target: number | null }[],
  activities: { dueOn: string | null; text: string }[]) {
  return checkSmartie({
    statement: goal.statement, deadline: goal.deadline, indicators,
    strategic: { linkedTo: goal.areaId ?? goal.parentId }, activities,
    decidersFromMostAffected: goal.decidersFromMostAffected, equityNote: goal.equityNote,
  });
}

export async function createGoal(db: Db, actor: Actor, organizationId: string, input: GoalInput, options: { sourceSessionId?: string | null } = {}) {
  const { spaceId } = await holderSpace(db, actor, organizationId, 'member');
  await checkLinks(db, organizationId, input);
  return inTransaction(db, async (trx) => {
    const { id } = await repo.insertGoal(trx, { ...input, spaceId, organizationId, sourceSessionId: options.sourceSessionId });
    await repo.replaceIndicators(trx, id, input.indicators);
    await repo.replaceActivities(trx, id, input.activities);
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'goal', entityId: id, changes: { statement: [null, input.statement] } }]);
    return { id };
  });
}

export async function updateGoal(db: Db, actor: Actor, id: string, input: GoalInput) {
  const { goal } = await goalIn(db, actor, id, 'member');
  await checkLinks(db, goal.organizationId, input, id);
  await db.transaction().execute(async (trx) => {
    await repo.updateGoal(trx, id, input);
    await repo.replaceIndicators(trx, id, input.indicators);
    await repo.replaceActivities(trx, id, input.activities);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: goal.spaceId, action: 'update', entity: 'goal', entityId: id, changes: { statement: [goal.statement, input.statement] } }]);
  });
}

/** Puts a goal into a strategy area of a work plan (or takes it out with null). */
export async function setGoalArea(db: Db, actor: Actor, id: string, areaId: string | null) {
  const { goal } = await goalIn(db, actor, id, 'member');
  if (areaId) {
    const area = await planRepo.findArea(db, areaId);
    if (area?.organizationId !== goal.organizationId) throw invalid([{ field: 'areaId', message: 'not a strategy area of this organization' }]);
  }
  await db.transaction().execute(async (trx) => {
    await repo.setGoalArea(trx, id, areaId);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: goal.spaceId, action: 'update', entity: 'goal', entityId: id, changes: { areaId: [goal.areaId, areaId] } }]);
  });
}

export async function deleteGoal(db: Db, actor: Actor, id: string) {
  const { goal } = await goalIn(db, actor, id, 'member');
  await db.transaction().execute(async (trx) => {
    await repo.deleteGoal(trx, id);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: goal.spaceId, action: 'delete', entity: 'goal', entityId: id, changes: { statement: [goal.statement, null] } }]);
  });
}

/** Goals with their indicators, success sheet and SMARTIE checks. */
export async function describeGoals(db: Db, goals: Awaited<ReturnType<typeof repo.listGoals>>) {
  const ids = goals.map((g) => g.id);
  const [indicators, activities] = await Promise.all([repo.listIndicators(db, ids), repo.listActivities(db, ids)]);
  return goals.map((g) => {
    const mine = { indicators: indicators.filter((i) => i.goalId === g.id).map(({ goalId: _g, ...i }) => i), activities: activities.filter((a) => a.goalId === g.id).map(({ goalId: _g, ...a }) => a) };
    const { spaceId: _s, ...rest } = g;
    return { ...rest, ...mine, smartie: smartieOf(g, mine.indicators, mine.activities) };
  });
}

export async function getGoal(db: Db, actor: Actor, id: string) {
  const { goal, role } = await goalIn(db, actor, id, 'viewer');
  const [described] = await describeGoals(db, [goal]);
  const children = await describeGoals(db, (await repo.listGoals(db, { organizationId: goal.organizationId })).filter((g) => g.parentId === id));
  const source = goal.sourceSessionId ? await repo.findSourceSession(db, goal.sourceSessionId) : null;
  const area = goal.areaId ? await planRepo.findArea(db, goal.areaId) : null;
  return { ...described!, role, children, source: source ?? null, area: area ? { id: area.id, name: area.name, workPlanId: area.workPlanId } : null };
}

export async function listGoals(db: Db, actor: Actor, organizationId: string) {
  const { organization, role } = await holderSpace(db, actor, organizationId, 'viewer');
  return { organization: { id: organization.id, name: organization.name }, role, goals: await describeGoals(db, await repo.listGoals(db, { organizationId })) };
}
