import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import * as service from './osdi-token.service.ts';

const Token = z.object({ id: z.string(), label: z.string(), createdAt: z.any(), lastUsedAt: z.any().optional(), createdBy: z.string().optional() }).openapi('OsdiToken');

export const osdiTokenRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/osdi-tokens', tags: ['osdi'], request: { params: IdParam },
    responses: { 200: jsonResponse(z.object({ items: z.array(Token) })), ...problems } }), async (c) =>
    c.json({ items: await service.listTokens(c.get('deps').db, actorOf(c), c.req.valid('param').id) }, 200))
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/osdi-tokens', tags: ['osdi'], description: 'Makes an OSDI API token for the space; the token is in this answer only.',
    request: { params: IdParam, ...jsonBody(z.object({ label: z.string().trim().min(1, 'a name is required').max(100) })) },
    responses: { 201: jsonResponse(Token.extend({ token: z.string() })), ...problems } }), async (c) =>
    c.json(await service.createToken(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json').label), 201))
  .openapi(createRoute({ method: 'delete', path: '/osdi-tokens/{id}', tags: ['osdi'], request: { params: IdParam }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.revokeToken(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  });
