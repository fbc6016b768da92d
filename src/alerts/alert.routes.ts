import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import { AlertInputSchema, CommitmentInputSchema } from './alert.schema.ts';
import * as service from './alert.service.ts';

const Anything = z.any().openapi('AlertRecord');
const tags = ['alerts'];
const withBody = <T extends z.ZodType>(schema: T) => ({ params: IdParam, ...jsonBody(schema) });

export const alertRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/alliances/{id}/alerts', tags, request: { params: IdParam }, responses: { 200: jsonResponse(Anything), ...problems } }), async (c) =>
    c.json(await service.listAlerts(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'post', path: '/alliances/{id}/alerts', tags, request: withBody(AlertInputSchema), responses: { 201: jsonResponse(Anything), ...problems } }), async (c) =>
    c.json(await service.createAlert(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'get', path: '/alerts/{id}', tags, request: { params: IdParam }, responses: { 200: jsonResponse(Anything), ...problems } }), async (c) =>
    c.json(await service.getAlert(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'put', path: '/alerts/{id}/commitments', tags, request: withBody(CommitmentInputSchema), responses: { 200: jsonResponse(Ok), 409: problems[422], ...problems } }), async (c) => {
    await service.commit(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'post', path: '/alerts/{id}/close', tags, request: { params: IdParam }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.closeAlert(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  });
