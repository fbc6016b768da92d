import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import { PowerMapInputSchema, StakeholderInputSchema, StakeholderMoveSchema } from './power-map.schema.ts';
import * as service from './power-map.service.ts';

const Anything = z.any().openapi('PowerMapRecord');
const tags = ['power maps'];
const withBody = <T extends z.ZodType>(schema: T) => ({ params: IdParam, ...jsonBody(schema) });

export const powerMapRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/organizations/{id}/power-maps', tags, request: { params: IdParam }, responses: { 200: jsonResponse(Anything), ...problems } }), async (c) =>
    c.json(await service.listMaps(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'post', path: '/organizations/{id}/power-maps', tags, request: withBody(PowerMapInputSchema), responses: { 201: jsonResponse(Anything), ...problems } }), async (c) =>
    c.json(await service.createMap(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'get', path: '/power-maps/{id}', tags, request: { params: IdParam }, responses: { 200: jsonResponse(Anything), ...problems } }), async (c) =>
    c.json(await service.getMap(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'post', path: '/power-maps/{id}/stakeholders', tags, request: withBody(StakeholderInputSchema), responses: { 201: jsonResponse(Anything), ...problems } }), async (c) =>
    c.json(await service.addStakeholder(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'patch', path: '/stakeholders/{id}', tags, request: withBody(StakeholderMoveSchema), responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.moveStakeholder(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  });
