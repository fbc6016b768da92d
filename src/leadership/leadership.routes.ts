import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import { AttendanceInputSchema, AttendanceQuery, CohortInputSchema, CohortMemberInputSchema, CohortMemberUpdateSchema, ContactLinksSchema, ConveningsQuery } from './leadership.schema.ts';
import * as service from './leadership.service.ts';

const Any = z.looseObject({});
const Items = z.object({ items: z.array(Any) });
const tags = ['leadership'];

export const leadershipRoutes = newRouter()
  .openapi(createRoute({ method: 'put', path: '/contacts/{id}/links', tags, description: 'Links a contact to the directory person it is and to the contact who recruited it.',
    request: { params: IdParam, ...jsonBody(ContactLinksSchema) }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.setContactLinks(c.get('deps').db, c.get('deps').box, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/attendable-convenings', tags, description: 'Convenings this organization\'s contacts can be recorded at: its own, its alliances\', those it hosts or is invited to.',
    request: { params: IdParam, query: ConveningsQuery }, responses: { 200: jsonResponse(Items), ...problems } }),
    async (c) => c.json(await service.listConvenings(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('query').kind), 200))
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/attendance', tags, description: 'This organization\'s contacts recorded at a convening.',
    request: { params: IdParam, query: AttendanceQuery }, responses: { 200: jsonResponse(Any), ...problems } }),
    async (c) => c.json(await service.listAttendance(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('query').conveningId), 200))
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/attendance', tags, description: 'Records contacts at a convening (a sign-in sheet); their places on the ladder follow.',
    request: { params: IdParam, ...jsonBody(AttendanceInputSchema) }, responses: { 201: jsonResponse(Any), ...problems } }),
    async (c) => c.json(await service.recordAttendance(c.get('deps').db, c.get('deps').box, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'delete', path: '/attendance/{id}', tags, request: { params: IdParam }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.deleteAttendance(c.get('deps').db, c.get('deps').box, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'get', path: '/contacts/{id}/attendance', tags, request: { params: IdParam }, responses: { 200: jsonResponse(Items), ...problems } }),
    async (c) => c.json(await service.contactAttendance(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/cohorts', tags, request: { params: IdParam }, responses: { 200: jsonResponse(Items), ...problems } }),
    async (c) => c.json(await service.listCohorts(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/cohorts', tags, description: 'A leadership cohort: a group of emerging leaders, their trainings and mentors.',
    request: { params: IdParam, ...jsonBody(CohortInputSchema) }, responses: { 201: jsonResponse(z.object({ id: z.string() })), ...problems } }),
    async (c) => c.json(await service.createCohort(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'get', path: '/cohorts/{id}', tags, description: 'A cohort with its trainings, members, mentors and progress.',
    request: { params: IdParam }, responses: { 200: jsonResponse(Any), ...problems } }),
    async (c) => c.json((await service.getCohort(c.get('deps').db, actorOf(c), c.req.valid('param').id)) as Record<string, unknown>, 200))
  .openapi(createRoute({ method: 'put', path: '/cohorts/{id}', tags, request: { params: IdParam, ...jsonBody(CohortInputSchema) }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.updateCohort(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'delete', path: '/cohorts/{id}', tags, request: { params: IdParam }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.deleteCohort(c.get('deps').db, c.get('deps').box, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'post', path: '/cohorts/{id}/members', tags, request: { params: IdParam, ...jsonBody(CohortMemberInputSchema) },
    responses: { 201: jsonResponse(z.object({ id: z.string() })), ...problems } }),
    async (c) => c.json(await service.addMember(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'put', path: '/cohort-members/{id}', tags, request: { params: IdParam, ...jsonBody(CohortMemberUpdateSchema) }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.updateMember(c.get('deps').db, c.get('deps').box, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'delete', path: '/cohort-members/{id}', tags, request: { params: IdParam }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.removeMember(c.get('deps').db, c.get('deps').box, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  });
