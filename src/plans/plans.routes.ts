import { createRoute, z } from '@hono/zod-openapi';
import { StepInputSchema } from '../decisions/decision.schema.ts';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import { GoalInputSchema } from './goal.schema.ts';
import * as goals from './goal.service.ts';
import { ActivityInputSchema, ActivityPatchSchema, AreaInputSchema, GoalAreaSchema, WorkPlanInputSchema } from './work-plan.schema.ts';
import * as plans from './work-plan.service.ts';

const Anything = z.any().openapi('PlanRecord');
const ok = { 200: jsonResponse(Anything), 409: problems[422], ...problems };
const created = { 201: jsonResponse(Anything), 409: problems[422], ...problems };
const done = { 200: jsonResponse(Ok), 409: problems[422], ...problems };
const byId = { params: IdParam };
const withBody = <T extends z.ZodType>(schema: T) => ({ params: IdParam, ...jsonBody(schema) });
const tags = ['plans'];
const RatifyInput = z.object({ steps: z.array(StepInputSchema).min(1).max(20).nullish() }).openapi('RatifyInput');

export const planRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/organizations/{id}/goals', tags, request: byId, responses: ok }), async (c) =>
    c.json(await goals.listGoals(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'post', path: '/organizations/{id}/goals', tags, request: withBody(GoalInputSchema), responses: created }), async (c) =>
    c.json(await goals.createGoal(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'get', path: '/goals/{id}', tags, request: byId, responses: ok }), async (c) =>
    c.json(await goals.getGoal(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'put', path: '/goals/{id}', tags, request: withBody(GoalInputSchema), responses: done }), async (c) => {
    await goals.updateGoal(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'put', path: '/goals/{id}/area', tags, request: withBody(GoalAreaSchema), responses: done }), async (c) => {
    await goals.setGoalArea(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json').areaId);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'delete', path: '/goals/{id}', tags, request: byId, responses: done }), async (c) => {
    await goals.deleteGoal(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'get', path: '/organizations/{id}/work-plans', tags, request: byId, responses: ok }), async (c) =>
    c.json(await plans.listPlans(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'post', path: '/organizations/{id}/work-plans', tags, request: withBody(WorkPlanInputSchema), responses: created }), async (c) =>
    c.json(await plans.createPlan(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'get', path: '/work-plans/{id}', tags, request: byId, responses: ok }), async (c) =>
    c.json(await plans.getPlan(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'put', path: '/work-plans/{id}', tags, request: withBody(WorkPlanInputSchema), responses: done }), async (c) => {
    await plans.updatePlan(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'post', path: '/work-plans/{id}/areas', tags, request: withBody(AreaInputSchema), responses: created }), async (c) =>
    c.json(await plans.addArea(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'post', path: '/work-plans/{id}/ratification', tags, description: 'Sends the plan to be ratified as a proposal of the alliance.',
    request: withBody(RatifyInput), responses: created }), async (c) =>
    c.json(await plans.sendForRatification(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json').steps ?? undefined), 201))
  .openapi(createRoute({ method: 'put', path: '/areas/{id}', tags, request: withBody(AreaInputSchema), responses: done }), async (c) => {
    await plans.updateArea(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'delete', path: '/areas/{id}', tags, request: byId, responses: done }), async (c) => {
    await plans.removeArea(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'post', path: '/areas/{id}/activities', tags, request: withBody(ActivityInputSchema), responses: created }), async (c) =>
    c.json(await plans.addActivity(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'patch', path: '/activities/{id}', tags, request: withBody(ActivityPatchSchema), responses: done }), async (c) => {
    await plans.setActivityDone(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json').done);
    return c.json({ ok: true as const }, 200);
  });
