import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, problems } from '../server/openapi-helpers.ts';
import { CharterInputSchema, StageMoveSchema } from './charter.schema.ts';
import * as service from './charter.service.ts';

const Anything = z.any().openapi('CharterRecord');
const tags = ['charters'];
const withBody = <T extends z.ZodType>(schema: T) => ({ params: IdParam, ...jsonBody(schema) });
const created = { 201: jsonResponse(Anything), 409: problems[422], ...problems };

export const charterRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/alliances/{id}/charter', tags, request: { params: IdParam }, responses: { 200: jsonResponse(Anything), ...problems } }), async (c) =>
    c.json(await service.getCharter(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'post', path: '/alliances/{id}/charter', tags, request: withBody(CharterInputSchema), responses: created }), async (c) =>
    c.json(await service.addCharterVersion(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'post', path: '/charter-versions/{id}/ratification', tags, request: { params: IdParam }, responses: created }), async (c) =>
    c.json(await service.sendCharterForRatification(c.get('deps').db, actorOf(c), c.req.valid('param').id), 201))
  .openapi(createRoute({ method: 'post', path: '/alliances/{id}/stage', tags, request: withBody(StageMoveSchema), responses: created }), async (c) =>
    c.json(await service.moveStage(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201));
