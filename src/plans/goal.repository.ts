import type { Db } from '../db/database.ts';
import type { GoalInput } from './goal.schema.ts';

const goalColumns = ['id', 'space_id as spaceId', 'organization_id as organizationId', 'parent_id as parentId', 'level', 'statement', 'deadline',
  'deciders_from_most_affected as decidersFromMostAffected', 'equity_note as equityNote', 'impact_reflection as impactReflection', 'area_id as areaId',
  'source_session_id as sourceSessionId', 'updated_at as updatedAt'] as const;

const goalValues = (g: GoalInput) => ({
  parent_id: g.parentId ?? null, level: g.level, statement: g.statement, deadline: g.deadline ?? null,
  deciders_from_most_affected: g.decidersFromMostAffected ?? null, equity_note: g.equityNote ?? null,
  impact_reflection: JSON.stringify(g.impactReflection ?? {}), area_id: g.areaId ?? null,
});

export async function insertGoal(db: Db, g: GoalInput & { spaceId: string; organizationId: string; sourceSessionId?: string | null }) {
  return db.insertInto('goals').values({ space_id: g.spaceId, organization_id: g.organizationId, source_session_id: g.sourceSessionId ?? null, ...goalValues(g) })
    .returning('id').executeTakeFirstOrThrow();
}

export async function updateGoal(db: Db, id: string, g: GoalInput) {
  await db.updateTable('goals').set({ ...goalValues(g), updated_at: new Date() }).where('id', '=', id).execute();
}

export async function setGoalArea(db: Db, id: string, areaId: string | null) {
  await db.updateTable('goals').set({ area_id: areaId, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function findGoal(db: Db, id: string) {
  return db.selectFrom('goals').select(goalColumns).where('id', '=', id).executeTakeFirst();
}

export async function deleteGoal(db: Db, id: string) {
  await db.deleteFrom('goals').where('id', '=', id).execute();
}

export async function listGoals(db: Db, where: { organizationId?: string; areaIds?: string[]; ids?: string[] }) {
  let query = db.selectFrom('goals').select(goalColumns);
  if (where.organizationId) query = query.where('organization_id', '=', where.organizationId);
  if (where.areaIds) query = where.areaIds.length ? query.where('area_id', 'in', where.areaIds) : query.where((eb) => eb.val(false));
  if (where.ids) query = where.ids.length ? query.where('id', 'in', where.ids) : query.where((eb) => eb.val(false));
  return query.orderBy('created_at').execute();
}

export async function replaceIndicators(db: Db, goalId: string, indicators: GoalInput['indicators']) {
  await db.deleteFrom('goal_indicators').where('goal_id', '=', goalId).execute();
  if (indicators.length === 0) return;
  await db.insertInto('goal_indicators').values(indicators.map((i, position) => ({
    goal_id: goalId, name: i.name, unit: i.unit ?? null, baseline: i.baseline ?? null, target: i.target ?? null, current: i.current ?? null, position,
  }))).execute();
}

export async function replaceActivities(db: Db, goalId: string, activities: GoalInput['activities']) {
  await db.deleteFrom('goal_activities').where('goal_id', '=', goalId).execute();
  if (activities.length === 0) return;
  await db.insertInto('goal_activities').values(activities.map((a, position) => ({ goal_id: goalId, due_on: a.dueOn ?? null, text: a.text, done: a.done, position }))).execute();
}

export async function listIndicators(db: Db, goalIds: string[]) {
  if (goalIds.length === 0) return [];
  return db.selectFrom('goal_indicators').select(['goal_id as goalId', 'name', 'unit', 'baseline', 'target', 'current'])
    .where('goal_id', 'in', goalIds).orderBy('position').execute();
}

export async function listActivities(db: Db, goalIds: string[]) {
  if (goalIds.length === 0) return [];
  return db.selectFrom('goal_activities').select(['goal_id as goalId', 'due_on as dueOn', 'text', 'done']).where('goal_id', 'in', goalIds).orderBy('position').execute();
}

/** The session (and its convening) a goal came from. */
export async function findSourceSession(db: Db, sessionId: string) {
  return db.selectFrom('convening_sessions as s').innerJoin('convenings as c', 'c.id', 's.convening_id')
    .select(['s.id', 's.title', 'c.id as conveningId', 'c.title as conveningTitle']).where('s.id', '=', sessionId).executeTakeFirst();
}
