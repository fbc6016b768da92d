import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import * as service from './firewall.service.ts';

const tags = ['firewall'];
const Mark = z.enum(['c3', 'c4']).nullable();
const TaxStatusInput = z.object({
  taxStatus: Mark.openapi({ description: '501(c)(3), 501(c)(4), or null for a space outside the rule' }),
  c3SharesWithC4: z.boolean().default(false).openapi({ description: "A c3 space's rule: c4 spaces may read its work (counts, overlaps)" }),
}).openapi('TaxStatusInput');
const TaxStatusView = z.object({
  taxStatus: Mark, c3SharesWithC4: z.boolean(),
  refused: z.array(z.object({ at: z.string(), entity: z.string(), by: z.string().nullable(), detail: z.any() })),
}).openapi('TaxStatus');

export const firewallRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/tax-status', tags, description: 'The space\'s 501(c) mark, its rule, and (for administrators) the crossings refused in it.',
    request: { params: IdParam }, responses: { 200: jsonResponse(TaxStatusView), ...problems } }),
    async (c) => c.json(await service.spaceMark(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'put', path: '/spaces/{id}/tax-status', tags, description: 'Marks the space 501(c)(3), 501(c)(4) or neither (owners).',
    request: { params: IdParam, ...jsonBody(TaxStatusInput) }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.setSpaceMark(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  });
