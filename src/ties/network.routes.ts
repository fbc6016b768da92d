import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { JobView } from '../jobs/job-registry.ts';
import { actorOf, type AppEnv } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import { isLargeNetwork, tiesCsv, toKumu } from './network-compute.ts';
import * as service from './network.service.ts';
import { importTies } from './tie-import.service.ts';
import { NetworkQuerySchema, TieImportSchema, TieInputSchema } from './tie.schema.ts';
import * as ties from './tie.service.ts';
import { languageOf, localizeReport } from '../server/localize.ts';

const Anything = z.any().openapi('NetworkRecord');
const Job = z.any().openapi('AnalysisJob');
const tags = ['network'];
const options = (q: { derived: string; kinds?: string }) => ({ derived: q.derived === 'true', kinds: q.kinds ? q.kinds.split(',') : undefined });
const jobResponses = { 200: jsonResponse(Job, 'The analysis, finished'), 202: jsonResponse(Job, 'The analysis, still running: poll /api/jobs/{id}'), ...problems };

/** A finished job answers 200; a running one 202 with where to follow it. */
function jobAnswer(c: Context<AppEnv>, job: JobView) {
  if (job.status === 'running') {
    c.header('location', `/api/jobs/${job.id}`);
    return c.json(job, 202);
  }
  return c.json(job, 200);
}

export const networkRoutes = newRouter()
  .openapi(createRoute({ method: 'post', path: '/field/network/analyses', tags, request: { query: NetworkQuerySchema }, responses: jobResponses }), async (c) =>
    jobAnswer(c, await service.startNetworkAnalysis(c.get('deps').db, c.get('jobs'), actorOf(c), 'field', options(c.req.valid('query')))))
  .openapi(createRoute({ method: 'post', path: '/alliances/{id}/network/analyses', tags, request: { params: IdParam, query: NetworkQuerySchema }, responses: jobResponses }), async (c) =>
    jobAnswer(c, await service.startNetworkAnalysis(c.get('deps').db, c.get('jobs'), actorOf(c), { allianceId: c.req.valid('param').id }, options(c.req.valid('query')))))
  // A small network answers at once; a large one answers 202 with its analysis job, so no request computes for seconds.
  .openapi(createRoute({ method: 'get', path: '/field/network', tags, request: { query: NetworkQuerySchema }, responses: { ...jobResponses, 200: jsonResponse(Anything) } }), async (c) => {
    const { db } = c.get('deps');
    const input = await service.loadFieldNetwork(db, actorOf(c));
    if (isLargeNetwork(input)) return jobAnswer(c, await service.startNetworkAnalysis(db, c.get('jobs'), actorOf(c), 'field', options(c.req.valid('query')), input));
    return c.json(await service.computeOffThread(input, options(c.req.valid('query'))), 200);
  })
  .openapi(createRoute({ method: 'get', path: '/alliances/{id}/network', tags, request: { params: IdParam, query: NetworkQuerySchema }, responses: { ...jobResponses, 200: jsonResponse(Anything) } }), async (c) => {
    const { db } = c.get('deps');
    const input = await service.loadAllianceNetwork(db, actorOf(c), c.req.valid('param').id);
    if (isLargeNetwork(input)) return jobAnswer(c, await service.startNetworkAnalysis(db, c.get('jobs'), actorOf(c), { allianceId: c.req.valid('param').id }, options(c.req.valid('query')), input));
    return c.json(await service.computeOffThread(input, options(c.req.valid('query'))), 200);
  })
  .openapi(createRoute({ method: 'get', path: '/alliances/{id}/network.kumu.json', tags, request: { params: IdParam, query: NetworkQuerySchema }, responses: { 200: jsonResponse(Anything), ...problems } }), async (c) => {
    const input = await service.loadAllianceNetwork(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    const network = await service.computeOffThread(input, options(c.req.valid('query')));
    c.header('content-disposition', 'attachment; filename="network.kumu.json"');
    return c.json(toKumu(network), 200);
  })
  .openapi(createRoute({ method: 'get', path: '/alliances/{id}/ties.csv', tags, request: { params: IdParam }, responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'Stated ties' }, ...problems } }), async (c) => {
    const { stated } = await service.loadAllianceNetwork(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.body(tiesCsv(stated), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="ties.csv"' }) as never;
  })
  .openapi(createRoute({ method: 'post', path: '/alliances/{id}/ties', tags, request: { params: IdParam, ...jsonBody(TieInputSchema) }, responses: { 201: jsonResponse(Anything), ...problems } }), async (c) =>
    c.json(await ties.recordTie(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'post', path: '/alliances/{id}/ties/import', tags, request: { params: IdParam, ...jsonBody(TieImportSchema) }, responses: { 200: jsonResponse(Anything, 'A verdict per row; written only with commit'), ...problems } }), async (c) => {
    const { csv, commit, importGoodRows } = c.req.valid('json');
    return c.json(localizeReport(await importTies(c.get('deps').db, actorOf(c), c.req.valid('param').id, csv, { commit, importGoodRows }), languageOf(c)), 200);
  })
  .openapi(createRoute({ method: 'delete', path: '/ties/{id}', tags, request: { params: IdParam }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await ties.removeTie(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  });
