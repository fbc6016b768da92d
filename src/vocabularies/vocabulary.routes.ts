import { createRoute, z } from '@hono/zod-openapi';
import { listCounties, listStates } from '../areas/us-areas.ts';
import { VOCABULARY_KINDS } from '../orgs/organization.vocab.ts';
import { actorOf } from '../server/context.ts';
import { jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import * as service from './vocabulary.service.ts';

const Term = z.object({
  key: z.string().trim().min(1).max(60).regex(/^[a-z0-9_]+$/, 'use lowercase letters, digits and _'),
  en: z.string().trim().min(1, 'an English label is required').max(120),
  es: z.string().trim().min(1, 'a Spanish label is required').max(120),
}).openapi('VocabularyTerm');
const KindParam = z.object({ kind: z.enum(VOCABULARY_KINDS).openapi({ param: { name: 'kind', in: 'path' } }) });

// Lists every signed-in person needs to fill forms: vocabularies and US areas.
export const vocabularyRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/vocabularies', tags: ['vocabularies'],
    responses: { 200: jsonResponse(z.record(z.string(), z.array(Term))), 401: problems[401] } }), async (c) => {
    actorOf(c);
    return c.json(await service.getVocabularies(c.get('deps').db), 200);
  })
  .openapi(createRoute({ method: 'put', path: '/vocabularies/{kind}', tags: ['vocabularies'], request: { params: KindParam, ...jsonBody(z.object({ terms: z.array(Term).max(500) })) },
    responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.replaceVocabulary(c.get('deps').db, actorOf(c), c.req.valid('param').kind, c.req.valid('json').terms);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'get', path: '/areas/states', tags: ['areas'],
    responses: { 200: jsonResponse(z.array(z.object({ fips: z.string(), name: z.string(), postal: z.string() }))), 401: problems[401] } }), (c) => {
    actorOf(c);
    return c.json(listStates(), 200);
  })
  .openapi(createRoute({ method: 'get', path: '/areas/counties', tags: ['areas'],
    request: { query: z.object({ state: z.string().regex(/^\d{2}$/, 'a two-digit state FIPS code') }) },
    responses: { 200: jsonResponse(z.array(z.object({ fips: z.string(), name: z.string(), stateFips: z.string() }))), 401: problems[401], 422: problems[422] } }), (c) => {
    actorOf(c);
    return c.json(listCounties(c.req.valid('query').state), 200);
  });
