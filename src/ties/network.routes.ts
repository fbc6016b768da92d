import { createRoute, z } from '@hono/zod-openapi';
import { stringify } from 'csv-stringify/sync';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import * as service from './network.service.ts';
import { NetworkQuerySchema, TieInputSchema } from './tie.schema.ts';

const Anything = z.any().openapi('NetworkRecord');
const tags = ['network'];
const options = (q: { derived: string; kinds?: string }) => ({ derived: q.derived === 'true', kinds: q.kinds ? q.kinds.split(',') : undefined });

export const networkRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/field/network', tags, request: { query: NetworkQuerySchema }, responses: { 200: jsonResponse(Anything), ...problems } }), async (c) =>
    c.json(await service.fieldNetwork(c.get('deps').db, actorOf(c), options(c.req.valid('query'))), 200))
  .openapi(createRoute({ method: 'get', path: '/alliances/{id}/network', tags, request: { params: IdParam, query: NetworkQuerySchema }, responses: { 200: jsonResponse(Anything), ...problems } }), async (c) =>
    c.json(await service.allianceNetwork(c.get('deps').db, actorOf(c), c.req.valid('param').id, options(c.req.valid('query'))), 200))
  .openapi(createRoute({ method: 'get', path: '/alliances/{id}/network.kumu.json', tags, request: { params: IdParam, query: NetworkQuerySchema }, responses: { 200: jsonResponse(Anything), ...problems } }), async (c) => {
    const network = await service.allianceNetwork(c.get('deps').db, actorOf(c), c.req.valid('param').id, options(c.req.valid('query')));
    c.header('content-disposition', 'attachment; filename="network.kumu.json"');
    return c.json(service.toKumu(network), 200);
  })
  .openapi(createRoute({ method: 'get', path: '/alliances/{id}/ties.csv', tags, request: { params: IdParam }, responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'Stated ties' }, ...problems } }), async (c) => {
    const network = await service.allianceNetwork(c.get('deps').db, actorOf(c), c.req.valid('param').id, { derived: false });
    const csv = stringify(network.stated.map((t) => ({ from: t.aName, to: t.bName, kind: t.kind, strength: t.strength, started_on: t.startedOn ?? '', ended_on: t.endedOn ?? '', note: t.note ?? '' })),
      { header: true, columns: ['from', 'to', 'kind', 'strength', 'started_on', 'ended_on', 'note'] });
    return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="ties.csv"' }) as never;
  })
  .openapi(createRoute({ method: 'post', path: '/alliances/{id}/ties', tags, request: { params: IdParam, ...jsonBody(TieInputSchema) }, responses: { 201: jsonResponse(Anything), ...problems } }), async (c) =>
    c.json(await service.recordTie(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'delete', path: '/ties/{id}', tags, request: { params: IdParam }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.removeTie(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  });
