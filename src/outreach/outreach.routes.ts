import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import { EffortInputSchema, SyncSchema, TargetInputSchema, TurfRequestSchema } from './outreach.schema.ts';
import * as service from './outreach.service.ts';

const Any = z.looseObject({});
const Assignment = z.object({ id: z.string(), name: z.string(), userId: z.string().nullable(), userName: z.string().nullable(), size: z.number(), done: z.number() }).openapi('OutreachAssignment');

export const outreachRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/targets', tags: ['outreach'], request: { params: IdParam }, responses: { 200: jsonResponse(z.object({ items: z.array(Any) })), ...problems } }),
    async (c) => c.json({ items: await service.listTargets(c.get('deps').db, actorOf(c), c.req.valid('param').id) }, 200))
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/targets', tags: ['outreach'], description: 'A target in an organization\'s or an alliance\'s space (e.g. 500,000 conversations by a date).',
    request: { params: IdParam, ...jsonBody(TargetInputSchema) }, responses: { 201: jsonResponse(z.object({ id: z.string() })), ...problems } }),
    async (c) => c.json({ id: await service.createTarget(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')) }, 201))
  .openapi(createRoute({ method: 'get', path: '/targets/{id}/progress', tags: ['outreach'], description: 'Progress toward a target: the total and each organization\'s count, never a contact.',
    request: { params: IdParam }, responses: { 200: jsonResponse(Any), ...problems } }),
    async (c) => c.json(await service.targetProgress(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/efforts', tags: ['outreach'], request: { params: IdParam }, responses: { 200: jsonResponse(z.object({ items: z.array(Any) })), ...problems } }),
    async (c) => c.json({ items: await service.listEfforts(c.get('deps').db, actorOf(c), c.req.valid('param').id) }, 200))
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/efforts', tags: ['outreach'], request: { params: IdParam, ...jsonBody(EffortInputSchema) },
    responses: { 201: jsonResponse(Any), ...problems } }), async (c) => {
    const { db } = c.get('deps');
    const id = await service.createEffort(db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json(await service.getEffort(db, actorOf(c), id), 201);
  })
  .openapi(createRoute({ method: 'get', path: '/efforts/{id}', tags: ['outreach'], description: 'An effort with its turfs and its results (counts by result and by answer).',
    request: { params: IdParam }, responses: { 200: jsonResponse(Any), ...problems } }),
    async (c) => c.json(await service.getEffort(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'post', path: '/efforts/{id}/turfs', tags: ['outreach'], description: 'Cuts the effort\'s universe (not yet on a turf) into turfs or call lists by ZIP, county or size; households stay together.',
    request: { params: IdParam, ...jsonBody(TurfRequestSchema) }, responses: { 201: jsonResponse(z.object({ items: z.array(Assignment) })), ...problems } }),
    async (c) => c.json({ items: await service.cutEffortTurfs(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')) }, 201))
  .openapi(createRoute({ method: 'put', path: '/assignments/{id}/assignee', tags: ['outreach'], request: { params: IdParam, ...jsonBody(z.object({ userId: z.uuid('not a valid id').nullable() })) },
    responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.assign(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json').userId);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'get', path: '/assignments/{id}/packet', tags: ['outreach'], description: 'Everything a volunteer\'s phone needs to work the assignment offline; logged.',
    request: { params: IdParam }, responses: { 200: jsonResponse(Any), ...problems } }), async (c) => {
    const { db, box } = c.get('deps');
    return c.json((await service.packet(db, box, actorOf(c), c.req.valid('param').id)) as Record<string, unknown>, 200);
  })
  .openapi(createRoute({ method: 'post', path: '/assignments/{id}/attempts', tags: ['outreach'], description: 'Results and sign-ups from the field; idempotent by the ids the phone made.',
    request: { params: IdParam, ...jsonBody(SyncSchema) }, responses: { 200: jsonResponse(z.object({ recorded: z.number(), alreadyRecorded: z.number(), signupsCreated: z.number() })), ...problems } }), async (c) => {
    const { db, box } = c.get('deps');
    return c.json(await service.sync(db, box, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200);
  })
  .openapi(createRoute({ method: 'get', path: '/me/assignments', tags: ['outreach'], responses: { 200: jsonResponse(z.object({ items: z.array(Any) })), ...problems } }),
    async (c) => c.json({ items: await service.myAssignments(c.get('deps').db, actorOf(c)) }, 200));
