import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import { ConsentChoiceSchema, ConsentDefaultSchema, PersonConsentSchema, TokenParam } from './consent.schema.ts';
import * as service from './consent.service.ts';

const tags = ['consent'];
const Any = z.looseObject({});

export const consentRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/contacts/{id}/consent', tags, description: 'What the organization may do with this contact, purpose by purpose, and the history of changes.',
    request: { params: IdParam }, responses: { 200: jsonResponse(Any), ...problems } }),
    async (c) => c.json(await service.contactConsent(c.get('deps').db, actorOf(c), c.req.valid('param').id) as unknown as Record<string, unknown>, 200))
  .openapi(createRoute({ method: 'put', path: '/contacts/{id}/consent', tags, description: 'Records a choice for one purpose (as the organization heard it from the person).',
    request: { params: IdParam, ...jsonBody(ConsentChoiceSchema) }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.setContactConsent(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'post', path: '/contacts/{id}/consent-link', tags, description: "A link for the person to see what the organization holds and change what it may do (30 days).",
    request: { params: IdParam }, responses: { 201: jsonResponse(z.object({ token: z.string(), expiresAt: z.string() })), ...problems } }), async (c) => {
    const { db, box } = c.get('deps');
    return c.json(await service.consentLink(db, box, actorOf(c), c.req.valid('param').id), 201);
  })
  .openapi(createRoute({ method: 'delete', path: '/contacts/{id}/consent-links', tags, description: 'Withdraws every link given to this contact.',
    request: { params: IdParam }, responses: { 200: jsonResponse(z.object({ revoked: z.number() })), ...problems } }),
    async (c) => c.json(await service.revokeConsentLinks(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/consent-defaults', tags, description: "The organization's defaults where a contact has recorded no choice.",
    request: { params: IdParam }, responses: { 200: jsonResponse(z.object({ count_in_alliance: z.boolean(), overlap_matching: z.boolean() })), ...problems } }),
    async (c) => c.json(await service.consentDefaults(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'put', path: '/spaces/{id}/consent-defaults', tags, request: { params: IdParam, ...jsonBody(ConsentDefaultSchema) }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    const { purpose, granted } = c.req.valid('json');
    await service.setConsentDefault(c.get('deps').db, actorOf(c), c.req.valid('param').id, purpose, granted);
    return c.json({ ok: true as const }, 200);
  })
  // The person's own page: the link is the key (no account).
  .openapi(createRoute({ method: 'get', path: '/consent/{token}', tags, description: 'What an organization holds about the person whose link this is, and what it may do.',
    request: { params: TokenParam }, responses: { 200: jsonResponse(Any), ...problems } }), async (c) => {
    const { db, box } = c.get('deps');
    c.header('cache-control', 'no-store');
    return c.json(await service.personView(db, box, c.req.valid('param').token) as unknown as Record<string, unknown>, 200);
  })
  .openapi(createRoute({ method: 'put', path: '/consent/{token}', tags, description: 'The person changes what the organization may do.',
    request: { params: TokenParam, ...jsonBody(PersonConsentSchema) }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    const { db, box } = c.get('deps');
    await service.personUpdate(db, box, c.req.valid('param').token, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  });
