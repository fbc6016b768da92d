import { createRoute, z } from '@hono/zod-openapi';
import { IMPORT_ENTITIES } from '../imports/column-mapping.ts';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, problems } from '../server/openapi-helpers.ts';
import { notFound } from '../server/problem.ts';
import { exportCsv, exportPopolo } from './export.service.ts';
import { jobFor, previewImport, startImport } from './import.service.ts';
import { languageOf, localizeReport } from '../server/localize.ts';

const ImportRequest = z.object({
  entity: z.enum(IMPORT_ENTITIES),
  csv: z.string().min(1, 'the file is empty').max(50_000_000, 'files over 50 MB: use the command line'),
  mapping: z.record(z.string(), z.string().nullable()).nullish(),
  importGoodRows: z.boolean().default(false),
}).openapi('ImportRequest');

const RowReport = z.object({ rowNumber: z.number(), ok: z.boolean(), errors: z.array(z.object({ field: z.string(), message: z.string() })).optional() });
const Preview = z.object({
  headers: z.array(z.string()), mapping: z.record(z.string(), z.string().nullable()), fields: z.array(z.string()),
  total: z.number(), errorCount: z.number(), rows: z.array(RowReport),
}).openapi('ImportPreview');
const Job = z.object({
  id: z.string(), entity: z.string(), status: z.string(), total: z.number(), processed: z.number(), message: z.string().optional(),
  counts: z.record(z.string(), z.number()), rows: z.array(z.object({ rowNumber: z.number(), outcome: z.string(), id: z.string().optional(), errors: z.array(z.any()).optional() })),
}).openapi('ImportJob');

export const interchangeRoutes = newRouter()
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/imports/preview', tags: ['import'], request: { params: IdParam, ...jsonBody(ImportRequest) },
    responses: { 200: jsonResponse(Preview), ...problems } }), async (c) => {
    const body = c.req.valid('json');
    return c.json(localizeReport(await previewImport(c.get('deps').db, actorOf(c), c.req.valid('param').id, body.entity, body.csv, body.mapping), languageOf(c)), 200);
  })
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/imports', tags: ['import'], description: 'Starts an import job; poll GET /imports/{id} for progress and the per-row report.',
    request: { params: IdParam, ...jsonBody(ImportRequest) }, responses: { 202: jsonResponse(z.object({ id: z.string() })), ...problems } }), async (c) => {
    const { db, box } = c.get('deps');
    const { job } = await startImport(db, box, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ id: job.id }, 202);
  })
  .openapi(createRoute({ method: 'get', path: '/imports/{id}', tags: ['import'], request: { params: IdParam },
    responses: { 200: jsonResponse(Job), ...problems } }), async (c) => {
    const job = await jobFor(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    if (!job) throw notFound('import');
    const { userId: _u, spaceId: _s, ...view } = job;
    return c.json(localizeReport(view, languageOf(c)), 200);
  })
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/export', tags: ['export'],
    request: { params: IdParam, query: z.object({ format: z.enum(['csv', 'popolo']), entity: z.enum(IMPORT_ENTITIES).default('organizations') }) },
    responses: { 200: { description: 'CSV (text/csv) or Popolo JSON', content: { 'text/csv': { schema: z.string() }, 'application/json': { schema: z.any() } } }, ...problems } }), async (c) => {
    const { db } = c.get('deps');
    const { id } = c.req.valid('param');
    const { format, entity } = c.req.valid('query');
    if (format === 'popolo') {
      c.header('content-disposition', 'attachment; filename="crossroads-popolo.json"');
      return c.json(await exportPopolo(db, actorOf(c), id), 200);
    }
    c.header('content-disposition', `attachment; filename="crossroads-${entity}.csv"`);
    return c.body(await exportCsv(db, actorOf(c), id, entity), 200, { 'content-type': 'text/csv; charset=utf-8' });
  });
