import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonResponse, newRouter, problems } from '../server/openapi-helpers.ts';
import { definitionsDocument } from './metric-definitions.ts';
import { htmlToPdf } from './report-pdf.ts';
import { allianceMetrics, funderReport } from './metrics.service.ts';

const Any = z.looseObject({});
const tags = ['metrics'];
const date = z.iso.date('use YYYY-MM-DD');

export const metricsRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/metrics/definitions', tags, description: 'The movement metrics\' definitions, versioned: key, group, unit, name and formula (en, es), what each reads.',
    responses: { 200: jsonResponse(Any), ...problems } }), (c) => c.json(definitionsDocument() as unknown as Record<string, unknown>, 200))
  .openapi(createRoute({ method: 'get', path: '/alliances/{id}/metrics', tags, description: 'An alliance\'s movement metrics for a period, each with what it counted.',
    request: { params: IdParam, query: z.object({ from: date, to: date }) }, responses: { 200: jsonResponse(Any), ...problems } }),
    async (c) => c.json(await allianceMetrics(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('query')) as unknown as Record<string, unknown>, 200))
  .openapi(createRoute({ method: 'get', path: '/alliances/{id}/funder-report', tags,
    description: 'One printable page for funders: the period\'s movement metrics and the map of the money, in English or Spanish, as HTML (print CSS) or a PDF made by Chromium.',
    request: { params: IdParam, query: z.object({ from: date, to: date, lang: z.enum(['en', 'es']).default('en'), format: z.enum(['html', 'pdf']).default('html') }) },
    responses: { 200: { description: 'The report', content: { 'text/html': { schema: z.string() }, 'application/pdf': { schema: z.string() } } }, ...problems } }), async (c) => {
    const q = c.req.valid('query');
    const html = await funderReport(c.get('deps').db, actorOf(c), c.req.valid('param').id, { from: q.from, to: q.to }, q.lang);
    if (q.format === 'html') return c.html(html, 200);
    const pdf = await htmlToPdf(html);
    c.header('content-type', 'application/pdf');
    c.header('content-disposition', `attachment; filename="funder-report-${q.from}-${q.to}.pdf"`);
    return c.body(new Uint8Array(pdf), 200);
  });
