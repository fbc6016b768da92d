import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import { GRANT_SCOPES, SPACE_ROLES } from './roles.ts';
import * as service from './spaces.service.ts';
import { emailAddress } from '../shared/email.ts';

const AuditRow = z.object({
  id: z.string(), at: z.union([z.string(), z.date()]), action: z.string(), entity: z.string(), entity_id: z.string().nullable(),
  changes: z.unknown().openapi({ description: 'field → [before, after]; sensitive fields by name only' }),
  user_email: z.string().nullable(), user_name: z.string().nullable(),
  subject: z.string().nullable().openapi({ description: 'The name of the record the entry speaks of, when it is a record of this space' }),
}).openapi('AuditEntry');
const RoleInput = z.object({ email: emailAddress(), role: z.enum(SPACE_ROLES) }).openapi('SpaceRoleInput');
const GrantInput = z.object({ toSpaceId: z.uuid('choose a space'), scope: z.enum(GRANT_SCOPES) }).openapi('GrantInput');
const GrantSchema = z.object({
  id: z.string(), scope: z.enum(GRANT_SCOPES), createdAt: z.any(), revokedAt: z.any(),
  fromSpaceId: z.string(), fromSpaceName: z.string(), toSpaceId: z.string(), toSpaceName: z.string(),
}).openapi('Grant');
const UserParam = IdParam.extend({ userId: z.uuid().openapi({ param: { name: 'userId', in: 'path' } }) });

export const spacesRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}', tags: ['spaces'], request: { params: IdParam },
    responses: { 200: jsonResponse(z.object({ id: z.string(), kind: z.string(), name: z.string(), role: z.string().nullable() })), ...problems } }), async (c) =>
    c.json(await service.getSpace(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/roles', tags: ['spaces'], request: { params: IdParam },
    responses: { 200: jsonResponse(z.array(z.object({ userId: z.string(), email: z.string(), displayName: z.string(), role: z.enum(SPACE_ROLES) }))), ...problems } }), async (c) =>
    c.json(await service.listRoles(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'put', path: '/spaces/{id}/roles', tags: ['spaces'], request: { params: IdParam, ...jsonBody(RoleInput) },
    responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    const body = c.req.valid('json');
    await service.setRole(c.get('deps').db, actorOf(c), c.req.valid('param').id, body.email, body.role);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'delete', path: '/spaces/{id}/roles/{userId}', tags: ['spaces'], request: { params: UserParam },
    responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    const { id, userId } = c.req.valid('param');
    await service.removeRole(c.get('deps').db, actorOf(c), id, userId);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/grants', tags: ['grants'], request: { params: IdParam },
    responses: { 200: jsonResponse(z.array(GrantSchema)), ...problems } }), async (c) =>
    c.json(await service.listGrants(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/grants', tags: ['grants'], request: { params: IdParam, ...jsonBody(GrantInput) },
    responses: { 201: jsonResponse(z.object({ id: z.string().nullable() })), ...problems } }), async (c) => {
    const body = c.req.valid('json');
    const id = await service.grant(c.get('deps').db, actorOf(c), c.req.valid('param').id, body.toSpaceId, body.scope);
    return c.json({ id }, 201);
  })
  .openapi(createRoute({ method: 'delete', path: '/grants/{id}', tags: ['grants'], request: { params: IdParam },
    responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.revoke(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/audit', tags: ['audit'],
    request: { params: IdParam, query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), before: z.string().regex(/^\d{1,15}$/, 'a whole number from an earlier page').optional() }) },
    responses: { 200: jsonResponse(z.array(AuditRow)), ...problems } }), async (c) =>
    c.json(await service.readAudit(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('query')), 200));
