import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonResponse, newRouter, problems } from '../server/openapi-helpers.ts';
import { definitionsDocument } from './metric-definitions.ts';
import { allianceMetrics } from './metrics.service.ts';

const Any = z.looseObject({});
const tags = ['metrics'];
const date = z.iso.date('use YYYY-MM-DD');

export const metricsRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/metrics/definitions', tags, description: 'The movement metrics\' definitions, versioned: key, group, unit, name and formula (en, es), what each reads.',
    responses: { 200: jsonResponse(Any), ...problems } }), (c) => c.json(definitionsDocument() as unknown as Record<string, unknown>, 200))
  .openapi(createRoute({ method: 'get', path: '/alliances/{id}/metrics', tags, description: 'An alliance\'s movement metrics for a period, each with what it counted.',
    request: { params: IdParam, query: z.object({ from: date, to: date }) }, responses: { 200: jsonResponse(Any), ...problems } }),
    async (c) => c.json(await allianceMetrics(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('query')) as unknown as Record<string, unknown>, 200));
