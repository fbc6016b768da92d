import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import { AnswerSchema, PartnerSchema, RunRequestSchema, RunSchema, SideParams } from './overlap.schema.ts';
import * as service from './overlap.service.ts';

const tags = ['overlap'];
const binary = { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary', description: '32 bytes per blinded value' }) } };
const bits = { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary', description: 'One bit per blinded value' }) } };
const positions = { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary', description: 'uint32 little-endian positions' }) } };
const bytesOf = async (c: Context) => new Uint8Array(await c.req.arrayBuffer());

export const overlapRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/overlap-partners', tags, description: 'Organizations this one may ask for a private overlap: active members of its alliances.',
    request: { params: IdParam }, responses: { 200: jsonResponse(z.array(PartnerSchema)), ...problems } }),
    async (c) => c.json(await service.partnersOf(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/overlap-runs', tags, description: "The space's private overlap runs, asked or asked of it.",
    request: { params: IdParam }, responses: { 200: jsonResponse(z.array(RunSchema)), ...problems } }),
    async (c) => c.json(await service.listRuns(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/overlap-runs', tags, description: 'Asks a fellow member organization to count, privately, the people both hold.',
    request: { params: IdParam, ...jsonBody(RunRequestSchema) }, responses: { 201: jsonResponse(z.object({ id: z.string() })), ...problems } }),
    async (c) => c.json(await service.requestRun(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'get', path: '/overlap-runs/{id}', tags, request: { params: IdParam }, responses: { 200: jsonResponse(RunSchema), ...problems } }),
    async (c) => c.json(await service.getRun(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'put', path: '/overlap-runs/{id}/status', tags, description: 'The partner accepts or declines; either side may cancel.',
    request: { params: IdParam, ...jsonBody(AnswerSchema) }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.answerRun(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json').answer);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'get', path: '/overlap-runs/{id}/sides/{side}/identifiers', tags,
    description: "The side's own identifiers of the run's kind, each once, for its client to blind (its administrators only; logged).",
    request: { params: SideParams }, responses: { 200: jsonResponse(z.object({ kind: z.string(), values: z.array(z.string()),
      revealable: z.array(z.boolean()).optional().openapi({ description: 'In a reveal run: whether each value may be revealed to the partner (consent)' }) })), ...problems } }), async (c) => {
    const { db, box } = c.get('deps');
    const { id, side } = c.req.valid('param');
    return c.json(await service.sideIdentifiers(db, box, actorOf(c), id, side), 200);
  })
  .openapi(createRoute({ method: 'put', path: '/overlap-runs/{id}/sides/{side}/blinded', tags, description: "The side's identifiers, hashed onto the curve and blinded with its secret.",
    request: { params: SideParams, body: { content: binary, required: true } }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    const { id, side } = c.req.valid('param');
    await service.sendBlinded(c.get('deps').db, actorOf(c), id, side, await bytesOf(c));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'get', path: '/overlap-runs/{id}/sides/{side}/their-blinded', tags, description: "The other side's blinded values, for this side to blind again.",
    request: { params: SideParams }, responses: { 200: { content: binary, description: 'Blinded values, 32 bytes each' }, ...problems } }), async (c) => {
    const { id, side } = c.req.valid('param');
    const payload = await service.theirBlinded(c.get('deps').db, actorOf(c), id, side);
    return c.body(payload as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/octet-stream', 'cache-control': 'no-store' });
  })
  .openapi(createRoute({ method: 'put', path: '/overlap-runs/{id}/sides/{side}/reblinded', tags, description: "The other side's values blinded again with this side's secret, in their order.",
    request: { params: SideParams, body: { content: binary, required: true } }, responses: { 200: jsonResponse(z.object({ done: z.boolean() })), ...problems } }), async (c) => {
    const { id, side } = c.req.valid('param');
    return c.json(await service.sendReblinded(c.get('deps').db, actorOf(c), id, side, await bytesOf(c)), 200);
  })
  .openapi(createRoute({ method: 'put', path: '/overlap-runs/{id}/sides/{side}/revealable', tags,
    description: 'In a reveal run: one bit per blinded value, in the order sent (bit i of byte i/8, lowest first): may it be revealed to the partner.',
    request: { params: SideParams, body: { content: bits, required: true } }, responses: { 200: jsonResponse(z.object({ done: z.boolean() })), ...problems } }), async (c) => {
    const { id, side } = c.req.valid('param');
    return c.json(await service.sendRevealable(c.get('deps').db, actorOf(c), id, side, await bytesOf(c)), 200);
  })
  .openapi(createRoute({ method: 'get', path: '/overlap-runs/{id}/sides/{side}/matches', tags,
    description: "A finished reveal run: the positions, in this side's own shuffled list, of the shared values both sides may reveal (uint32 little-endian each). Read once.",
    request: { params: SideParams }, responses: { 200: { content: positions, description: 'Positions, 4 bytes each' }, ...problems } }), async (c) => {
    const { id, side } = c.req.valid('param');
    const payload = await service.sideMatches(c.get('deps').db, actorOf(c), id, side);
    return c.body(payload as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/octet-stream', 'cache-control': 'no-store' });
  });
