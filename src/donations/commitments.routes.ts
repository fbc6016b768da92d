import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import { DuesBillSchema, DuesPaymentSchema, MatchSchema, PledgeSchema, RecurringSchema, RecurringStatusSchema } from './commitments.schema.ts';
import * as service from './commitments.service.ts';

const Any = z.looseObject({});
const tags = ['donations'];
const Created = z.object({ id: z.string() });
const deleteRoute = (path: string, table: 'recurring_gifts' | 'pledges' | 'match_funds' | 'dues_invoices') =>
  [createRoute({ method: 'delete', path, tags, request: { params: IdParam }, responses: { 200: jsonResponse(Ok), ...problems } }), table] as const;
const [deleteRecurring, recurringTable] = deleteRoute('/recurring-gifts/{id}', 'recurring_gifts');
const [deletePledge, pledgeTable] = deleteRoute('/pledges/{id}', 'pledges');
const [deleteMatch, matchTable] = deleteRoute('/match-funds/{id}', 'match_funds');
const [deleteInvoice, invoiceTable] = deleteRoute('/dues-invoices/{id}', 'dues_invoices');

export const commitmentRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/recurring-gifts', tags, description: 'Recurring gifts with installments due, received and missed.',
    request: { params: IdParam }, responses: { 200: jsonResponse(z.array(Any)), ...problems } }),
    async (c) => c.json(await service.listRecurring(c.get('deps').db, actorOf(c), c.req.valid('param').id) as Record<string, unknown>[], 200))
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/recurring-gifts', tags, request: { params: IdParam, ...jsonBody(RecurringSchema) }, responses: { 201: jsonResponse(Created), ...problems } }),
    async (c) => c.json(await service.createRecurring(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'put', path: '/recurring-gifts/{id}/status', tags, request: { params: IdParam, ...jsonBody(RecurringStatusSchema) }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.setRecurringStatus(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json').status);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(deleteRecurring, async (c) => { await service.deleteCommitment(c.get('deps').db, actorOf(c), recurringTable, c.req.valid('param').id); return c.json({ ok: true as const }, 200); })
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/pledges', tags, description: 'Pledges with what was paid, the balance and what is overdue.',
    request: { params: IdParam }, responses: { 200: jsonResponse(z.array(Any)), ...problems } }),
    async (c) => c.json(await service.listPledges(c.get('deps').db, actorOf(c), c.req.valid('param').id) as Record<string, unknown>[], 200))
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/pledges', tags, request: { params: IdParam, ...jsonBody(PledgeSchema) }, responses: { 201: jsonResponse(Created), ...problems } }),
    async (c) => c.json(await service.createPledge(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(deletePledge, async (c) => { await service.deleteCommitment(c.get('deps').db, actorOf(c), pledgeTable, c.req.valid('param').id); return c.json({ ok: true as const }, 200); })
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/match-funds', tags, description: 'Matching gifts and challenge funds with what each has matched under its cap.',
    request: { params: IdParam }, responses: { 200: jsonResponse(z.array(Any)), ...problems } }),
    async (c) => c.json(await service.listMatches(c.get('deps').db, actorOf(c), c.req.valid('param').id) as Record<string, unknown>[], 200))
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/match-funds', tags, request: { params: IdParam, ...jsonBody(MatchSchema) }, responses: { 201: jsonResponse(Created), ...problems } }),
    async (c) => c.json(await service.createMatch(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(deleteMatch, async (c) => { await service.deleteCommitment(c.get('deps').db, actorOf(c), matchTable, c.req.valid('param').id); return c.json({ ok: true as const }, 200); })
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/dues', tags, description: 'Dues invoices the space billed, paid and outstanding.',
    request: { params: IdParam, query: z.object({ period: z.string().max(40).optional() }) }, responses: { 200: jsonResponse(Any), ...problems } }),
    async (c) => c.json(await service.listDues(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('query').period) as unknown as Record<string, unknown>, 200))
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/dues', tags, description: 'Bills dues for a period: every active member organization of an alliance, or named memberships or contacts; once per payer and period.',
    request: { params: IdParam, ...jsonBody(DuesBillSchema) }, responses: { 201: jsonResponse(z.object({ billed: z.number(), alreadyBilled: z.number() })), ...problems } }),
    async (c) => c.json(await service.billDues(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/dues-owed', tags, description: 'Dues invoices alliances billed to this organization, paid and outstanding.',
    request: { params: IdParam }, responses: { 200: jsonResponse(Any), ...problems } }),
    async (c) => c.json(await service.duesOwed(c.get('deps').db, actorOf(c), c.req.valid('param').id) as unknown as Record<string, unknown>, 200))
  .openapi(createRoute({ method: 'put', path: '/dues-invoices/{id}/payment', tags, description: 'Records what was paid on an invoice and when (paidOn null: not paid).',
    request: { params: IdParam, ...jsonBody(DuesPaymentSchema) }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.payDues(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(deleteInvoice, async (c) => { await service.deleteCommitment(c.get('deps').db, actorOf(c), invoiceTable, c.req.valid('param').id); return c.json({ ok: true as const }, 200); });
