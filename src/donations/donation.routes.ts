import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import { textSource } from '../interchange/csv-source.ts';
import { startDonationImport } from './donation-import.service.ts';
import { DonationImportSchema, DonationInputSchema, DonationsQuery, DonorReportQuery, FundraisingSettingsSchema, RefundSchema } from './donation.schema.ts';
import * as service from './donation.service.ts';

const Any = z.looseObject({});
const tags = ['donations'];

export const donationRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/fundraising-settings', tags, request: { params: IdParam }, responses: { 200: jsonResponse(FundraisingSettingsSchema), ...problems } }),
    async (c) => c.json(await service.getSettings(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'put', path: '/spaces/{id}/fundraising-settings', tags, description: 'The month the fiscal year starts in, and the currency.',
    request: { params: IdParam, ...jsonBody(FundraisingSettingsSchema) }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.saveSettings(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/donations', tags, request: { params: IdParam, query: DonationsQuery }, responses: { 200: jsonResponse(Any), ...problems } }),
    async (c) => c.json((await service.listDonations(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('query'))) as Record<string, unknown>, 200))
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/donations', tags, description: 'A gift from one of the organization\'s contacts, in minor units (cents).',
    request: { params: IdParam, ...jsonBody(DonationInputSchema) }, responses: { 201: jsonResponse(z.object({ id: z.string() })), ...problems } }),
    async (c) => c.json(await service.createDonation(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'put', path: '/donations/{id}/refund', tags, description: 'Marks a gift refunded on a date (null: not refunded).',
    request: { params: IdParam, ...jsonBody(RefundSchema) }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.setRefund(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json').refundedOn);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'delete', path: '/donations/{id}', tags, request: { params: IdParam }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.deleteDonation(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/donor-report', tags,
    description: 'Donor metrics of a fiscal year (named by the year it ends in): donors, new, retained, recaptured, lapsed, retention rate, upgrades, average and median gift, the pyramid, LYBUNT and SYBUNT.',
    request: { params: IdParam, query: DonorReportQuery }, responses: { 200: jsonResponse(Any), ...problems } }), async (c) => {
    const q = c.req.valid('query');
    return c.json((await service.donorReport(c.get('deps').db, actorOf(c), c.req.valid('param').id, q.year, q.fiscalYearStart)) as Record<string, unknown>, 200);
  })
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/members-giving', tags, description: 'An alliance: each member organization\'s donors and total for a fiscal year, small counts hidden; never a donor.',
    request: { params: IdParam, query: z.object({ year: z.coerce.number().int().min(1900).max(2200) }) }, responses: { 200: jsonResponse(Any), ...problems } }),
    async (c) => c.json(await service.membersGiving(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('query').year), 200))
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/donation-imports', tags,
    description: 'Starts an import of gifts from a CSV export (ActBlue, Action Network, NGP VAN, CiviCRM columns recognized); poll GET /imports/{id}.',
    request: { params: IdParam, ...jsonBody(DonationImportSchema) }, responses: { 202: jsonResponse(z.object({ id: z.string() })), ...problems } }), async (c) => {
    const { db, box } = c.get('deps');
    const body = c.req.valid('json');
    const { job } = await startDonationImport(db, box, actorOf(c), c.req.valid('param').id,
      { source: textSource(body.csv), mapping: body.mapping, goodRows: body.goodRows, dryRun: body.dryRun, sourceName: body.sourceName });
    return c.json({ id: job.id }, 202);
  });
