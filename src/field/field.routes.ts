import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { jsonResponse, newRouter, problems } from '../server/openapi-helpers.ts';
import { fieldAnatomy } from './field.service.ts';

const ids = z.string().regex(/^[0-9a-f-]{36}(,[0-9a-f-]{36}){0,19}$/, 'one to twenty alliance ids, separated by commas');
const AnatomyQuery = z.object({ alliances: ids, priority: z.string().max(500).optional() });

export const fieldRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/field/anatomy', tags: ['field'], request: { query: AnatomyQuery },
    responses: { 200: jsonResponse(z.any().openapi('FieldAnatomy')), ...problems } }), async (c) => {
    const q = c.req.valid('query');
    return c.json(await fieldAnatomy(c.get('deps').db, actorOf(c), q.alliances.split(','), q.priority ? q.priority.split(',').filter(Boolean) : []), 200);
  });
