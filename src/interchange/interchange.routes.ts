import { createRoute, z } from '@hono/zod-openapi';
import { IMPORT_ENTITIES } from '../imports/column-mapping.ts';
import { DUPLICATE_DECISIONS } from '../imports/import-decisions.ts';
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
  decisions: z.object({
    defaults: z.record(z.string(), z.string().max(200)).optional()
      .openapi({ description: 'A value for rows whose cell is empty or whose field has no column: field → value as a file would write it' }),
    values: z.record(z.string(), z.record(z.string(), z.string().nullable())).optional()
      .openapi({ description: 'What values the workspace does not know mean: field → value as written → term or choice key, or null to leave it out' }),
    dateOrder: z.enum(['mdy', 'dmy']).optional().openapi({ description: 'How dates like 03/04/2019 are read: month first or day first' }),
    duplicates: z.record(z.string().regex(/^\d+$/, 'a row number'), z.enum(DUPLICATE_DECISIONS)).optional()
      .openapi({ description: 'What to do with each row the preview asked about (by row number): merge it into what it duplicates, keep both, or skip it' }),
    allDuplicates: z.enum(DUPLICATE_DECISIONS).optional().openapi({ description: 'What to do with every row asked about that `duplicates` does not name' }),
  }).optional().openapi({ description: "The person's answers to the preview's questions" }),
  importGoodRows: z.boolean().default(false),
}).openapi('ImportRequest');

const RowError = z.object({
  field: z.string(), message: z.string(), code: z.enum(['unknown_value', 'ambiguous_date', 'duplicate']).optional(),
  target: z.string().optional(), value: z.string().optional(),
}).openapi('ImportRowError');
const RowReport = z.object({ rowNumber: z.number(), ok: z.boolean(), errors: z.array(RowError).optional() });
const Choice = z.object({ key: z.string(), en: z.string(), es: z.string() });
const DuplicateMatch = z.union([
  z.object({ kind: z.literal('row'), rowNumber: z.number(), name: z.string() }),
  z.object({ kind: z.literal('record'), id: z.string(), name: z.string(), spaceName: z.string(), sameSpace: z.boolean() }),
]);
const Preview = z.object({
  headers: z.array(z.string()), mapping: z.record(z.string(), z.string().nullable()), fields: z.array(z.string()),
  total: z.number(), errorCount: z.number(), rows: z.array(RowReport),
  missing: z.array(z.string()).openapi({ description: 'Required fields no column feeds: give a default or map a column' }),
  unknownValues: z.array(z.object({ field: z.string(), column: z.string(), value: z.string(), count: z.number(), rows: z.array(z.number()), suggestion: z.string().nullable() })),
  choices: z.record(z.string(), z.array(Choice)).openapi({ description: 'What each field asked about can be set to' }),
  dates: z.object({
    ambiguous: z.number(), examples: z.array(z.string()),
    evidence: z.object({ order: z.enum(['mdy', 'dmy']), value: z.string() }).nullable(), order: z.enum(['mdy', 'dmy']).nullable(),
  }),
  duplicates: z.array(z.object({
    rowNumber: z.number(), name: z.string(), matches: z.array(DuplicateMatch),
    mergeInto: z.union([z.object({ row: z.number() }), z.object({ id: z.string() })]).nullable(), sameId: z.boolean(), decision: z.enum(DUPLICATE_DECISIONS).optional(),
  })),
  duplicateCount: z.number(),
  remembered: z.object({ mapping: z.record(z.string(), z.string().nullable()), decisions: z.record(z.string(), z.unknown()) }).nullable()
    .openapi({ description: "The space's answers to its last import of a file with these columns: the mapping is used when none is sent; the other answers are only put forward" }),
}).openapi('ImportPreview');
const Job = z.object({
  id: z.string(), entity: z.string(), status: z.string(), total: z.number(), processed: z.number(), message: z.string().optional(),
  counts: z.record(z.string(), z.number()), rows: z.array(z.object({ rowNumber: z.number(), outcome: z.string(), id: z.string().optional(), errors: z.array(z.any()).optional() })),
}).openapi('ImportJob');

export const interchangeRoutes = newRouter()
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/imports/preview', tags: ['import'], request: { params: IdParam, ...jsonBody(ImportRequest) },
    responses: { 200: jsonResponse(Preview), ...problems } }), async (c) => {
    const body = c.req.valid('json');
    return c.json(localizeReport(await previewImport(c.get('deps').db, actorOf(c), c.req.valid('param').id, body.entity, body.csv, body.mapping, body.decisions), languageOf(c)), 200);
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
