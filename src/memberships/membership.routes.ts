import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import { OrganizationSchema } from '../orgs/organization.schema.ts';
import {
  AllianceMemberSchema, AlliancePageQuery, CoRepresentationGapSchema, MemberListQuery, MembershipInputSchema, MembershipPatchSchema,
  MembershipSchema, RepresentativeInputSchema,
} from './membership.schema.ts';
import * as service from './membership.service.ts';

const AlliancePage = z.object({
  alliance: OrganizationSchema, role: z.string().nullable(),
  members: z.array(AllianceMemberSchema).openapi({ description: 'one page of the direct members (membersOffset, membersLimit); GET /alliances/{id}/members for more' }),
  membersTotal: z.number().openapi({ description: 'all direct members, whatever their status' }),
  membersNotLeft: z.number().openapi({ description: 'direct members that have not left' }),
  coRepresentationGaps: z.array(CoRepresentationGapSchema).openapi({ description: `the first ${service.GAP_PREVIEW} current members without a leader representative` }),
  coRepresentationGapsTotal: z.number().openapi({ description: 'all current members without a leader representative' }),
}).openapi('AlliancePage');
const MemberList = z.object({ total: z.number(), items: z.array(AllianceMemberSchema) }).openapi('AllianceMemberList');

export const membershipRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/alliances/{id}', tags: ['alliances'], request: { params: IdParam, query: AlliancePageQuery },
    responses: { 200: jsonResponse(AlliancePage), ...problems } }), async (c) => {
    const { membersOffset, membersLimit } = c.req.valid('query');
    return c.json(await service.getAlliancePage(c.get('deps').db, actorOf(c), c.req.valid('param').id, { offset: membersOffset, limit: membersLimit }), 200);
  })
  .openapi(createRoute({ method: 'get', path: '/alliances/{id}/members', tags: ['alliances'], request: { params: IdParam, query: MemberListQuery },
    responses: { 200: jsonResponse(MemberList), ...problems } }), async (c) => {
    const { offset, limit, ...filter } = c.req.valid('query');
    return c.json(await service.listAllianceMembers(c.get('deps').db, actorOf(c), c.req.valid('param').id, filter, { offset, limit }), 200);
  })
  .openapi(createRoute({ method: 'post', path: '/alliances/{id}/members', tags: ['alliances'], request: { params: IdParam, ...jsonBody(MembershipInputSchema) },
    responses: { 201: jsonResponse(MembershipSchema), 409: problems[422], ...problems } }), async (c) => {
    const { spaceId: _s, ...membership } = await service.addMember(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json(membership, 201);
  })
  .openapi(createRoute({ method: 'get', path: '/memberships/{id}', tags: ['alliances'], description: 'One membership, with the ETag that a PATCH sends back in If-Match.',
    request: { params: IdParam }, responses: { 200: jsonResponse(MembershipSchema), ...problems } }), async (c) => {
    const { spaceId: _s, ...membership } = await service.getMembership(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.json(membership, 200);
  })
  .openapi(createRoute({ method: 'patch', path: '/memberships/{id}', tags: ['alliances'], request: { params: IdParam, ...jsonBody(MembershipPatchSchema) },
    responses: { 200: jsonResponse(MembershipSchema), ...problems } }), async (c) => {
    const { spaceId: _s, ...membership } = await service.updateMembership(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json(membership, 200);
  })
  .openapi(createRoute({ method: 'delete', path: '/memberships/{id}', tags: ['alliances'], request: { params: IdParam },
    responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.removeMembership(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'post', path: '/memberships/{id}/representatives', tags: ['alliances'], request: { params: IdParam, ...jsonBody(RepresentativeInputSchema) },
    responses: { 201: jsonResponse(z.object({ id: z.string(), membershipId: z.string(), personId: z.string(), seat: z.string() })), ...problems } }), async (c) =>
    c.json(await service.addRepresentative(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'delete', path: '/representatives/{id}', tags: ['alliances'], request: { params: IdParam },
    responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.removeRepresentative(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  });
