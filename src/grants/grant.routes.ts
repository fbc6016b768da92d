import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import * as funding from './funding.service.ts';
import { GrantImportSchema, GrantLinksSchema, GrantsQuery, MoneyMapQuery, OtherIncomeSchema, RegrantSchema, YearQuery } from './grant.schema.ts';
import * as service from './grant.service.ts';

const Any = z.looseObject({});
const tags = ['grants'];

export const grantRoutes = newRouter()
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/funding-grant-imports', tags,
    description: 'Imports a 360Giving file (JSON package, flat CSV or XLSX): all or nothing; a grant at fault is named with its field.',
    request: { params: IdParam, ...jsonBody(GrantImportSchema) }, responses: { 200: jsonResponse(Any), ...problems } }), async (c) => {
    const body = c.req.valid('json');
    const bytes = Buffer.from(body.fileBase64, 'base64');
    const report = await service.importGrants(c.get('deps').db, actorOf(c), c.req.valid('param').id, bytes,
      { dryRun: body.dryRun, dateOrder: body.dateOrder, funderType: body.funderType });
    return c.json(report as unknown as Record<string, unknown>, 200);
  })
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/funding-grants', tags, request: { params: IdParam, query: GrantsQuery }, responses: { 200: jsonResponse(Any), ...problems } }),
    async (c) => c.json(await service.listGrants(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('query')) as unknown as Record<string, unknown>, 200))
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/funding-grants/export', tags, description: 'The space\'s grants as a 360Giving 1.4 package (JSON).',
    request: { params: IdParam }, responses: { 200: jsonResponse(Any), ...problems } }), async (c) => {
    const data = await service.exportGrants(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    c.header('content-disposition', 'attachment; filename="grants-360giving.json"');
    return c.json(data as unknown as Record<string, unknown>, 200);
  })
  .openapi(createRoute({ method: 'get', path: '/funding-grants/{id}', tags, request: { params: IdParam }, responses: { 200: jsonResponse(Any), ...problems } }),
    async (c) => c.json(await service.getGrant(c.get('deps').db, actorOf(c), c.req.valid('param').id) as unknown as Record<string, unknown>, 200))
  .openapi(createRoute({ method: 'put', path: '/funding-grants/{id}/links', tags, description: 'Settles who the funder or recipient is in the directory (null: not in it), or the kind of funder.',
    request: { params: IdParam, ...jsonBody(GrantLinksSchema) }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.setGrantLinks(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'post', path: '/funding-grants/{id}/regrants', tags, description: 'Passes part of a grant from its recipient (an anchor or alliance) to another organization.',
    request: { params: IdParam, ...jsonBody(RegrantSchema) }, responses: { 201: jsonResponse(z.object({ id: z.string(), identifier: z.string() })), ...problems } }),
    async (c) => c.json(await service.createRegrant(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'delete', path: '/funding-grants/{id}', tags, request: { params: IdParam }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.deleteGrant(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/money-map', tags,
    description: 'The map of the money: funder → alliance → member flows from the grants recorded in the space, by period, issue, constituency and region, with the share reaching base-building groups.',
    request: { params: IdParam, query: MoneyMapQuery }, responses: { 200: jsonResponse(Any), ...problems } }),
    async (c) => c.json(await funding.moneyMapOf(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('query')) as unknown as Record<string, unknown>, 200))
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/funding-diversification', tags,
    description: 'An organization\'s sources of money in a fiscal year: shares, the Herfindahl–Hirschman index, dependency on its largest funder.',
    request: { params: IdParam, query: YearQuery }, responses: { 200: jsonResponse(Any), ...problems } }),
    async (c) => c.json(await funding.diversificationOf(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('query').year) as unknown as Record<string, unknown>, 200))
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/other-income', tags, request: { params: IdParam, query: YearQuery }, responses: { 200: jsonResponse(Any), ...problems } }),
    async (c) => c.json(await funding.listOtherIncome(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('query').year) as unknown as Record<string, unknown>, 200))
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/other-income', tags, description: 'Income that is neither a gift nor a grant: earned, government contracts, dues collected elsewhere.',
    request: { params: IdParam, ...jsonBody(OtherIncomeSchema) }, responses: { 201: jsonResponse(z.object({ id: z.string() })), ...problems } }),
    async (c) => c.json(await funding.addOtherIncome(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'delete', path: '/other-income/{id}', tags, request: { params: IdParam }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await funding.deleteOtherIncome(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  });
