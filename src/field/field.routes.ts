import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { jsonBody, jsonResponse, newRouter, problems } from '../server/openapi-helpers.ts';
import { getPriorities, setPriorities } from './priorities.service.ts';
import { findAllies } from './ally-finder.service.ts';
import { fieldAnatomy } from './field.service.ts';
import { IdParam } from '../server/openapi-helpers.ts';

const ids = z.string().regex(/^[0-9a-f-]{36}(,[0-9a-f-]{36}){0,19}$/, 'one to twenty alliance ids, separated by commas');
const AnatomyQuery = z.object({ alliances: ids, priority: z.string().max(500).optional() });

const PrioritiesSchema = z.object({
  constituencies: z.array(z.string().max(80)).max(50),
  stateFips: z.array(z.string().regex(/^\d{2}$/, 'a two-digit state FIPS code')).max(56),
}).openapi('FieldPriorities');

export const fieldRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/alliances/{id}/priorities', tags: ['field'], request: { params: IdParam }, responses: { 200: jsonResponse(z.any().openapi('FieldPrioritiesRecord')), ...problems } }), async (c) =>
    c.json(await getPriorities(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'put', path: '/alliances/{id}/priorities', tags: ['field'], request: { params: IdParam, ...jsonBody(PrioritiesSchema) }, responses: { 200: jsonResponse(z.any().openapi('FieldPrioritiesRecord')), ...problems } }), async (c) =>
    c.json(await setPriorities(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(createRoute({ method: 'get', path: '/field/anatomy', tags: ['field'], request: { query: AnatomyQuery },
    responses: { 200: jsonResponse(z.any().openapi('FieldAnatomy')), ...problems } }), async (c) => {
    const q = c.req.valid('query');
    return c.json(await fieldAnatomy(c.get('deps').db, actorOf(c), q.alliances.split(','), q.priority ? q.priority.split(',').filter(Boolean) : []), 200);
  })
  .openapi(createRoute({ method: 'get', path: '/alliances/{id}/allies', tags: ['field'], request: { params: IdParam, query: z.object({ priority: z.string().max(500).optional() }) },
    responses: { 200: jsonResponse(z.any().openapi('AllyFinder')), ...problems } }), async (c) => {
    const priority = c.req.valid('query').priority;
    return c.json(await findAllies(c.get('deps').db, actorOf(c), c.req.valid('param').id, priority ? priority.split(',').filter(Boolean) : []), 200);
  });
