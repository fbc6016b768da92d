import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import { CampaignEventSchema, CampaignInputSchema } from './campaign.schema.ts';
import * as service from './campaign.service.ts';

const Anything = z.any().openapi('CampaignRecord');
const tags = ['campaigns'];
const withBody = <T extends z.ZodType>(schema: T) => ({ params: IdParam, ...jsonBody(schema) });

export const campaignRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/organizations/{id}/campaigns', tags, request: { params: IdParam }, responses: { 200: jsonResponse(Anything), ...problems } }), async (c) =>
    c.json(await service.listCampaigns(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'post', path: '/organizations/{id}/campaigns', tags, request: withBody(CampaignInputSchema), responses: { 201: jsonResponse(Anything), ...problems } }), async (c) =>
    c.json(await service.createCampaign(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'get', path: '/campaigns/{id}', tags, request: { params: IdParam }, responses: { 200: jsonResponse(Anything), ...problems } }), async (c) =>
    c.json(await service.getCampaign(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'put', path: '/campaigns/{id}', tags, request: withBody(CampaignInputSchema), responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.updateCampaign(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'post', path: '/campaigns/{id}/events', tags, request: withBody(CampaignEventSchema), responses: { 201: jsonResponse(Anything), ...problems } }), async (c) =>
    c.json(await service.recordEvent(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201));
