import { createRoute, z } from '@hono/zod-openapi';
import { getOrganizationPage } from '../memberships/membership.service.ts';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import { DirectoryEntrySchema, OrganizationInputSchema, OrganizationSchema } from './organization.schema.ts';
import * as service from './organization.service.ts';
import { ORGANIZATION_KINDS } from './organization.vocab.ts';

const DirectoryQuery = z.object({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(ORGANIZATION_KINDS).optional(),
  issue: z.string().max(60).optional(),
  constituency: z.string().max(60).optional(),
  capacity: z.string().max(60).optional(),
  state: z.string().regex(/^\d{2}$/, 'a two-digit state FIPS code').optional(),
  alliance: z.uuid('not a valid alliance id').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const CreateOrganization = z.object({
  // Omitted by a workspace administrator to open a new space for an alliance or organization.
  spaceId: z.uuid('choose the space the record belongs to').nullish(),
  ownSpace: z.boolean().default(false),
  organization: OrganizationInputSchema,
}).openapi('OrganizationCreate');

const DirectoryPage = z.object({ total: z.number(), items: z.array(DirectoryEntrySchema) }).openapi('DirectoryPage');
const OrganizationPage = z.object({
  organization: OrganizationSchema,
  alliances: z.array(z.object({ id: z.string(), allianceId: z.string(), name: z.string(), role: z.string(), status: z.string(), startedOn: z.string().nullable(), endedOn: z.string().nullable() })),
}).openapi('OrganizationPage');

export const organizationRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/organizations', tags: ['directory'], request: { query: DirectoryQuery },
    responses: { 200: jsonResponse(DirectoryPage), 401: problems[401], 422: problems[422] } }), async (c) =>
    c.json(await service.searchDirectory(c.get('deps').db, actorOf(c), c.req.valid('query')), 200))
  .openapi(createRoute({ method: 'post', path: '/organizations', tags: ['directory'], request: jsonBody(CreateOrganization),
    responses: { 201: jsonResponse(OrganizationSchema), ...problems } }), async (c) => {
    const body = c.req.valid('json');
    return c.json(await service.createOrganization(c.get('deps').db, actorOf(c), body.spaceId ?? null, body.organization, { ownSpace: body.ownSpace }), 201);
  })
  .openapi(createRoute({ method: 'get', path: '/organizations/{id}', tags: ['directory'], request: { params: IdParam },
    responses: { 200: jsonResponse(OrganizationPage), ...problems } }), async (c) =>
    c.json(await getOrganizationPage(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'put', path: '/organizations/{id}', tags: ['directory'], request: { params: IdParam, ...jsonBody(OrganizationInputSchema) },
    responses: { 200: jsonResponse(OrganizationSchema), ...problems } }), async (c) =>
    c.json(await service.updateOrganization(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(createRoute({ method: 'delete', path: '/organizations/{id}', tags: ['directory'], request: { params: IdParam },
    responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.deleteOrganization(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  });
