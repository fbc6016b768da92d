import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import { ConditionSchema } from './segment.ts';

// Its own 501(c) mark, in an unmarked space (a marked space's lists carry the space's).
const TaxStatusInput = z.enum(['c3', 'c4']).nullish();
import * as service from './segment.service.ts';

const SegmentInput = z.object({ name: z.string().trim().min(1, 'a name is required').max(200), definition: ConditionSchema }).openapi('SegmentInput');
const Segment = z.object({ id: z.string(), spaceId: z.string(), name: z.string(), definition: z.any(), createdAt: z.any(), updatedAt: z.any() }).openapi('Segment');
const SegmentCount = z.object({ count: z.number(), universe: z.number() }).openapi('SegmentCount');
const ListInput = z.object({
  name: z.string().trim().min(1, 'a name is required').max(200), description: z.string().trim().max(2000).nullish(),
  contactIds: z.array(z.uuid('not a valid id')).max(10_000).default([]),
  taxStatus: TaxStatusInput,
}).openapi('ContactListInput');
const List = z.object({ id: z.string(), spaceId: z.string(), name: z.string(), description: z.string().nullable(), segmentId: z.string().nullable(),
  taxStatus: z.enum(['c3', 'c4']).nullable(), size: z.number(),
  createdAt: z.any(), updatedAt: z.any() }).openapi('ContactList');

export const segmentRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/segments', tags: ['contacts'], request: { params: IdParam },
    responses: { 200: jsonResponse(z.object({ items: z.array(Segment) })), ...problems } }), async (c) =>
    c.json({ items: await service.listSegments(c.get('deps').db, actorOf(c), c.req.valid('param').id) }, 200))
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/segments', tags: ['contacts'], request: { params: IdParam, ...jsonBody(SegmentInput) },
    responses: { 201: jsonResponse(Segment.extend(SegmentCount.shape)), ...problems } }), async (c) => {
    const { db } = c.get('deps');
    const id = await service.createSegment(db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json(await service.getSegment(db, actorOf(c), id), 201);
  })
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/segments/count', tags: ['contacts'], description: 'Counts the contacts a definition selects now, without saving it.',
    request: { params: IdParam, ...jsonBody(z.object({ definition: ConditionSchema.nullable() })) }, responses: { 200: jsonResponse(SegmentCount), ...problems } }), async (c) =>
    c.json(await service.countDefinition(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json').definition), 200))
  .openapi(createRoute({ method: 'get', path: '/segments/{id}', tags: ['contacts'], request: { params: IdParam },
    responses: { 200: jsonResponse(Segment.extend(SegmentCount.shape)), ...problems } }), async (c) =>
    c.json(await service.getSegment(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'put', path: '/segments/{id}', tags: ['contacts'], request: { params: IdParam, ...jsonBody(SegmentInput) },
    responses: { 200: jsonResponse(Segment.extend(SegmentCount.shape)), ...problems } }), async (c) => {
    const { db } = c.get('deps');
    await service.updateSegment(db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json(await service.getSegment(db, actorOf(c), c.req.valid('param').id), 200);
  })
  .openapi(createRoute({ method: 'delete', path: '/segments/{id}', tags: ['contacts'], request: { params: IdParam }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.deleteSegment(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'post', path: '/segments/{id}/freeze', tags: ['contacts'], description: 'Freezes the segment as it is now into a new list.',
    request: { params: IdParam, ...jsonBody(z.object({ name: z.string().trim().min(1, 'a name is required').max(200), description: z.string().trim().max(2000).nullish(), taxStatus: TaxStatusInput })) },
    responses: { 201: jsonResponse(List), ...problems } }), async (c) => {
    const { db } = c.get('deps');
    const { id } = await service.freezeSegment(db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json(await service.getList(db, actorOf(c), id), 201);
  })
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/lists', tags: ['contacts'], request: { params: IdParam },
    responses: { 200: jsonResponse(z.object({ items: z.array(List) })), ...problems } }), async (c) =>
    c.json({ items: await service.listLists(c.get('deps').db, actorOf(c), c.req.valid('param').id) }, 200))
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/lists', tags: ['contacts'], request: { params: IdParam, ...jsonBody(ListInput) },
    responses: { 201: jsonResponse(List), ...problems } }), async (c) => {
    const { db } = c.get('deps');
    const id = await service.createList(db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json(await service.getList(db, actorOf(c), id), 201);
  })
  .openapi(createRoute({ method: 'get', path: '/lists/{id}', tags: ['contacts'], request: { params: IdParam }, responses: { 200: jsonResponse(List), ...problems } }), async (c) =>
    c.json(await service.getList(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'delete', path: '/lists/{id}', tags: ['contacts'], request: { params: IdParam }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.deleteList(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  });
