import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import { LadderSchema } from './ladder.ts';
import * as service from './ladder.service.ts';

const Loose = z.looseObject({});
const Period = z.object({
  from: z.iso.date('use YYYY-MM-DD').optional(),
  to: z.iso.date('use YYYY-MM-DD').optional(),
});
/** A period given as dates (the end day included); by default the last 90 days. */
function period(q: { from?: string; to?: string }) {
  const to = q.to ? new Date(`${q.to}T00:00:00Z`) : new Date();
  if (q.to) to.setUTCDate(to.getUTCDate() + 1);
  const from = q.from ? new Date(`${q.from}T00:00:00Z`) : new Date(to.getTime() - 90 * 86_400_000);
  return { from, to };
}

export const ladderRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/ladder', tags: ['ladder'], request: { params: IdParam }, responses: { 200: jsonResponse(Loose), ...problems } }),
    async (c) => c.json((await service.getLadder(c.get('deps').db, actorOf(c), c.req.valid('param').id)) as Record<string, unknown>, 200))
  .openapi(createRoute({ method: 'put', path: '/spaces/{id}/ladder', tags: ['ladder'], request: { params: IdParam, ...jsonBody(LadderSchema) }, responses: { 200: jsonResponse(Ok), ...problems } }),
    async (c) => {
      await service.saveLadder(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
      return c.json({ ok: true as const }, 200);
    })
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/ladder/recompute', tags: ['ladder'], description: 'Places every contact on the ladder by its rules, recording each move and its reason.',
    request: { params: IdParam }, responses: { 200: jsonResponse(z.object({ moved: z.number() })), ...problems } }),
    async (c) => c.json(await service.recompute(c.get('deps').db, c.get('deps').box, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/ladder/movement', tags: ['ladder'], description: 'Counts per step and moves up and down in a period.',
    request: { params: IdParam, query: Period }, responses: { 200: jsonResponse(Loose), ...problems } }), async (c) => {
    const { from, to } = period(c.req.valid('query'));
    return c.json(await service.movement(c.get('deps').db, actorOf(c), c.req.valid('param').id, from, to), 200);
  })
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/ladder/members-movement', tags: ['ladder'], description: 'An alliance: each active member organization\'s counts per step and moves, never names.',
    request: { params: IdParam, query: Period }, responses: { 200: jsonResponse(Loose), ...problems } }), async (c) => {
    const { from, to } = period(c.req.valid('query'));
    return c.json(await service.allianceMovement(c.get('deps').db, actorOf(c), c.req.valid('param').id, from, to), 200);
  })
  .openapi(createRoute({ method: 'get', path: '/contacts/{id}/ladder', tags: ['ladder'], request: { params: IdParam }, responses: { 200: jsonResponse(Loose), ...problems } }),
    async (c) => c.json((await service.contactLadder(c.get('deps').db, actorOf(c), c.req.valid('param').id)) as Record<string, unknown>, 200))
  .openapi(createRoute({ method: 'put', path: '/contacts/{id}/ladder', tags: ['ladder'], description: 'Moves a contact by hand, with the reason.',
    request: { params: IdParam, ...jsonBody(z.object({ step: z.string().max(40), reason: z.string().trim().min(1, 'give a reason').max(500) })) },
    responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    const body = c.req.valid('json');
    await service.moveByHand(c.get('deps').db, actorOf(c), c.req.valid('param').id, body.step, body.reason);
    return c.json({ ok: true as const }, 200);
  });
