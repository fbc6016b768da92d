import { Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, problems } from '../server/openapi-helpers.ts';
import * as service from './space-exit.service.ts';

const tags = ['spaces'];

export const spaceExitRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/archive', tags, description: "Everything an organization's space holds, as one zip (owners only; logged).",
    request: { params: IdParam }, responses: { 200: { description: 'A zip archive', content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } } }, ...problems } }), async (c) => {
    const { db, box } = c.get('deps');
    const { fileName, stream } = await service.spaceArchive(db, box, actorOf(c), c.req.valid('param').id);
    return c.body(Readable.toWeb(stream) as ReadableStream, 200, {
      'content-type': 'application/zip', 'content-disposition': `attachment; filename="${encodeURIComponent(fileName)}"`, 'cache-control': 'no-store',
    }) as never;
  })
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/purge', tags, description: "Removes everything the organization's space holds, after it has taken its archive (owners only; type the organization's name).",
    request: { params: IdParam, ...jsonBody(z.object({ confirm: z.string().min(1).max(500) })) },
    responses: { 200: jsonResponse(z.object({ removed: z.record(z.string(), z.number()), directoryEntry: z.object({ keptIn: z.string() }).nullable() })), ...problems } }),
    async (c) => c.json(await service.purgeSpace(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json').confirm), 200));
