import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, problems } from '../server/openapi-helpers.ts';
import * as service from './reach.service.ts';

const tags = ['reach'];
const ContributionParams = z.object({
  id: z.uuid('not a valid id').openapi({ param: { name: 'id', in: 'path' } }),
  allianceSpaceId: z.uuid('not a valid id').openapi({ param: { name: 'allianceSpaceId', in: 'path' } }),
});
const AllianceInput = z.object({ allianceSpaceId: z.uuid('not a valid id') }).openapi('ReachContributionInput');
const Shown = { estimate: z.number().nullable(), fewerThan: z.number().nullable(), low: z.number().nullable(), high: z.number().nullable() };
const Reach = z.object({
  relativeStandardError: z.number(), smallCount: z.number(),
  members: z.array(z.object({ organizationId: z.string(), name: z.string(), contributedAt: z.string().nullable(),
    outdated: z.boolean().openapi({ description: 'Its sketches were made under c3/c4 marks that have changed: left out until it counts again' }) })),
  sumOfMembers: z.object(Shown).nullable(),
  categories: z.array(z.object({ category: z.string(), ...Shown })),
}).openapi('AllianceReach');

export const reachRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/reach', tags, description: "An alliance's unduplicated reach: its members' people counted once across members, estimated from the sketches they contributed, with a 95% bound.",
    request: { params: IdParam }, responses: { 200: jsonResponse(Reach), ...problems } }),
    async (c) => c.json(await service.allianceReach(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/reach-contributions', tags, description: "The alliances this organization may count itself into, and when it last did.",
    request: { params: IdParam }, responses: { 200: jsonResponse(z.array(z.object({ allianceId: z.string(), name: z.string(), allianceSpaceId: z.string(), contributedAt: z.string().nullable() }))), ...problems } }),
    async (c) => c.json(await service.contributions(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/reach-contributions', tags, description: "Counts this organization's people into an alliance's unduplicated reach (sketches only; replaces the last).",
    request: { params: IdParam, ...jsonBody(AllianceInput) }, responses: { 200: jsonResponse(z.object({ people: z.number(), categories: z.array(z.string()) })), ...problems } }), async (c) => {
    const { db, box } = c.get('deps');
    return c.json(await service.contribute(db, box, actorOf(c), c.req.valid('param').id, c.req.valid('json').allianceSpaceId), 200);
  })
  .openapi(createRoute({ method: 'delete', path: '/spaces/{id}/reach-contributions/{allianceSpaceId}', tags, description: "Takes this organization's people out of an alliance's reach.",
    request: { params: ContributionParams }, responses: { 200: jsonResponse(z.object({ removed: z.number() })), ...problems } }), async (c) => {
    const { id, allianceSpaceId } = c.req.valid('param');
    return c.json(await service.withdraw(c.get('deps').db, actorOf(c), id, allianceSpaceId), 200);
  });
