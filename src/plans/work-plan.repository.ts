import type { Db } from '../db/database.ts';
import type { AreaInput, WorkPlanInput } from './work-plan.schema.ts';

const planColumns = ['id', 'space_id as spaceId', 'organization_id as organizationId', 'title', 'period', 'status', 'proposal_id as proposalId',
  'theory_of_change as theoryOfChange', 'swot', 'stakeholders', 'updated_at as updatedAt'] as const;

const planValues = (p: WorkPlanInput) => ({
  title: p.title, period: p.period ?? null, theory_of_change: JSON.stringify(p.theoryOfChange), swot: JSON.stringify(p.swot), stakeholders: JSON.stringify(p.stakeholders),
});

export async function insertPlan(db: Db, p: WorkPlanInput & { spaceId: string; organizationId: string }) {
  return db.insertInto('work_plans').values({ space_id: p.spaceId, organization_id: p.organizationId, status: 'draft', ...planValues(p) }).returning('id').executeTakeFirstOrThrow();
}

export async function updatePlan(db: Db, id: string, p: WorkPlanInput) {
  await db.updateTable('work_plans').set({ ...planValues(p), updated_at: new Date() }).where('id', '=', id).execute();
}

export async function setPlanStatus(db: Db, id: string, status: 'draft' | 'in_ratification' | 'ratified', proposalId?: string | null) {
  await db.updateTable('work_plans').set({ status, proposal_id: proposalId, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function findPlan(db: Db, id: string) {
  return db.selectFrom('work_plans').select(planColumns).where('id', '=', id).executeTakeFirst();
}

/** The plan's status, its row locked until the transaction ends. */
export async function lockPlanStatus(db: Db, id: string) {
  return (await db.selectFrom('work_plans').select('status').where('id', '=', id).forUpdate().executeTakeFirst())?.status;
}

export async function listPlans(db: Db, organizationId: string) {
  return db.selectFrom('work_plans').select(['id', 'title', 'period', 'status', 'proposal_id as proposalId', 'updated_at as updatedAt'])
    .where('organization_id', '=', organizationId).orderBy('created_at', 'desc').execute();
}

export async function insertArea(db: Db, a: AreaInput & { spaceId: string; workPlanId: string; position: number }) {
  const row = await db.insertInto('work_plan_areas').values({
    space_id: a.spaceId, work_plan_id: a.workPlanId, position: a.position, name: a.name, broad_goal: a.broadGoal ?? null,
    committee_id: a.committeeId ?? null, deadline: a.deadline ?? null,
  }).returning('id').executeTakeFirstOrThrow();
  await replaceAnchors(db, row.id, a.anchorIds);
  return row;
}

export async function updateArea(db: Db, id: string, a: AreaInput) {
  await db.updateTable('work_plan_areas').set({ name: a.name, broad_goal: a.broadGoal ?? null, committee_id: a.committeeId ?? null, deadline: a.deadline ?? null })
    .where('id', '=', id).execute();
  await replaceAnchors(db, id, a.anchorIds);
}

async function replaceAnchors(db: Db, areaId: string, organizationIds: string[]) {
  await db.deleteFrom('work_plan_anchors').where('area_id', '=', areaId).execute();
  if (organizationIds.length === 0) return;
  await db.insertInto('work_plan_anchors').values([...new Set(organizationIds)].map((organization_id) => ({ area_id: areaId, organization_id }))).execute();
}

export async function findArea(db: Db, id: string) {
  return db.selectFrom('work_plan_areas as a').innerJoin('work_plans as p', 'p.id', 'a.work_plan_id')
    .select(['a.id', 'a.space_id as spaceId', 'a.work_plan_id as workPlanId', 'p.organization_id as organizationId', 'a.name'])
    .where('a.id', '=', id).executeTakeFirst();
}

export async function deleteArea(db: Db, id: string) {
  await db.deleteFrom('work_plan_areas').where('id', '=', id).execute();
}

export async function countAreas(db: Db, workPlanId: string) {
  const row = await db.selectFrom('work_plan_areas').select((eb) => eb.fn.countAll<number>().as('n')).where('work_plan_id', '=', workPlanId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function listAreas(db: Db, workPlanId: string) {
  return db.selectFrom('work_plan_areas as a').leftJoin('committees as c', 'c.id', 'a.committee_id')
    .select(['a.id', 'a.name', 'a.broad_goal as broadGoal', 'a.committee_id as committeeId', 'c.name as committeeName', 'a.deadline', 'a.position'])
    .where('a.work_plan_id', '=', workPlanId).orderBy('a.position').execute();
}

export async function listAnchors(db: Db, areaIds: string[]) {
  if (areaIds.length === 0) return [];
  return db.selectFrom('work_plan_anchors as w').innerJoin('organizations as o', 'o.id', 'w.organization_id')
    .select(['w.area_id as areaId', 'o.id', 'o.name', 'o.short_name as shortName']).where('w.area_id', 'in', areaIds).orderBy('o.name').execute();
}

export async function insertActivity(db: Db, a: { spaceId: string; areaId: string; kind: 'activity' | 'next_step'; text: string; dueOn: string | null }) {
  return db.insertInto('work_plan_activities').values({ space_id: a.spaceId, area_id: a.areaId, kind: a.kind, text: a.text, due_on: a.dueOn, done: false })
    .returning('id').executeTakeFirstOrThrow();
}

export async function findActivity(db: Db, id: string) {
  return db.selectFrom('work_plan_activities').select(['id', 'space_id as spaceId', 'done']).where('id', '=', id).executeTakeFirst();
}

export async function setActivityDone(db: Db, id: string, done: boolean) {
  await db.updateTable('work_plan_activities').set({ done }).where('id', '=', id).execute();
}

export async function listActivities(db: Db, areaIds: string[]) {
  if (areaIds.length === 0) return [];
  return db.selectFrom('work_plan_activities').select(['id', 'area_id as areaId', 'kind', 'text', 'due_on as dueOn', 'done'])
    .where('area_id', 'in', areaIds).orderBy('due_on').execute();
}
